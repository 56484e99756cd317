import type { Db } from './database.js';

/** What the database holds of one competition's season. */
export interface SeasonHoldings {
  competition: string;
  season: string;
  /** Matches with a result (played or awarded). */
  played: number;
  /** Matches still to play (scheduled or postponed). */
  scheduled: number;
  /** Matches that will not be played (cancelled, abandoned without a result). */
  void: number;
  teams: number;
  /** Teams per group where the season was played in groups or sections (Third Division North and South). */
  groupTeams: number[];
  firstDate: string;
  lastDate: string;
  /** Rounds stored (knockout labels such as `Final`), distinct. */
  rounds: string[];
  /** The source formats the matches came from. */
  formats: string[];
}

/** What a season's completeness is judged from: its holdings without the source formats. */
export type SeasonSummary = Omit<SeasonHoldings, 'formats'>;

/** Every (competition, season) the database holds, optionally for one competition or season. */
export function seasonHoldings(db: Db, filter: { competition?: string; season?: string } = {}): SeasonHoldings[] {
  const { where, params } = holdingsFilter(filter);
  const formats = valuesBySeason(
    db,
    `SELECT DISTINCT c.code AS competition, m.season, s.format AS value
     FROM match_sources s JOIN matches m ON m.id = s.match_id JOIN competitions c ON c.id = m.competition_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return seasonSummaries(db, filter).map((h) => ({
    ...h,
    formats: (formats.get(`${h.competition}|${h.season}`) ?? []).sort(),
  }));
}

function holdingsFilter(filter: { competition?: string; season?: string }): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.competition) {
    where.push('m.competition_id = (SELECT id FROM competitions WHERE code = ?)');
    params.push(filter.competition);
  }
  if (filter.season) {
    where.push('m.season = ?');
    params.push(filter.season);
  }
  return { where, params };
}

/** `seasonHoldings` without the formats (a read of every match's sources): what a season's status needs. */
export function seasonSummaries(db: Db, filter: { competition?: string; season?: string } = {}): SeasonSummary[] {
  const { where, params } = holdingsFilter(filter);
  const scope = `FROM matches m JOIN competitions c ON c.id = m.competition_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  // One grouped pass per measure: correlated subqueries per season take seconds on a full database.
  const counts = db
    .prepare(
      `SELECT c.code AS competition, m.season,
         SUM(m.status IN ('played', 'awarded') OR (m.status = 'abandoned' AND m.ft_home IS NOT NULL)) AS played,
         SUM(m.status IN ('scheduled', 'postponed')) AS scheduled,
         SUM(m.status = 'cancelled' OR (m.status = 'abandoned' AND m.ft_home IS NULL)) AS void,
         MIN(m.date) AS firstDate, MAX(m.date) AS lastDate
       ${scope} GROUP BY c.code, m.season ORDER BY c.code, MIN(m.date)`,
    )
    .all(...params) as Omit<SeasonSummary, 'teams' | 'groupTeams' | 'rounds'>[];
  const key = (competition: string, season: string) => `${competition}|${season}`;
  const teams = new Map(
    (
      db
        .prepare(
          `SELECT competition, season, COUNT(DISTINCT team) AS teams FROM (
             SELECT c.code AS competition, m.season, m.home_team_id AS team ${scope}
             UNION ALL SELECT c.code, m.season, m.away_team_id ${scope})
           GROUP BY competition, season`,
        )
        .all(...params, ...params) as { competition: string; season: string; teams: number }[]
    ).map((r) => [key(r.competition, r.season), r.teams]),
  );
  const groupTeams = new Map<string, number[]>();
  for (const r of db
    .prepare(
      `SELECT competition, season, COUNT(DISTINCT team) AS teams FROM (
         SELECT c.code AS competition, m.season, m.group_name, m.home_team_id AS team ${scope}${where.length > 0 ? ' AND' : ' WHERE'} m.group_name IS NOT NULL
         UNION ALL SELECT c.code, m.season, m.group_name, m.away_team_id ${scope}${where.length > 0 ? ' AND' : ' WHERE'} m.group_name IS NOT NULL)
       GROUP BY competition, season, group_name`,
    )
    .all(...params, ...params) as { competition: string; season: string; teams: number }[]) {
    const k = key(r.competition, r.season);
    groupTeams.set(k, [...(groupTeams.get(k) ?? []), r.teams]);
  }
  const rounds = valuesBySeason(
    db,
    `SELECT DISTINCT c.code AS competition, m.season, m.round AS value ${scope}${where.length > 0 ? ' AND' : ' WHERE'} m.round IS NOT NULL`,
    params,
  );
  return counts.map((r) => {
    const k = key(r.competition, r.season);
    return {
      ...r,
      teams: teams.get(k) ?? 0,
      groupTeams: groupTeams.get(k) ?? [],
      rounds: (rounds.get(k) ?? []).sort(),
    };
  });
}

/** The values a query lists per `competition|season` (its rows: competition, season, value). */
function valuesBySeason(db: Db, sql: string, params: readonly string[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const r of db.prepare(sql).all(...params) as { competition: string; season: string; value: string }[]) {
    const k = `${r.competition}|${r.season}`;
    lists.set(k, [...(lists.get(k) ?? []), r.value]);
  }
  return lists;
}

/** A team's matches in one competition's season, by status. */
export interface TeamSeasonHoldings {
  competition: string;
  played: number;
  scheduled: number;
  /** The round of the team's last match there (a cup run ends in it). */
  lastRound: string | null;
}

/** The competitions a team has matches in during a season, and how many. */
export function teamSeasonHoldings(db: Db, teamId: number, season: string): TeamSeasonHoldings[] {
  // Home and away read separately so each uses its team index.
  const rows = db
    .prepare(
      `SELECT c.code AS competition, m.season, m.status, m.round, m.date, m.id FROM matches m
         JOIN competitions c ON c.id = m.competition_id WHERE m.home_team_id = ? AND m.season = ?
       UNION ALL
       SELECT c.code, m.season, m.status, m.round, m.date, m.id FROM matches m
         JOIN competitions c ON c.id = m.competition_id WHERE m.away_team_id = ? AND m.season = ?
       ORDER BY 5, 6`,
    )
    .all(teamId, season, teamId, season) as HoldingRow[];
  return holdingsOf(rows).get(season) ?? [];
}

/** `teamSeasonHoldings` of every season of the team at once, by season: one read where a preview needs them all. */
export function teamHoldingsBySeason(db: Db, teamId: number): Map<string, TeamSeasonHoldings[]> {
  const rows = db
    .prepare(
      `SELECT c.code AS competition, m.season, m.status, m.round, m.date, m.id FROM matches m
         JOIN competitions c ON c.id = m.competition_id WHERE m.home_team_id = ?
       UNION ALL
       SELECT c.code, m.season, m.status, m.round, m.date, m.id FROM matches m
         JOIN competitions c ON c.id = m.competition_id WHERE m.away_team_id = ?
       ORDER BY 5, 6`,
    )
    .all(teamId, teamId) as HoldingRow[];
  return holdingsOf(rows);
}

/** One match of a team, as its season holdings count it. */
export interface HoldingRow {
  competition: string;
  season: string;
  status: string;
  round: string | null;
}

/** A team's holdings by season from its matches of every date, ordered by date and id (a cup run ends in the last). */
export function holdingsOf(rows: readonly HoldingRow[]): Map<string, TeamSeasonHoldings[]> {
  const bySeason = new Map<string, Map<string, TeamSeasonHoldings>>();
  for (const row of rows) {
    const byCompetition = bySeason.get(row.season) ?? new Map<string, TeamSeasonHoldings>();
    const holding = byCompetition.get(row.competition) ?? {
      competition: row.competition,
      played: 0,
      scheduled: 0,
      lastRound: null,
    };
    if (row.status === 'played' || row.status === 'awarded') holding.played++;
    if (row.status === 'scheduled' || row.status === 'postponed') holding.scheduled++;
    holding.lastRound = row.round;
    byCompetition.set(row.competition, holding);
    bySeason.set(row.season, byCompetition);
  }
  return new Map(
    [...bySeason].map(([season, byCompetition]) => [
      season,
      [...byCompetition.values()].sort((a, b) => a.competition.localeCompare(b.competition)),
    ]),
  );
}
