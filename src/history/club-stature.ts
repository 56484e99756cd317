import type { ResultRow } from '../store/match-queries.js';

/**
 * Each club's standing in a league over a long run: the mean, over the `seasons` seasons before `season`, of
 * its points per game in that season's league matches, a season it spent elsewhere counting 0. `matches` are
 * one league's matches of any seasons (seasons named by their start year: `1995-96`, `2024`); others are
 * ignored. Big clubs keep their money and pull long after a bad spell — and the market prices them so.
 */
export function clubStatures(matches: readonly ResultRow[], season: string, seasons: number): Map<number, number> {
  const last = startYear(season) - 1;
  const first = last - seasons + 1;
  // Points and games per club and season, keyed by club id × seasons + season offset.
  const points = new Map<number, number>();
  const played = new Map<number, number>();
  const add = (key: number, gained: number): void => {
    points.set(key, (points.get(key) ?? 0) + gained);
    played.set(key, (played.get(key) ?? 0) + 1);
  };
  for (const m of matches) {
    const year = startYear(m.season);
    if (year < first || year > last) continue;
    const offset = year - first;
    add(m.homeTeamId * seasons + offset, m.homeGoals > m.awayGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0);
    add(m.awayTeamId * seasons + offset, m.awayGoals > m.homeGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0);
  }
  const statures = new Map<number, number>();
  for (const [key, total] of points) {
    const teamId = Math.floor(key / seasons);
    statures.set(teamId, (statures.get(teamId) ?? 0) + total / played.get(key)! / seasons);
  }
  return statures;
}

function startYear(season: string): number {
  return Number(season.slice(0, 4));
}
