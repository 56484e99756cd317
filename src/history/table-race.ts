import type { LeagueFormat } from './league-format.js';
import type { LeagueTable, TableMatch } from './league-table.js';

/**
 * What a team can still win or lose in its league table, as far as points alone settle it: the title, the
 * promotion places of a lower tier, the relegation places. Every status is a claim a preview may print, so each
 * is only given when it is true whatever the remaining results (ties on points, settled by tie-breakers the
 * table cannot foresee, give no status). European places are not here: how many a league gets changes from
 * season to season and the registry does not hold them.
 */
export interface TableRace {
  /**
   * `won`: no one can reach the team's points. `in-own-hands`: winning every match left makes the team
   * champions (its rivals' meetings with it still to come count as their defeats). `out-of-own-hands`: a rival can
   * finish above it even if it wins every match left. `out-of-reach`: a rival already has more points than it can
   * reach. Null when none is certain, or (in-own-hands / out-of-own-hands) when the meetings still to come are not
   * known: a league that splits.
   */
  title: 'won' | 'in-own-hands' | 'out-of-own-hands' | 'out-of-reach' | null;
  /** The team's distance to the promotion line of a lower tier, null in a top flight or with no promotion known. */
  promotion: LineRace | null;
  /** The team's distance to the relegation line, null when the league relegates no one. */
  relegation: LineRace | null;
}

export interface LineRace {
  /** Places above the line. */
  places: number;
  /** Whether the team is above the line today. */
  above: boolean;
  /**
   * Above: its lead over the first team below the line; below: its deficit to the last team above it (0: level
   * on points, below on the tie-breakers).
   */
  gap: number;
  /** The team of the row on the other side of the line from it, named in "two points clear of third-placed X". */
  rivalId: number;
  /** Certain whatever the remaining results: above it for good (promoted, safe) or below it for good. */
  settled: boolean;
  /** Whether the season ends in play-offs for the places next to this line. */
  playoffs: boolean;
}

export function tableRace(
  table: LeagueTable,
  format: LeagueFormat,
  teamId: number,
  matches: readonly TableMatch[],
): TableRace {
  const position = table.rows.findIndex((r) => r.teamId === teamId);
  if (position < 0) throw new Error(`team ${teamId} is not in the table`);
  const topFlight = format.tier === null || format.tier === 1;
  const promotion = !topFlight && format.promotion !== null && format.promotion > 0 ? format.promotion : null;
  return {
    title: titleRace(table, format, position, matches),
    promotion: promotion === null ? null : lineRace(table, position, promotion, format.playoffs),
    relegation:
      format.relegation > 0
        ? lineRace(table, position, table.rows.length - format.relegation, topFlight && format.playoffs)
        : null,
  };
}

function pointsLeft(table: LeagueTable, row: number): number {
  return table.pointsForWin * (table.matchesPerTeam[row] - table.rows[row].played);
}

function mostPoints(table: LeagueTable, row: number): number {
  return table.rows[row].points + pointsLeft(table, row);
}

function titleRace(
  table: LeagueTable,
  format: LeagueFormat,
  position: number,
  matches: readonly TableMatch[],
): TableRace['title'] {
  const { start, end } = table.reach[position];
  if (start !== 0) return null;
  const own = table.rows[position];
  const rivals = range(start, end).filter((row) => row !== position);
  const ownMost = mostPoints(table, position);
  if (rivals.some((row) => table.rows[row].points > ownMost)) return 'out-of-reach';
  if (position === 0 && rivals.every((row) => mostPoints(table, row) < own.points)) return 'won';
  // Who can still catch whom once the team wins every match left depends on the meetings still to come, known
  // only while every pair meets `robins` times.
  if (format.split !== null) return null;
  const meetingsLeft = (row: number): number =>
    format.robins - matches.filter((m) => isMeeting(m, own.teamId, table.rows[row].teamId)).length;
  // A rival's best once the team has won every match left, including their meetings.
  const rivalBest = (row: number): number =>
    table.rows[row].points +
    table.pointsForWin * (table.matchesPerTeam[row] - table.rows[row].played - meetingsLeft(row));
  if (rivals.some((row) => meetingsLeft(row) < 0)) return null;
  if (rivals.every((row) => rivalBest(row) < ownMost)) return 'in-own-hands';
  if (rivals.some((row) => rivalBest(row) > ownMost)) return 'out-of-own-hands';
  return null;
}

/** A line with `places` places above it: which side the team is on, by how much, and whether that is settled. */
function lineRace(table: LeagueTable, position: number, places: number, playoffs: boolean): LineRace | null {
  const { start, end } = table.reach[position];
  // A line outside the part of the table the team can still finish in (its group, after a split) is not its race.
  if (places <= start || places >= end) return null;
  const rows = table.rows;
  const own = rows[position];
  const others = range(start, end).filter((row) => row !== position);
  const above = position < places;
  if (above) {
    const rival = places;
    // Above for good: fewer teams than the places above it can still reach its points.
    const settled = others.filter((row) => mostPoints(table, row) >= own.points).length < places - start;
    return { places, above, gap: own.points - rows[rival].points, rivalId: rows[rival].teamId, settled, playoffs };
  }
  const rival = places - 1;
  const ownMost = mostPoints(table, position);
  // Below for good: as many teams as there are places above the line already have more than it can reach.
  const settled = others.filter((row) => rows[row].points > ownMost).length >= places - start;
  return { places, above, gap: rows[rival].points - own.points, rivalId: rows[rival].teamId, settled, playoffs };
}

function isMeeting(m: TableMatch, a: number, b: number): boolean {
  return (m.homeTeamId === a && m.awayTeamId === b) || (m.homeTeamId === b && m.awayTeamId === a);
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
