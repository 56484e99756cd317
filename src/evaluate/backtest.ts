import { MatchdayError } from '../errors.js';
import { yearsBefore } from '../history/fit-scope.js';
import {
  firstOnOrAfter,
  fitOrSkip,
  type FixturePredictor,
  type HistoryMatch,
  type MatchForecaster,
  type Probabilities1x2,
} from '../forecast/match-forecaster.js';
import type { ResultRow } from '../store/match-queries.js';
import type { ReferenceOdds1x2 } from '../store/odds-queries.js';
import { impliedProbabilities } from './implied-probabilities.js';
import { outcomeOfScore } from './metrics.js';

/**
 * Walk-forward backtest: the model is refitted on a schedule and each fixture is forecast by the latest fit,
 * which saw only matches played strictly before the day of that fit (so never the fixture's own day). Pure:
 * the caller reads history, fixtures and odds from the store.
 */
export interface BacktestInput {
  /**
   * Played matches of the fit scope, oldest first: what every fit draws from. It may include the fixtures
   * themselves and anything after them; the backtest cuts it at each fit date.
   */
  history: readonly HistoryMatch[];
  /** The played matches to forecast, oldest first, with the reference book to score the market on. */
  fixtures: readonly { match: ResultRow; odds: ReferenceOdds1x2 | null }[];
}

export interface BacktestOptions {
  /** A refit happens on a fixture's date when the last fit is this many days old or more (7 = weekly). */
  refitDays: number;
  onProgress?: (done: number, total: number, date: string) => void;
}

export interface FixtureResult {
  match: ResultRow;
  /** 0 home win, 1 draw, 2 away win. */
  outcome: 0 | 1 | 2;
  /** Date of the fit that forecast it: the model saw matches before this date only. */
  fitDate: string;
  model: Probabilities1x2 | null;
  /** The reference book with its margin removed by Shin's method. */
  market: Probabilities1x2 | null;
  /** `Pinnacle closing`, `Market average closing`, ... */
  marketSource: string | null;
  /** Why the fixture is not scored (null when both the model and the market priced it). */
  skipped: string | null;
}

export interface BacktestRun {
  fixtures: FixtureResult[];
  /** Dates the model was fitted on. */
  fitDates: string[];
}

const DAY_MS = 86_400_000;

export function runBacktest(input: BacktestInput, forecaster: MatchForecaster, options: BacktestOptions): BacktestRun {
  if (!Number.isInteger(options.refitDays) || options.refitDays < 1) {
    throw new MatchdayError(
      'BAD_OPTION',
      `refit interval must be a whole number of days ≥ 1, got ${options.refitDays}`,
      {
        field: 'refit',
      },
    );
  }
  checkDateOrder(
    input.history.map((m) => m.date),
    'history',
  );
  checkDateOrder(
    input.fixtures.map((f) => f.match.date),
    'fixtures',
  );

  const results: FixtureResult[] = [];
  const fitDates: string[] = [];
  let predictor: FixturePredictor | null = null;
  let nextFit = '';
  input.fixtures.forEach(({ match, odds }, i) => {
    if (predictor === null || match.date >= nextFit) {
      const from = yearsBefore(match.date, forecaster.historyYears);
      const history = input.history.slice(
        firstOnOrAfter(input.history, from),
        firstOnOrAfter(input.history, match.date),
      );
      predictor = fitOrSkip(forecaster, history, match.date);
      fitDates.push(match.date);
      nextFit = addDays(match.date, options.refitDays);
      options.onProgress?.(i, input.fixtures.length, match.date);
    }
    const prediction = predictor.predict(match);
    const market = marketProbabilities(odds);
    const model = 'probabilities' in prediction ? prediction.probabilities : null;
    results.push({
      match,
      outcome: outcomeOfScore(match.homeGoals, match.awayGoals),
      fitDate: fitDates[fitDates.length - 1],
      model,
      market: market.probabilities,
      marketSource: odds ? `${odds.bookmaker} ${odds.closing ? 'closing' : 'pre-match'}` : null,
      skipped: 'skipped' in prediction ? prediction.skipped : market.skipped,
    });
  });
  options.onProgress?.(input.fixtures.length, input.fixtures.length, input.fixtures.at(-1)?.match.date ?? '');
  return { fixtures: results, fitDates };
}

function marketProbabilities(odds: ReferenceOdds1x2 | null): {
  probabilities: Probabilities1x2 | null;
  skipped: string | null;
} {
  if (!odds) return { probabilities: null, skipped: 'no 1X2 odds' };
  try {
    const [home, draw, away] = impliedProbabilities(odds.prices, 'shin').probabilities;
    return { probabilities: [home, draw, away], skipped: null };
  } catch (error) {
    if (!(error instanceof MatchdayError)) throw error;
    return { probabilities: null, skipped: 'odds without a margin to remove' };
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function checkDateOrder(dates: readonly string[], field: string): void {
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] < dates[i - 1]) {
      throw new MatchdayError('BACKTEST_INPUT', `${field} must be in date order: ${dates[i]} follows ${dates[i - 1]}`, {
        field,
      });
    }
  }
}
