import { describe, expect, it } from 'vitest';
import { createdCompetition } from '../../src/competitions/competition.js';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import { leagueFormat, tableLines, type LeagueFormat } from '../../src/history/league-format.js';
import { leagueTable, type LeagueTable, type TableMatch, type TableRow } from '../../src/history/league-table.js';
import { stakeRatio } from '../../src/history/season-stakes.js';
import { DOUBLE_ROUND_ROBIN, tableMatch } from './league-fixtures.js';

const DOUBLE = DOUBLE_ROUND_ROBIN;
const match = tableMatch;

describe('leagueTable', () => {
  it("counts the season's points for a win and a draw, orders by points, goal difference, goals scored", () => {
    const matches = [match(1, 2, 2, 0), match(3, 4, 1, 1), match(2, 3, 3, 1), match(4, 1, 0, 0), match(3, 1, 4, 2)];
    const table = leagueTable(matches, DOUBLE, [5])!;
    // 1: W 2-0, D 0-0, L 2-4 → 4 pts, GD 0, GF 4.  2: L, W 3-1 → 3 pts, GD 0, GF 3.
    // 3: D 1-1, L 1-3, W 4-2 → 4 pts, GD 0, GF 6.  4: D, D → 2 pts.  5: not played yet.
    expect(table.rows.map((r) => r.teamId)).toEqual([3, 1, 2, 4, 5]);
    expect(table.rows[0]).toEqual({ teamId: 3, played: 3, points: 4, goalDifference: 0, goalsFor: 6 });
    expect(table.rows[4]).toEqual({ teamId: 5, played: 0, points: 0, goalDifference: 0, goalsFor: 0 });
    expect(table.matchesPerTeam).toEqual([8, 8, 8, 8, 8]);
    // Two points a win (England until 1980-81): 1 and 3 have 3, 2 has 2, 4 has 2.
    const old = leagueTable(matches, { ...DOUBLE, points: { win: 2, draw: 1 } }, [5])!;
    expect(old.rows.map((r) => [r.teamId, r.points])).toEqual([
      [3, 3],
      [1, 3],
      [2, 2],
      [4, 2],
      [5, 0],
    ]);
    expect(old.pointsForWin).toBe(2);
  });

  it('is null when a team has played more matches than the format gives it', () => {
    // Three teams meeting twice play 4 matches each; team 1 has played 5.
    const five = [match(1, 2, 1, 0), match(2, 1, 1, 0), match(1, 3, 1, 0), match(3, 1, 1, 0), match(1, 2, 0, 0)];
    expect(leagueTable(five, DOUBLE)).toBeNull();
    expect(leagueTable(five.slice(0, 4), DOUBLE)).not.toBeNull();
  });
});

describe('tableLines', () => {
  it('draws the lines tuned on the five leagues: below the 1st, the 4th to the 7th, above the bottom three', () => {
    expect(tableLines(DOUBLE, 20)).toEqual([1, 4, 5, 6, 7, 17]);
    // A relegation play-off (the Bundesliga's 16th) counts as a relegation place in a top flight.
    expect(tableLines({ ...DOUBLE, relegation: 2, playoffs: true }, 18)).toEqual([1, 4, 5, 6, 7, 15]);
  });

  it('keeps the European lines in the top half, and puts promotion and play-off lines in a lower tier', () => {
    expect(tableLines({ ...DOUBLE, relegation: 1 }, 10)).toEqual([1, 4, 9]);
    expect(tableLines({ ...DOUBLE, relegation: 1 }, 8)).toEqual([1, 7]);
    // England's Championship: two promoted, play-offs for 3rd–6th, three relegated.
    const championship = { ...DOUBLE, tier: 2, promotion: 2, relegation: 3, playoffs: true };
    expect(tableLines(championship, 24)).toEqual([1, 2, 6, 21]);
  });
});

