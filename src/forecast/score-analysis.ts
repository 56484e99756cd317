import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from '../models/score-grid.js';

export interface Scoreline {
  home: number;
  away: number;
  probability: number;
}

/** The most likely scorelines overall and within each result: what a preview's "score analysis" shows. */
export interface ScoreAnalysis {
  overall: Scoreline[];
  homeWin: Scoreline[];
  draw: Scoreline[];
  awayWin: Scoreline[];
}

/**
 * Top `count` scorelines of the grid, overall and per result, most likely first. Equal probabilities keep grid
 * order (fewer home goals first). Probabilities are multiplied by `scale` (1, or 1 / mass to condition on the grid).
 */
export function scoreAnalysis(grid: ScoreGrid, count = 5, scale = 1): ScoreAnalysis {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new MatchdayError('invalid-option', `scoreline count must be a non-negative integer, got ${count}`, {
      field: 'topScorelines',
    });
  }
  const { p, maxGoals } = grid;
  const size = maxGoals + 1;
  const overall = new TopCells(count);
  const homeWin = new TopCells(count);
  const draw = new TopCells(count);
  const awayWin = new TopCells(count);
  for (let h = 0; h < size; h++) {
    const row = h * size;
    for (let a = 0; a < size; a++) {
      const index = row + a;
      const v = p[index];
      overall.offer(index, v);
      if (h > a) homeWin.offer(index, v);
      else if (h === a) draw.offer(index, v);
      else awayWin.offer(index, v);
    }
  }
  return {
    overall: overall.toScorelines(p, size, scale),
    homeWin: homeWin.toScorelines(p, size, scale),
    draw: draw.toScorelines(p, size, scale),
    awayWin: awayWin.toScorelines(p, size, scale),
  };
}

/** A bounded list of the best cells seen so far, kept sorted by insertion (the lists are short). */
class TopCells {
  private readonly indices: Int32Array;
  private readonly values: Float64Array;
  private length = 0;

  constructor(private readonly capacity: number) {
    this.indices = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  offer(index: number, value: number): void {
    const { capacity, indices, values } = this;
    if (this.length === capacity && !(value > values[capacity - 1])) return;
    let position = this.length < capacity ? this.length++ : capacity - 1;
    // Strictly greater moves up, so an equal value stays behind the earlier cell.
    while (position > 0 && value > values[position - 1]) {
      indices[position] = indices[position - 1];
      values[position] = values[position - 1];
      position--;
    }
    indices[position] = index;
    values[position] = value;
  }

  toScorelines(p: Float64Array, size: number, scale: number): Scoreline[] {
    const out: Scoreline[] = [];
    for (let i = 0; i < this.length; i++) {
      const index = this.indices[i];
      out.push({ home: Math.floor(index / size), away: index % size, probability: p[index] * scale });
    }
    return out;
  }
}
