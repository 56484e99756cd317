import type { Db } from './database.js';
import { matchScopeSql } from './match-scope-sql.js';

/** Shots and shots on target of one match, both sides recorded. */
export interface ShotCounts {
  homeShots: number;
  awayShots: number;
  homeShotsOnTarget: number;
  awayShotsOnTarget: number;
}

/**
 * Shot counts of the matches with both sides' shots and shots on target recorded, by match id: competitions by
 * code (all when empty), dates `from` ≤ date and date < `before`.
 */
export function shotCounts(
  db: Db,
  filter: { competitions?: string[]; from?: string; before?: string },
): Map<number, ShotCounts> {
  const where = [
    'h.shots IS NOT NULL',
    'h.shots_on_target IS NOT NULL',
    'a.shots IS NOT NULL',
    'a.shots_on_target IS NOT NULL',
  ];
  const params: unknown[] = [];
  const scope = matchScopeSql(filter);
  where.push(...scope.clauses);
  params.push(...scope.params);
  const rows = db
    .prepare(
      `SELECT m.id, h.shots, a.shots, h.shots_on_target, a.shots_on_target
       FROM matches m JOIN competitions c ON c.id = m.competition_id
       JOIN match_stats h ON h.match_id = m.id AND h.side = 'home'
       JOIN match_stats a ON a.match_id = m.id AND a.side = 'away'
       WHERE ${where.join(' AND ')}`,
    )
    .raw()
    .all(...params) as [number, number, number, number, number][];
  return new Map(
    rows.map(([id, homeShots, awayShots, homeShotsOnTarget, awayShotsOnTarget]) => [
      id,
      { homeShots, awayShots, homeShotsOnTarget, awayShotsOnTarget },
    ]),
  );
}
