/**
 * Worker-thread entry: answers a request for a backtest's older season totals, if one comes first; then waits for
 * the backtest's task, fits and forecasts the fit dates it takes from the shared counter and posts the forecasts
 * back (then, with nothing left to listen to, the thread ends).
 */
import { parentPort } from 'node:worker_threads';
import { olderTotalsAnswer, workerForecasts, type ThreadRequest } from './forecaster-threads.js';

function answer(request: ThreadRequest): void {
  if ('task' in request) {
    parentPort!.postMessage(workerForecasts(request.task));
    return;
  }
  parentPort!.postMessage(olderTotalsAnswer(request.olderTotals));
  parentPort!.once('message', answer);
}

parentPort!.once('message', answer);
