import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MatchdayError } from '../errors.js';
import type { ForecasterConstants } from '../forecast/forecaster.js';
import { Forecasts } from '../forecast/forecasts.js';
import type { BacktestModel, FixturePrediction } from '../forecast/match-forecaster.js';
import { memoryForecastSource, type HistoryMatch } from '../history/forecast-history.js';
import { openDatabase } from '../store/database.js';
import { registryOf } from '../store/competition-store.js';
import { heldCompetitions, type ResultRow, type SeasonTotal, type TeamInfo } from '../store/match-queries.js';
import { refitSchedule } from './backtest.js';
import type { BacktestData } from './backtest-input.js';

/**
 * The forecaster's backtest on several threads. Its fits carry nothing from one fit date to the next, so the fit
 * dates can be shared out: each thread takes whole fit dates, fits and forecasts them exactly as one thread would,
 * and the forecasts are the same to the last bit whatever the number of threads (a test checks it).
 */
export interface ForecasterTask {
  /** The database the history was read from: a thread reads the registry and the competitions held from it. */
  dbFile: string;
  matches: HistoryMatch[];
  olderTotals: [string, SeasonTotal[]][];
  teams: [number, TeamInfo][];
  constants: ForecasterConstants;
  jobs: { fixture: ResultRow; fitDate: string }[];
}

/** The task of a backtest's fixtures on the history it read: every fixture with its fit date (refitSchedule). */
export function forecasterTask(
  dbFile: string,
  data: BacktestData,
  constants: ForecasterConstants,
  refitDays: number,
): ForecasterTask {
  const fitDates = refitSchedule(
    data.fixtures.map((f) => f.match.date),
    refitDays,
  );
  return {
    dbFile,
    matches: data.history,
    olderTotals: [...data.olderTotals],
    teams: [...data.teams],
    constants,
    jobs: data.fixtures.map((f, i) => ({ fixture: f.match, fitDate: fitDates[i] })),
  };
}

/** Runs a task's jobs in this thread: the forecast of each, in order. */
export function runForecasterTask(task: ForecasterTask): FixturePrediction[] {
  const db = openDatabase(task.dbFile, { readonly: true });
  let forecasts: Forecasts;
  try {
    const source = memoryForecastSource({
      matches: task.matches,
      olderTotals: new Map(task.olderTotals),
      teams: new Map(task.teams),
      registry: registryOf(db),
      held: new Set(heldCompetitions(db)),
    });
    forecasts = new Forecasts(source, task.constants);
    return task.jobs.map(({ fixture, fitDate }) => {
      const outcome = forecasts.forecast(fixture, fitDate);
      return 'skipped' in outcome ? outcome : { probabilities: outcome.probabilities, grid: outcome.grid };
    });
  } finally {
    db.close();
  }
}

/**
 * The forecaster's forecasts of a task's jobs (in fit-date order) on `threads` threads: this one and `threads − 1`
 * workers running the compiled `forecaster-thread.js` (from source, without a compiled script, everything runs
 * here). The workers start at once, so that they load their code while the caller reads the backtest's input, and
 * wait for their share; they do not keep the process alive until given one.
 */
export class ForecasterThreads {
  private readonly threads: Thread[];

  constructor(threads: number = availableParallelism(), workerScript?: URL) {
    const fromSource = !import.meta.url.endsWith('.js') && workerScript === undefined;
    const script = workerScript ?? new URL('./forecaster-thread.js', import.meta.url);
    const count = fromSource ? 0 : Math.max(0, Math.floor(threads) - 1);
    this.threads = Array.from({ length: count }, () => startThread(script));
  }

  /** The task's forecasts, shared between this thread and the workers (each worker takes one task only). */
  async forecast(task: ForecasterTask): Promise<BacktestModel> {
    const shares = shareByFitDate(task.jobs, Math.min(this.threads.length + 1, Math.max(1, task.jobs.length)));
    const [own, ...others] = shares.map((jobs) => ({ ...task, jobs }));
    const running = others.map((share, t) => {
      const { worker, result } = this.threads[t];
      worker.ref();
      worker.postMessage(share);
      return result;
    });
    for (const idle of this.threads.slice(others.length)) void idle.worker.terminate();
    const results = [runForecasterTask(own), ...(await Promise.all(running))];
    const byMatch = new Map(
      shares.flatMap((jobs, s) => jobs.map((job, i) => [`${job.fixture.id} ${job.fitDate}`, results[s][i]] as const)),
    );
    return {
      forecast(fixture, fitDate) {
        const result = byMatch.get(`${(fixture as ResultRow).id} ${fitDate}`);
        if (!result) throw new Error(`no forecast of match ${(fixture as ResultRow).id} fitted on ${fitDate}`);
        return result;
      },
    };
  }
}

/** A worker and the forecasts it posts back (rejected if it fails, or ends without them). */
interface Thread {
  worker: Worker;
  result: Promise<FixturePrediction[]>;
}

function startThread(script: URL): Thread {
  const worker = new Worker(script);
  worker.unref();
  const result = new Promise<FixturePrediction[]>((resolve, reject) => {
    let forecasts: FixturePrediction[] | null = null;
    worker.once('message', (posted: FixturePrediction[]) => (forecasts = posted));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (forecasts) resolve(forecasts);
      else reject(new MatchdayError('BACKTEST_FAILED', `forecaster thread exited with code ${code} and no result`));
    });
  });
  // A thread never given a share is ended without result: nobody waits for it.
  result.catch(() => undefined);
  return { worker, result };
}

/**
 * The fit dates dealt out in turn, each with all its jobs: dates differ in cost (how many scopes play, how long
 * their windows are), and contiguous runs of them left one thread working alone at the end.
 */
function shareByFitDate<J extends { fitDate: string }>(jobs: J[], count: number): J[][] {
  const shares: J[][] = Array.from({ length: count }, () => []);
  let date = -1;
  jobs.forEach((job, i) => {
    if (i === 0 || job.fitDate !== jobs[i - 1].fitDate) date++;
    shares[date % count].push(job);
  });
  return shares.filter((s) => s.length > 0);
}
