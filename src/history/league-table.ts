import type { ResultRow } from '../store/match-queries.js';
import { tableLines, type LeagueFormat } from './league-format.js';

export interface TableRow {
  teamId: number;
  played: number;
  points: number;
  goalDifference: number;
  goalsFor: number;
}

/** What a table needs of a match. */
export type TableMatch = Pick<ResultRow, 'homeTeamId' | 'awayTeamId' | 'homeGoals' | 'awayGoals'>;

export interface LeagueTable {
  /**
   * Best first: points, then goal difference, then goals scored (then team id, so the order is stable). Once a
   * split league has split, each group's teams come together, the top group first, whatever their points.
   */
  rows: TableRow[];
  /** Matches the team of each row plays in the whole season. */
  matchesPerTeam: number[];
  /** The rows the team of each row can still finish in, [start, end): the whole table, or its group after a split. */
  reach: { start: number; end: number }[];
  /** The lines that matter, as places above them (tableLines), and the split's boundaries while it is to come. */
  lines: number[];
  /** Points a win is worth this season. */
  pointsForWin: number;
}

/**
 * The table of one league season from its played matches, in date order, under the season's format (points per
 * win and draw, round robins, a split; no points deductions — the sources do not record them). `teams` adds
 * clubs that have not played yet, so that a table taken before a season's first round still knows its size.
 * Null when the matches do not fit the format: a team has played more matches than it should, or the split's
 * groups do not add up to the teams.
 */
export function leagueTable(
  matches: readonly TableMatch[],
  format: LeagueFormat,
  teams: readonly number[] = [],
): LeagueTable | null {
  const teamIds = [...new Set([...teams, ...matches.flatMap((m) => [m.homeTeamId, m.awayTeamId])])];
  const n = teamIds.length;
  const split = format.split;
  if (split && split.groups.reduce((s, g) => s + g, 0) !== n) return null;
  const whole = tally(matches, teamIds, format, () => true);
  // The split has come once every team has played its rounds before it (or someone has played beyond them).
  const splitFormed =
    split !== null &&
    split.after > 0 &&
    (whole.every((r) => r.played >= split.after) || whole.some((r) => r.played > split.after));
  const groupEnds = split ? cumulative(split.groups) : [n];
  const groupSizeAt = (row: number): number => {
    const g = groupEnds.findIndex((end) => row < end);
    return groupEnds[g] - (g > 0 ? groupEnds[g - 1] : 0);
  };
  const matchesAt = (row: number): number =>
    split ? split.after + split.robins * (groupSizeAt(row) - 1) : format.robins * (n - 1);

  let rows: TableRow[];
  let reach: LeagueTable['reach'];
  let lines = tableLines(format, n);
  if (split && splitFormed) {
    // Groups from the table after the rounds before the split; each team's points then go on within its group.
    const played = new Map<number, number>();
    const before = sortRows(
      tally(matches, teamIds, format, (m) => {
        const home = played.get(m.homeTeamId) ?? 0;
        const away = played.get(m.awayTeamId) ?? 0;
        played.set(m.homeTeamId, home + 1);
        played.set(m.awayTeamId, away + 1);
        return home < split.after && away < split.after;
      }),
    );
    const beforeOf = new Map(before.map((r) => [r.teamId, r]));
    const total = new Map(whole.map((r) => [r.teamId, r]));
    rows = [];
    reach = [];
    groupEnds.forEach((end, g) => {
      const start = g > 0 ? groupEnds[g - 1] : 0;
      const group = before.slice(start, end).map((r) => {
        const all = total.get(r.teamId)!;
        const carried = beforeOf.get(r.teamId)!.points;
        return { ...all, points: all.points - carried + (split.halvePoints ? carried / 2 : carried) };
      });
      rows.push(...sortRows(group));
      for (let i = start; i < end; i++) reach.push({ start, end });
    });
  } else {
    rows = sortRows(whole);
    reach = rows.map(() => ({ start: 0, end: n }));
    if (split) lines = [...new Set([...lines, ...groupEnds.slice(0, -1)])].sort((a, b) => a - b);
  }
  const matchesPerTeam = rows.map((_, i) => matchesAt(i));
  if (rows.some((r, i) => r.played > matchesPerTeam[i])) return null;
  return { rows, matchesPerTeam, reach, lines, pointsForWin: format.points.win };
}

function tally(
  matches: readonly TableMatch[],
  teamIds: readonly number[],
  format: LeagueFormat,
  counts: (m: TableMatch) => boolean,
): TableRow[] {
  const byTeam = new Map(
    teamIds.map((teamId) => [teamId, { teamId, played: 0, points: 0, goalDifference: 0, goalsFor: 0 }]),
  );
  const { win, draw } = format.points;
  for (const m of matches) {
    if (!counts(m)) continue;
    const home = byTeam.get(m.homeTeamId)!;
    const away = byTeam.get(m.awayTeamId)!;
    home.played++;
    away.played++;
    home.goalsFor += m.homeGoals;
    away.goalsFor += m.awayGoals;
    home.goalDifference += m.homeGoals - m.awayGoals;
    away.goalDifference += m.awayGoals - m.homeGoals;
    if (m.homeGoals > m.awayGoals) home.points += win;
    else if (m.homeGoals < m.awayGoals) away.points += win;
    else {
      home.points += draw;
      away.points += draw;
    }
  }
  return [...byTeam.values()];
}

function sortRows(rows: TableRow[]): TableRow[] {
  return [...rows].sort(
    (a, b) =>
      b.points - a.points || b.goalDifference - a.goalDifference || b.goalsFor - a.goalsFor || a.teamId - b.teamId,
  );
}

function cumulative(sizes: readonly number[]): number[] {
  let sum = 0;
  return sizes.map((s) => (sum += s));
}
