/**
 * Forecasts of stored fixtures exactly as `matchday predict HOME AWAY --date D` gives them (the forecaster fitted on
 * the matches before the fixture's date, in its scope): one path for the fixtures list, the round previews' index, the
 * forecasts sync stores and the home page. Fits are shared by every fixture of a scope on a date: a round costs a few
 * fits, not one each.
 */
import { MatchdayError } from '../errors.js';
import type { FixtureForecast } from '../forecast/fixture-forecast.js';
import { Forecasts } from '../forecast/forecasts.js';
import { storeForecastSource } from '../history/forecast-history.js';
import type { Db } from '../store/database.js';
import type { PreMatchForecast } from '../store/forecast-store.js';
import type { StoredMatchView } from '../store/match-queries.js';
import { predictFixture } from './predict.js';

export type FixtureForecastOutcome = { forecast: FixtureForecast } | { problem: string };

export class FixtureForecaster {
  private readonly forecasts: Forecasts;

  constructor(private readonly db: Db) {
    this.forecasts = new Forecasts(storeForecastSource(db));
  }

  /** The forecast, or why there is none (no history to fit on: a MatchdayError's message). */
  forecast(match: StoredMatchView): FixtureForecastOutcome {
    try {
      const request = {
        home: { teamId: match.home.id, name: match.home.name },
        away: { teamId: match.away.id, name: match.away.name },
        date: match.date,
        competition: match.competition.code,
        neutral: match.neutral,
      };
      return { forecast: predictFixture(this.db, request, this.forecasts) };
    } catch (error) {
      if (error instanceof MatchdayError) return { problem: error.message };
      throw error;
    }
  }
}

/** A forecast as the forecasts table keeps it: the 1X2, expected goals and the whole score grid. */
export function preMatchRecord(matchId: number, forecast: FixtureForecast, madeAt: string): PreMatchForecast {
  const cells = forecast.markets.correctScore.list();
  const maxGoals = Math.max(...cells.map((c) => c.home));
  const p = new Array<number>((maxGoals + 1) ** 2).fill(0);
  for (const cell of cells) p[cell.home * (maxGoals + 1) + cell.away] = Number(cell.probability.toPrecision(8));
  return {
    matchId,
    model: forecast.model.family,
    madeAt,
    dataBefore: forecast.model.data.before,
    matchesFitted: forecast.model.data.matches,
    result: {
      home: forecast.markets.result.home,
      draw: forecast.markets.result.draw,
      away: forecast.markets.result.away,
    },
    expectedGoals: { home: forecast.expectedGoals.home, away: forecast.expectedGoals.away },
    scores: { maxGoals, p },
  };
}
