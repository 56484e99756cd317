/**
 * Forecasts of stored fixtures exactly as `matchday predict HOME AWAY --date D` gives them with its defaults (the
 * model fitted on the matches before the fixture's date in the two teams' leagues and the continental competitions):
 * one path for the fixtures list, the round previews' index, the forecasts sync stores and the home page. A fit is
 * shared by every fixture with the same history (same leagues, same date): a round costs a few fits, not one each.
 */
import { MatchdayError } from '../errors.js';
import { forecastFixture, type FixtureForecast } from '../forecast/fixture-forecast.js';
import { fitFixtureModel, fixtureFitScope, fixtureModelKey, fixtureTeam } from '../forecast/fixture-model.js';
import { DEFAULT_MODEL_OPTIONS, type SavedModel } from '../forecast/match-model.js';
import type { Db } from '../store/database.js';
import type { PreMatchForecast } from '../store/forecast-store.js';
import type { StoredMatchView } from '../store/match-queries.js';

export type FixtureForecastOutcome = { forecast: FixtureForecast } | { problem: string };

export class FixtureForecaster {
  private readonly models = new Map<string, SavedModel>();

  constructor(private readonly db: Db) {}

  /** The forecast, or why there is none (no history to fit on: a MatchdayError's message). */
  forecast(match: StoredMatchView): FixtureForecastOutcome {
    try {
      const options = DEFAULT_MODEL_OPTIONS;
      const scope = fixtureFitScope(this.db, [match.home.id, match.away.id], match.date);
      const key = fixtureModelKey(scope, options);
      let saved = this.models.get(key);
      if (!saved) this.models.set(key, (saved = fitFixtureModel(this.db, scope, options)));
      const home = fixtureTeam(this.db, { teamId: match.home.id, name: match.home.name }, match.date);
      const away = fixtureTeam(this.db, { teamId: match.away.id, name: match.away.name }, match.date);
      return { forecast: forecastFixture(saved, home, away, { neutral: match.neutral }) };
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
