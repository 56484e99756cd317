import { MatchdayError } from '../errors.js';
import { forecastWithForecaster, type FixtureForecast } from '../forecast/fixture-forecast.js';
import { Forecasts } from '../forecast/forecasts.js';
import { lookUpFixture } from '../history/fixture-lookup.js';
import { storeForecastSource } from '../history/forecast-history.js';
import { findTeam } from '../history/team-lookup.js';
import type { Db } from '../store/database.js';
import { playedDateRange } from '../store/match-queries.js';
import { checkDateInData } from './request-checks.js';

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
}

/**
 * `matchday predict` as a function: the forecaster's forecast of a fixture, fitted on the matches strictly before
 * the fixture's date (or `fitDate`) — the forecast `matchday backtest` scores for it. Give one `Forecasts` to many
 * calls and fits are kept: every fixture of a scope on a date shares one.
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
  checkDateInData(playedDateRange(db), fitDate, fitDate !== request.date ? 'fitDate' : 'date');
  const team = (t: PredictRequest['home']) => (typeof t === 'string' ? findTeam(db, t) : t);
  const fixture = lookUpFixture(db, team(request.home), team(request.away), request.date, {
    ...(request.competition !== undefined && { competition: request.competition }),
    ...(request.neutral !== undefined && { neutral: request.neutral }),
  });
  const shifts = { homeShift: request.homeShift, awayShift: request.awayShift };
  return { date: request.date, fitDate, ...forecastWithForecaster(forecasts, fixture, fitDate, shifts) };
}
