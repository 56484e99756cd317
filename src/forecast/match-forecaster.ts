import { MatchdayError } from '../errors.js';
import { firstOnOrAfter, type HistoryMatch } from '../history/forecast-history.js';
import { yearsBefore } from '../history/fit-scope.js';
import type { ScoreGrid } from '../models/score-grid.js';

export { firstOnOrAfter } from '../history/forecast-history.js';
export type { HistoryMatch } from '../history/forecast-history.js';

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
  /**
   * The league each team last played in, when the fixture is not a league match: the prior of a team the model
   * has not seen is its league's (in a league match it is the fixture's competition's).
   */
  homeLeague?: string;
  awayLeague?: string;
}

/** Home win, draw, away win. */
export type Probabilities1x2 = [home: number, draw: number, away: number];

/** A model's forecast of a fixture: its 1X2 (and the score grid it comes from, when the model has one), or why not. */
export type FixturePrediction = { probabilities: Probabilities1x2; grid?: ScoreGrid } | { skipped: string };

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

/**
 * A model as a walk-forward backtest sees it: the forecast of a fixture by the model fitted on the matches
 * strictly before `fitDate`. The backtest asks in fixture order, so fit dates never go back.
 */
export interface BacktestModel {
  forecast(fixture: Fixture, fitDate: string): FixturePrediction;
}

/**
 * A MatchForecaster as a backtest model: fitted once per fit date on the matches of `history` (oldest first)
 * strictly before it and no older than its years.
 */
export function refittedModel(forecaster: MatchForecaster, history: readonly HistoryMatch[]): BacktestModel {
  for (let i = 1; i < history.length; i++) {
    if (history[i].date < history[i - 1].date) {
      throw new MatchdayError(
        'BACKTEST_INPUT',
        `history must be in date order: ${history[i].date} follows ${history[i - 1].date}`,
        { field: 'history' },
      );
    }
  }
  let fitted: { date: string; predictor: FixturePredictor } | null = null;
  return {
    forecast(fixture, fitDate) {
      if (fitted?.date !== fitDate) {
        const window = history.slice(
          firstOnOrAfter(history, yearsBefore(fitDate, forecaster.historyYears)),
          firstOnOrAfter(history, fitDate),
        );
        fitted = { date: fitDate, predictor: fitOrSkip(forecaster, window, fitDate) };
      }
      return fitted.predictor.predict(fixture);
    },
  };
}
