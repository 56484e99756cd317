import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { IntegerDistribution } from './line-settlement.js';

/**
 * Everything the markets need from one pass over a score grid. Probabilities are the grid's own (summing to
 * `mass`) or, with `scale = 1 / mass`, conditional on the score lying inside the grid.
 */
export interface GridSummary {
  /** Σp over the grid as given (before any scaling). */
  readonly mass: number;
  /** What the reported probabilities sum to: `mass`, or 1 when normalised. */
  readonly total: number;
  readonly homeWin: number;
  readonly draw: number;
  readonly awayWin: number;
  /** Both sides score at least once. */
  readonly bothScore: number;
  /** Neither side scores, or only one does (computed directly, not as total − bothScore). */
  readonly notBothScore: number;
  /** Home wins with the away side on 0; away wins with the home side on 0. */
  readonly homeWinToNil: number;
  readonly awayWinToNil: number;
  /** Σ goals·p over the grid (truncated expectation). */
  readonly homeGoalsMean: number;
  readonly awayGoalsMean: number;
  readonly homeGoals: IntegerDistribution;
  readonly awayGoals: IntegerDistribution;
  readonly totalGoals: IntegerDistribution;
  /** Home goals minus away goals, from −maxGoals to +maxGoals. */
  readonly goalDifference: IntegerDistribution;
}

/** One pass over the grid; checks every cell (a NaN or negative cell is a bug upstream, so it throws). */
export function summariseGrid(grid: ScoreGrid, normalise = false): GridSummary {
  const { p, maxGoals } = grid;
  const size = maxGoals + 1;
  if (p.length !== size * size) {
    throw new MatchdayError('INVALID_GRID', `grid has ${p.length} cells, expected ${size * size}`, { field: 'p' });
  }
  // Plain arrays: small typed arrays cost the garbage collector more than the arithmetic they hold.
  const home = zeros(size);
  const away = zeros(size);
  const totalGoals = zeros(2 * maxGoals + 1);
  const difference = zeros(2 * maxGoals + 1);
  let mass = 0;
  let homeWin = 0;
  let draw = 0;
  let awayWin = 0;
  let bothScore = 0;
  let homeGoalsMean = 0;
  let awayGoalsMean = 0;
  for (let h = 0; h < size; h++) {
    const row = h * size;
    let rowSum = 0;
    for (let a = 0; a < size; a++) {
      const v = p[row + a];
      if (!(v >= 0 && v <= 1)) {
        throw new MatchdayError('INVALID_GRID', `cell ${h}-${a} has probability ${v}`, { field: 'p' });
      }
      rowSum += v;
      away[a] += v;
      totalGoals[h + a] += v;
      difference[h - a + maxGoals] += v;
      if (h > a) homeWin += v;
      else if (h === a) draw += v;
      else awayWin += v;
      if (h > 0 && a > 0) bothScore += v;
      awayGoalsMean += a * v;
    }
    home[h] = rowSum;
    homeGoalsMean += h * rowSum;
    mass += rowSum;
  }
  if (!(mass > 0)) throw new MatchdayError('INVALID_GRID', 'grid has no probability mass', { field: 'p' });
  // Win-to-nil cells lie in column 0 and row 0 of the grid.
  let homeWinToNil = 0;
  let awayWinToNil = 0;
  for (let h = 1; h < size; h++) homeWinToNil += p[h * size];
  for (let a = 1; a < size; a++) awayWinToNil += p[a];
  const notBothScore = p[0] + homeWinToNil + awayWinToNil;

  // Conditioning on the grid scales every probability by 1 / mass; done once at the end to keep one pass.
  const s = normalise ? 1 / mass : 1;
  if (normalise) {
    for (const dist of [home, away, totalGoals, difference]) {
      for (let i = 0; i < dist.length; i++) dist[i] *= s;
    }
  }

  return {
    mass,
    total: normalise ? 1 : mass,
    homeWin: homeWin * s,
    draw: draw * s,
    awayWin: awayWin * s,
    bothScore: bothScore * s,
    notBothScore: notBothScore * s,
    homeWinToNil: homeWinToNil * s,
    awayWinToNil: awayWinToNil * s,
    homeGoalsMean: homeGoalsMean * s,
    awayGoalsMean: awayGoalsMean * s,
    homeGoals: { offset: 0, p: home },
    awayGoals: { offset: 0, p: away },
    totalGoals: { offset: 0, p: totalGoals },
    goalDifference: { offset: -maxGoals, p: difference },
  };
}

function zeros(length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = 0;
  return out;
}
