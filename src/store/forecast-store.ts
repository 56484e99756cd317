/**
 * Forecasts stored before kick-off, so that once the result is in, what the model had said can be shown beside it
 * exactly as it was said — never recomputed with what came later.
 *
 * A forecast is stored only while its match has no result and not after the match's day, and it replaces the same
 * model's earlier one: what is kept is the last forecast made before the result arrived. The model sees only matches
 * dated before the fixture, so a forecast made on the morning of the match and one made the evening before differ
 * only by what the data learnt in between (results of earlier days, a corrected row) — the later one is the better
 * record of "the model beforehand".
 */
import type { Db } from './database.js';

export interface PreMatchForecast {
  matchId: number;
  /** The forecaster: its family as `predict` names it (`dixon-coles`). */
  model: string;
  /** ISO timestamp. */
  madeAt: string;
  /** The model saw only matches before this date. */
  dataBefore: string;
  matchesFitted: number;
  result: { home: number; draw: number; away: number };
  expectedGoals: { home: number; away: number };
  /** The score grid: p[home * (maxGoals + 1) + away]. */
  scores: { maxGoals: number; p: number[] };
}

/** Stores (or replaces) the forecast if its match is still without a result on or before its day; true if stored. */
export function storePreMatchForecast(db: Db, forecast: PreMatchForecast): boolean {
  const result = db
    .prepare(
      `INSERT INTO forecasts (match_id, model, made_at, data_before, matches_fitted, p_home, p_draw, p_away, xg_home, xg_away, scores)
       SELECT m.id, @model, @madeAt, @dataBefore, @matchesFitted, @pHome, @pDraw, @pAway, @xgHome, @xgAway, @scores
       FROM matches m
       WHERE m.id = @matchId AND m.ft_home IS NULL AND m.status IN ('scheduled', 'postponed') AND substr(@madeAt, 1, 10) <= m.date
       ON CONFLICT (match_id, model) DO UPDATE SET made_at = excluded.made_at, data_before = excluded.data_before,
         matches_fitted = excluded.matches_fitted, p_home = excluded.p_home, p_draw = excluded.p_draw,
         p_away = excluded.p_away, xg_home = excluded.xg_home, xg_away = excluded.xg_away, scores = excluded.scores
       WHERE excluded.made_at >= forecasts.made_at`,
    )
    .run({
      matchId: forecast.matchId,
      model: forecast.model,
      madeAt: forecast.madeAt,
      dataBefore: forecast.dataBefore,
      matchesFitted: forecast.matchesFitted,
      pHome: forecast.result.home,
      pDraw: forecast.result.draw,
      pAway: forecast.result.away,
      xgHome: forecast.expectedGoals.home,
      xgAway: forecast.expectedGoals.away,
      scores: JSON.stringify(forecast.scores),
    });
  return result.changes > 0;
}

interface ForecastRow {
  match_id: number;
  model: string;
  made_at: string;
  data_before: string;
  matches_fitted: number;
  p_home: number;
  p_draw: number;
  p_away: number;
  xg_home: number;
  xg_away: number;
  scores: string;
}

/** The latest stored forecast of each match that has one. */
export function preMatchForecasts(db: Db, matchIds: readonly number[]): Map<number, PreMatchForecast> {
  const statement = db.prepare('SELECT * FROM forecasts WHERE match_id = ? ORDER BY made_at DESC LIMIT 1');
  const found = new Map<number, PreMatchForecast>();
  for (const id of matchIds) {
    const row = statement.get(id) as ForecastRow | undefined;
    if (row) found.set(id, toForecast(row));
  }
  return found;
}

function toForecast(row: ForecastRow): PreMatchForecast {
  return {
    matchId: row.match_id,
    model: row.model,
    madeAt: row.made_at,
    dataBefore: row.data_before,
    matchesFitted: row.matches_fitted,
    result: { home: row.p_home, draw: row.p_draw, away: row.p_away },
    expectedGoals: { home: row.xg_home, away: row.xg_away },
    scores: JSON.parse(row.scores) as PreMatchForecast['scores'],
  };
}
