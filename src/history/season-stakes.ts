import type { LeagueTable } from './league-table.js';

/**
 * The lines of a league table that matter: below the 1st (the title), the 4th to the 7th (Champions League
 * and the other European places, which vary by league and year) and above the bottom three (relegation,
 * play-off included). One set for every league: the exact places change from season to season, and a team
 * near any of these lines has something to play for.
 */
export function tableLines(teams: number): number[] {
  return [...new Set([1, 4, 5, 6, 7, teams - 3])].filter((line) => line >= 1 && line < teams);
}

/**
 * How far a team is from every line it could still cross, as a share of the points left to cross it: for a
 * team above a line, its lead over the first team below it divided by the points that team can still win;
 * below a line, its deficit to the last team above it divided by the points it can still win itself. The
 * smallest over the lines is returned: under 1 the team can still move across a line (small: a close race),
 * over 1 (or Infinity once its season is over) it has nothing left to win or lose.
 */
export function stakeRatio(table: LeagueTable, teamId: number): number {
  const position = table.rows.findIndex((r) => r.teamId === teamId);
  if (position < 0) throw new Error(`team ${teamId} is not in the table`);
  const team = table.rows[position];
  const pointsLeft = (played: number): number => 3 * (table.matchesPerTeam - played);
  if (pointsLeft(team.played) <= 0) return Infinity;
  let ratio = Infinity;
  for (const line of tableLines(table.rows.length)) {
    if (position < line) {
      const chaser = table.rows[line];
      const lead = team.points - chaser.points;
      const chaserLeft = pointsLeft(chaser.played);
      ratio = Math.min(ratio, chaserLeft > 0 ? lead / chaserLeft : lead > 0 ? Infinity : 0);
    } else {
      const target = table.rows[line - 1];
      ratio = Math.min(ratio, (target.points - team.points) / pointsLeft(team.played));
    }
  }
  return ratio;
}
