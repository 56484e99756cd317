/**
 * A server worker thread (worker-pool.ts): opens the database read-only itself and runs the jobs it is sent, one
 * at a time, answering each with plain data or a WireError.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Dossier } from '../preview/dossier.js';
import { openDatabase } from '../store/database.js';
import { DatabaseWork } from './database-work.js';
import { toWireError, type JobMessage, type ResultMessage, type WorkerSetup } from './worker-pool.js';

/** Nice value of a worker thread: below the event loop's, so a cold bracket does not slow cached answers. */
const WORKER_NICE = 10;

// On Linux a thread's nice value is its own (elsewhere it is the whole process's: left alone there).
if (process.platform === 'linux') setPriority(WORKER_NICE);

const setup = workerData as WorkerSetup;
const work = new DatabaseWork(openDatabase(setup.file, { readonly: true }), {
  dossiers: setup.dossiers as Dossier[],
  modelCacheSize: setup.modelCacheSize,
});

parentPort!.on('message', (message: JobMessage) => {
  const answer = (result: Omit<ResultMessage, 'id'>) => parentPort!.postMessage({ id: message.id, ...result });
  work.run(message.kind, message.input as never).then(
    (output) => {
      try {
        answer({ output });
      } catch (error) {
        // A result that cannot cross threads (a function in it) is a bug, not a hung request.
        answer({ error: toWireError(error) });
      }
    },
    (error: unknown) => answer({ error: toWireError(error) }),
  );
});
