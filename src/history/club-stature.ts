import { seasonStartYear } from '../competitions/seasons.js';

/** One club's league season in short: points (3 a win, 1 a draw, whatever the era's rules) and matches played. */
export interface SeasonRecord {
  teamId: number;
  /** First year of the season (`2023-24` → 2023, `2024` → 2024). */
  startYear: number;
  points: number;
  played: number;
}

/**
 * A league's season records as known on a date: the clubs' records in the seasons starting in
 * `firstYear`..`lastYear`, from the matches played before that date, ordered by club id, then season (the order
 * the statures are summed in, so every source gives the same numbers to the last bit).
 */
export interface LeagueRecords {
  seasonRecords(
    competition: string,
    firstYear: number,
    lastYear: number,
    teams: readonly number[],
  ): readonly SeasonRecord[];
}

/**
 * The clubs' standing in a league over a long run: the mean, over the `seasons` seasons before `season`, of each
 * club's points per game in that season's league matches, a season it spent elsewhere (or before the data begins)
 * counting 0. Big clubs keep their money and pull long after a bad spell — and the market prices them so. A
 * league with a few seasons of data gives every club a small stature and so a small shift. A club without a
 * season in the league is absent (stature 0).
 */
export function clubStatures(
  records: LeagueRecords,
  competition: string,
  season: string,
  seasons: number,
  teams: readonly number[],
): Map<number, number> {
  const last = seasonStartYear(season) - 1;
  const statures = new Map<number, number>();
  for (const r of records.seasonRecords(competition, last - seasons + 1, last, teams)) {
    statures.set(r.teamId, (statures.get(r.teamId) ?? 0) + r.points / r.played / seasons);
  }
  return statures;
}

/** Records in the order LeagueRecords gives them (club id, then season). */
export function sortRecords(records: SeasonRecord[]): SeasonRecord[] {
  return records.sort((a, b) => a.teamId - b.teamId || a.startYear - b.startYear);
}
