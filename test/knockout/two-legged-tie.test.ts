import { describe, it, expect } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { extraTimeGrid, poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import {
  singleMatchKnockout,
  tieNeeds,
  tieStateAfterFirstLeg,
  twoLeggedTie,
  type AwayGoalsRules,
  type TieState,
} from '../../src/knockout/two-legged-tie.js';
import type { ScoreGrid } from '../../src/models/score-grid.js';
import { handGrid } from '../forecast/hand-grid.js';

// Second leg, B at home: rows = B's goals, columns = A's goals.
const LEG = handGrid([
  [0.3, 0.2],
  [0.25, 0.25],
]);
// Extra time: A wins 0.2 (0-1), B wins 0.2 (1-0), level 0.6 (0-0 0.5, 1-1 0.1).
const ET = handGrid([
  [0.5, 0.2],
  [0.2, 0.1],
]);
// The three ways away goals have counted (the registry's UEFA eras: 2021-22 on; 1967-68..1969-70; 1970-71..2020-21).
const NO_AWAY_GOALS: AwayGoalsRules = { awayGoals: false, awayGoalsInExtraTime: false };
const AWAY_GOALS_90_ONLY: AwayGoalsRules = { awayGoals: true, awayGoalsInExtraTime: false };
const AWAY_GOALS_INCLUDING_EXTRA_TIME: AwayGoalsRules = { awayGoals: true, awayGoalsInExtraTime: true };
const ALL_RULES = [NO_AWAY_GOALS, AWAY_GOALS_90_ONLY, AWAY_GOALS_INCLUDING_EXTRA_TIME];

function expectSplit(
  actual: { total: number; ninetyMinutes: number; extraTime: number; penalties: number },
  ninety: number,
  extra: number,
  pens: number,
): void {
  expect(actual.ninetyMinutes).toBeCloseTo(ninety, 14);
  expect(actual.extraTime).toBeCloseTo(extra, 14);
  expect(actual.penalties).toBeCloseTo(pens, 14);
  expect(actual.total).toBeCloseTo(ninety + extra + pens, 14);
}

describe('twoLeggedTie on hand-built grids', () => {
  it('A won the first leg 1-0, no away goals', () => {
    // 0-0 → A; 0-1 → A; 1-0 → 1-1 on aggregate, extra time; 1-1 → A.
    const t = twoLeggedTie({
      state: tieStateAfterFirstLeg(1, 0),
      secondLeg: LEG,
      extraTime: ET,
      rules: NO_AWAY_GOALS,
      penaltyHomeWin: 0.6,
    });
    expectSplit(t.a, 0.75, 0.25 * 0.2, 0.25 * 0.6 * 0.4);
    expectSplit(t.b, 0, 0.25 * 0.2, 0.25 * 0.6 * 0.6);
    expect(t.a.total).toBeCloseTo(0.86, 14);
    expect(t.extraTime).toBeCloseTo(0.25, 15);
    expect(t.penalties).toBeCloseTo(0.15, 15);
    expect(t.mostLikelySecondLegScores.map((s) => [s.home, s.away, s.afterNinety, s.decidedBy])).toEqual([
      [0, 0, 'A', 'aggregate'],
      [1, 0, 'extra-time', null],
      [1, 1, 'A', 'aggregate'],
      [0, 1, 'A', 'aggregate'],
    ]);
    expect(t.mostLikelySecondLegScores[1].probabilityAThrough).toBeCloseTo(0.2 + 0.6 * 0.4, 15);
  });

  it('1-1 first leg with away goals counting in extra time (UEFA to 2020-21)', () => {
    // 0-0 → B on away goals; 0-1 → A; 1-0 → B; 1-1 → 2-2, away goals 1-1, extra time.
    // In extra time a 1-1 puts A through on away goals; only 0-0 goes to penalties.
    const t = twoLeggedTie({
      state: tieStateAfterFirstLeg(1, 1),
      secondLeg: LEG,
      extraTime: ET,
      rules: AWAY_GOALS_INCLUDING_EXTRA_TIME,
      penaltyHomeWin: 0.6,
    });
    expectSplit(t.a, 0.2, 0.25 * 0.3, 0.25 * 0.5 * 0.4);
    expectSplit(t.b, 0.55, 0.25 * 0.2, 0.25 * 0.5 * 0.6);
    expect(t.a.total).toBeCloseTo(0.325, 14);
    expect(t.mostLikelySecondLegScores[0]).toMatchObject({
      home: 0,
      away: 0,
      afterNinety: 'B',
      decidedBy: 'away-goals',
    });
  });

  it('1-1 first leg with away goals in 90 minutes only', () => {
    const t = twoLeggedTie({
      state: tieStateAfterFirstLeg(1, 1),
      secondLeg: LEG,
      extraTime: ET,
      rules: AWAY_GOALS_90_ONLY,
      penaltyHomeWin: 0.6,
    });
    expectSplit(t.a, 0.2, 0.25 * 0.2, 0.25 * 0.6 * 0.4);
    expectSplit(t.b, 0.55, 0.25 * 0.2, 0.25 * 0.6 * 0.6);
    expect(t.a.total).toBeCloseTo(0.31, 14);
  });

  it('1-1 first leg without away goals', () => {
    // 0-0 and 1-1 → extra time (0.55); 0-1 → A; 1-0 → B.
    const t = twoLeggedTie({
      state: tieStateAfterFirstLeg(1, 1),
      secondLeg: LEG,
      extraTime: ET,
      rules: NO_AWAY_GOALS,
      penaltyHomeWin: 0.6,
    });
    expectSplit(t.a, 0.2, 0.55 * 0.2, 0.55 * 0.6 * 0.4);
    expectSplit(t.b, 0.25, 0.55 * 0.2, 0.55 * 0.6 * 0.6);
    expect(t.a.total).toBeCloseTo(0.442, 14);
  });

  it('away goals in extra time from a given aggregate state (A already has away goals)', () => {
    // A 2 (1 away) – B 3 (1 away) before the second leg. 0-1 → 3-3, away goals A 2 v B 1 → A.
    const state: TieState = { goalsA: 2, goalsB: 3, awayGoalsA: 1, awayGoalsB: 1 };
    const t = twoLeggedTie({ state, secondLeg: LEG, extraTime: ET, rules: AWAY_GOALS_INCLUDING_EXTRA_TIME });
    expectSplit(t.a, 0.2, 0, 0);
    expectSplit(t.b, 0.8, 0, 0);
  });

  it('conditions each grid on itself: a truncated grid gives the same answer and reports its mass', () => {
    const scaled = (g: ScoreGrid, k: number): ScoreGrid => ({ ...g, p: g.p.map((v) => v * k), truncatedMass: 1 - k });
    const full = twoLeggedTie({
      state: tieStateAfterFirstLeg(1, 1),
      secondLeg: LEG,
      extraTime: ET,
      rules: AWAY_GOALS_INCLUDING_EXTRA_TIME,
    });
    const cut = twoLeggedTie({
      state: tieStateAfterFirstLeg(1, 1),
      secondLeg: scaled(LEG, 0.8),
      extraTime: scaled(ET, 0.9),
      rules: AWAY_GOALS_INCLUDING_EXTRA_TIME,
    });
    expect(cut.a.total).toBeCloseTo(full.a.total, 14);
    expect(cut.secondLegMass).toBeCloseTo(0.8, 15);
    expect(cut.extraTimeMass).toBeCloseTo(0.9, 15);
    expect(cut.mostLikelySecondLegScores[0].probability).toBeCloseTo(0.3, 15);
  });

  it('rejects impossible states and rules', () => {
    const base = { secondLeg: LEG, extraTime: ET };
    expect(() =>
      twoLeggedTie({ ...base, state: { goalsA: 1, goalsB: 0, awayGoalsA: 2, awayGoalsB: 0 }, rules: NO_AWAY_GOALS }),
    ).toThrow(MatchdayError);
    expect(() => twoLeggedTie({ ...base, state: tieStateAfterFirstLeg(-1, 0), rules: NO_AWAY_GOALS })).toThrow(
      MatchdayError,
    );
    expect(() =>
      twoLeggedTie({
        ...base,
        state: tieStateAfterFirstLeg(1, 0),
        rules: { awayGoals: false, awayGoalsInExtraTime: true },
      }),
    ).toThrow(/away-goals rule/);
    expect(() =>
      twoLeggedTie({ ...base, state: tieStateAfterFirstLeg(1, 0), rules: NO_AWAY_GOALS, penaltyHomeWin: 1.2 }),
    ).toThrow(MatchdayError);
  });
});

describe('singleMatchKnockout', () => {
  it('90 minutes, extra time, penalties; the grid home side takes the home-penalty chance', () => {
    const f = singleMatchKnockout({ match: LEG, extraTime: ET, penaltyHomeWin: 0.6 });
    // Away (A) wins 0-1 in 90 (0.2); home wins 1-0 (0.25); 0-0 and 1-1 → extra time (0.55).
    expectSplit(f.away, 0.2, 0.55 * 0.2, 0.55 * 0.6 * 0.4);
    expectSplit(f.home, 0.25, 0.55 * 0.2, 0.55 * 0.6 * 0.6);
    expect(f.home.total + f.away.total).toBeCloseTo(1, 15);
    expect(f.mostLikelyScores[0]).toEqual({
      home: 0,
      away: 0,
      probability: 0.3,
      afterNinety: 'extra-time',
      probabilityHomeWins: expect.closeTo(0.2 + 0.6 * 0.6, 15),
    });
    expect(f.mostLikelyScores[1]).toMatchObject({ home: 1, away: 0, afterNinety: 'home', probabilityHomeWins: 1 });
  });
});

describe('tie properties', () => {
  const legs = [
    poissonScoreGrid(1.6, 1.0, { rho: -0.1, maxGoals: 10 }),
    poissonScoreGrid(0.9, 2.2, { rho: 0.05, maxGoals: 8 }),
    poissonScoreGrid(2.8, 2.4, { maxGoals: 5 }), // heavily truncated
  ];
  const extra = extraTimeGrid(1.3, 1.1, 0.3, 6);
  const through = (h: number, a: number, leg: ScoreGrid, rules: AwayGoalsRules) =>
    twoLeggedTie({ state: tieStateAfterFirstLeg(h, a), secondLeg: leg, extraTime: extra, rules, penaltyHomeWin: 0.55 });

  it('P(A) + P(B) = 1 within 1e-12 and the splits add up', () => {
    for (const leg of legs) {
      for (const rules of ALL_RULES) {
        for (let h = 0; h <= 4; h++) {
          for (let a = 0; a <= 4; a++) {
            const t = through(h, a, leg, rules);
            expect(Math.abs(t.a.total + t.b.total - 1)).toBeLessThan(1e-12);
            expect(Math.abs(t.a.extraTime + t.b.extraTime + t.a.penalties + t.b.penalties - t.extraTime)).toBeLessThan(
              1e-12,
            );
            expect(Math.abs(t.a.penalties + t.b.penalties - t.penalties)).toBeLessThan(1e-12);
          }
        }
      }
    }
  });

  it('a bigger first-leg lead never lowers the leader’s chance', () => {
    for (const leg of legs) {
      for (const rules of ALL_RULES) {
        for (let other = 0; other <= 3; other++) {
          for (let lead = 0; lead <= 5; lead++) {
            // A leads by scoring more at home; B leads by scoring more away.
            const aNow = through(other + lead, other, leg, rules).a.total;
            const aMore = through(other + lead + 1, other, leg, rules).a.total;
            expect(aMore).toBeGreaterThanOrEqual(aNow - 1e-15);
            const bNow = through(other, other + lead, leg, rules).b.total;
            const bMore = through(other, other + lead + 1, leg, rules).b.total;
            expect(bMore).toBeGreaterThanOrEqual(bNow - 1e-15);
          }
        }
      }
    }
  });

  it('swapping the penalty chance moves only the penalty split', () => {
    const x = twoLeggedTie({
      state: tieStateAfterFirstLeg(2, 1),
      secondLeg: legs[0],
      extraTime: extra,
      rules: NO_AWAY_GOALS,
      penaltyHomeWin: 0.3,
    });
    const y = twoLeggedTie({
      state: tieStateAfterFirstLeg(2, 1),
      secondLeg: legs[0],
      extraTime: extra,
      rules: NO_AWAY_GOALS,
      penaltyHomeWin: 0.7,
    });
    expect(x.a.ninetyMinutes).toBe(y.a.ninetyMinutes);
    expect(x.a.extraTime).toBe(y.a.extraTime);
    expect(x.a.penalties).toBeCloseTo(y.b.penalties, 15);
  });
});

describe('tieNeeds', () => {
  const names = { a: 'Liverpool', b: 'Atalanta' };

  it('0-3 at home, no away goals: win by 3 to force extra time, by 4 to go through', () => {
    const n = tieNeeds(tieStateAfterFirstLeg(0, 3), NO_AWAY_GOALS, names);
    expect(n.trailing).toBe('A');
    expect(n.deficit).toBe(3);
    expect(n.rules).toEqual([
      { result: 'through', winBy: 4, condition: null, example: { scored: 4, conceded: 0 } },
      { result: 'extra-time', winBy: 3, condition: null, example: { scored: 3, conceded: 0 } },
    ]);
    expect(n.phrase).toBe('Liverpool need to win by 3 to force extra time, by 4 to go through.');
  });

  it('0-3 at home with away goals: a 3-0 win forces extra time, 4-1 goes through', () => {
    const n = tieNeeds(tieStateAfterFirstLeg(0, 3), AWAY_GOALS_INCLUDING_EXTRA_TIME, names);
    expect(n.rules).toEqual([
      { result: 'through', winBy: 4, condition: null, example: { scored: 4, conceded: 0 } },
      {
        result: 'through',
        winBy: 3,
        condition: { goals: 'scored', comparison: 'at-least', count: 4 },
        example: { scored: 4, conceded: 1 },
      },
      {
        result: 'extra-time',
        winBy: 3,
        condition: { goals: 'scored', comparison: 'exactly', count: 3 },
        example: { scored: 3, conceded: 0 },
      },
    ]);
    expect(n.phrase).toBe(
      'Liverpool need to win by 4, or win by 3 scoring at least 4, to go through; a 3-0 win forces extra time.',
    );
  });

  it('2-1 first leg with away goals: the home side in the second leg must not concede', () => {
    const n = tieNeeds(tieStateAfterFirstLeg(2, 1), AWAY_GOALS_INCLUDING_EXTRA_TIME, names);
    expect(n.trailing).toBe('B');
    expect(
      n.rules.map((r) => [r.result, r.winBy, r.condition?.comparison ?? null, r.condition?.count ?? null]),
    ).toEqual([
      ['through', 2, null, null],
      ['through', 1, 'at-most', 0],
      ['extra-time', 1, 'exactly', 1],
    ]);
    expect(n.phrase).toBe(
      'Atalanta need to win by 2, or win by 1 without conceding, to go through; a 2-1 win forces extra time.',
    );
  });

  it('level aggregates: trailing only on away goals, or nobody', () => {
    const n = tieNeeds(tieStateAfterFirstLeg(1, 1), AWAY_GOALS_INCLUDING_EXTRA_TIME, names);
    expect(n.trailing).toBe('A');
    expect(n.deficit).toBe(0);
    expect(n.phrase).toBe('Liverpool need to win, or draw 2-2 or higher, to go through; a 1-1 draw forces extra time.');
    expect(tieNeeds(tieStateAfterFirstLeg(1, 1), NO_AWAY_GOALS, names).trailing).toBeNull();
    const goalless = tieNeeds(tieStateAfterFirstLeg(0, 0), AWAY_GOALS_INCLUDING_EXTRA_TIME, names);
    expect(goalless.trailing).toBeNull();
    expect(goalless.phrase).toMatch(/score draw takes Liverpool through/);
  });

  it('every rule’s example score does what the rule says in the exact tie computation', () => {
    const states: TieState[] = [];
    for (let h = 0; h <= 4; h++) for (let a = 0; a <= 4; a++) states.push(tieStateAfterFirstLeg(h, a));
    states.push(
      { goalsA: 3, goalsB: 4, awayGoalsA: 2, awayGoalsB: 1 },
      { goalsA: 2, goalsB: 2, awayGoalsA: 2, awayGoalsB: 0 },
    );
    for (const rules of ALL_RULES) {
      for (const state of states) {
        const needs = tieNeeds(state, rules, names);
        for (const rule of needs.rules) {
          const { scored, conceded } = rule.example;
          expect(scored - conceded).toBe(rule.winBy);
          // A one-cell second-leg grid at the example score (B's goals first).
          const [bGoals, aGoals] = needs.trailing === 'A' ? [conceded, scored] : [scored, conceded];
          const size = Math.max(bGoals, aGoals) + 1;
          const p = new Float64Array(size * size);
          p[bGoals * size + aGoals] = 1;
          const leg: ScoreGrid = { maxGoals: size - 1, p, truncatedMass: 0, homeExpected: 1, awayExpected: 1 };
          const t = twoLeggedTie({ state, secondLeg: leg, extraTime: ET, rules });
          const side = needs.trailing === 'A' ? t.a : t.b;
          if (rule.result === 'through') expect(side.ninetyMinutes).toBe(1);
          else expect(t.extraTime).toBe(1);
        }
      }
    }
  });
});
