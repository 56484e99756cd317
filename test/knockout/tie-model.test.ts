import { describe, expect, it } from 'vitest';
import type { TieRules } from '../../src/competitions/competition.js';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import { fitExtraTimeScale, SAME_RATE_EXTRA_TIME_SCALE } from '../../src/knockout/extra-time.js';
import { neutralGameState, type GameStateModel } from '../../src/knockout/game-state.js';
import {
  calibratedRates,
  fitLegCalibration,
  fitLegCalibrations,
  IDENTITY_LEG_CALIBRATION,
  strengthNodes,
  type KnownTeams,
  type LegCalibration,
  type LegCalibrations,
} from '../../src/knockout/leg-calibration.js';
import type { LegGrid } from '../../src/knockout/leg-grids.js';
import {
  neutralFinal,
  priceTie,
  SecondLegPricing,
  tieFromScratch,
  type PriceTieInput,
  type TieModelConstants,
} from '../../src/knockout/tie-model.js';
import { tieRulesOf } from '../../src/knockout/tie-outcome.js';
import { singleMatchKnockout, tieStateAfterFirstLeg } from '../../src/knockout/two-legged-tie.js';
import { SeededRandom } from '../../src/models/random.js';
import type { ScoreGrid } from '../../src/models/score-grid.js';

const NAMES = { a: 'Liverpool', b: 'Atalanta' };
const registry = CompetitionRegistry.builtIn();
const rulesOf = (season: string): TieRules => tieRulesOf(registry, 'uefa.cl', season)!;
const NO_AWAY_GOALS = rulesOf('2023-24');
const AWAY_GOALS = rulesOf('2015-16');
const REPLAY_ERA = rulesOf('1960-61');
const NAIVE: TieModelConstants = { extraTimeScale: 0.3, penaltyHomeWin: 0.5, legs: null, gameState: null };

/** A leg as the forecaster gives it, of teams it knows only from European matches unless said. */
function leg(grid: ScoreGrid, knownTeams: KnownTeams = 0): LegGrid {
  return { grid, teamsFromPrior: [], knownTeams };
}

/** The same calibration for every class of leg. */
function every(calibration: LegCalibration): LegCalibrations {
  return [calibration, calibration, calibration];
}

function input(overrides: Partial<PriceTieInput> & { home?: number; away?: number }): PriceTieInput {
  const { home = 1.3, away = 1.1, ...rest } = overrides;
  return {
    names: NAMES,
    state: { goalsA: 0, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 },
    rules: NO_AWAY_GOALS,
    secondLeg: leg(poissonScoreGrid(home, away, { maxGoals: 10 })),
    constants: NAIVE,
    ...rest,
  };
}

/** Poisson pmf 0..n, conditioned on ≤ n (as the grids are). */
function pmf(rate: number, n = 10): number[] {
  const p = [Math.exp(-rate)];
  for (let k = 1; k <= n; k++) p.push((p[k - 1] * rate) / k);
  const total = p.reduce((s, v) => s + v, 0);
  return p.map((v) => v / total);
}

/**
 * P(A through) written out by hand for independent Poisson legs: A (away) scores a, B (home) b in the second leg,
 * level → extra time at `scale`, level again → penalties (B wins them with `pens`); away goals when the rules say.
 */
function byHand(
  state: { goalsA: number; goalsB: number; awayGoalsB: number },
  rules: TieRules,
  lambda: number,
  mu: number,
  scale: number,
  pens = 0.5,
): number {
  const home = pmf(lambda);
  const away = pmf(mu);
  const etHome = pmf(lambda * scale);
  const etAway = pmf(mu * scale);
  let extraTimeA = 0;
  let extraTimeLevel = 0;
  for (let b = 0; b <= 10; b++) {
    for (let a = 0; a <= 10; a++) {
      const v = rules.extraTime ? etHome[b] * etAway[a] : b === 0 && a === 0 ? 1 : 0;
      if (a > b || (a === b && a > 0 && rules.awayGoalsInExtraTime)) extraTimeA += v;
      else if (a === b) extraTimeLevel += v;
    }
  }
  const afterLevel = extraTimeA + extraTimeLevel * (1 - pens);
  let total = 0;
  for (let b = 0; b <= 10; b++) {
    for (let a = 0; a <= 10; a++) {
      const v = home[b] * away[a];
      const aggA = state.goalsA + a;
      const aggB = state.goalsB + b;
      if (aggA > aggB) total += v;
      else if (aggA === aggB) {
        if (rules.awayGoals && a !== state.awayGoalsB) total += a > state.awayGoalsB ? v : 0;
        else total += v * afterLevel;
      }
    }
  }
  return total;
}

