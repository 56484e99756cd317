import type { MatchStatus } from '../ingest/records.js';
import type { Db } from './database.js';

/** One leg of a stored tie as the tie reconstruction reads it. */
export interface TieLegRow {
  matchId: number;
  date: string;
  homeId: number;
  homeName: string;
  awayId: number;
  awayName: string;
  neutral: boolean;
  status: MatchStatus;
  ft: [number, number] | null;
  /** Score after extra time, extra-time goals included (cumulative). */
  et: [number, number] | null;
  pens: [number, number] | null;
}

/** A row of the `ties` table with both legs and the competition. */
export interface TieRow {
  tieId: number;
  competition: { code: string; name: string };
  season: string;
  round: string | null;
  firstLeg: TieLegRow;
  secondLeg: TieLegRow;
}

export interface TieFilter {
  tieId?: number;
  /** Competition codes; all when empty. */
  competitions?: string[];
  seasons?: string[];
  /** Ties with this team on either side. */
  teamId?: number;
  /** Ties whose first leg was played strictly before this date. */
  firstLegBefore?: string;
}

const LEG_COLUMNS = (alias: string, prefix: string) =>
  [
    `${alias}.id AS ${prefix}_id`,
    `${alias}.date AS ${prefix}_date`,
    `${alias}.home_team_id AS ${prefix}_home_id`,
    `${alias}.away_team_id AS ${prefix}_away_id`,
    `${alias}.neutral AS ${prefix}_neutral`,
    `${alias}.status AS ${prefix}_status`,
    `${alias}.ft_home AS ${prefix}_ft_home`,
    `${alias}.ft_away AS ${prefix}_ft_away`,
    `${alias}.et_home AS ${prefix}_et_home`,
    `${alias}.et_away AS ${prefix}_et_away`,
    `${alias}.pen_home AS ${prefix}_pen_home`,
    `${alias}.pen_away AS ${prefix}_pen_away`,
  ].join(', ');

type Row = Record<string, string | number | null>;

/** Stored ties (both legs linked by the import), in the order their second legs were played. */
export function findTieRows(db: Db, filter: TieFilter = {}): TieRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.tieId !== undefined) {
    where.push('t.id = ?');
    params.push(filter.tieId);
  }
  if (filter.competitions && filter.competitions.length > 0) {
    where.push(`c.code IN (${filter.competitions.map(() => '?').join(',')})`);
    params.push(...filter.competitions);
  }
  if (filter.seasons && filter.seasons.length > 0) {
    where.push(`t.season IN (${filter.seasons.map(() => '?').join(',')})`);
    params.push(...filter.seasons);
  }
  if (filter.teamId !== undefined) {
    where.push('(f.home_team_id = ? OR f.away_team_id = ?)');
    params.push(filter.teamId, filter.teamId);
  }
  if (filter.firstLegBefore) {
    where.push('f.date < ?');
    params.push(filter.firstLegBefore);
  }
  const rows = db
    .prepare(
      `SELECT t.id AS tie_id, t.season, t.round, c.code, c.name AS competition_name,
         ${LEG_COLUMNS('f', 'f')}, ${LEG_COLUMNS('s', 's')},
         fh.name AS f_home_name, fa.name AS f_away_name, sh.name AS s_home_name, sa.name AS s_away_name
       FROM ties t
       JOIN competitions c ON c.id = t.competition_id
       JOIN matches f ON f.id = t.first_leg_id
       JOIN matches s ON s.id = t.second_leg_id
       JOIN teams fh ON fh.id = f.home_team_id
       JOIN teams fa ON fa.id = f.away_team_id
       JOIN teams sh ON sh.id = s.home_team_id
       JOIN teams sa ON sa.id = s.away_team_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.date, t.id`,
    )
    .all(...params) as Row[];
  return rows.map((r) => ({
    tieId: r.tie_id as number,
    competition: { code: r.code as string, name: r.competition_name as string },
    season: r.season as string,
    round: r.round as string | null,
    firstLeg: legOf(r, 'f'),
    secondLeg: legOf(r, 's'),
  }));
}

/**
 * A deciding match after a tie's second leg (a replay or play-off in the early European Cup): the same two teams,
 * competition, season and round, without a leg number, within `days` after the second leg.
 */
