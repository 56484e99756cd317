import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MatchdayError } from '../errors.js';
import type { ForecasterConstants } from '../forecast/forecaster.js';
import { Forecasts } from '../forecast/forecasts.js';
import type { BacktestModel, FixturePrediction } from '../forecast/match-forecaster.js';
import { memoryForecastSource, type HistoryMatch } from '../history/forecast-history.js';
import { openDatabase, type Db } from '../store/database.js';
import { registryOf } from '../store/competition-store.js';
import { heldCompetitions, type ResultRow, type SeasonTotal, type TeamInfo } from '../store/match-queries.js';
import { refitSchedule } from './backtest.js';
import { olderTotalsScope, type BacktestData, type BacktestScope } from './backtest-input.js';
import { historyColumns, historyFromColumns, type HistoryColumns } from './history-columns.js';
import { readSeasonTotals, type OlderTotalsScope } from './older-totals.js';

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

/**
 * A task with the counter its threads share: each takes the next fit date from it until none is left, so a thread
 * that started late (a worker first receives the history) or drew costly dates simply takes fewer.
 */
export interface SharedForecasterTask extends ForecasterTask {
  /** One Int32 on a SharedArrayBuffer: the index of the next fit date to take (jobs of one date are contiguous). */
  nextFitDate: Int32Array;
}

/** The forecasts a thread made: each job's index in the task, and its forecast. */
interface ThreadForecasts {
  jobIndices: number[];
  forecasts: FixturePrediction[];
}

/** Runs fit dates of a shared task in this thread, taking them from the shared counter until none is left. */
export function runForecasterTask(task: SharedForecasterTask): ThreadForecasts {
  const db = openDatabase(task.dbFile, { readonly: true });
  try {
    const source = memoryForecastSource({
      matches: task.matches,
      olderTotals: new Map(task.olderTotals),
      teams: new Map(task.teams),
      registry: registryOf(db),
      held: new Set(heldCompetitions(db)),
    });
    const forecasts = new Forecasts(source, task.constants);
    const starts = fitDateStarts(task.jobs);
    const done: ThreadForecasts = { jobIndices: [], forecasts: [] };
    for (
      let date = Atomics.add(task.nextFitDate, 0, 1);
      date < starts.length;
      date = Atomics.add(task.nextFitDate, 0, 1)
    ) {
      const end = starts[date + 1] ?? task.jobs.length;
      for (let i = starts[date]; i < end; i++) {
        const { fixture, fitDate } = task.jobs[i];
        const outcome = forecasts.forecast(fixture, fitDate);
        done.jobIndices.push(i);
        done.forecasts.push(
          'skipped' in outcome ? outcome : { probabilities: outcome.probabilities, grid: outcome.grid },
        );
      }
    }
    return done;
  } finally {
    db.close();
  }
}

/** What a worker is asked: a backtest's older season totals (answered at once), or its task (answered last). */
export type ThreadRequest = { olderTotals: { dbFile: string; scope: OlderTotalsScope } } | { task: WorkerTask };

/** A shared task as a worker receives it: the history as columns (history-columns.ts). */
export interface WorkerTask extends Omit<SharedForecasterTask, 'matches'> {
  history: HistoryColumns;
}

/** A worker's forecasts of its task. */
export function workerForecasts({ history, ...task }: WorkerTask): { forecasts: ThreadForecasts } {
  return { forecasts: runForecasterTask({ ...task, matches: historyFromColumns(history) }) };
}

/** A worker's answer to a request. */
export type ThreadAnswer = { olderTotals: [string, SeasonTotal[]][] } | { forecasts: ThreadForecasts };

/** Index of the first job of each fit date (jobs come in fit-date order). */
function fitDateStarts(jobs: readonly { fitDate: string }[]): number[] {
  const starts: number[] = [];
  jobs.forEach((job, i) => {
    if (i === 0 || job.fitDate !== jobs[i - 1].fitDate) starts.push(i);
  });
  return starts;
}