describe('priceTie, naive: exact probabilities on hand-built cases', () => {
  it('equal rates from 0-0 without away goals: exactly a coin toss, split 90 minutes / extra time / penalties', () => {
    const f = priceTie(input({ home: 1.2, away: 1.2 }));
    expect(f.a.total).toBeCloseTo(0.5, 12);
    expect(f.b.total).toBeCloseTo(0.5, 12);
    expect(f.a.ninetyMinutes).toBeCloseTo(f.b.ninetyMinutes, 12);
    expect(f.a.penalties).toBeCloseTo(f.penalties / 2, 12);
    expect(f.model).toBe('naive');
  });

  it('Liverpool 0-3 down, no away goals: matches the sum written out by hand', () => {
    const state = { goalsA: 0, goalsB: 3, awayGoalsA: 0, awayGoalsB: 3 };
    const f = priceTie(input({ state, home: 1.4, away: 1.9, constants: { ...NAIVE, extraTimeScale: 0.32 } }));
    expect(f.a.total).toBeCloseTo(byHand(state, NO_AWAY_GOALS, 1.4, 1.9, 0.32), 12);
    expect(f.needs.phrase).toBe('Liverpool need to win by 3 to force extra time, by 4 to go through.');
  });

  it('away goals, counting in extra time: a 1-1 first leg and the second leg at the visitor of the first', () => {
    const state = { goalsA: 1, goalsB: 1, awayGoalsA: 0, awayGoalsB: 1 };
    const f = priceTie(input({ state, rules: AWAY_GOALS, home: 1.5, away: 1.0 }));
    expect(f.a.total).toBeCloseTo(byHand(state, AWAY_GOALS, 1.5, 1.0, 0.3), 12);
    // 0-0 puts B through on the away goal; only a 1-1 leads to extra time (2-2 and more put A through).
    const grid = poissonScoreGrid(1.5, 1.0, { maxGoals: 10 });
    expect(f.extraTime).toBeCloseTo(grid.p[1 * 11 + 1] / (1 - grid.truncatedMass), 12);
  });

  it('the replay era: a level tie goes to a replay or coin toss at the penalty probability, no extra time', () => {
    const state = { goalsA: 2, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 };
    const f = priceTie(input({ state, rules: REPLAY_ERA }));
    expect(f.a.extraTime).toBe(0);
    expect(f.b.extraTime).toBe(0);
    expect(f.a.total).toBeCloseTo(byHand(state, REPLAY_ERA, 1.3, 1.1, 0.3), 12);
    expect(f.a.penalties).toBeCloseTo(f.penalties / 2, 12);
  });

  it('the shoot-out probability moves only the penalty share', () => {
    const even = priceTie(input({}));
    const home = priceTie(input({ constants: { ...NAIVE, penaltyHomeWin: 1 } }));
    expect(home.b.penalties).toBeCloseTo(even.penalties, 12);
    expect(home.a.penalties).toBe(0);
    expect(home.a.ninetyMinutes).toBe(even.a.ninetyMinutes);
  });

  it("plays the forecaster's grid as it is: a Dixon-Coles grid's low scores change the answer", () => {
    const state = { goalsA: 0, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 };
    const plain = priceTie(input({ state }));
    const dixonColes = priceTie(
      input({ state, secondLeg: leg(poissonScoreGrid(1.3, 1.1, { maxGoals: 10, rho: -0.1 })) }),
    );
    expect(dixonColes.extraTime).not.toBeCloseTo(plain.extraTime, 4);
    expect(dixonColes.modelExpected).toEqual({ home: 1.3, away: 1.1 });
  });
});

