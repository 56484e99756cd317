/**
 * Worker-thread entry: answers a request for a backtest's older season totals, if one comes first; then waits for
 * the backtest's task, fits and forecasts the fit dates it takes from the shared counter and posts the forecasts
 * back (then, with nothing left to listen to, the thread ends).
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadAnswer, ThreadRequest } from './forecaster-threads.js';
import { seasonTotalsFromFile } from './older-totals.js';

// The forecasting code loads while the thread reads the older totals, which need the store only.
const forecasting = import('./forecaster-threads.js');

async function answer(request: ThreadRequest): Promise<void> {
  if ('task' in request) {
    const { workerForecasts } = await forecasting;
    parentPort!.postMessage(workerForecasts(request.task) satisfies ThreadAnswer);
    return;
  }
  const { dbFile, scope } = request.olderTotals;
  parentPort!.postMessage({ olderTotals: seasonTotalsFromFile(dbFile, scope) } satisfies ThreadAnswer);
  parentPort!.once('message', (next: ThreadRequest) => void answer(next));
}

parentPort!.once('message', (request: ThreadRequest) => void answer(request));
