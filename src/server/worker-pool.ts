import { Worker } from 'node:worker_threads';
import { MatchdayError, systemErrorOf, type ErrorCode, type ErrorLocation } from '../errors.js';
import type { JobInput, JobKind, JobOutput, JobRunner } from './database-work.js';

/** What the server hands each worker: it opens the database file read-only itself. */
export interface WorkerSetup {
  file: string;
  dossiers: readonly unknown[];
  modelCacheSize: number;
}

export interface JobMessage {
  id: number;
  kind: JobKind;
  input: unknown;
}

export type ResultMessage = { id: number; output: unknown } | { id: number; error: WireError };

/** An error as it crosses threads: a MatchdayError keeps its code and location, anything else is a bug. */
export type WireError =
  | { kind: 'matchday'; code: ErrorCode; message: string; location: ErrorLocation }
  | { kind: 'internal'; message: string };

export function toWireError(error: unknown): WireError {
  const known = error instanceof MatchdayError ? error : systemErrorOf(error);
  if (known) return { kind: 'matchday', code: known.code, message: known.message, location: known.location };
  return { kind: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

export function fromWireError(wire: WireError): Error {
  if (wire.kind === 'internal') return new Error(`server worker: ${wire.message}`);
  // The message already names the location: an empty location keeps the constructor from naming it twice.
  return Object.assign(new MatchdayError(wire.code, wire.message), { location: wire.location });
}

/** Workers that may die one after another, with no answer between, before the pool stops replacing them. */
const MAX_DEATHS_IN_A_ROW = 3;

interface PendingJob {
  message: JobMessage;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  job: PendingJob | null;
}

/**
 * Worker threads that run the server's heavy jobs (server-worker.ts) so the event loop only routes and serves
 * caches. A job waits for the first free worker; a worker that dies rejects its job and is replaced. Workers do
 * not keep the process alive: when the server stops listening, the process ends.
 */
export class WorkerPool implements JobRunner {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: PendingJob[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that died since the last answer: a worker that cannot start (an unreadable database) is not restarted for ever. */
  private deathsInARow = 0;
  private lastDeath = '';

  constructor(
    private readonly script: URL,
    private readonly setup: WorkerSetup,
    readonly size: number,
  ) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`worker pool size ${size}`);
    for (let i = 0; i < size; i++) this.workers.push(this.start());
  }

  /** Jobs waiting for a free worker. */
  get waiting(): number {
    return this.queue.length;
  }

  run<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
    if (this.workers.length === 0 && !this.closed) {
      return Promise.reject(new Error(`server workers keep failing: ${this.lastDeath}`));
    }
    if (this.closed) return Promise.reject(new MatchdayError('SERVER_CLOSED', 'the server is shutting down'));
    return new Promise<JobOutput<K>>((resolve, reject) => {
      this.queue.push({
        message: { id: this.nextId++, kind, input },
        resolve: resolve as (output: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new MatchdayError('SERVER_CLOSED', 'the server is shutting down');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const workers = this.workers.splice(0);
    for (const w of workers) w.job?.reject(stopped);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private start(): PoolWorker {
    const worker = new Worker(this.script, { workerData: this.setup });
    const entry: PoolWorker = { worker, job: null };
    worker.on('message', (message: ResultMessage) => {
      const job = entry.job;
      if (!job || job.message.id !== message.id) return;
      entry.job = null;
      this.deathsInARow = 0;
      if ('error' in message) job.reject(fromWireError(message.error));
      else job.resolve(message.output);
      this.dispatch();
    });
    const fail = (error: Error) => {
      const index = this.workers.indexOf(entry);
      if (index < 0) return;
      const stopped = new Error(`server worker stopped: ${error.message}`);
      this.lastDeath = error.message;
      entry.job?.reject(stopped);
      entry.job = null;
      if (this.closed) return;
      if (++this.deathsInARow > MAX_DEATHS_IN_A_ROW) {
        this.workers.splice(index, 1);
        if (this.workers.length === 0) for (const job of this.queue.splice(0)) job.reject(stopped);
        return;
      }
      this.workers[index] = this.start();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // After the listeners: adding a 'message' listener takes a reference again.
    worker.unref();
    return entry;
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (this.queue.length === 0) return;
      if (entry.job) continue;
      entry.job = this.queue.shift()!;
      entry.worker.postMessage(entry.job.message);
    }
  }
}
