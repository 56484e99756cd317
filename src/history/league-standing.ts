import type { CompetitionRegistry } from '../competitions/registry.js';
import type { Db } from '../store/database.js';
import { findMatches, type StoredMatchView } from '../store/match-queries.js';
import { leagueFormat } from './league-format.js';
import { leagueTable, type LeagueTable, type TableMatch, type TableRow } from './league-table.js';
import { tableRace, type TableRace } from './table-race.js';

/**
 * Where a team stands in its league on a date: the table from the season's played matches before that day, the
 * rows a preview talks about (the leader, the teams level or close) and what is still to play for. Null when the
 * team's league season is not under way on the date (no league match in the last `OFF_SEASON_DAYS`, or every match
 * played), when the registry does not know the league's format, or when the matches do not fit it.
 */
export interface LeagueStanding {
  teamId: number;
  competition: { code: string; name: string };
  season: string;
  /** 1-based. */
  position: number;
  row: TableRow;
  /** Matches the team has left this season. */
  matchesLeft: number;
  pointsForWin: number;
  table: LeagueTable;
  /** What is still to win or lose: the title, promotion, relegation. */
  race: TableRace;
  /** Every league match of the season before the date: the table's receipts. */
  matches: StoredMatchView[];
}

/** A team whose last league match is older than this is between seasons: its table says nothing about now. */
const OFF_SEASON_DAYS = 45;

export function readLeagueStanding(
  db: Db,
  registry: CompetitionRegistry,
  teamId: number,
  date: string,
  teamMatches: readonly StoredMatchView[],
): LeagueStanding | null {
  const lastLeague = [...teamMatches]
    .reverse()
    .find((m) => m.competition.kind === 'league' && m.date < date && m.score.ft !== null);
  if (!lastLeague || daysBetween(lastLeague.date, date) > OFF_SEASON_DAYS) return null;
  const competition = registry.get(lastLeague.competition.code);
  const format = competition ? leagueFormat(competition, lastLeague.season) : null;
  if (!format) return null;
  const matches = findMatches(db, {
    competitionCode: lastLeague.competition.code,
    season: lastLeague.season,
    before: date,
    playedOnly: true,
  });
  const results: TableMatch[] = matches.map((m) => ({
    homeTeamId: m.home.id,
    awayTeamId: m.away.id,
    homeGoals: m.score.ft![0],
    awayGoals: m.score.ft![1],
  }));
  const table = leagueTable(results, format);
  if (!table) return null;
  const standing = standingIn(table, teamId);
  if (!standing) return null;
  return {
    ...standing,
    race: tableRace(table, format, teamId, results),
    teamId,
    competition: { code: lastLeague.competition.code, name: lastLeague.competition.name },
    season: lastLeague.season,
    matches,
  };
}

/** The team's place in a table; null when it is not in it or has no match left (its season is over). */
export function standingIn(
  table: LeagueTable,
  teamId: number,
): Pick<LeagueStanding, 'position' | 'row' | 'matchesLeft' | 'pointsForWin' | 'table'> | null {
  const index = table.rows.findIndex((r) => r.teamId === teamId);
  if (index < 0 || table.rows.length < 2) return null;
  const row = table.rows[index];
  const matchesLeft = table.matchesPerTeam[index] - row.played;
  if (matchesLeft <= 0) return null;
  return { position: index + 1, row, matchesLeft, pointsForWin: table.pointsForWin, table };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