describe('priceTie, calibrated: the rates recalibrated, the strength uncertain, the game state', () => {
  const legs: LegCalibration = { ...IDENTITY_LEG_CALIBRATION, homeIntercept: 0.2, awayIntercept: -0.05, slope: 0.6 };

  it('identity calibration and a neutral game state reproduce the naive Poisson forecast', () => {
    const state = { goalsA: 0, goalsB: 2, awayGoalsA: 0, awayGoalsB: 2 };
    const naive = priceTie(input({ state }));
    const neutral = priceTie(
      input({ state, constants: { ...NAIVE, legs: every(IDENTITY_LEG_CALIBRATION), gameState: neutralGameState() } }),
    );
    expect(neutral.model).toBe('calibrated');
    expect(neutral.a.total).toBeCloseTo(naive.a.total, 12);
    expect(neutral.a.extraTime).toBeCloseTo(naive.a.extraTime, 12);
  });

  it('the calibrated rates are ln λ′ = a + slope·ln λ, and the tie is priced at them', () => {
    expect(calibratedRates(legs, 2, 0.5)).toEqual({
      home: Math.exp(0.2 + 0.6 * Math.log(2)),
      away: Math.exp(-0.05 + 0.6 * Math.log(0.5)),
    });
    const state = { goalsA: 1, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 };
    const f = priceTie(input({ state, home: 2, away: 0.5, constants: { ...NAIVE, legs: every(legs) } }));
    const { home, away } = calibratedRates(legs, 2, 0.5);
    expect(f.a.total).toBeCloseTo(byHand(state, NO_AWAY_GOALS, home, away, 0.3), 12);
    expect(f.secondLegExpected.home).toBeCloseTo(home, 12);
  });

  it("each leg is read with its own class's calibration: how many of its teams the forecaster knows", () => {
    const constants = { ...NAIVE, legs: [legs, IDENTITY_LEG_CALIBRATION, IDENTITY_LEG_CALIBRATION] as const };
    const state = { goalsA: 1, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 };
    const grid = poissonScoreGrid(2, 0.5, { maxGoals: 10 });
    const unknown = priceTie(input({ state, secondLeg: leg(grid, 0), constants }));
    const known = priceTie(input({ state, secondLeg: leg(grid, 2), constants }));
    const { home, away } = calibratedRates(legs, 2, 0.5);
    expect(unknown.a.total).toBeCloseTo(byHand(state, NO_AWAY_GOALS, home, away, 0.3), 12);
    expect(known.a.total).toBeCloseTo(byHand(state, NO_AWAY_GOALS, 2, 0.5, 0.3), 12);
    expect([unknown.knownTeams, known.knownTeams]).toEqual([0, 2]);
  });

  it('strength uncertainty: the forecast is the Gauss–Hermite mixture of the forecasts at shifted rates', () => {
    const uncertain = { ...legs, sigma: 0.3 };
    const state = { goalsA: 0, goalsB: 1, awayGoalsA: 0, awayGoalsB: 1 };
    const f = priceTie(input({ state, home: 1.8, away: 0.9, constants: { ...NAIVE, legs: every(uncertain) } }));
    const { home, away } = calibratedRates(uncertain, 1.8, 0.9);
    const mixture = strengthNodes(0.3).reduce(
      (sum, node) =>
        sum +
        node.weight * byHand(state, NO_AWAY_GOALS, home * Math.exp(node.shift), away * Math.exp(-node.shift), 0.3),
      0,
    );
    expect(f.a.total).toBeCloseTo(mixture, 12);
    expect(f.strengthSigma).toBe(0.3);
    // Uncertainty about who is better helps the side behind: a comeback needs the trailing side to be the better one.
    const certain = priceTie(input({ state, home: 1.8, away: 0.9, constants: { ...NAIVE, legs: every(legs) } }));
    expect(f.a.total).toBeGreaterThan(certain.a.total);
  });

  it('the strength nodes are a probability rule with mean 0 and variance σ²', () => {
    const nodes = strengthNodes(0.3);
    expect(nodes.reduce((s, n) => s + n.weight, 0)).toBeCloseTo(1, 12);
    expect(nodes.reduce((s, n) => s + n.weight * n.shift, 0)).toBeCloseTo(0, 12);
    expect(nodes.reduce((s, n) => s + n.weight * n.shift ** 2, 0)).toBeCloseTo(0.09, 12);
    expect(strengthNodes(0)).toEqual([{ shift: 0, weight: 1 }]);
  });

  it('the likely scores are of the mixture, and every split adds up', () => {
    const constants = { ...NAIVE, legs: every({ ...legs, sigma: 0.3 }), gameState: chasing };
    const f = priceTie(
      input({ state: { goalsA: 1, goalsB: 1, awayGoalsA: 0, awayGoalsB: 1 }, rules: AWAY_GOALS, constants }),
    );
    expect(f.a.total + f.b.total).toBeCloseTo(1, 12);
    expect(f.a.ninetyMinutes + f.a.extraTime + f.a.penalties).toBeCloseTo(f.a.total, 12);
    const scores = f.mostLikelySecondLegScores;
    expect(scores).toHaveLength(5);
    for (let i = 1; i < scores.length; i++)
      expect(scores[i].probability).toBeLessThanOrEqual(scores[i - 1].probability);
    // After 1-1 away: a score draw of 1-1 goes to extra time, more goals each put A through on away goals.
    for (const score of scores) {
      const expected =
        score.away > score.home
          ? 'A'
          : score.away < score.home
            ? 'B'
            : score.away === 1
              ? 'extra-time'
              : score.away > 1
                ? 'A'
                : 'B';
      expect(score.afterNinety).toBe(expected);
      if (expected !== 'extra-time') expect(score.probabilityAThrough).toBe(expected === 'A' ? 1 : 0);
    }
    expect(scores.some((s) => s.afterNinety === 'extra-time')).toBe(true);
  });

  it('away goals decide the standing at a level aggregate: the host ahead on them is not chasing', () => {
    // Only "level, host ahead on away goals" differs: there the host sits back and the visitor pushes.
    const hostAhead: GameStateModel = {
      ...neutralGameState(3),
      homeLog: [0, 0, 0, 0, 0, -0.8, 0, 0, 0],
      awayLog: [0, 0, 0, 0, 0, 0.6, 0, 0, 0],
    };
    const price = (firstLeg: [number, number], rules: TieRules, gameState: GameStateModel) =>
      priceTie(
        input({
          state: tieStateAfterFirstLeg(firstLeg[0], firstLeg[1]),
          rules,
          constants: { ...NAIVE, legs: every(IDENTITY_LEG_CALIBRATION), gameState },
        }),
      ).a.total;
    const neutral = neutralGameState(3);
    // After 2-1 with away goals, B level at 1-0 leads on its away goal: the standing is reached, and A's chance rises.
    expect(price([2, 1], AWAY_GOALS, hostAhead)).toBeGreaterThan(price([2, 1], AWAY_GOALS, neutral) + 0.01);
    // After 1-0 B has no away goal to lead on; without away goals no level standing is split: nothing changes.
    expect(price([1, 0], AWAY_GOALS, hostAhead)).toBeCloseTo(price([1, 0], AWAY_GOALS, neutral), 12);
    expect(price([2, 1], NO_AWAY_GOALS, hostAhead)).toBeCloseTo(price([2, 1], NO_AWAY_GOALS, neutral), 12);
  });
});

