/**
 * Checks of a request against itself and against the data, shared by the CLI, the server and the library so that
 * each says the same thing. Messages name the field (`date`, `prior`), never a command-line flag.
 */
import { MatchdayError } from '../errors.js';
import { FORECASTER } from '../forecast/forecaster.js';

/**
 * Bounds of the numbers a user may give a model fit. Beyond them a fit is meaningless or fails inside the optimiser:
 * a prior precision of 1e6 already holds every team at its league's mean; a decay of 1/day halves a match's weight
 * in 17 hours.
 */
export const NUMBER_LIMITS = {
  xi: { min: 0, max: 1 },
  prior: { min: 0, max: 1e6 },
} as const satisfies Record<string, { min: number; max: number }>;

/** A finite number within [min, max], else a MatchdayError naming the field. */
export function checkNumber(value: number, field: string, limits: { min: number; max: number }): number {
  if (!Number.isFinite(value) || value < limits.min || value > limits.max) {
    throw new MatchdayError('BAD_OPTION', `must be a number from ${limits.min} to ${limits.max}, got ${value}`, {
      field,
    });
  }
  return value;
}

/** `from` on or before `to` (ISO dates), else a MatchdayError naming `from`. */
export function checkDateOrder(from: string, to: string, fields: { from: string; to: string }): void {
  if (from > to) {
    throw new MatchdayError('BAD_RANGE', `${from} is after ${fields.to} ${to}: the range is reversed`, {
      field: fields.from,
    });
  }
}

/**
 * A fit date the database's played matches can serve: after the first played match, and no more than the
 * forecaster's window (its goal model's years) after the last — beyond that nothing is left to fit on.
 * `range` is the database's (store/playedDateRange); an empty database passes: what needs history says so itself.
 */
export function checkDateInData(range: { first: string; last: string } | null, date: string, field: string): void {
  if (!range) return;
  if (date <= range.first) {
    throw new MatchdayError(
      'DATE_BEFORE_DATA',
      `${date} is before the data: the first played match in the database is on ${range.first}`,
      { field },
    );
  }
  const years = FORECASTER.goals.windowYears;
  const horizon = `${Number(range.last.slice(0, 4)) + years}${range.last.slice(4)}`;
  if (date > horizon) {
    throw new MatchdayError(
      'DATE_AFTER_DATA',
      `${date} is after the data: the last played match in the database is on ${range.last}, and a forecast is ` +
        `fitted on the ${years} years before its date`,
      { field },
    );
  }
}
