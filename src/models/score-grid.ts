/**
 * The probability of every scoreline 0..maxGoals × 0..maxGoals for one fixture.
 * Every market is derived from one grid (forecast/markets.ts); models only build grids.
 */
export interface ScoreGrid {
  /** Inclusive: scores 0..maxGoals for each side. */
  readonly maxGoals: number;
  /** Row-major: p[home * (maxGoals + 1) + away]. Never negative, never NaN. */
  readonly p: Float64Array;
  /** 1 − Σp: the probability mass beyond maxGoals that the grid leaves out. */
  readonly truncatedMass: number;
  /** Expected goals of the underlying model (not of the truncated grid). */
  readonly homeExpected: number;
  readonly awayExpected: number;
}

export function gridIndex(grid: ScoreGrid, home: number, away: number): number {
  return home * (grid.maxGoals + 1) + away;
}
