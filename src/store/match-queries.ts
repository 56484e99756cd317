import type { MatchStatus } from '../ingest/records.js';
import { matchScopeSql } from './match-scope-sql.js';
import type { Db } from './database.js';

/** A stored match with names resolved, as read models and surfaces use it. */
export interface StoredMatchView {
  id: number;
  competition: { code: string; name: string; kind: string };
  season: string;
  date: string;
  time: string | null;
  home: { id: number; name: string };
  away: { id: number; name: string };
  neutral: boolean;
  venue: string | null;
  round: string | null;
  group: string | null;
  leg: 1 | 2 | null;
  tieId: number | null;
  status: MatchStatus;
  score: {
    ht: [number, number] | null;
    ft: [number, number] | null;
    et: [number, number] | null;
    pens: [number, number] | null;
  };
  attendance: number | null;
  referee: string | null;
}

export interface MatchFilter {
  teamId?: number;
  competitionCode?: string;
  season?: string;
  /** Inclusive ISO date bounds. */
  from?: string;
  to?: string;
  /** Only matches strictly before this date (no leakage into forecasts). */
  before?: string;
  playedOnly?: boolean;
  /** Only legs of two-legged ties. */
  legsOnly?: boolean;
  /**
   * Only legs of ties whose first leg the side in `leader`'s position won by at least `margin` goals (0: drawn), as
   * it finished (after extra time when there was any): a precedent's field, without every other tie.
   */
  firstLegWonBy?: { leader: 'home' | 'away'; margin: number };
}

/**
 * A match row as an array, in the order of MATCH_VIEW_COLUMNS: better-sqlite3 builds arrays several times faster
 * than objects of 30 keys, and a preview reads tens of thousands of matches.
 */
type MatchRow = [
  id: number,
  competitionId: number,
  season: string,
  date: string,
  time: string | null,
  homeId: number,
  awayId: number,
  neutral: number,
  venue: string | null,
  round: string | null,
  groupName: string | null,
  leg: 1 | 2 | null,
  tieId: number | null,
  status: MatchStatus,
  htHome: number | null,
  htAway: number | null,
  ftHome: number | null,
  ftAway: number | null,
  etHome: number | null,
  etAway: number | null,
  penHome: number | null,
  penAway: number | null,
  attendance: number | null,
  referee: string | null,
];

// Competitions and teams are looked up once per call, not joined into every row: a team's whole history and every
// earlier European leg are tens of thousands of rows, and their repeated names were most of the reading time.
const MATCH_VIEW_COLUMNS = `m.id, m.competition_id, m.season, m.date, m.time, m.home_team_id, m.away_team_id,
  m.neutral, m.venue, m.round, m.group_name, m.leg, m.tie_id, m.status, m.ht_home, m.ht_away, m.ft_home, m.ft_away,
  m.et_home, m.et_away, m.pen_home, m.pen_away, m.attendance, m.referee`;

export function findMatches(db: Db, filter: MatchFilter): StoredMatchView[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.teamId !== undefined) {
    where.push('(m.home_team_id = @team OR m.away_team_id = @team)');
    params.team = filter.teamId;
  }
  if (filter.competitionCode) {
    where.push('m.competition_id = (SELECT id FROM competitions WHERE code = @competition)');
    params.competition = filter.competitionCode;
  }
  if (filter.season) {
    where.push('m.season = @season');
    params.season = filter.season;
  }
  if (filter.from) {
    where.push('m.date >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('m.date <= @to');
    params.to = filter.to;
  }
  if (filter.before) {
    where.push('m.date < @before');
    params.before = filter.before;
  }
  if (filter.playedOnly) where.push("m.status IN ('played', 'awarded') AND m.ft_home IS NOT NULL");
  if (filter.legsOnly) where.push('m.leg IS NOT NULL');
  if (filter.firstLegWonBy) {
    const { leader, margin } = filter.firstLegWonBy;
    const lead = `(COALESCE(f.et_home, f.ft_home) - COALESCE(f.et_away, f.ft_away))${leader === 'away' ? ' * -1' : ''}`;
    // A tie's legs share its competition: the first legs of the competition asked for are all there is to read.
    const sameCompetition = filter.competitionCode
      ? 'f.competition_id = (SELECT id FROM competitions WHERE code = @competition) AND '
      : '';
    where.push(
      `m.tie_id IN (SELECT f.tie_id FROM matches f WHERE ${sameCompetition}f.leg = 1 AND f.tie_id IS NOT NULL AND ${margin === 0 ? `${lead} = 0` : `${lead} >= @margin`})`,
    );
    if (margin > 0) params.margin = margin;
  }
  const sql = `
    SELECT ${MATCH_VIEW_COLUMNS}
    FROM matches m
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.date, m.time, m.id`;
  const rows = db.prepare(sql).raw().all(params) as MatchRow[];
  const competitions = new Map(
    (db.prepare('SELECT id, code, name, kind FROM competitions').raw().all() as [number, string, string, string][]).map(
      ([id, code, name, kind]) => [id, { code, name, kind }],
    ),
  );
  const teamIds = new Set<number>();
  for (const row of rows) teamIds.add(row[5]).add(row[6]);
  const teams = new Map(
    (
      db
        .prepare('SELECT id, name FROM teams WHERE id IN (SELECT value FROM json_each(?))')
        .raw()
        .all(JSON.stringify([...teamIds])) as [number, string][]
    ).map(([id, name]) => [id, { id, name }]),
  );
  // Views share their competition and team objects (read-only by use): fewer objects for a history of thousands.
  return rows.map((row) => toView(row, competitions, teams));
}

