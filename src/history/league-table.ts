import type { ResultRow } from '../store/match-queries.js';

export interface TableRow {
  teamId: number;
  played: number;
  points: number;
  goalDifference: number;
  goalsFor: number;
}

export interface LeagueTable {
  /** Best first: points, then goal difference, then goals scored (then team id, so the order is stable). */
  rows: TableRow[];
  /** Matches each team plays in the season: a double round robin, 2 × (teams − 1). */
  matchesPerTeam: number;
}

/**
 * The table of one league season from its played matches (3 points a win, 1 a draw; no points deductions —
 * the sources do not record them). `teams` adds clubs that have not played yet, so that a table taken
 * before a season's first round still knows its size.
 */
export function leagueTable(matches: readonly ResultRow[], teams: readonly number[] = []): LeagueTable {
  const byTeam = new Map<number, TableRow>();
  const row = (teamId: number): TableRow => {
    let r = byTeam.get(teamId);
    if (!r) {
      r = { teamId, played: 0, points: 0, goalDifference: 0, goalsFor: 0 };
      byTeam.set(teamId, r);
    }
    return r;
  };
  for (const teamId of teams) row(teamId);
  for (const m of matches) {
    const home = row(m.homeTeamId);
    const away = row(m.awayTeamId);
    home.played++;
    away.played++;
    home.goalsFor += m.homeGoals;
    away.goalsFor += m.awayGoals;
    home.goalDifference += m.homeGoals - m.awayGoals;
    away.goalDifference += m.awayGoals - m.homeGoals;
    if (m.homeGoals > m.awayGoals) home.points += 3;
    else if (m.homeGoals < m.awayGoals) away.points += 3;
    else {
      home.points++;
      away.points++;
    }
  }
  const rows = [...byTeam.values()].sort(
    (a, b) =>
      b.points - a.points || b.goalDifference - a.goalDifference || b.goalsFor - a.goalsFor || a.teamId - b.teamId,
  );
  return { rows, matchesPerTeam: 2 * (rows.length - 1) };
}
