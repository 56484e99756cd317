/** Worker-thread entry: fits and forecasts its share of a backtest's fit dates and posts the forecasts back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runForecasterTask, type ForecasterTask } from './forecaster-threads.js';

parentPort!.postMessage(runForecasterTask(workerData as ForecasterTask));
