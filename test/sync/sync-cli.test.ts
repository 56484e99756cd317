import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.js';
import { SourceServer } from './source-server.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const run = promisify(execFile);

async function matchday(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('matchday sync (compiled bin)', () => {
  const dir = tempDir('sync-cli');
  const db = path.join(dir, 'matchday.db');

  it('offline (MATCHDAY_MIRROR on a closed port): one line, exit 1, nothing changed', async () => {
    const closed = new SourceServer();
    const url = await closed.start();
    await closed.close();
    const args = ['sync', '--competitions', 'eng.1,uefa.el', '--seasons', '2023-24', '--today', '2024-03-01'];
    const result = await matchday([...args, '--retries', '0', '--delay', '0', '--db', db], { MATCHDAY_MIRROR: url });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error offline: ECONNREFUSED; nothing was downloaded and the database is as it was\n');
    expect(existsSync(path.join(dir, 'cache', 'sync-state.json'))).toBe(false);
  });

  it('a dry run lists the files and where they would go, fetching nothing', async () => {
    const args = ['sync', '--competitions', 'eng.1', '--seasons', '2023-24', '--today', '2024-03-01', '--dry-run'];
    const result = await matchday([...args, '--mirror', 'http://127.0.0.1:9', '--db', db, '--json']);
    expect(result.code).toBe(0);
    const files = JSON.parse(result.stdout).files;
    expect(
      files.map((f: { url: string; status: string; file: string }) => [f.url, f.status, path.relative(dir, f.file)]),
    ).toEqual([
      ['http://127.0.0.1:9/mmz4281/2324/E0.csv', 'planned', 'cache/www.football-data.co.uk/mmz4281/2324/E0.csv'],
      ['http://127.0.0.1:9/fixtures.csv', 'planned', 'cache/www.football-data.co.uk/fixtures.csv'],
    ]);
  });

  it('says which competitions to name on an empty database, and rejects a bad mirror', async () => {
    const empty = path.join(dir, 'empty.db');
    const none = await matchday(['sync', '--db', empty, '--dry-run']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('the database holds no competition with a public source yet');
    const bad = await matchday(['sync', '--competitions', 'eng.1', '--mirror', 'ftp://x', '--db', empty]);
    expect(bad.stderr).toContain('--mirror ftp://x must be an http or https URL');
  });
});
