import { CLUBELO_OPTIONS, eloDifference, fitElo, type EloOptions } from '../models/ratings/elo.js';
import type { FitData } from '../models/fit-data.js';
import { outcomeProbabilities, type OutcomeMapping } from '../models/ratings/outcome-mapping.js';
import { fitPiRatings, piDifference, PI_RATINGS_OPTIONS, type PiOptions } from '../models/ratings/pi-ratings.js';
import type { FixturePredictor, MatchForecaster } from './match-forecaster.js';
import { fitHistoryFromRows } from '../history/fit-history.js';

export type RatingForecasterOptions =
  { kind: 'elo'; elo: EloOptions; historyYears: number } | { kind: 'pi'; pi: PiOptions; historyYears: number };

/**
 * Elo: K = 15 did better than ClubElo's 20 on 2019-20..2021-22 (RPS 0.2036 v 0.2039, 8 years of ratings over
 * the five leagues and their second tiers); ratings need years to settle, hence the long history.
 */
export const BACKTEST_ELO: RatingForecasterOptions = {
  kind: 'elo',
  elo: { ...CLUBELO_OPTIONS, k: 15 },
  historyYears: 8,
};
export const BACKTEST_PI: RatingForecasterOptions = { kind: 'pi', pi: PI_RATINGS_OPTIONS, historyYears: 8 };

/**
 * A rating system as a backtest forecaster: each fit runs the ratings from scratch over the history window and
 * fits the outcome mapping (ordered logit) on it. A team without a match in the window cannot be rated.
 */
export function ratingForecaster(options: RatingForecasterOptions): MatchForecaster {
  return {
    historyYears: options.historyYears,
    fit(history, date): FixturePredictor {
      const window = fitHistoryFromRows(history, date);
      const indexOf = new Map(window.teamIds.map((id, i) => [id, i]));
      const rated = rate(window.data, options);
      return {
        predict(fixture) {
          const home = indexOf.get(fixture.homeTeamId);
          const away = indexOf.get(fixture.awayTeamId);
          if (home === undefined || away === undefined) return { skipped: 'team without history (rating model)' };
          const x = rated.difference(home, away, fixture.neutral);
          const [h, d, a] = outcomeProbabilities(rated.mapping.outcome, x, fixture.neutral);
          return { probabilities: [h, d, a] };
        },
      };
    },
  };
}

/** Runs the ratings and returns the fitted outcome mapping with the rating difference it takes. */
function rate(
  data: FitData,
  options: RatingForecasterOptions,
): { mapping: OutcomeMapping; difference: (home: number, away: number, neutral: boolean) => number } {
  if (options.kind === 'elo') {
    const model = fitElo(data, options.elo);
    return { mapping: model.mapping, difference: (home, away) => eloDifference(model, home, away) };
  }
  const model = fitPiRatings(data, options.pi);
  return { mapping: model.mapping, difference: (home, away, neutral) => piDifference(model, home, away, neutral) };
}
