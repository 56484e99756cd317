import { describe, expect, it } from 'vitest';
import { leagueTable, type LeagueTable, type TableRow } from '../../src/history/league-table.js';
import { stakeRatio, tableLines } from '../../src/history/season-stakes.js';
import type { ResultRow } from '../../src/store/match-queries.js';

let nextId = 1;
function result(home: number, away: number, homeGoals: number, awayGoals: number): ResultRow {
  return {
    id: nextId++,
    date: '2024-03-02',
    competition: 'eng.1',
    kind: 'league',
    country: 'ENG',
    season: '2023-24',
    homeTeamId: home,
    awayTeamId: away,
    homeGoals,
    awayGoals,
    neutral: false,
  };
}

describe('leagueTable', () => {
  it('counts 3 points a win and 1 a draw, orders by points, goal difference, goals scored', () => {
    const table = leagueTable(
      [result(1, 2, 2, 0), result(3, 4, 1, 1), result(2, 3, 3, 1), result(4, 1, 0, 0), result(3, 1, 4, 2)],
      [5],
    );
    // 1: W 2-0, D 0-0, L 2-4 → 4 pts, GD 0, GF 4.  2: L, W 3-1 → 3 pts, GD 0, GF 3.
    // 3: D 1-1, L 1-3, W 4-2 → 4 pts, GD 0, GF 6.  4: D, D → 2 pts.  5: not played yet.
    expect(table.rows.map((r) => r.teamId)).toEqual([3, 1, 2, 4, 5]);
    expect(table.rows[0]).toEqual({ teamId: 3, played: 3, points: 4, goalDifference: 0, goalsFor: 6 });
    expect(table.rows[4]).toEqual({ teamId: 5, played: 0, points: 0, goalDifference: 0, goalsFor: 0 });
    expect(table.matchesPerTeam).toBe(8);
  });
});

describe('stakeRatio', () => {
  // Eight teams, 14 matches each, 12 played: 6 points left for everyone.
  const points = [30, 20, 19, 18, 17, 16, 15, 5];
  const rows: TableRow[] = points.map((p, i) => ({
    teamId: i + 1,
    played: 12,
    points: p,
    goalDifference: 0,
    goalsFor: 0,
  }));
  const table: LeagueTable = { rows, matchesPerTeam: 14 };

  it('draws lines below the 1st, the 4th to the 7th and above the bottom three', () => {
    expect(tableLines(20)).toEqual([1, 4, 5, 6, 7, 17]);
    expect(tableLines(18)).toEqual([1, 4, 5, 6, 7, 15]);
    expect(tableLines(8)).toEqual([1, 4, 5, 6, 7]);
    expect(tableLines(3)).toEqual([1]);
  });

  it('is the smallest points gap over the points left to close it (hand-computed)', () => {
    // Leader: 10 points clear of the 2nd, who has 6 left → 10/6: the title is won.
    expect(stakeRatio(table, 1)).toBeCloseTo(10 / 6, 14);
    // Last: 10 behind the 7th with 6 left → 10/6: relegated.
    expect(stakeRatio(table, 8)).toBeCloseTo(10 / 6, 14);
    // 4th: 1 point above the 5th, who has 6 left → 1/6, a close race for the top four.
    expect(stakeRatio(table, 4)).toBeCloseTo(1 / 6, 14);
    // 2nd: 10 behind the leader (10/6), 3 clear of the 5th, who has 6 left (3/6).
    expect(stakeRatio(table, 2)).toBeCloseTo(3 / 6, 14);
  });

  it('is Infinity once a team has played all its matches, 0 when level with a chaser on points', () => {
    const done: LeagueTable = { rows: rows.map((r, i) => (i === 0 ? { ...r, played: 14 } : r)), matchesPerTeam: 14 };
    expect(stakeRatio(done, 1)).toBe(Infinity);
    const level: LeagueTable = { rows: rows.map((r, i) => (i === 4 ? { ...r, points: 18 } : r)), matchesPerTeam: 14 };
    expect(stakeRatio(level, 4)).toBe(0);
    expect(() => stakeRatio(table, 99)).toThrow(/not in the table/);
  });
});
