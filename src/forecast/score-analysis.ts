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
  if (topIndices.length < 4 * count) {
    topIndices = new Int32Array(4 * count);
    topValues = new Float64Array(4 * count);
  }
  // Four lists in the scratch buffers: overall, home win, draw, away win.
  topLengths.fill(0);
  for (let h = 0; h < size; h++) {
    const row = h * size;
    for (let a = 0; a < size; a++) {
      const index = row + a;
      const v = p[index];
      offer(OVERALL, count, index, v);
      offer(h > a ? HOME_WIN : h === a ? DRAW : AWAY_WIN, count, index, v);
    }
  }
  return {
    overall: toScorelines(OVERALL, count, p, size, scale),
    homeWin: toScorelines(HOME_WIN, count, p, size, scale),
    draw: toScorelines(DRAW, count, p, size, scale),
    awayWin: toScorelines(AWAY_WIN, count, p, size, scale),
  };
}

const OVERALL = 0;
const HOME_WIN = 1;
const DRAW = 2;
const AWAY_WIN = 3;

// Reused scratch for the four bounded lists (this runs once per fixture on the prediction hot path).
let topIndices = new Int32Array(32);
let topValues = new Float64Array(32);
const topLengths = new Int32Array(4);

/** Keeps list `list` sorted by insertion; strictly greater moves up, so an equal value stays behind the earlier cell. */
function offer(list: number, capacity: number, index: number, value: number): void {
  const base = list * capacity;
  const length = topLengths[list];
  if (length === capacity && !(value > topValues[base + capacity - 1])) return;
  let position = length < capacity ? length : capacity - 1;
  if (length < capacity) topLengths[list] = length + 1;
  while (position > 0 && value > topValues[base + position - 1]) {
    topIndices[base + position] = topIndices[base + position - 1];
    topValues[base + position] = topValues[base + position - 1];
    position--;
  }
  topIndices[base + position] = index;
  topValues[base + position] = value;
}

function toScorelines(list: number, capacity: number, p: Float64Array, size: number, scale: number): Scoreline[] {
  const out: Scoreline[] = [];
  const base = list * capacity;
  for (let i = 0; i < topLengths[list]; i++) {
    const index = topIndices[base + i];
    out.push({ home: Math.floor(index / size), away: index % size, probability: p[index] * scale });
  }
  return out;
}
