/**
 * Worker-thread entry: waits for a backtest's task, fits and forecasts the fit dates it takes from the shared
 * counter and posts the forecasts back (then, with nothing left to listen to, the thread ends).
 */
import { parentPort } from 'node:worker_threads';
import { runForecasterTask, type SharedForecasterTask } from './forecaster-threads.js';

parentPort!.once('message', (task: SharedForecasterTask) => parentPort!.postMessage(runForecasterTask(task)));
