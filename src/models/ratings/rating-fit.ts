import { MatchdayError } from '../../errors.js';
import { validateFitData, type FitData } from '../fit-data.js';
import type { MappingInput } from './outcome-mapping.js';

/**
 * What the rating systems share. They read the same FitData as the goal models; `ageDays` (days before the
 * date the model is for) gives the order matches were played in, oldest first.
 */

export interface RatingFitOptions {
  /**
   * Matches in the first days of the data, while ratings are still near their common start, are left out of
   * the outcome-mapping fit (they still update the ratings).
   */
  readonly burnInDays?: number;
}

/** Default burn-in: one season, after which every team of a league has met every other. */
export const DEFAULT_BURN_IN_DAYS = 365;

/** The best constants a rating system's grid search found. */
export interface TuningResult<O> {
  readonly options: O;
  /** Ordered-logit log-likelihood of the results after burn-in, at the best options. */
  readonly outcomeLogLikelihood: number;
  /** Number of option combinations tried. */
  readonly evaluated: number;
}

/** Validates the data and returns its match indices oldest first; equal ages keep their input order. */
export function chronologicalOrder(data: FitData): Int32Array {
  validateFitData(data);
  const n = data.homeTeam.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const age = data.ageDays;
  if (!age) return order;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = age[i - 1] >= age[i];
  // Array sort is stable: equal ages keep their input order.
  return sorted ? order : Int32Array.from(Array.from(order).sort((a, b) => age[b] - age[a]));
}

/**
 * Mapping-fit weights: 0 for matches in the first `burnInDays` of the data, 1 after. Throws when nothing is
 * left, e.g. when the data spans less than the burn-in or carries no ages.
 */
export function burnInWeights(data: FitData, burnInDays: number): Float64Array {
  const n = data.homeTeam.length;
  const weights = new Float64Array(n);
  if (!(burnInDays >= 0)) {
    throw new MatchdayError('INVALID_ARGUMENT', `burnInDays must be ≥ 0, got ${burnInDays}`, { field: 'burnInDays' });
  }
  if (burnInDays === 0) return weights.fill(1);
  const age = data.ageDays;
  let oldest = 0;
  for (let i = 0; i < n; i++) oldest = Math.max(oldest, age ? age[i] : 0);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = (age ? age[i] : 0) <= oldest - burnInDays ? 1 : 0;
    kept += weights[i];
  }
  if (kept === 0) {
    throw new MatchdayError(
      'FIT_FAILED',
      `no match is left after a burn-in of ${burnInDays} days: the data spans ${oldest.toFixed(0)} days (pass more history or burnInDays: 0)`,
      { field: 'burnInDays' },
    );
  }
  return weights;
}

/** Throws unless `team` is an index into a table of `teamCount` teams. */
export function checkTeamIndex(team: number, teamCount: number, field: string): void {
  if (!Number.isInteger(team) || team < 0 || team >= teamCount) {
    throw new MatchdayError('INVALID_ARGUMENT', `team index ${team} outside 0..${teamCount - 1}`, { field });
  }
}

/** The outcome-mapping input of a rating run: its pre-match differences against the data's results. */
export function mappingInput(data: FitData, x: Float64Array, weights: Float64Array): MappingInput {
  return { x, homeGoals: data.homeGoals, awayGoals: data.awayGoals, neutral: data.neutral, weights };
}
