import { MatchdayError } from '../errors.js';
import type { BacktestModel, Probabilities1x2 } from '../forecast/match-forecaster.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { ResultRow } from '../store/match-queries.js';
import type { ReferenceOdds1x2, ReferenceOddsTotal } from '../store/odds-queries.js';
import { impliedProbabilities } from './implied-probabilities.js';
import { outcomeOfScore } from './metrics.js';

/**
 * Walk-forward backtest: the model is refitted on a schedule and each fixture is forecast by the latest fit,
 * which saw only matches played strictly before the day of that fit (so never the fixture's own day). Pure:
 * the caller reads fixtures and odds from the store, and gives the model its history (BacktestModel).
 */
export interface BacktestInput {
  /**
   * The played matches to forecast, oldest first, with the reference 1X2 book to score the market on and, where
   * the data has one, the over/under 2.5 book.
   */
  fixtures: readonly { match: ResultRow; odds: ReferenceOdds1x2 | null; totals?: ReferenceOddsTotal | null }[];
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
  /** The model's score grid, when it has one (the forecaster's: every market reads it). */
  grid: ScoreGrid | null;
  /** The reference book with its margin removed by Shin's method. */
  market: Probabilities1x2 | null;
  /** `Pinnacle closing`, `Market average closing`, ... */
  marketSource: string | null;
  /** The over/under 2.5 book with its margin removed (P(over), P(under)), where the data has one. */
  marketTotals: [over: number, under: number] | null;
  /** Why the model did not price the fixture (null when it did). */
  skipped: string | null;
  /** Why the market has no price (null when it has). */
  marketMissing: string | null;
}

export interface BacktestRun {
  fixtures: FixtureResult[];
  /** Dates the model was fitted on. */
  fitDates: string[];
}

const DAY_MS = 86_400_000;

export function runBacktest(input: BacktestInput, model: BacktestModel, options: BacktestOptions): BacktestRun {
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
    input.fixtures.map((f) => f.match.date),
    'fixtures',
  );

  const results: FixtureResult[] = [];
  const fitDateOf = refitSchedule(
    input.fixtures.map((f) => f.match.date),
    options.refitDays,
  );
  const fitDates: string[] = [];
  input.fixtures.forEach(({ match, odds, totals }, i) => {
    const fitDate = fitDateOf[i];
    if (fitDates.at(-1) !== fitDate) {
      fitDates.push(fitDate);
      options.onProgress?.(i, input.fixtures.length, match.date);
    }
    const prediction = model.forecast(match, fitDate);
    const market = marketProbabilities(odds);
    const priced = 'probabilities' in prediction;
    results.push({
      match,
      outcome: outcomeOfScore(match.homeGoals, match.awayGoals),
      fitDate,
      model: priced ? prediction.probabilities : null,
      grid: priced ? (prediction.grid ?? null) : null,
      market: market.probabilities,
      marketSource: odds ? `${odds.bookmaker} ${odds.closing ? 'closing' : 'pre-match'}` : null,
      marketTotals: totalsProbabilities(totals ?? null),
      skipped: priced ? null : prediction.skipped,
      marketMissing: market.skipped,
    });
  });
  options.onProgress?.(input.fixtures.length, input.fixtures.length, input.fixtures.at(-1)?.match.date ?? '');
  return { fixtures: results, fitDates };
}

/**
 * The fit date of each fixture (dates in order): a refit happens on a fixture's date when the last fit is
 * `refitDays` old or more, so after a break the next fit is on the first match day.
 */
export function refitSchedule(dates: readonly string[], refitDays: number): string[] {
  const fitDates: string[] = [];
  let fit = '';
  let nextFit = '';
  for (const date of dates) {
    if (fit === '' || date >= nextFit) {
      fit = date;
      nextFit = addDays(date, refitDays);
    }
    fitDates.push(fit);
  }
  return fitDates;
}

function totalsProbabilities(totals: ReferenceOddsTotal | null): [number, number] | null {
  if (!totals) return null;
  try {
    const [over, under] = impliedProbabilities(totals.prices, 'shin').probabilities;
    return [over, under];
  } catch (error) {
    if (!(error instanceof MatchdayError)) throw error;
    return null;
  }
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
