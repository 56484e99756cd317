/**
 * Monte Carlo over a bracket, for rounds still to be drawn. Pure and deterministic for a seed: the work is cut into
 * chunks, each with its own seed taken from the master seed, so the result does not depend on how many threads
 * ran the chunks.
 */
import { SeededRandom } from '../models/random.js';
import { checkBracketPlan, pairProbability, roundSizes, type BracketPlan, type TieFormat } from './bracket-plan.js';

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
  const rounds = compileRounds(plan);
  const maxSize = Math.max(...rounds.map((round) => round.size));
  let winners = new Int32Array(maxSize / 2);
  let next = new Int32Array(maxSize / 2);
  const pool = new Int32Array(maxSize);
  const { reach, champion } = counts;

  for (let run = 0; run < chunk.runs; run++) {
    let winnerCount = 0;
    for (let r = 0; r < rounds.length; r++) {
      const round = rounds[r];
      // This round's teams in pairs: pool[2k] and pool[2k + 1] play tie k.
      if (round.fixed) {
        for (let i = 0; i < round.size; i++) {
          const side = round.sides[i];
          pool[i] = side >= 0 ? side : winners[-side - 1];
        }
      } else {
        shuffle(winners, winnerCount, random);
        if (round.entrants.length > 0) {
          // Seeded: winner k meets entrant k, and the entrant hosts the second leg (so the winner hosts the first).
          for (let k = 0; k < winnerCount; k++) {
            pool[2 * k] = winners[k];
            pool[2 * k + 1] = round.entrants[k];
          }
        } else {
          pool.set(winners.subarray(0, winnerCount));
        }
      }
      const reachRow = r * n;
      for (let k = 0; k < round.size / 2; k++) {
        const a = pool[2 * k];
        const b = pool[2 * k + 1];
        reach[reachRow + a]++;
        reach[reachRow + b]++;
        const given = round.given[k];
        const p = given >= 0 ? given : pairProbability(plan.odds, round.format, a, b, round.host[k]);
        next[k] = random.uniform() < p ? a : b;
      }
      winnerCount = round.size / 2;
      const swap = winners;
      winners = next;
      next = swap;
    }
    champion[winners[0]]++;
  }
  return counts;
}

/** A round laid out in typed arrays for the simulation's inner loop. */
interface CompiledRound {
  fixed: boolean;
  format: TieFormat;
  /** Teams in the round. */
  size: number;
  /** Fixed rounds: two per tie, a team index (≥ 0) or −(k + 1) for the winner of previous tie k. */
  sides: Int32Array;
  /** Per tie: the first leg's host side (0 or 1), or null when unknown. */
  host: (0 | 1 | null)[];
  /** Per tie: P(side 0 through) when given, else −1. */
  given: Float64Array;
  entrants: Int32Array;
}

function compileRounds(plan: BracketPlan): CompiledRound[] {
  const sizes = roundSizes(plan);
  return plan.rounds.map((round, r): CompiledRound => {
    const ties = sizes[r] / 2;
    if (round.pairing === 'draw') {
      return {
        fixed: false,
        format: round.format,
        size: sizes[r],
        sides: new Int32Array(0),
        // A seeded draw puts the winner (side 0) at home first; an open draw leaves the order to chance.
        host: Array.from({ length: ties }, () => (round.entrants.length > 0 ? 0 : null)),
        given: new Float64Array(ties).fill(-1),
        entrants: Int32Array.from(round.entrants),
      };
    }
    return {
      fixed: true,
      format: round.format,
      size: sizes[r],
      sides: Int32Array.from(
        round.ties.flatMap((tie) => tie.sides.map((s) => ('team' in s ? s.team : -s.winnerOf - 1))),
      ),
      host: round.ties.map((tie) => tie.firstLegHost),
      given: Float64Array.from(round.ties, (tie) => tie.sideZeroThrough ?? -1),
      entrants: new Int32Array(0),
    };
  });
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