/**
 * The forecaster's forecasts of a task's jobs (in fit-date order) on `threads` threads: this one and `threads − 1`
 * workers running the compiled `forecaster-thread.js` (from source, without a compiled script, everything runs
 * here). The workers start at once, so that they load their code while the caller reads the backtest's input, and
 * wait for their task; they do not keep the process alive until given one.
 */
export class ForecasterThreads {
  private readonly threads: Thread[];

  constructor(threads: number = availableParallelism(), workerScript?: URL) {
    const fromSource = !import.meta.url.endsWith('.js') && workerScript === undefined;
    const script = workerScript ?? new URL('./forecaster-thread.js', import.meta.url);
    const count = fromSource ? 0 : Math.max(0, Math.floor(threads) - 1);
    this.threads = Array.from({ length: count }, () => startThread(script));
  }

  /**
   * The older season totals of a backtest (backtest-input.ts readOlderTotals), read by the first worker while this
   * thread reads the rest of the input (loadBacktestInputWith); here, without workers. Before `forecast`.
   */
  readOlderTotals(db: Db, scope: BacktestScope): Promise<Map<string, SeasonTotal[]>> {
    const totalsScope = olderTotalsScope(db, scope);
    const first = this.threads[0];
    if (!first) return Promise.resolve(readSeasonTotals(db, totalsScope));
    first.worker.ref();
    first.worker.postMessage({ olderTotals: { dbFile: db.name, scope: totalsScope } } satisfies ThreadRequest);
    return first.olderTotals.then((totals) => {
      first.worker.unref();
      return new Map(totals);
    });
  }

  /** The task's forecasts, its fit dates taken one at a time by this thread and the workers (each worker takes one task only). */
  async forecast(task: ForecasterTask): Promise<BacktestModel> {
    const shared: SharedForecasterTask = { ...task, nextFitDate: new Int32Array(new SharedArrayBuffer(4)) };
    const { matches, ...rest } = shared;
    const workerTask: WorkerTask | null =
      this.threads.length > 0 ? { ...rest, history: historyColumns(matches) } : null;
    const running = this.threads.map(({ worker, result }) => {
      worker.ref();
      worker.postMessage({ task: workerTask! } satisfies ThreadRequest);
      return result;
    });
    const results = [runForecasterTask(shared), ...(await Promise.all(running))];
    const byMatch = new Map<string, FixturePrediction>();
    for (const { jobIndices, forecasts } of results) {
      jobIndices.forEach((i, k) => byMatch.set(`${task.jobs[i].fixture.id} ${task.jobs[i].fitDate}`, forecasts[k]));
    }
    return {
      forecast(fixture, fitDate) {
        const result = byMatch.get(`${(fixture as ResultRow).id} ${fitDate}`);
        if (!result) throw new Error(`no forecast of match ${(fixture as ResultRow).id} fitted on ${fitDate}`);
        return result;
      },
    };
  }
}

/**
 * A worker, the older season totals it posts back when asked and the forecasts it posts back last (each rejected if
 * it fails, or ends without them).
 */
interface Thread {
  worker: Worker;
  olderTotals: Promise<[string, SeasonTotal[]][]>;
  result: Promise<ThreadForecasts>;
}

function startThread(script: URL): Thread {
  const worker = new Worker(script);
  worker.unref();
  const ended = (code: number) =>
    new MatchdayError('BACKTEST_FAILED', `forecaster thread exited with code ${code} and no result`);
  const olderTotals = new Promise<[string, SeasonTotal[]][]>((resolve, reject) => {
    worker.on('message', (answer: ThreadAnswer) => {
      if ('olderTotals' in answer) resolve(answer.olderTotals);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(ended(code)));
  });
  const result = new Promise<ThreadForecasts>((resolve, reject) => {
    let forecasts: ThreadForecasts | null = null;
    worker.on('message', (answer: ThreadAnswer) => {
      if ('forecasts' in answer) forecasts = answer.forecasts;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (forecasts ? resolve(forecasts) : reject(ended(code))));
  });
  // A thread never asked ends without answers (it does not keep the process alive): nobody waits for them.
  olderTotals.catch(() => undefined);
  result.catch(() => undefined);
  return { worker, olderTotals, result };
}
