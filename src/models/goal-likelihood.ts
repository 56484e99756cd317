/**
 * The contract between the fitting driver and each family's likelihood.
 *
 * Parameter vector (n teams): x[0..n) attack, x[n..2n) defence, x[2n] home advantage, x[2n+1..] the
 * family's own parameters (e.g. Dixon-Coles ρ). Linear predictors of fixture (h, a, neutral):
 *   ηH = x[2n]·(1 − neutral) + x[h] − x[n+a],   ηA = x[a] − x[n+h].
 */
export interface GoalLikelihood {
  /** Number of family parameters after the home advantage. */
  readonly extraCount: number;
  /** Their starting values in the optimiser's coordinates. */
  readonly initialExtras: readonly number[];
  /**
   * −Σ w·ln p(score) without the Σ w·ln(x!·y!) constant; adds its gradient into `gradient` (which the caller
   * zeroes). Returns Infinity where x is outside the family's valid region.
   */
  negLogLikelihood(x: Float64Array, gradient: Float64Array): number;
}

export function homeIndex(teamCount: number): number {
  return 2 * teamCount;
}

export function extraIndex(teamCount: number, k: number): number {
  return 2 * teamCount + 1 + k;
}

/** Adds ∂/∂ηH = dHome and ∂/∂ηA = dAway of fixture (h, a, neutral) into the team and home-advantage slots. */
export function addFixtureGradient(
  gradient: Float64Array,
  teamCount: number,
  h: number,
  a: number,
  neutral: number,
  dHome: number,
  dAway: number,
): void {
  gradient[h] += dHome;
  gradient[teamCount + a] -= dHome;
  if (neutral === 0) gradient[2 * teamCount] += dHome;
  gradient[a] += dAway;
  gradient[teamCount + h] -= dAway;
}