const chasing: GameStateModel = {
  ...neutralGameState(3),
  // The three level standings alike: away goals change nothing here.
  homeLog: [0.2, 0.15, 0.25, 0.22, 0.22, 0.22, 0.02, 0.03, -0.25],
  awayLog: [-0.27, -0.2, -0.24, 0.12, 0.12, 0.12, 0.1, -0.03, 0.22],
};

describe('ties not yet started and one-off finals', () => {
  it('tieFromScratch, naive: the first leg convolved with the second leg from each first-leg score', () => {
    const firstLeg = poissonScoreGrid(1.6, 0.9, { maxGoals: 10 });
    const second = new SecondLegPricing(leg(poissonScoreGrid(1.4, 1.2, { maxGoals: 10 })), AWAY_GOALS, NAIVE);
    let expected = 0;
    for (let h = 0; h <= 10; h++) {
      for (let a = 0; a <= 10; a++) {
        expected +=
          (firstLeg.p[h * 11 + a] / (1 - firstLeg.truncatedMass)) *
          byHand({ goalsA: h, goalsB: a, awayGoalsB: a }, AWAY_GOALS, 1.4, 1.2, 0.3);
      }
    }
    expect(tieFromScratch(firstLeg, second)).toBeCloseTo(expected, 12);
  });

  it('tieFromScratch, uncertain strength: both legs share the scenario (the same teams play them)', () => {
    const constants = { ...NAIVE, legs: every({ ...IDENTITY_LEG_CALIBRATION, sigma: 0.4 }) };
    const firstLeg = poissonScoreGrid(1.6, 0.9, { maxGoals: 10 });
    const second = new SecondLegPricing(leg(poissonScoreGrid(1.4, 1.2, { maxGoals: 10 })), NO_AWAY_GOALS, constants);
    const shared = strengthNodes(0.4).reduce((sum, node, k) => {
      // In the first leg A hosts: the scenario favouring B lowers A's rate.
      const first = poissonScoreGrid(1.6 * Math.exp(-node.shift), 0.9 * Math.exp(node.shift), { maxGoals: 10 });
      let p = 0;
      for (let h = 0; h <= 10; h++) {
        for (let a = 0; a <= 10; a++) {
          p +=
            (first.p[h * 11 + a] / (1 - first.truncatedMass)) * second.nodeProbabilityA(k, tieStateAfterFirstLeg(h, a));
        }
      }
      return sum + node.weight * p;
    }, 0);
    expect(tieFromScratch(firstLeg, second)).toBeCloseTo(shared, 12);
  });

  it('neutralFinal, naive: 90 minutes, extra time and penalties on the given grid', () => {
    const grid = poissonScoreGrid(1.5, 1.1, { maxGoals: 10, rho: -0.05 });
    const extraTime = poissonScoreGrid(1.5 * 0.3, 1.1 * 0.3, { maxGoals: 10 });
    expect(neutralFinal(leg(grid), NAIVE)).toBeCloseTo(singleMatchKnockout({ match: grid, extraTime }).home.total, 12);
  });
});

