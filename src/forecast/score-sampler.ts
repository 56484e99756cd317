import { MatchdayError } from '../errors.js';
import { SeededRandom } from '../models/random.js';
import type { ScoreGrid } from '../models/score-grid.js';

/** Anything that yields uniforms on [0, 1): the project's SeededRandom, or a stub in tests. */
export interface UniformSource {
  uniform(): number;
}

/**
 * Draws scorelines from a grid in O(1) per draw (Walker/Vose alias method). Draws are conditional on the grid:
 * the truncated mass beyond maxGoals is never drawn, every cell keeps its probability relative to the others.
 */
export class ScoreSampler {
  readonly maxGoals: number;
  private readonly size: number;
  /** Probability of keeping column i rather than jumping to alias[i]. */
  private readonly keep: Float64Array;
  private readonly alias: Int32Array;

  constructor(grid: ScoreGrid) {
    const { p, maxGoals } = grid;
    const n = p.length;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      const v = p[i];
      if (!(v >= 0 && Number.isFinite(v))) {
        throw new MatchdayError('INVALID_GRID', `cell ${i} has probability ${v}`, { field: 'p' });
      }
      mass += v;
    }
    if (!(mass > 0)) throw new MatchdayError('INVALID_GRID', 'grid has no probability mass', { field: 'p' });

    this.maxGoals = maxGoals;
    this.size = maxGoals + 1;
    this.keep = new Float64Array(n);
    this.alias = new Int32Array(n);
    // Vose: scale to mean 1, pair each under-full column with an over-full one.
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (p[i] * n) / mass;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large[large.length - 1];
      this.keep[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) small.push(large.pop() as number);
    }
    // What remains is full up to rounding.
    for (const i of large) fillColumn(this.keep, this.alias, i);
    for (const i of small) fillColumn(this.keep, this.alias, i);
  }

  /** Index of the drawn cell: home · (maxGoals + 1) + away. Uses two uniforms. */
  sampleIndex(random: UniformSource): number {
    const column = Math.floor(random.uniform() * this.keep.length);
    return random.uniform() < this.keep[column] ? column : this.alias[column];
  }

  sample(random: UniformSource): { home: number; away: number } {
    const index = this.sampleIndex(random);
    return { home: Math.floor(index / this.size), away: index % this.size };
  }
}

/** `count` scorelines drawn from the grid with a fresh SeededRandom(seed): the same seed gives the same draws. */
export function sampleScorelines(grid: ScoreGrid, count: number, seed: number): { home: Int32Array; away: Int32Array } {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new MatchdayError('INVALID_ARGUMENT', `count must be a non-negative integer, got ${count}`, {
      field: 'count',
    });
  }
  const sampler = new ScoreSampler(grid);
  const random = new SeededRandom(seed);
  const size = grid.maxGoals + 1;
  const home = new Int32Array(count);
  const away = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const index = sampler.sampleIndex(random);
    home[k] = Math.floor(index / size);
    away[k] = index % size;
  }
  return { home, away };
}

function fillColumn(keep: Float64Array, alias: Int32Array, i: number): void {
  keep[i] = 1;
  alias[i] = i;
}
