/**
 * Monte Carlo over a bracket, for rounds still to be drawn. Pure and deterministic for a seed: the work is cut into
 * chunks, each with its own seed taken from the master seed, so the result does not depend on how many threads
 * ran the chunks.
 */
import { SeededRandom } from '../models/random.js';
import { checkBracketPlan, pairProbability, roundSizes, type BracketPlan } from './bracket-plan.js';

/** Raw tallies: reach[r * teamCount + team] = runs in which the team played in round r. */
export interface BracketCounts {
  runs: number;
  reach: Float64Array;
  champion: Float64Array;
}

export interface SimulationChunk {
  seed: number;
  runs: number;
}

/** A worker's job: the plan and the chunks it runs. */
export interface SimulationTask {
  plan: BracketPlan;
  chunks: SimulationChunk[];
}

/** Splits `runs` into `chunkCount` chunks (sizes differing by at most one) with seeds drawn from `seed`. */
export function simulationChunks(seed: number, runs: number, chunkCount: number): SimulationChunk[] {
  const seeds = new SeededRandom(seed);
  const base = Math.floor(runs / chunkCount);
  return Array.from({ length: chunkCount }, (_, i) => ({
    seed: seeds.nextUint32(),
    runs: base + (i < runs % chunkCount ? 1 : 0),
  }));
}

export function emptyCounts(plan: BracketPlan): BracketCounts {
  return {
    runs: 0,
    reach: new Float64Array(plan.rounds.length * plan.teamCount),
    champion: new Float64Array(plan.teamCount),
  };
}

/** Adds `more` into `total` (counts are whole numbers, so the order of additions does not matter). */
export function addCounts(total: BracketCounts, more: BracketCounts): void {
  total.runs += more.runs;
  for (let i = 0; i < total.reach.length; i++) total.reach[i] += more.reach[i];
  for (let i = 0; i < total.champion.length; i++) total.champion[i] += more.champion[i];
}

export function simulateTask(task: SimulationTask): BracketCounts {
  checkBracketPlan(task.plan);
  const total = emptyCounts(task.plan);
  for (const chunk of task.chunks) addCounts(total, simulateChunk(task.plan, chunk));
  return total;
}

/** Plays the bracket `chunk.runs` times. */
export function simulateChunk(plan: BracketPlan, chunk: SimulationChunk): BracketCounts {
  const n = plan.teamCount;
  const counts = emptyCounts(plan);
  counts.runs = chunk.runs;
  const random = new SeededRandom(chunk.seed);
  const sizes = roundSizes(plan);
  const maxSize = Math.max(...sizes);
  let winners = new Int32Array(maxSize / 2);
  let next = new Int32Array(maxSize / 2);
  const pool = new Int32Array(maxSize);

  for (let run = 0; run < chunk.runs; run++) {
    let winnerCount = 0;
    plan.rounds.forEach((round, r) => {
      const reachRow = r * n;
      // Teams of this round in pairs: pool[2k], pool[2k+1] play tie k.
      if (round.pairing === 'fixed') {
        round.ties.forEach((tie, k) => {
          const [a, b] = tie.sides.map((side) => ('team' in side ? side.team : winners[side.winnerOf]));
          pool[2 * k] = a;
          pool[2 * k + 1] = b;
          counts.reach[reachRow + a]++;
          counts.reach[reachRow + b]++;
          const p = tie.sideZeroThrough ?? pairProbability(plan.odds, round.format, a, b, tie.firstLegHost);
          next[k] = random.uniform() < p ? a : b;
        });
      } else {
        const entrants = round.entrants;
        shuffle(winners, winnerCount, random);
        let size = 0;
        let host: 0 | null = null;
        if (entrants.length > 0) {
          // Seeded: winner k meets entrant k, and the entrant hosts the second leg (so the winner hosts the first).
          for (let k = 0; k < winnerCount; k++) {
            pool[size++] = winners[k];
            pool[size++] = entrants[k];
          }
          host = 0;
        } else {
          for (let k = 0; k < winnerCount; k++) pool[size++] = winners[k];
        }
        for (let k = 0; k < size / 2; k++) {
          const a = pool[2 * k];
          const b = pool[2 * k + 1];
          counts.reach[reachRow + a]++;
          counts.reach[reachRow + b]++;
          const p = pairProbability(plan.odds, round.format, a, b, host);
          next[k] = random.uniform() < p ? a : b;
        }
      }
      winnerCount = sizes[r] / 2;
      [winners, next] = [next, winners];
    });
    counts.champion[winners[0]]++;
  }
  return counts;
}

/** Fisher–Yates on the first `count` entries. */
function shuffle(values: Int32Array, count: number, random: SeededRandom): void {
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    const swap = values[i];
    values[i] = values[j];
    values[j] = swap;
  }
}
