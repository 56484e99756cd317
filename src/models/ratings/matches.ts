import { MatchdayError } from '../../errors.js';

/**
 * What the rating systems share: their input (played matches as arrays), date order, burn-in and tuning types.
 */

/**
 * Played matches as parallel arrays, the input of every rating system.
 * Teams are indices 0..teamCount-1; `day` is a date ordinal (days since 1970-01-01, see `dayOrdinal`).
 */
export interface RatingMatches {
  readonly teamCount: number;
  readonly home: ArrayLike<number>;
  readonly away: ArrayLike<number>;
  readonly homeGoals: ArrayLike<number>;
  readonly awayGoals: ArrayLike<number>;
  /** Truthy where the match was played at a neutral venue (no home advantage). */
  readonly neutral: ArrayLike<number | boolean>;
  readonly day: ArrayLike<number>;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date. */
export function dayOrdinal(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new MatchdayError('invalid-date', `not an ISO date: '${isoDate}'`, { field: 'date' });
  }
  return ms / MS_PER_DAY;
}

/**
 * Checks the arrays agree in length and hold valid team indices, goals and days; returns the match count.
 * Errors name the offending match by its index in the input.
 */
export function validateRatingMatches(matches: RatingMatches): number {
  const n = matches.home.length;
  const { teamCount } = matches;
  if (!Number.isInteger(teamCount) || teamCount < 1) {
    throw new MatchdayError('invalid-rating-input', `teamCount must be a positive integer, got ${teamCount}`, { field: 'teamCount' });
  }
  const columns = { away: matches.away, homeGoals: matches.homeGoals, awayGoals: matches.awayGoals, neutral: matches.neutral, day: matches.day };
  for (const [field, column] of Object.entries(columns)) {
    if (column.length !== n) {
      throw new MatchdayError('invalid-rating-input', `${field} has ${column.length} entries, home has ${n}`, { field });
    }
  }
  for (let i = 0; i < n; i++) {
    const h = matches.home[i];
    const a = matches.away[i];
    if (!Number.isInteger(h) || h < 0 || h >= teamCount) fail(i, 'home', `team index ${h} outside 0..${teamCount - 1}`);
    if (!Number.isInteger(a) || a < 0 || a >= teamCount) fail(i, 'away', `team index ${a} outside 0..${teamCount - 1}`);
    if (h === a) fail(i, 'away', `team ${h} plays itself`);
    const hg = matches.homeGoals[i];
    const ag = matches.awayGoals[i];
    if (!Number.isInteger(hg) || hg < 0) fail(i, 'homeGoals', `goals must be a non-negative integer, got ${hg}`);
    if (!Number.isInteger(ag) || ag < 0) fail(i, 'awayGoals', `goals must be a non-negative integer, got ${ag}`);
    if (!Number.isFinite(matches.day[i])) fail(i, 'day', `day must be finite, got ${matches.day[i]}`);
  }
  return n;
}

function fail(match: number, field: string, message: string): never {
  throw new MatchdayError('invalid-rating-input', `match ${match}: ${message}`, { field });
}

/** Match indices in date order; matches on the same day keep their input order (the sort is stable). */
export function chronologicalOrder(matches: RatingMatches): Int32Array {
  const n = matches.day.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = matches.day[i - 1] <= matches.day[i];
  if (!sorted) order.sort((a, b) => matches.day[a] - matches.day[b]);
  return Int32Array.from(order);
}

export interface RatingFitOptions {
  /** Matches in the first days of the data, while ratings are still near their start, are left out of the mapping fit. */
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

/**
 * Fitting weights that leave out the first `burnInDays` of the data: ratings there still sit near their
 * common starting value, so their differences say little about the outcome.
 */
export function burnInWeights(matches: RatingMatches, burnInDays: number): Float64Array {
  const n = matches.day.length;
  let first = Infinity;
  for (let i = 0; i < n; i++) first = Math.min(first, matches.day[i]);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = matches.day[i] >= first + burnInDays ? 1 : 0;
  return weights;
}

/** Throws unless `team` is an index into a table of `teamCount` teams. */
export function checkTeamIndex(team: number, teamCount: number, field: string): void {
  if (!Number.isInteger(team) || team < 0 || team >= teamCount) {
    throw new MatchdayError('invalid-argument', `team index ${team} outside 0..${teamCount - 1}`, { field });
  }
}