export interface GoalView {
  side: 'home' | 'away';
  scorer: string;
  minute: number | null;
  stoppage: number | null;
  penalty: boolean;
  ownGoal: boolean;
}

export function goalsOfMatches(db: Db, matchIds: number[]): Map<number, GoalView[]> {
  const result = new Map<number, GoalView[]>();
  // One query for every match (a team's whole history is thousands of them), rows as arrays: a statement per match
  // cost a preview a sixth of a second.
  const rows = db
    .prepare(
      `SELECT match_id, side, scorer, minute, stoppage, penalty, own_goal FROM goals
       WHERE match_id IN (SELECT value FROM json_each(?)) ORDER BY match_id, seq`,
    )
    .raw()
    .all(JSON.stringify(matchIds)) as [number, 'home' | 'away', string, number | null, number | null, number, number][];
  for (const [matchId, side, scorer, minute, stoppage, penalty, ownGoal] of rows) {
    let goals = result.get(matchId);
    if (!goals) result.set(matchId, (goals = []));
    goals.push({ side, scorer, minute, stoppage, penalty: penalty === 1, ownGoal: ownGoal === 1 });
  }
  return result;
}

export interface SourceView {
  format: string;
  file: string;
  line: number;
}

export function sourcesOfMatches(db: Db, matchIds: number[]): Map<number, SourceView[]> {
  const result = new Map<number, SourceView[]>();
  const statement = db.prepare('SELECT format, file, line FROM match_sources WHERE match_id = ? ORDER BY file, line');
  for (const id of matchIds) result.set(id, statement.all(id) as SourceView[]);
  return result;
}

export interface TeamListing {
  id: number;
  name: string;
  country: string | null;
  matches: number;
  firstDate: string | null;
  lastDate: string | null;
  aliases: string[];
}

