import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { listTeams } from '../../src/store/match-queries.js';
import { describeWithSharedData } from '../shared-data.js';
import { smallLeagueDatabase } from './small-league.js';

const root = path.resolve(import.meta.dirname, '../..');
// Workers run compiled JavaScript: the test setup builds dist/ as `npm run build` does.
const workerScript = pathToFileURL(path.join(root, 'dist/server/server-worker.js'));

const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as unknown });

describe('server work on worker threads', () => {
  const { db, file } = smallLeagueDatabase();
  const onWorkers = new ServerContext({ db, today: () => '2024-03-01', workers: 1, workerScript });
  const onThisThread = new ServerContext({ db, today: () => '2024-03-01', workers: 0 });
  const apps = [createApp(onWorkers), createApp(onThisThread)];
  afterAll(async () => {
    await onWorkers.close();
    db.close();
  });

  it('answers as the server thread does: forecasts, and errors with the same one line and status', async () => {
    for (const url of [
      '/api/predict?home=Alpha&away=Beta&date=2024-02-01',
      '/api/predict?home=Alpha&away=Beta&date=2030-01-01',
      '/api/predict?home=Alpha&away=Beta&date=2024-02-01&model=dixon-coles&xi=0',
      '/api/bracket?competition=eng.1&season=2023-24',
    ]) {
      const [worker, inline] = await Promise.all(apps.map(async (app) => answer(await app.request(url))));
      expect(worker, url).toEqual(inline);
    }
    const late = await answer(await apps[0].request('/api/predict?home=Alpha&away=Beta&date=2030-01-01'));
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: { code: 'DATE_AFTER_DATA', parameter: 'date' } });
    const league = await answer(await apps[0].request('/api/bracket?competition=eng.1&season=2023-24'));
    expect(league).toEqual({
      status: 404,
      body: {
        error: {
          code: 'NO_BRACKET',
          message: 'field competition: eng.1 is a league: it has no bracket',
          parameter: 'competition',
        },
      },
    });
  });

  it('answers 503 in one line when a request outlasts its time budget; the job goes on and the retry gets it', async () => {
    const hurried = new ServerContext({ db, today: () => '2024-03-01', workers: 1, workerScript, requestBudgetMs: 1 });
    try {
      const hurriedApp = createApp(hurried);
      const url = '/api/predict?home=Alpha&away=Beta&date=2024-02-03';
      expect(await answer(await hurriedApp.request(url))).toEqual({
        status: 503,
        body: {
          error: {
            code: 'REQUEST_TIMEOUT',
            message: 'no answer within 0.001 s; the work goes on — ask again shortly',
          },
        },
      });
      // The fit finishes on the worker and is kept: the same request, with time to answer, gets the forecast.
      const patient = createApp(new ServerContext({ db, today: () => '2024-03-01', workers: 0 }));
      const inline = await answer(await patient.request(url));
      let retried = await answer(await hurriedApp.request(url));
      for (let attempt = 0; retried.status === 503 && attempt < 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        retried = await answer(await hurriedApp.request(url));
      }
      expect(retried).toEqual(inline);
    } finally {
      await hurried.close();
    }
  });

  it('runs identical requests in flight as one job', async () => {
    const fresh = new ServerContext({ db, today: () => '2024-03-01', workers: 1, workerScript });
    try {
      const request = {
        home: { teamId: listTeams(db)[0].id, name: 'Alpha' },
        away: { teamId: listTeams(db)[1].id, name: 'Beta' },
        date: '2024-02-02',
        neutral: false,
      };
      const [a, b] = [fresh.work.forecast(request), fresh.work.forecast(request)];
      expect(a).toBe(b);
      expect((await a).markets.result.home).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  it('stops its workers when the server closes: jobs after are refused', async () => {
    const closing = new ServerContext({ db, today: () => '2024-03-01', workers: 1, workerScript });
    await closing.close();
    const response = await createApp(closing).request('/api/predict?home=Alpha&away=Beta&date=2024-02-03');
    expect(await answer(response)).toEqual({
      status: 503,
      body: { error: { code: 'SERVER_CLOSED', message: 'the server is shutting down' } },
    });
  });

  it('`matchday serve` ends on SIGTERM once its workers have worked (no hanging process)', async () => {
    const server = spawn(
      process.execPath,
      [path.join(root, 'dist/cli/main.js'), 'serve', '--port', '0', '--db', file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const address = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (address) resolve(address[1]);
      });
      server.once('exit', () => reject(new Error(`server exited: ${output}`)));
    });
    const response = await fetch(`${base}/api/predict?home=Alpha&away=Beta&date=2024-02-01`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    server.kill('SIGTERM');
    // The test's timeout is the failure: a worker holding the process open never exits.
    expect(await exited).toBe(0);
  });
});

describeWithSharedData('server workers over the shared data', () => {
  const db = openDatabase(inject('sharedDb'), { readonly: true });
  const server = new ServerContext({ db, today: () => '2024-04-18', workers: 1, workerScript });
  const app = createApp(server);
  afterAll(async () => {
    await server.close();
    db.close();
  });

  it('prices /api/tie on a worker as the server thread does', async () => {
    const inline = createApp(new ServerContext({ db, today: () => '2024-04-18', workers: 0 }));
    const url = '/api/tie?home=Atalanta&away=Liverpool&firstLeg=0-3&date=2024-04-18&competition=uefa.el';
    const [worker, here] = await Promise.all([app, inline].map(async (a) => answer(await a.request(url))));
    expect(worker.status).toBe(200);
    expect(worker).toEqual(here);
  });

  it('a cached predict answers again and again while a cold bracket is being priced', async () => {
    const predict = '/api/predict?home=Atalanta&away=Liverpool&date=2024-04-18';
    expect((await app.request(predict)).status).toBe(200);
    let bracketDone = false;
    const bracket = Promise.resolve(
      app.request('/api/bracket?competition=uefa.el&season=2023-24&asOf=2024-03-07'),
    ).then((r) => {
      bracketDone = true;
      return r;
    });
    let answeredMeanwhile = 0;
    while (!bracketDone && answeredMeanwhile < 20) {
      const response = await app.request(predict);
      await response.arrayBuffer();
      if (response.status === 200 && !bracketDone) answeredMeanwhile++;
      // A turn of the event loop between requests, as between a real server's connections.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(answeredMeanwhile).toBe(20);
    expect(bracketDone).toBe(false);
    expect((await bracket).status).toBe(200);
  });
});
