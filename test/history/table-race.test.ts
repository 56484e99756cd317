import { describe, expect, it } from 'vitest';
import type { LeagueFormat } from '../../src/history/league-format.js';
import { leagueTable, type TableMatch } from '../../src/history/league-table.js';
import { tableRace } from '../../src/history/table-race.js';
import { DOUBLE_ROUND_ROBIN, tableMatch } from './league-fixtures.js';

/** Four teams meeting twice (six matches each), one relegated. */
const FOUR: LeagueFormat = { ...DOUBLE_ROUND_ROBIN, relegation: 1 };
const match = tableMatch;

/**
 * Four rounds: 2 on 9 points, 1 on 7, 4 on 5, 3 on 1, two matches each left. 1 and 2 have met twice; 2 and 4 meet
 * once more (round 5), 2 and 3 once more (round 6).
 */
const FOUR_ROUNDS = [
  match(1, 2, 1, 0),
  match(3, 4, 0, 0),
  match(1, 3, 1, 0),
  match(2, 4, 1, 0),
  match(1, 4, 0, 0),
  match(2, 3, 1, 0),
  match(2, 1, 1, 0),
  match(4, 3, 1, 0),
];

function raceOf(matches: readonly TableMatch[], format: LeagueFormat, teamId: number) {
  const table = leagueTable(matches, format)!;
  return tableRace(table, format, teamId, matches);
}

describe('tableRace: what is still to win or lose, by points alone', () => {
  it('the title: in the leaders’ hands, out of their rivals’ (meetings to come count), out of reach', () => {
    expect(leagueTable(FOUR_ROUNDS, FOUR)!.rows.map((r) => [r.teamId, r.points])).toEqual([
      [2, 9],
      [1, 7],
      [4, 5],
      [3, 1],
    ]);
    // 2 win both (15): 1 can reach 13 at most, 4 — who still meets 2 — 8, 3 only 4.
    expect(raceOf(FOUR_ROUNDS, FOUR, 2).title).toBe('in-own-hands');
    // 1 at best 13; 2, with no meeting left, can reach 15.
    expect(raceOf(FOUR_ROUNDS, FOUR, 1).title).toBe('out-of-own-hands');
    // 4 at best 11 — but only by beating 2, who can then still reach 12.
    expect(raceOf(FOUR_ROUNDS, FOUR, 4).title).toBe('out-of-own-hands');
    // 3 at best 7: 2 already have 9.
    expect(raceOf(FOUR_ROUNDS, FOUR, 3).title).toBe('out-of-reach');
  });

  it('the title won once no rival can reach the leaders’ points; ties give no status', () => {
    const fifth = [...FOUR_ROUNDS, match(3, 1, 1, 0), match(4, 2, 0, 1)];
    // 2 on 12; 1 on 7 can reach 10, 4 on 5 can reach 8.
    expect(raceOf(fifth, FOUR, 2).title).toBe('won');
    // Had 1 won at 3 (10, at best 13), 2 (12, at best 15) would still need a result.
    const close = [...FOUR_ROUNDS, match(3, 1, 0, 1), match(4, 2, 0, 1)];
    expect(raceOf(close, FOUR, 2).title).toBe('in-own-hands');
    // Level at best: 1 can reach 13 by winning out; 2, winning out without meeting 1, reach 15 → out of 1's hands;
    // but with 2 drawing in round 5 (10, at best 13) the race is level at the top: no status for 1.
    const level = [...FOUR_ROUNDS, match(3, 1, 0, 1), match(4, 2, 0, 0)];
    expect(raceOf(level, FOUR, 1).title).toBeNull();
  });

  it('relegation: the gap to the line and whether it is settled', () => {
    const relegation = raceOf(FOUR_ROUNDS, FOUR, 3).relegation!;
    expect(relegation).toEqual({ places: 3, above: false, gap: 4, rivalId: 4, settled: false, playoffs: false });
    expect(raceOf(FOUR_ROUNDS, FOUR, 4).relegation).toEqual({
      places: 3,
      above: true,
      gap: 4,
      rivalId: 3,
      settled: false,
      playoffs: false,
    });
    // 3 lose at 1 in round 5: 1 point, 4 at best; three teams have more. 4 (5 points) can be caught by no one.
    const fifth = [...FOUR_ROUNDS, match(3, 1, 0, 1), match(4, 2, 0, 1)];
    expect(raceOf(fifth, FOUR, 3).relegation).toMatchObject({ above: false, settled: true });
    expect(raceOf(fifth, FOUR, 4).relegation).toMatchObject({ above: true, settled: true });
    expect(raceOf(FOUR_ROUNDS, { ...FOUR, relegation: 0 }, 3).relegation).toBeNull();
  });

  it('promotion in a lower tier, with its play-offs; none in a top flight', () => {
    const second: LeagueFormat = { ...FOUR, tier: 2, promotion: 1, playoffs: true };
    expect(raceOf(FOUR_ROUNDS, second, 1).promotion).toEqual({
      places: 1,
      above: false,
      gap: 2,
      rivalId: 2,
      settled: false,
      playoffs: true,
    });
    expect(raceOf(FOUR_ROUNDS, second, 2).promotion).toMatchObject({ above: true, gap: 2, rivalId: 1 });
    expect(raceOf(FOUR_ROUNDS, FOUR, 2).promotion).toBeNull();
  });

  it('a league that splits: whose hands the title is in is not said (the meetings to come are unknown)', () => {
    const split: LeagueFormat = { ...FOUR, split: { after: 6, groups: [2, 2], robins: 1, halvePoints: false } };
    expect(raceOf(FOUR_ROUNDS, split, 2).title).toBeNull();
    expect(raceOf(FOUR_ROUNDS, split, 1).title).toBeNull();
    // With a seventh match after the split, 3 can still reach 10: no longer out of reach as in FOUR.
    expect(raceOf(FOUR_ROUNDS, split, 3).title).toBeNull();
    expect(raceOf(FOUR_ROUNDS, split, 3).relegation).toMatchObject({ above: false, gap: 4 });
  });
});