describe('leagueFormat', () => {
  const registry = CompetitionRegistry.builtIn();

  it('reads the registry by season: points, rounds and relegation', () => {
    const premierLeague = registry.get('eng.1')!;
    expect(leagueFormat(premierLeague, '2023-24')).toEqual({
      robins: 2,
      split: null,
      points: { win: 3, draw: 1 },
      tier: 1,
      promotion: null,
      relegation: 3,
      playoffs: false,
    });
    expect(leagueFormat(premierLeague, '1975-76')!.points).toEqual({ win: 2, draw: 1 });
    const scotland = leagueFormat(registry.get('sco.1')!, '2023-24')!;
    expect(scotland.robins).toBe(3);
    expect(scotland.split).toEqual({ after: 33, groups: [6, 6], robins: 1, halvePoints: false });
    expect(leagueFormat(registry.get('sco.1')!, '1997-98')!).toMatchObject({ robins: 4, split: null });
  });

  it('is null where the format is not known: a league created from a file, no round robin, a cup', () => {
    const created = createdCompetition({
      code: 'xx.1',
      name: 'Made-up League',
      kind: 'league',
      country: null,
      tier: null,
      aliases: [],
    });
    expect(leagueFormat(created, '2023-24')).toBeNull();
    expect(leagueFormat(registry.get('be.1')!, '2023-24')).toBeNull();
    expect(leagueFormat(registry.get('eng.facup')!, '2023-24')).toBeNull();
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
  const whole = rows.map(() => ({ start: 0, end: 8 }));
  const table: LeagueTable = {
    rows,
    matchesPerTeam: rows.map(() => 14),
    reach: whole,
    lines: [1, 4, 5, 6, 7],
    pointsForWin: 3,
  };

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

  it('counts the points a win is worth in the season', () => {
    // Two points a win: 4 left each. 4th: 1 above the 5th → 1/4.
    expect(stakeRatio({ ...table, pointsForWin: 2 }, 4)).toBeCloseTo(1 / 4, 14);
  });

  it('is Infinity once a team has played all its matches, 0 when level with a chaser on points', () => {
    const done: LeagueTable = { ...table, rows: rows.map((r, i) => (i === 0 ? { ...r, played: 14 } : r)) };
    expect(stakeRatio(done, 1)).toBe(Infinity);
    const level: LeagueTable = { ...table, rows: rows.map((r, i) => (i === 4 ? { ...r, points: 18 } : r)) };
    expect(stakeRatio(level, 4)).toBe(0);
    expect(() => stakeRatio(table, 99)).toThrow(/not in the table/);
  });

  it('only counts the lines inside the part of the table a team can still finish in', () => {
    // The 5th is 1 point behind the 4th (1/6 with 6 points left) and 6 clear of the 6th (6/6).
    const near = [30, 20, 19, 18, 17, 11, 10, 5].map((p, i) => ({ ...rows[i], points: p }));
    const open: LeagueTable = { ...table, rows: near };
    expect(stakeRatio(open, 5)).toBeCloseTo(1 / 6, 14);
    // After a split into a top four and a bottom four the 4th place is out of its reach: 6/6.
    const split: LeagueTable = {
      ...open,
      reach: rows.map((_, i) => (i < 4 ? { start: 0, end: 4 } : { start: 4, end: 8 })),
    };
    expect(stakeRatio(split, 5)).toBeCloseTo(6 / 6, 14);
  });
});

describe('a 12-team league that splits after 33 rounds into two sixes who meet once more', () => {
  const format: LeagueFormat = {
    robins: 3,
    split: { after: 33, groups: [6, 6], robins: 1, halvePoints: false },
    points: { win: 3, draw: 1 },
    tier: 1,
    promotion: null,
    relegation: 1,
    playoffs: false,
  };
  /** Three round robins of 12 teams, the lower id winning every match: team 1 first, team 12 last. */
  function threeRounds(): TableMatch[] {
    const matches: TableMatch[] = [];
    for (let round = 0; round < 3; round++) {
      for (let a = 1; a <= 12; a++) for (let b = a + 1; b <= 12; b++) matches.push(match(a, b, 1, 0));
    }
    return matches;
  }

  it('plays 38 matches a team; before the split the top-six line counts', () => {
    const before = leagueTable(threeRounds().slice(0, 150), format)!;
    expect(before.matchesPerTeam).toEqual(Array(12).fill(38));
    expect(before.lines).toEqual([1, 4, 5, 6, 11]);
    expect(before.reach[0]).toEqual({ start: 0, end: 12 });
  });

  it('after the split each six finishes among its own places, whatever the points', () => {
    // After the split the 7th wins all its bottom-six matches: it stays below the top six.
    const matches = [...threeRounds(), match(7, 8, 3, 0), match(7, 9, 3, 0)];
    const table = leagueTable(matches, format)!;
    expect(table.rows.slice(0, 6).map((r) => r.teamId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(table.rows[6].teamId).toBe(7);
    expect(table.reach[6]).toEqual({ start: 6, end: 12 });
    expect(table.lines).toEqual([1, 4, 5, 11]);
    // The 7th (45 points after 33 rounds, 51 now) can no longer reach the top six: its only line is above the 12th,
    // which has 0 points and 5 matches left (15 points) → 51/15.
    expect(stakeRatio(table, 7)).toBeCloseTo(51 / 15, 14);
    // Without the split (four round robins) the 7th would still be chasing the 6th (54 v 51): a live race.
    expect(stakeRatio(leagueTable(matches, { ...format, split: null, robins: 4 })!, 7)).toBeLessThan(1);
  });

  it('is null when the split does not fit the teams (a season of another size)', () => {
    expect(leagueTable([match(1, 2, 1, 0)], format, [3, 4, 5, 6, 7, 8, 9, 10])).toBeNull();
  });
});
