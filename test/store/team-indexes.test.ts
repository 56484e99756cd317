import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';

describe('the team indexes', () => {
  it('carry every column of a match, so a team history is read without a table page per match', () => {
    const db = openDatabase(':memory:');
    const columns = (db.prepare('PRAGMA table_info(matches)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((name) => name !== 'id'); // the rowid is in every index
    for (const [index, team] of [
      ['matches_home', 'home_team_id'],
      ['matches_away', 'away_team_id'],
    ]) {
      const indexed = (db.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((c) => c.name);
      expect(indexed.slice(0, 2)).toEqual([team, 'date']);
      expect([...indexed].sort()).toEqual([...columns].sort());
    }
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT * FROM matches WHERE (home_team_id = 1 OR away_team_id = 1) AND date < '2024-04-18'`,
        )
        .all() as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan.filter((detail) => detail.includes('USING COVERING INDEX matches_'))).toHaveLength(2);
    db.close();
  });
});
