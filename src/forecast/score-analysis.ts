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
    throw new MatchdayError('INVALID_OPTION', `scoreline count must be a non-negative integer, got ${count}`, {
      field: 'topScorelines',
    });
  }
  const { p, maxGoals } = grid;
  const size = maxGoals + 1;
  if (topIndices.length < 3 * count) {
    topIndices = new Int32Array(3 * count);
    topValues = new Float64Array(3 * count);
  }
  // Three lists in the scratch buffers: home win, draw, away win.
  topLengths.fill(0);
  for (let h = 0; h < size; h++) {
    const row = h * size;
    for (let a = 0; a < size; a++) {
      const index = row + a;
      const v = p[index];
      offer(h > a ? HOME_WIN : h === a ? DRAW : AWAY_WIN, count, index, v);
    }
  }
  const homeWin = toScorelines(HOME_WIN, count, p, size, scale);
  const draw = toScorelines(DRAW, count, p, size, scale);
  const awayWin = toScorelines(AWAY_WIN, count, p, size, scale);
  // The overall top `count` lies within the three results' top `count`s: merge them.
  const overall: Scoreline[] = [];
  const lists = [homeWin, draw, awayWin];
  const heads = [0, 0, 0];
  while (overall.length < count) {
    let best = -1;
    for (let l = 0; l < 3; l++) {
      const candidate = lists[l][heads[l]];
      if (candidate !== undefined && (best < 0 || comesFirst(candidate, lists[best][heads[best]], size))) best = l;
    }
    if (best < 0) break;
    overall.push({ ...lists[best][heads[best]++] });
  }
  return { overall, homeWin, draw, awayWin };
}

/** More likely first; equal probabilities in grid order, as the single pass would leave them. */
function comesFirst(x: Scoreline, y: Scoreline, size: number): boolean {
  if (x.probability !== y.probability) return x.probability > y.probability;
  return x.home * size + x.away < y.home * size + y.away;
}

const HOME_WIN = 0;
const DRAW = 1;
const AWAY_WIN = 2;

// Reused scratch for the three bounded lists (this runs once per fixture on the prediction hot path).
let topIndices = new Int32Array(32);
let topValues = new Float64Array(32);
const topLengths = new Int32Array(3);

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
