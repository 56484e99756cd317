import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Downloader, type Clock } from '../../src/sync/http-download.js';
import { mirrorUrl } from '../../src/sync/mirror.js';
import { testTempDir } from '../temp-dir.js';
import { SourceServer } from './source-server.js';

/** A clock whose sleeps are recorded and pass at once. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps };
}

describe('Downloader against a local server', () => {
  const server = new SourceServer();
  let base = '';
  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.close());
  const fast = (clock: Clock) => new Downloader({ clock, backoffMs: 100, politenessMs: 0, timeoutMs: 2_000 });

  it('downloads, then asks conditionally and transfers nothing while the file is unchanged', async () => {
    server.serve('/new/NOR.csv', 'one\ntwo\n');
    const target = path.join(testTempDir('dl'), 'NOR.csv');
    const downloader = fast(fakeClock().clock);
    const first = await downloader.download(`${base}/new/NOR.csv`, target, null);
    expect(first).toMatchObject({ status: 'downloaded', bytes: 8, attempts: 1 });
    if (first.status !== 'downloaded') throw new Error('not downloaded');
    expect(first.validators.etag).toMatch(/^"[0-9a-f]{16}"$/);
    const second = await downloader.download(`${base}/new/NOR.csv`, target, first.validators);
    expect(second).toEqual({ status: 'not-modified', attempts: 1 });
    expect(server.requestsOf('/new/NOR.csv').map((r) => [r.status, r.conditional])).toEqual([
      [200, false],
      [304, true],
    ]);
    // Last-Modified alone is enough for a server without ETags.
    const byDate = await downloader.download(`${base}/new/NOR.csv`, target, {
      etag: null,
      lastModified: first.validators.lastModified,
    });
    expect(byDate.status).toBe('not-modified');
    server.serve('/new/NOR.csv', 'one\ntwo\nthree\n');
    expect(await downloader.download(`${base}/new/NOR.csv`, target, first.validators)).toMatchObject({
      status: 'downloaded',
      bytes: 14,
    });
    expect(readFileSync(target, 'utf8')).toBe('one\ntwo\nthree\n');
  });

  it('retries a server error with doubling back-off, then succeeds', async () => {
    server.serve('/flaky.csv', 'a,b\n');
    server.fail('/flaky.csv', 'error', 'error');
    const { clock, sleeps } = fakeClock();
    const result = await fast(clock).download(`${base}/flaky.csv`, path.join(testTempDir('dl'), 'f.csv'), null);
    expect(result).toMatchObject({ status: 'downloaded', attempts: 3 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('waits as long as a busy server asks (Retry-After) before trying again', async () => {
    server.serve('/busy.csv', 'a,b\n');
    server.fail('/busy.csv', 'busy');
    const { clock, sleeps } = fakeClock();
    const result = await fast(clock).download(`${base}/busy.csv`, path.join(testTempDir('dl'), 'b.csv'), null);
    expect(result).toMatchObject({ status: 'downloaded', attempts: 2 });
    expect(sleeps).toEqual([2_000]);
  });

  it('reports a server error that persists after every attempt, and leaves the old file', async () => {
    const target = path.join(testTempDir('dl'), 'E0.csv');
    writeFileSync(target, 'good old file\n');
    server.fail('/down.csv', 'error', 'error', 'error', 'error');
    const { clock, sleeps } = fakeClock();
    const result = await fast(clock).download(`${base}/down.csv`, target, null);
    expect(result).toEqual({
      status: 'failed',
      error: 'HTTP 500 Internal Server Error (after 4 attempts)',
      unreachable: false,
      attempts: 4,
    });
    expect(sleeps).toEqual([100, 200, 400]);
    expect(readFileSync(target, 'utf8')).toBe('good old file\n');
  });

  it('never replaces a good file with a download cut short, and leaves no partial file behind', async () => {
    const dir = testTempDir('dl');
    const target = path.join(dir, 'E0.csv');
    writeFileSync(target, 'good old file\n');
    server.serve('/cut.csv', 'x'.repeat(200_000));
    server.fail('/cut.csv', 'cut', 'cut', 'cut', 'cut');
    const result = await fast(fakeClock().clock).download(`${base}/cut.csv`, target, null);
    expect(result).toMatchObject({ status: 'failed', unreachable: false, attempts: 4 });
    if (result.status === 'failed') expect(result.error).toMatch(/^download cut short/);
    expect(readFileSync(target, 'utf8')).toBe('good old file\n');
    expect(readdirSync(dir)).toEqual(['E0.csv']);
    // Cut once, whole the second time: the retry gets it.
    server.fail('/cut.csv', 'cut');
    expect(await fast(fakeClock().clock).download(`${base}/cut.csv`, target, null)).toMatchObject({
      status: 'downloaded',
      bytes: 200_000,
      attempts: 2,
    });
  });

  it('gives up an attempt that gets no answer in time', async () => {
    server.serve('/slow.csv', 'a\n');
    server.fail('/slow.csv', 'hang', 'hang');
    const downloader = new Downloader({ clock: fakeClock().clock, attempts: 2, backoffMs: 1, timeoutMs: 300 });
    const result = await downloader.download(`${base}/slow.csv`, path.join(testTempDir('dl'), 's.csv'), null);
    expect(result).toMatchObject({ status: 'failed', attempts: 2 });
    if (result.status === 'failed') expect(result.error).toBe('no answer within 0.3 s (after 2 attempts)');
  });

  it('says missing for a file the server does not have, without retrying', async () => {
    const result = await fast(fakeClock().clock).download(
      `${base}/mmz4281/9900/E0.csv`,
      path.join(testTempDir('dl'), 'x'),
      null,
    );
    expect(result).toEqual({ status: 'missing', httpStatus: 404, attempts: 1 });
  });

  it('waits between two requests to one host, not between hosts', async () => {
    server.serve('/a.csv', 'a\n');
    const { clock, sleeps } = fakeClock();
    const downloader = new Downloader({ clock, politenessMs: 1_500 });
    const dir = testTempDir('dl');
    await downloader.download(`${base}/a.csv`, path.join(dir, 'a1'), null);
    await downloader.download(`${base}/a.csv`, path.join(dir, 'a2'), null);
    // Another host name for the same server: no wait.
    await downloader.download(`${base.replace('127.0.0.1', 'localhost')}/a.csv`, path.join(dir, 'a3'), null);
    expect(sleeps).toEqual([1_500]);
  });

  it('fails at once, with the reason, for a host it could not reach (offline)', async () => {
    const closed = new SourceServer();
    const url = await closed.start();
    await closed.close();
    const { clock } = fakeClock();
    const downloader = new Downloader({ clock, backoffMs: 1, politenessMs: 0 });
    const first = await downloader.download(`${url}/a.csv`, path.join(testTempDir('dl'), 'a'), null);
    expect(first).toEqual({
      status: 'failed',
      error: 'ECONNREFUSED (after 4 attempts)',
      unreachable: true,
      attempts: 4,
    });
    const second = await downloader.download(`${url}/b.csv`, path.join(testTempDir('dl'), 'b'), null);
    expect(second).toEqual({
      status: 'failed',
      error: `cannot reach ${new URL(url).host}: ECONNREFUSED`,
      unreachable: true,
      attempts: 0,
    });
    expect(existsSync(path.join(testTempDir('dl'), 'a'))).toBe(false);
  });
});

describe('mirrorUrl', () => {
  it("replaces the scheme and host and keeps the path (and a mirror's own path prefix)", () => {
    expect(mirrorUrl('https://www.football-data.co.uk/mmz4281/2324/E0.csv', 'http://127.0.0.1:8080')).toBe(
      'http://127.0.0.1:8080/mmz4281/2324/E0.csv',
    );
    expect(
      mirrorUrl(
        'https://raw.githubusercontent.com/openfootball/champions-league/master/2023-24/el.txt',
        'https://proxy.example/files/',
      ),
    ).toBe('https://proxy.example/files/openfootball/champions-league/master/2023-24/el.txt');
    expect(mirrorUrl('https://www.football-data.co.uk/fixtures.csv', null)).toBe(
      'https://www.football-data.co.uk/fixtures.csv',
    );
  });
});
