import type { LeagueTable } from './league-table.js';

/**
 * How far a team is from every line it could still cross, as a share of the points left to cross it: for a
 * team above a line, its lead over the first team below it divided by the points that team can still win;
 * below a line, its deficit to the last team above it divided by the points it can still win itself. Only the
 * lines inside the part of the table the team can still finish in count (its group, once a split league has
 * split). The smallest over the lines is returned: under 1 the team can still move across a line (small: a
 * close race), over 1 (or Infinity once its season is over) it has nothing left to win or lose.
 */
export function stakeRatio(table: LeagueTable, teamId: number): number {
  const position = table.rows.findIndex((r) => r.teamId === teamId);
  if (position < 0) throw new Error(`team ${teamId} is not in the table`);
  const team = table.rows[position];
  const pointsLeft = (row: number): number => table.pointsForWin * (table.matchesPerTeam[row] - table.rows[row].played);
  if (pointsLeft(position) <= 0) return Infinity;
  const { start, end } = table.reach[position];
  let ratio = Infinity;
  for (const line of table.lines) {
    if (line <= start || line >= end) continue;
    if (position < line) {
      const lead = team.points - table.rows[line].points;
      const chaserLeft = pointsLeft(line);
      ratio = Math.min(ratio, chaserLeft > 0 ? lead / chaserLeft : lead > 0 ? Infinity : 0);
    } else {
      ratio = Math.min(ratio, (table.rows[line - 1].points - team.points) / pointsLeft(position));
    }
  }
  return ratio;
}
