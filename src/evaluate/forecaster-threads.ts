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
 * The forecaster's forecasts of `jobs` (in fit-date order) on `threads` threads: this one and `threads − 1` workers
 * running the compiled `forecaster-thread.js` (from source, without a compiled script, everything runs here). Returns
 * a backtest model that answers from them.
 */
export async function forecastOnThreads(
  task: ForecasterTask,
  threads: number = availableParallelism(),
  workerScript?: URL,
): Promise<BacktestModel> {
  const fromSource = !import.meta.url.endsWith('.js') && workerScript === undefined;
  const count = fromSource ? 1 : Math.max(1, Math.min(threads, task.jobs.length));
  const shares = shareByFitDate(task.jobs, count);
  const script = workerScript ?? new URL('./forecaster-thread.js', import.meta.url);
  const [own, ...others] = shares.map((jobs) => ({ ...task, jobs }));
  const running = others.map((share) => runWorker(script, share));
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

function runWorker(script: URL, task: ForecasterTask): Promise<FixturePrediction[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    let result: FixturePrediction[] | null = null;
    worker.once('message', (forecasts: FixturePrediction[]) => (result = forecasts));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new MatchdayError('BACKTEST_FAILED', `forecaster thread exited with code ${code} and no result`));
    });
  });
}