export function findDecidingMatch(db: Db, tie: TieRow, days: number): TieLegRow | null {
  const row = db
    .prepare(
      `SELECT ${LEG_COLUMNS('m', 'm')}, h.name AS m_home_name, a.name AS m_away_name
       FROM matches m
       JOIN competitions c ON c.id = m.competition_id
       JOIN teams h ON h.id = m.home_team_id
       JOIN teams a ON a.id = m.away_team_id
       WHERE c.code = ? AND m.season = ? AND m.round IS ? AND m.leg IS NULL
         AND ((m.home_team_id = ? AND m.away_team_id = ?) OR (m.home_team_id = ? AND m.away_team_id = ?))
         AND m.date > ? AND m.date <= date(?, '+' || ? || ' days')
       ORDER BY m.date DESC LIMIT 1`,
    )
    .get(
      tie.competition.code,
      tie.season,
      tie.round,
      tie.firstLeg.homeId,
      tie.firstLeg.awayId,
      tie.firstLeg.awayId,
      tie.firstLeg.homeId,
      tie.secondLeg.date,
      tie.secondLeg.date,
      days,
    ) as Row | undefined;
  return row ? legOf(row, 'm') : null;
}

/** Played matches and their 90-minute goals, and those with extra time and the goals in it, before a date. */
export interface ExtraTimeTotals {
  matches: number;
  goals: number;
  extraTimeMatches: number;
  extraTimeGoals: number;
}

/** Totals over the given competitions (none: all zero) of the matches strictly before `before`. */
export function extraTimeTotals(db: Db, competitions: string[], before: string): ExtraTimeTotals {
  if (competitions.length === 0) return { matches: 0, goals: 0, extraTimeMatches: 0, extraTimeGoals: 0 };
  const row = db
    .prepare(
      `SELECT COUNT(*) AS matches, COALESCE(SUM(m.ft_home + m.ft_away), 0) AS goals,
         COALESCE(SUM(m.et_home IS NOT NULL AND m.status = 'played' AND m.et_home >= m.ft_home
           AND m.et_away >= m.ft_away), 0) AS et_matches,
         COALESCE(SUM(CASE WHEN m.et_home IS NOT NULL AND m.status = 'played' AND m.et_home >= m.ft_home
           AND m.et_away >= m.ft_away THEN m.et_home + m.et_away - m.ft_home - m.ft_away ELSE 0 END), 0) AS et_goals
       FROM matches m JOIN competitions c ON c.id = m.competition_id
       WHERE m.status IN ('played', 'awarded') AND m.ft_home IS NOT NULL AND m.date < ?
         AND c.code IN (${competitions.map(() => '?').join(',')})`,
    )
    .get(before, ...competitions) as { matches: number; goals: number; et_matches: number; et_goals: number };
  return { matches: row.matches, goals: row.goals, extraTimeMatches: row.et_matches, extraTimeGoals: row.et_goals };
}

/** Of the given teams, those with a match in the competition-season dated after `date` (they played on). */
export function teamsPlayingAfter(
  db: Db,
  competitionCode: string,
  season: string,
  date: string,
  teamIds: number[],
): number[] {
  const statement = db
    .prepare(
      `SELECT 1 FROM matches m JOIN competitions c ON c.id = m.competition_id
       WHERE c.code = ? AND m.season = ? AND m.date > ? AND (m.home_team_id = ? OR m.away_team_id = ?) LIMIT 1`,
    )
    .pluck();
  return teamIds.filter((id) => statement.get(competitionCode, season, date, id, id) !== undefined);
}

function legOf(r: Row, prefix: string): TieLegRow {
  const pair = (a: string, b: string): [number, number] | null => {
    const x = r[`${prefix}_${a}`];
    const y = r[`${prefix}_${b}`];
    return x === null || y === null ? null : [x as number, y as number];
  };
  return {
    matchId: r[`${prefix}_id`] as number,
    date: r[`${prefix}_date`] as string,
    homeId: r[`${prefix}_home_id`] as number,
    homeName: r[`${prefix}_home_name`] as string,
    awayId: r[`${prefix}_away_id`] as number,
    awayName: r[`${prefix}_away_name`] as string,
    neutral: r[`${prefix}_neutral`] === 1,
    status: r[`${prefix}_status`] as MatchStatus,
    ft: pair('ft_home', 'ft_away'),
    et: pair('et_home', 'et_away'),
    pens: pair('pen_home', 'pen_away'),
  };
}

/** Codes of the top-flight leagues and the continental competitions that have matches: what tie forecasts fit on. */
export function topFlightAndContinentalCodes(db: Db): string[] {
  return db
    .prepare(
      `SELECT c.code FROM competitions c
       WHERE (c.kind = 'continental' OR (c.kind = 'league' AND c.tier = 1))
         AND EXISTS (SELECT 1 FROM matches m WHERE m.competition_id = c.id)
       ORDER BY c.code`,
    )
    .pluck()
    .all() as string[];
}

/** Codes of the continental competitions. */
export function continentalCodes(db: Db): string[] {
  return db.prepare("SELECT code FROM competitions WHERE kind = 'continental' ORDER BY code").pluck().all() as string[];
}
