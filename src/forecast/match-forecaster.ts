import { MatchdayError } from '../errors.js';
import type { ResultRow } from '../store/match-queries.js';
import type { ShotCounts } from '../store/stats-queries.js';

/**
 * What a walk-forward backtest needs of a model: fit on the matches before a date, then give 1X2 probabilities
 * for fixtures on or after it. A forecaster may keep state between fits (e.g. warm starts), so make a fresh
 * one per backtest run; it is only ever shown matches strictly before the date it fits for.
 */
export interface MatchForecaster {
  /** Years of history before the fit date the forecaster wants (the backtest passes no older match). */
  readonly historyYears: number;
  /** `history`: played matches strictly before `date`, oldest first, no older than `historyYears`. */
  fit(history: readonly HistoryMatch[], date: string): FixturePredictor;
}

/** A played match as forecasters see it: the result, and shots where the source recorded them. */
export interface HistoryMatch extends ResultRow {
  shots: ShotCounts | null;
}

/** Index of the first match dated on or after `date` in a date-ordered list (binary search). */
export function firstOnOrAfter(matches: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A fixture to forecast: who plays whom, where, in which competition. */
export interface Fixture {
  homeTeamId: number;
  awayTeamId: number;
  neutral: boolean;
  competition: string;
  /** The competition's country when known (null for UEFA competitions). */
  country?: string | null;
  /** The league season (e.g. `2023-24`) when known: the league table of the fixture is that season's. */
  season?: string;
}

/** Home win, draw, away win. */
export type Probabilities1x2 = [home: number, draw: number, away: number];

export type FixturePrediction = { probabilities: Probabilities1x2 } | { skipped: string };

export interface FixturePredictor {
  predict(fixture: Fixture): FixturePrediction;
}

/**
 * `forecaster.fit`, except that a fit failing on its data (a MatchdayError: too little history, no draws for
 * an outcome mapping, ...) gives a predictor that skips every fixture with the reason, so a backtest counts
 * those fixtures instead of stopping.
 */
export function fitOrSkip(
  forecaster: MatchForecaster,
  history: readonly HistoryMatch[],
  date: string,
): FixturePredictor {
  try {
    return forecaster.fit(history, date);
  } catch (error) {
    if (!(error instanceof MatchdayError)) throw error;
    const skipped = `fit failed: ${error.message}`;
    return { predict: () => ({ skipped }) };
  }
}