export function listTeams(db: Db, teamIds?: number[]): TeamListing[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, t.country,
        (SELECT COUNT(*) FROM matches m WHERE m.home_team_id = t.id OR m.away_team_id = t.id) AS matches,
        (SELECT MIN(date) FROM matches m WHERE m.home_team_id = t.id OR m.away_team_id = t.id) AS firstDate,
        (SELECT MAX(date) FROM matches m WHERE m.home_team_id = t.id OR m.away_team_id = t.id) AS lastDate,
        (SELECT json_group_array(key) FROM team_aliases WHERE team_id = t.id) AS aliases
      FROM teams t ${teamIds ? `WHERE t.id IN (${teamIds.map(() => '?').join(',')})` : ''} ORDER BY t.name`,
    )
    .all(...(teamIds ?? [])) as (Omit<TeamListing, 'aliases'> & { aliases: string })[];
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

export function competitionByCode(db: Db, code: string): { id: number; code: string; name: string } | undefined {
  return db.prepare('SELECT id, code, name FROM competitions WHERE code = ?').get(code) as
    { id: number; code: string; name: string } | undefined;
}

export function countMatches(db: Db, competitionCode: string, season: string): number {
  return db
    .prepare(
      'SELECT COUNT(*) FROM matches m JOIN competitions c ON c.id = m.competition_id WHERE c.code = ? AND m.season = ?',
    )
    .pluck()
    .get(competitionCode, season) as number;
}

function toView(
  row: MatchRow,
  competitions: ReadonlyMap<number, StoredMatchView['competition']>,
  teams: ReadonlyMap<number, StoredMatchView['home']>,
): StoredMatchView {
  const [
    id,
    competitionId,
    season,
    date,
    time,
    homeId,
    awayId,
    neutral,
    venue,
    round,
    group,
    leg,
    tieId,
    status,
    htHome,
    htAway,
    ftHome,
    ftAway,
    etHome,
    etAway,
    penHome,
    penAway,
    attendance,
    referee,
  ] = row;
  const pair = (a: number | null, b: number | null): [number, number] | null =>
    a === null || b === null ? null : [a, b];
  return {
    id,
    competition: competitions.get(competitionId)!,
    season,
    date,
    time,
    home: teams.get(homeId)!,
    away: teams.get(awayId)!,
    neutral: neutral === 1,
    venue,
    round,
    group,
    leg,
    tieId,
    status,
    score: {
      ht: pair(htHome, htAway),
      ft: pair(ftHome, ftAway),
      et: pair(etHome, etAway),
      pens: pair(penHome, penAway),
    },
    attendance,
    referee,
  };
}

/** A played match reduced to what a model fit needs. */
export interface ResultRow {
  id: number;
  date: string;
  competition: string;
  kind: string;
  /** The competition's country (null for UEFA competitions). */
  country: string | null;
  /** The season the source gives, e.g. `2023-24` (a league's table is per season). */
  season: string;
  homeTeamId: number;
  awayTeamId: number;
  homeGoals: number;
  awayGoals: number;
  neutral: boolean;
}

/**
 * Played matches (90-minute scores) in date order, lean and fast for fitting: competitions by code
 * (all when empty), dates `from` ≤ date and date < `before`.
 */
export function resultRows(db: Db, filter: { competitions?: string[]; from?: string; before?: string }): ResultRow[] {
  const where = ["m.status IN ('played', 'awarded')", 'm.ft_home IS NOT NULL'];
  const params: unknown[] = [];
  const scope = matchScopeSql(filter);
  where.push(...scope.clauses);
  params.push(...scope.params);
  const rows = db
    .prepare(
      `SELECT m.id, m.date, c.code, c.kind, c.country, m.season, m.home_team_id, m.away_team_id, m.ft_home, m.ft_away, m.neutral
       FROM matches m JOIN competitions c ON c.id = m.competition_id
       WHERE ${where.join(' AND ')} ORDER BY m.date, m.id`,
    )
    .raw()
    .all(...params) as [
    number,
    string,
    string,
    string,
    string | null,
    string,
    number,
    number,
    number,
    number,
    number,
  ][];
  return rows.map(
    ([id, date, competition, kind, country, season, homeTeamId, awayTeamId, homeGoals, awayGoals, neutral]) => ({
      id,
      date,
      competition,
      kind,
      country,
      season,
      homeTeamId,
      awayTeamId,
      homeGoals,
      awayGoals,
      neutral: neutral === 1,
    }),
  );
}

export interface TeamInfo {
  name: string;
  country: string | null;
}

export function teamInfo(db: Db, ids: number[]): Map<number, TeamInfo> {
  const statement = db.prepare('SELECT name, country FROM teams WHERE id = ?');
  return new Map(ids.map((id) => [id, statement.get(id) as TeamInfo]));
}

/** The league a team last played in before a date (null if it never played a league match before it). */
export function latestLeague(db: Db, teamId: number, before: string): string | null {
  const row = db
    .prepare(
      `SELECT c.code FROM matches m JOIN competitions c ON c.id = m.competition_id
       WHERE c.kind = 'league' AND m.date < ? AND (m.home_team_id = ? OR m.away_team_id = ?)
       ORDER BY m.date DESC LIMIT 1`,
    )
    .pluck()
    .get(before, teamId, teamId) as string | undefined;
  return row ?? null;
}

/** Codes of the competitions of a kind that have matches in the database (from `from` until before `before`). */
export function competitionCodes(db: Db, kind: string, dates: { from?: string; before?: string } = {}): string[] {
  return db
    .prepare(
      `SELECT c.code FROM competitions c WHERE c.kind = ? AND EXISTS (
         SELECT 1 FROM matches m WHERE m.competition_id = c.id AND m.date >= ? AND m.date < ?)
       ORDER BY c.code`,
    )
    .pluck()
    .all(kind, dates.from ?? '0000-00-00', dates.before ?? '9999-99-99') as string[];
}

/** Number of matches of each team. */
export function matchCounts(db: Db, teamIds: number[]): Map<number, number> {
  const statement = db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM matches WHERE home_team_id = ?) + (SELECT COUNT(*) FROM matches WHERE away_team_id = ?)',
    )
    .pluck();
  return new Map(teamIds.map((id) => [id, statement.get(id, id) as number]));
}

/** A team's season in one competition in short: [team id, season, points (3 a win, 1 a draw), played, last date]. */
export type SeasonTotal = [teamId: number, season: string, points: number, played: number, lastDate: string];

/**
 * Each team's season totals in one competition's matches played before a date, unordered: of the given teams
 * (read through the teams' indexes), or of every team.
 */
export function seasonTotals(
  db: Db,
  competition: string,
  before: string,
  teams: readonly number[] | null = null,
): SeasonTotal[] {
  const played = "m.status IN ('played', 'awarded') AND m.ft_home IS NOT NULL";
  const side = (column: string) => (teams === null ? '' : `AND m.${column} IN (${teams.map(() => '?').join(',')})`);
  const teamParams = teams ?? [];
  return db
    .prepare(
      `SELECT team, season, SUM(points), COUNT(*), MAX(date) FROM (
         SELECT m.home_team_id AS team, m.season, m.date,
           CASE WHEN m.ft_home > m.ft_away THEN 3 WHEN m.ft_home = m.ft_away THEN 1 ELSE 0 END AS points
         FROM matches m JOIN competitions c ON c.id = m.competition_id
         WHERE c.code = ? AND m.date < ? AND ${played} ${side('home_team_id')}
         UNION ALL
         SELECT m.away_team_id, m.season, m.date,
           CASE WHEN m.ft_away > m.ft_home THEN 3 WHEN m.ft_home = m.ft_away THEN 1 ELSE 0 END
         FROM matches m JOIN competitions c ON c.id = m.competition_id
         WHERE c.code = ? AND m.date < ? AND ${played} ${side('away_team_id')}
       ) GROUP BY team, season`,
    )
    .raw()
    .all(competition, before, ...teamParams, competition, before, ...teamParams) as SeasonTotal[];
}

/** The league a team last played in on or after `from` and before `before` (null if none). */
export function latestLeagueSince(db: Db, teamId: number, from: string, before: string): string | null {
  const row = db
    .prepare(
      `SELECT c.code FROM matches m JOIN competitions c ON c.id = m.competition_id
       WHERE c.kind = 'league' AND m.date >= ? AND m.date < ? AND (m.home_team_id = ? OR m.away_team_id = ?)
         AND m.status IN ('played', 'awarded') AND m.ft_home IS NOT NULL
       ORDER BY m.date DESC, m.id DESC LIMIT 1`,
    )
    .pluck()
    .get(from, before, teamId, teamId) as string | undefined;
  return row ?? null;
}

/** Codes of the competitions with at least one played match. */
export function heldCompetitions(db: Db): string[] {
  return db
    .prepare(
      `SELECT c.code FROM competitions c WHERE EXISTS (
         SELECT 1 FROM matches m WHERE m.competition_id = c.id AND m.status IN ('played', 'awarded') AND m.ft_home IS NOT NULL)
       ORDER BY c.code`,
    )
    .pluck()
    .all() as string[];
}

/** The first and last dates of the played matches in the database (null when none is played). */
export function playedDateRange(db: Db): { first: string; last: string } | null {
  // Ordered by date, the date index finds each end without a scan.
  const end = (order: 'ASC' | 'DESC') =>
    db
      .prepare(
        `SELECT date FROM matches WHERE status IN ('played', 'awarded') AND ft_home IS NOT NULL
         ORDER BY date ${order} LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
  const first = end('ASC');
  const last = end('DESC');
  return first !== undefined && last !== undefined ? { first, last } : null;
}
