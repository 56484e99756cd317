import { MatchdayError } from '../errors.js';
import {
  forecastFixture,
  forecastWithForecaster,
  savedFixtureModel,
  type FixtureForecast,
  type FixtureModel,
} from '../forecast/fixture-forecast.js';
import { Forecasts } from '../forecast/forecasts.js';
import type { ModelOptions } from '../forecast/model-families.js';
import { savedModelAnswers } from '../forecast/model-file.js';
import { lookUpFixture } from '../history/fixture-lookup.js';
import { storeForecastSource } from '../history/forecast-history.js';
import { findTeam } from '../history/team-lookup.js';
import type { Db } from '../store/database.js';
import { playedDateRange } from '../store/match-queries.js';
import { fitFixtureModel, fixtureFitScope } from './fixture-model.js';
import { checkDateInData, checkNumber, NUMBER_LIMITS } from './request-checks.js';

export interface PredictRequest {
  /** Team names as a user types them (`Liverpool`, `Inter (ITA)`), or resolved teams. */
  home: string | { teamId: number; name: string };
  away: string | { teamId: number; name: string };
  /** The fixture's date (YYYY-MM-DD). */
  date: string;
  /** Fit on the matches before this date instead of before the fixture's (≤ date): a weekly backtest's refit. */
  fitDate?: string;
  /** The fixture's competition code when the database has no such fixture. */
  competition?: string;
  /** Played at a neutral venue (default: the stored fixture's venue, else not). */
  neutral?: boolean;
  /** What-ifs: added to a team's log attack and log defence. */
  homeShift?: number;
  awayShift?: number;
  /** A single model (a family and its fit options) instead of the forecaster, fitted for the fixture. */
  model?: ModelOptions;
  /** With `model`: the competitions it is fitted on (default: both teams' leagues and the continental ones). */
  competitions?: string[];
  /**
   * A model saved by `matchday fit --out` (forecast/model-file.ts): it answers for fixtures from the day after its
   * data; an earlier fixture is fitted on the database as without it (savedModelAnswers).
   */
  savedModel?: FixtureModel;
}

/**
 * `matchday predict` as a function: the forecaster's forecast of a fixture, fitted on the matches strictly before
 * the fixture's date (or `fitDate`) — the forecast `matchday backtest` scores for it — or a single model's, or a
 * saved model's. Give one `Forecasts` to many calls and fits are kept: every fixture of a scope on a date shares one.
 */
export function predictFixture(
  db: Db,
  request: PredictRequest,
  forecasts: Forecasts = new Forecasts(storeForecastSource(db)),
): { date: string; fitDate: string } & FixtureForecast {
  const fitDate = request.fitDate ?? request.date;
  if (fitDate > request.date) {
    throw new MatchdayError('BAD_OPTION', `fit date ${fitDate} is after the fixture date ${request.date}`, {
      field: 'fitDate',
    });
  }
  if (request.model && request.savedModel) {
    throw new MatchdayError('BAD_OPTION', 'give a single model or a saved model, not both', { field: 'model' });
  }
  const saved = request.savedModel && savedModelAnswers(request.savedModel, request.date) ? request.savedModel : null;
  if (!saved) checkDateInData(playedDateRange(db), fitDate, fitDate !== request.date ? 'fitDate' : 'date');
  const team = (t: PredictRequest['home']) => (typeof t === 'string' ? findTeam(db, t) : t);
  const fixture = lookUpFixture(db, team(request.home), team(request.away), request.date, {
    ...(request.competition !== undefined && { competition: request.competition }),
    ...(request.neutral !== undefined && { neutral: request.neutral }),
  });
  const shifts = { homeShift: request.homeShift, awayShift: request.awayShift };
  if (saved) return { date: request.date, fitDate, ...forecastFixture(saved, fixture, shifts) };
  if (request.model) {
    const options = {
      ...request.model,
      xi: checkNumber(request.model.xi, 'xi', NUMBER_LIMITS.xi),
      priorStrength: checkNumber(request.model.priorStrength, 'prior', NUMBER_LIMITS.prior),
    };
    const scope = fixtureFitScope(db, [fixture.home.id, fixture.away.id], fitDate, request.competitions);
    const model = savedFixtureModel(fitFixtureModel(db, scope, options));
    return { date: request.date, fitDate, ...forecastFixture(model, fixture, shifts) };
  }
  return { date: request.date, fitDate, ...forecastWithForecaster(forecasts, fixture, fitDate, shifts) };
}