describe('fitExtraTimeScale', () => {
  it('is the same per-minute rate (1/3) with no extra times, and the observed ratio shrunk toward it otherwise', () => {
    expect(fitExtraTimeScale(null)).toBe(SAME_RATE_EXTRA_TIME_SCALE);
    expect(fitExtraTimeScale({ extraTimeMatches: 0, extraTimeGoals: 0, ninetyMinuteGoalsPerMatch: 2.7 })).toBe(
      SAME_RATE_EXTRA_TIME_SCALE,
    );
    // 100 extra times with 90 goals against 3 goals a match: (90 + 20·(1/3)·3) / (120·3) = 110 / 360.
    expect(fitExtraTimeScale({ extraTimeMatches: 100, extraTimeGoals: 90, ninetyMinuteGoalsPerMatch: 3 })).toBeCloseTo(
      110 / 360,
      12,
    );
  });
});

describe('fitLegCalibration', () => {
  /** First legs simulated from known constants: the model's rates spread wider than the truth, strengths uncertain. */
  function simulated(truth: { a: number; b: number; slope: number; sigma: number }, n: number) {
    const random = new SeededRandom(7);
    return Array.from({ length: n }, () => {
      const homeExpected = Math.exp(0.3 + 0.5 * random.normal());
      const awayExpected = Math.exp(-0.1 + 0.5 * random.normal());
      const z = truth.sigma * random.normal();
      return {
        knownTeams: 0 as const,
        homeExpected,
        awayExpected,
        homeGoals: random.poisson(Math.exp(truth.a + truth.slope * Math.log(homeExpected) + z)),
        awayGoals: random.poisson(Math.exp(truth.b + truth.slope * Math.log(awayExpected) - z)),
      };
    });
  }

  it('recovers the constants the legs were simulated from', () => {
    const fitted = fitLegCalibration(simulated({ a: 0.2, b: -0.05, slope: 0.6, sigma: 0.35 }, 20_000));
    expect(fitted.converged).toBe(true);
    expect(fitted.legs).toBe(20_000);
    expect(fitted.homeIntercept).toBeCloseTo(0.2, 1);
    expect(fitted.awayIntercept).toBeCloseTo(-0.05, 1);
    expect(fitted.slope).toBeCloseTo(0.6, 1);
    expect(fitted.sigma).toBeGreaterThan(0.25);
    expect(fitted.sigma).toBeLessThan(0.45);
  });

  it('legs as the model says: slope 1, intercepts 0, and little strength uncertainty', () => {
    const fitted = fitLegCalibration(simulated({ a: 0, b: 0, slope: 1, sigma: 0 }, 20_000));
    expect(fitted.slope).toBeCloseTo(1, 1);
    expect(fitted.homeIntercept).toBeCloseTo(0, 1);
    expect(fitted.sigma).toBeLessThan(0.12);
  });

  it('one calibration per class, each from its own legs', () => {
    const unknown = simulated({ a: 0.2, b: 0, slope: 0.5, sigma: 0.4 }, 5_000);
    const known = simulated({ a: 0, b: 0, slope: 1, sigma: 0 }, 5_000).map((l) => ({ ...l, knownTeams: 2 as const }));
    const [none, one, both] = fitLegCalibrations([...unknown, ...known]);
    expect(none.slope).toBeCloseTo(0.5, 1);
    expect(both.slope).toBeCloseTo(1, 1);
    expect(one).toEqual(IDENTITY_LEG_CALIBRATION);
    expect([none.legs, both.legs]).toEqual([5_000, 5_000]);
  });

  it('too few legs to learn from: the identity', () => {
    expect(fitLegCalibration(simulated({ a: 0, b: 0, slope: 1, sigma: 0 }, 10))).toEqual(IDENTITY_LEG_CALIBRATION);
  });

  it('weights count: legs weighted 0 change nothing', () => {
    const legs = simulated({ a: 0.2, b: 0, slope: 0.7, sigma: 0.3 }, 2_000);
    const noise = simulated({ a: 1, b: 1, slope: 0.2, sigma: 0 }, 2_000).map((leg) => ({ ...leg, weight: 0 }));
    const fitted = fitLegCalibration(legs);
    const withNoise = fitLegCalibration([...legs, ...noise]);
    expect(withNoise.slope).toBeCloseTo(fitted.slope, 6);
    expect(withNoise.sigma).toBeCloseTo(fitted.sigma, 6);
  });
});

