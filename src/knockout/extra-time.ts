/**
 * How many goals extra time holds, relative to a whole 90-minute match's expected goals: fitted on the extra times
 * history has. Pure: counts in, a scale out (knockout-reader.ts counts them in the database).
 */
import { MatchdayError } from '../errors.js';

/** 30 minutes at the 90-minute rate per minute: the prior an extra-time fit is shrunk toward. */
export const SAME_RATE_EXTRA_TIME_SCALE = 1 / 3;

export interface ExtraTimeEvidence {
  /** Matches that went to extra time, and the goals scored in it. */
  extraTimeMatches: number;
  extraTimeGoals: number;
  /** 90-minute goals per match in the same competitions over the same years. */
  ninetyMinuteGoalsPerMatch: number;
}

/**
 * ET goals per ET match over 90-minute goals per match, with a prior worth `priorMatches` extra times at the same
 * per-minute rate (1/3), so the early years with few extra times stay sensible. No evidence: the prior.
 */
export function fitExtraTimeScale(evidence: ExtraTimeEvidence | null, priorMatches = 20): number {
  if (evidence === null) return SAME_RATE_EXTRA_TIME_SCALE;
  const { extraTimeMatches, extraTimeGoals, ninetyMinuteGoalsPerMatch } = evidence;
  if (!(ninetyMinuteGoalsPerMatch > 0) || extraTimeMatches < 0 || extraTimeGoals < 0) {
    throw new MatchdayError('INVALID_ARGUMENT', 'extra-time evidence needs matches, goals and a positive goal rate', {
      field: 'evidence',
    });
  }
  const priorGoals = priorMatches * SAME_RATE_EXTRA_TIME_SCALE * ninetyMinuteGoalsPerMatch;
  return (extraTimeGoals + priorGoals) / ((extraTimeMatches + priorMatches) * ninetyMinuteGoalsPerMatch);
}
