/**
 * Each team's chance of reaching each remaining round and of winning a knockout competition: exact when every
 * pairing is fixed, a seeded Monte Carlo on worker threads when a draw is still to come.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MatchdayError } from '../errors.js';
import { exactBracket, type BracketProbabilities } from './bracket-exact.js';
import { checkBracketPlan, type BracketPlan } from './bracket-plan.js';
import {
  addCounts,
  emptyCounts,
  simulateTask,
  simulationChunks,
  type BracketCounts,
  type SimulationChunk,
} from './bracket-simulation.js';

export interface SimulationOptions {
  /** Simulated competitions. Default 100,000. */
  runs?: number;
  /** Default 1. The same seed and runs give the same counts whatever the number of threads. */
  seed?: number;
  /**
   * Worker threads; 0 simulates in this thread. Default: one per CPU — or 0 when this module runs as TypeScript
   * source (tsx, vitest), where a worker cannot load the `.ts` worker file.
   */
  threads?: number;
  /** The compiled worker script. Default: `bracket-simulation-worker.js` beside this module. */
  workerScript?: URL;
}

export const DEFAULT_SIMULATION_RUNS = 100_000;
export const DEFAULT_SIMULATION_SEED = 1;
/** Fixed, so that results for a seed do not depend on the thread count. */
const SIMULATION_CHUNKS = 64;

export interface SimulatedBracket extends BracketProbabilities {
  runs: number;
  seed: number;
  /** Worker threads used (0: in this thread). */
  threads: number;
  /** Largest standard error of any probability reported: √(p(1−p)/runs) at its worst p. */
  maxStandardError: number;
}

export type BracketForecast =
  ({ method: 'exact' } & BracketProbabilities) | ({ method: 'monte-carlo' } & SimulatedBracket);

/** Exact when every round is fixed; otherwise simulated. */
export async function forecastBracket(plan: BracketPlan, options: SimulationOptions = {}): Promise<BracketForecast> {
  if (plan.rounds.every((round) => round.pairing === 'fixed')) {
    const { reach, champion } = exactBracket(plan);
    return { method: 'exact', reach, champion };
  }
  return { method: 'monte-carlo', ...(await simulateBracket(plan, options)) };
}

export async function simulateBracket(plan: BracketPlan, options: SimulationOptions = {}): Promise<SimulatedBracket> {
  checkBracketPlan(plan);
  const runs = options.runs ?? DEFAULT_SIMULATION_RUNS;
  const seed = options.seed ?? DEFAULT_SIMULATION_SEED;
  if (!(Number.isInteger(runs) && runs > 0)) {
    throw new MatchdayError('BAD_OPTION', `simulation runs must be a positive whole number, got ${runs}`, {
      field: 'runs',
    });
  }
  const chunks = simulationChunks(seed, runs, Math.min(SIMULATION_CHUNKS, runs));
  const runningFromSource = !import.meta.url.endsWith('.js') && options.workerScript === undefined;
  const threads = Math.min(options.threads ?? (runningFromSource ? 0 : availableParallelism()), chunks.length);
  const counts =
    threads === 0
      ? simulateTask({ plan, chunks })
      : await simulateOnWorkers(
          plan,
          chunks,
          threads,
          options.workerScript ?? new URL('./bracket-simulation-worker.js', import.meta.url),
        );
  return { ...probabilitiesOf(counts, plan), runs, seed, threads, maxStandardError: 0.5 / Math.sqrt(runs) };
}

async function simulateOnWorkers(
  plan: BracketPlan,
  chunks: SimulationChunk[],
  threads: number,
  script: URL,
): Promise<BracketCounts> {
  // Thread i takes chunks i, i + threads, ...: an even share each.
  const shares = Array.from({ length: threads }, (_, i) => chunks.filter((_, c) => c % threads === i));
  const results = await Promise.all(shares.map((share) => runWorker(script, { plan, chunks: share })));
  const total = emptyCounts(plan);
  for (const counts of results) addCounts(total, counts);
  return total;
}

function runWorker(script: URL, task: { plan: BracketPlan; chunks: SimulationChunk[] }): Promise<BracketCounts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    let result: BracketCounts | null = null;
    worker.once('message', (counts: BracketCounts) => (result = counts));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new MatchdayError('SIMULATION_FAILED', `bracket worker exited with code ${code} and no result`));
    });
  });
}

function probabilitiesOf(counts: BracketCounts, plan: BracketPlan): BracketProbabilities {
  const n = plan.teamCount;
  return {
    reach: plan.rounds.map((_, r) =>
      Float64Array.from(counts.reach.subarray(r * n, (r + 1) * n), (c) => c / counts.runs),
    ),
    champion: Float64Array.from(counts.champion, (c) => c / counts.runs),
  };
}
