/**
 * Worker-thread entry: waits for its share of a backtest's fit dates, fits and forecasts them and posts the
 * forecasts back (then, with nothing left to listen to, the thread ends).
 */
import { parentPort } from 'node:worker_threads';
import { runForecasterTask, type ForecasterTask } from './forecaster-threads.js';

parentPort!.once('message', (task: ForecasterTask) => parentPort!.postMessage(runForecasterTask(task)));
