import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from './score-grid.js';

/** Input checks and the final step shared by every family's score-grid builder. */

/** Throws MatchdayError('MODEL_INVALID_RATE') unless both rates are finite and ≥ 0 and maxGoals is a whole number ≥ 0. */
export function checkGridInputs(homeRate: number, awayRate: number, maxGoals: number): void {
  if (!(homeRate >= 0 && awayRate >= 0 && Number.isFinite(homeRate) && Number.isFinite(awayRate))) {
    throw new MatchdayError('MODEL_INVALID_RATE', `goal rates must be finite and ≥ 0, got ${homeRate} and ${awayRate}`);
  }
  if (!Number.isInteger(maxGoals) || maxGoals < 0) {
    throw new MatchdayError('MODEL_INVALID_RATE', `maxGoals must be a whole number ≥ 0, got ${maxGoals}`, {
      field: 'maxGoals',
    });
  }
}

/** Wraps grid probabilities into a ScoreGrid, reporting the mass beyond maxGoals (rounding never makes it negative). */
export function toScoreGrid(p: Float64Array, maxGoals: number, homeExpected: number, awayExpected: number): ScoreGrid {
  let total = 0;
  for (let k = 0; k < p.length; k++) total += p[k];
  return { maxGoals, p, truncatedMass: Math.max(0, 1 - total), homeExpected, awayExpected };
}