describe('properties', () => {
  const rates = [0.6, 1.2, 2.2];
  const rulesList: TieRules[] = [AWAY_GOALS, NO_AWAY_GOALS, REPLAY_ERA];
  const calibrated: TieModelConstants = {
    ...NAIVE,
    legs: every({ ...IDENTITY_LEG_CALIBRATION, homeIntercept: 0.2, slope: 0.6, sigma: 0.3 }),
    gameState: chasing,
  };

  it('P(A) + P(B) = 1 and each split adds up to its total', () => {
    for (const rules of rulesList) {
      for (const constants of [NAIVE, calibrated]) {
        for (const [goalsA, goalsB] of [
          [0, 0],
          [1, 1],
          [0, 3],
          [2, 1],
        ]) {
          const f = priceTie(input({ state: { goalsA, goalsB, awayGoalsA: 0, awayGoalsB: goalsB }, rules, constants }));
          expect(f.a.total + f.b.total).toBeCloseTo(1, 12);
          expect(f.a.ninetyMinutes + f.a.extraTime + f.a.penalties).toBeCloseTo(f.a.total, 12);
          expect(f.a.extraTime + f.b.extraTime + f.penalties).toBeCloseTo(f.extraTime, 12);
        }
      }
    }
  });

  it("a bigger first-leg lead never lowers the leader's chance — naive and calibrated", () => {
    for (const rules of rulesList) {
      for (const constants of [NAIVE, calibrated]) {
        for (const home of rates) {
          for (const away of rates) {
            // A leads after winning at home k-0; B leads after winning away 0-k (its goals are away goals).
            const pricing = new SecondLegPricing(leg(poissonScoreGrid(home, away, { maxGoals: 10 })), rules, constants);
            let previousA = -1;
            let previousB = -1;
            for (let k = 0; k <= 6; k++) {
              const a = pricing.probabilityA({ goalsA: k, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 });
              const b = 1 - pricing.probabilityA({ goalsA: 0, goalsB: k, awayGoalsA: 0, awayGoalsB: k });
              expect(a).toBeGreaterThanOrEqual(previousA - 1e-12);
              expect(b).toBeGreaterThanOrEqual(previousB - 1e-12);
              previousA = a;
              previousB = b;
            }
          }
        }
      }
    }
  });
});
