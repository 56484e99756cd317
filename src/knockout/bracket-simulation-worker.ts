/** Worker-thread entry: runs its share of a bracket simulation and posts the counts back. */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateTask, type SimulationTask } from './bracket-simulation.js';

parentPort!.postMessage(simulateTask(workerData as SimulationTask));
