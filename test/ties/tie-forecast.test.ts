import { describe, expect, it } from 'vitest';
import { fitGameState, gameStateGrid, neutralGameState, type GameStateModel } from '../../src/forecast/game-state.js';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import {
  fitExtraTimeScale,
  forecastTie,
  SAME_RATE_EXTRA_TIME_SCALE,
  type TieForecastInput,
} from '../../src/forecast/tie-forecast.js';
import {
  EUROPEAN_CUP_REPLAY_ERA,
  UEFA_AWAY_GOALS_ERA,
  UEFA_NO_AWAY_GOALS_ERA,
  type TieRules,
} from '../../src/history/ties.js';

const NAMES = { a: 'Liverpool', b: 'Atalanta' };

function input(overrides: Partial<TieForecastInput>): TieForecastInput {
  return {
    names: NAMES,
    state: { goalsA: 0, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 },
    rules: UEFA_NO_AWAY_GOALS_ERA,
    homeExpected: 1.3,
    awayExpected: 1.1,
    rho: 0,
    extraTimeScale: 0.3,
    gameState: null,
    ...overrides,
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

describe('forecastTie: exact probabilities on hand-built cases', () => {
  it('equal rates from 0-0 without away goals: exactly a coin toss, split 90 minutes / extra time / penalties', () => {
    const f = forecastTie(input({ homeExpected: 1.2, awayExpected: 1.2 }));
    expect(f.a.total).toBeCloseTo(0.5, 12);
    expect(f.b.total).toBeCloseTo(0.5, 12);
    expect(f.a.ninetyMinutes).toBeCloseTo(f.b.ninetyMinutes, 12);
    expect(f.a.penalties).toBeCloseTo(f.penalties / 2, 12);
    expect(f.model).toBe('naive');
  });

  it('Liverpool 0-3 down, no away goals: matches the sum written out by hand', () => {
    const state = { goalsA: 0, goalsB: 3, awayGoalsA: 0, awayGoalsB: 3 };
    const f = forecastTie(input({ state, homeExpected: 1.4, awayExpected: 1.9, extraTimeScale: 0.32 }));
    expect(f.a.total).toBeCloseTo(byHand(state, UEFA_NO_AWAY_GOALS_ERA, 1.4, 1.9, 0.32), 12);
    expect(f.needs.phrase).toBe('Liverpool need to win by 3 to force extra time, by 4 to go through.');
  });

  it('away goals, counting in extra time: a 1-1 first leg and the second leg at the visitor of the first', () => {
    const state = { goalsA: 1, goalsB: 1, awayGoalsA: 0, awayGoalsB: 1 };
    const f = forecastTie(input({ state, rules: UEFA_AWAY_GOALS_ERA, homeExpected: 1.5, awayExpected: 1.0 }));
    expect(f.a.total).toBeCloseTo(byHand(state, UEFA_AWAY_GOALS_ERA, 1.5, 1.0, 0.3), 12);
    // 0-0 puts B through on the away goal; only a 1-1 leads to extra time (2-2 and more put A through).
    const grid = poissonScoreGrid(1.5, 1.0, { maxGoals: 10 });
    const mass = 1 - grid.truncatedMass;
    expect(f.extraTime).toBeCloseTo(grid.p[1 * 11 + 1] / mass, 12);
    // In extra time A's goals are away goals: A through unless extra time ends 0-0 (penalties) or B outscores A.
    const et = poissonScoreGrid(0.45, 0.3, { maxGoals: 10 });
    const etMass = 1 - et.truncatedMass;
    let aInExtraTime = 0;
    for (let b = 0; b <= 10; b++) for (let a = 1; a <= 10; a++) if (a >= b) aInExtraTime += et.p[b * 11 + a];
    expect(f.a.extraTime).toBeCloseTo(f.extraTime * (aInExtraTime / etMass), 12);
    expect(f.penalties).toBeCloseTo(f.extraTime * (et.p[0] / etMass), 12);
  });

  it('the replay era: a level tie goes to a replay or coin toss at the penalty probability, no extra time', () => {
    const state = { goalsA: 2, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 };
    const f = forecastTie(input({ state, rules: EUROPEAN_CUP_REPLAY_ERA, penaltyHomeWin: 0.5 }));
    expect(f.a.extraTime).toBe(0);
    expect(f.b.extraTime).toBe(0);
    expect(f.a.total).toBeCloseTo(byHand(state, EUROPEAN_CUP_REPLAY_ERA, 1.3, 1.1, 0.3), 12);
    expect(f.a.penalties).toBeCloseTo(f.penalties / 2, 12);
  });

  it('the shoot-out probability moves only the penalty share', () => {
    const even = forecastTie(input({}));
    const home = forecastTie(input({ penaltyHomeWin: 1 }));
    expect(home.b.penalties).toBeCloseTo(even.penalties, 12);
    expect(home.a.penalties).toBe(0);
    expect(home.a.ninetyMinutes).toBe(even.a.ninetyMinutes);
  });

  it('with a neutral game-state model the chain reproduces the independent Poisson forecast', () => {
    const state = { goalsA: 0, goalsB: 2, awayGoalsA: 0, awayGoalsB: 2 };
    const naive = forecastTie(input({ state }));
    const neutral = forecastTie(input({ state, gameState: neutralGameState() }));
    expect(neutral.model).toBe('game-state');
    expect(neutral.a.total).toBeCloseTo(naive.a.total, 12);
    expect(neutral.a.extraTime).toBeCloseTo(naive.a.extraTime, 12);
  });
});

describe('fitExtraTimeScale', () => {
  it('is the same per-minute rate (1/3) with no extra times, and the observed ratio shrunk toward it otherwise', () => {
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

describe('game-state chain', () => {
  const tilted: GameStateModel = {
    ...neutralGameState(3),
    // Leaders sit back, chasers push: the host's rate falls as its lead grows, the visitor's rises.
    homeLog: [0.3, 0.2, 0.1, 0, -0.1, -0.2, -0.3],
    awayLog: [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3],
  };

  it('every grid sums to 1 less its truncated mass', () => {
    const grid = gameStateGrid(tilted, 1.6, 1.2, 1, 10);
    const sum = grid.p.reduce((s, v) => s + v, 0);
    expect(sum + grid.truncatedMass).toBeCloseTo(1, 12);
    expect(grid.truncatedMass).toBeLessThan(1e-6);
  });

  it('one state only: the chain is Poisson at the multiplied rates', () => {
    const flat: GameStateModel = { ...neutralGameState(0), homeLog: [Math.log(1.5)], awayLog: [Math.log(0.5)] };
    const grid = gameStateGrid(flat, 1.2, 1.4, 0, 10);
    const poisson = poissonScoreGrid(1.8, 0.7, { maxGoals: 10 });
    for (let i = 0; i < grid.p.length; i++) expect(grid.p[i]).toBeCloseTo(poisson.p[i], 14);
  });

  it('the fitted multipliers follow the data: a visitor that always scores twice gets a large rate', () => {
    const samples = Array.from({ length: 60 }, (_, i) => ({
      lead: (i % 3) - 1,
      homeExpected: 1.2,
      awayExpected: 1.0,
      homeGoals: 1,
      awayGoals: 2,
    }));
    const model = fitGameState(samples, { maxLead: 1 });
    expect(model.converged).toBe(true);
    expect(model.matches).toBe(60);
    const mean = gameStateGrid(model, 1.2, 1.0, 0, 10);
    expect(mean.awayExpected).toBeGreaterThan(1.6);
    expect(mean.homeExpected).toBeLessThan(1.3);
  });

  it("the fit's gradient is the objective's: a move along it lowers the penalised likelihood", () => {
    const samples = [
      { lead: 2, homeExpected: 1.5, awayExpected: 0.9, homeGoals: 0, awayGoals: 1 },
      { lead: -1, homeExpected: 1.1, awayExpected: 1.3, homeGoals: 2, awayGoals: 0 },
      { lead: 0, homeExpected: 1.4, awayExpected: 1.0, homeGoals: 1, awayGoals: 1 },
      { lead: 1, homeExpected: 0.9, awayExpected: 1.6, homeGoals: 0, awayGoals: 3 },
    ];
    const fitted = fitGameState(samples, { maxLead: 2, priorPrecision: 1 });
    const objective = (model: GameStateModel) =>
      samples.reduce((s, x) => {
        const grid = gameStateGrid(model, x.homeExpected, x.awayExpected, x.lead, 10);
        return s - Math.log(grid.p[x.homeGoals * 11 + x.awayGoals]);
      }, 0) +
      0.5 * [...model.homeLog, ...model.awayLog].reduce((s, v) => s + v * v, 0);
    const best = objective(fitted);
    // The optimum: every small move of any multiplier makes the objective worse.
    const keys = ['homeLog', 'awayLog'] as const;
    for (const key of keys) {
      for (let i = 0; i < 5; i++) {
        for (const step of [-1e-3, 1e-3]) {
          const moved = [...fitted[key]];
          moved[i] += step;
          expect(objective({ ...fitted, [key]: moved })).toBeGreaterThan(best - 1e-9);
        }
      }
    }
  });
});

describe('properties', () => {
  const rates = [0.6, 1.2, 2.2];
  const rulesList: TieRules[] = [UEFA_AWAY_GOALS_ERA, UEFA_NO_AWAY_GOALS_ERA, EUROPEAN_CUP_REPLAY_ERA];
  const chasing: GameStateModel = {
    ...neutralGameState(3),
    homeLog: [0.2, 0.15, 0.25, 0.22, 0.02, 0.03, -0.25],
    awayLog: [-0.27, -0.2, -0.24, 0.12, 0.1, -0.03, 0.22],
  };

  it('P(A) + P(B) = 1 and each split adds up to its total', () => {
    for (const rules of rulesList) {
      for (const gameState of [null, chasing]) {
        for (const [goalsA, goalsB] of [
          [0, 0],
          [1, 1],
          [0, 3],
          [2, 1],
        ]) {
          const f = forecastTie(
            input({ state: { goalsA, goalsB, awayGoalsA: 0, awayGoalsB: goalsB }, rules, gameState }),
          );
          expect(f.a.total + f.b.total).toBeCloseTo(1, 12);
          expect(f.a.ninetyMinutes + f.a.extraTime + f.a.penalties).toBeCloseTo(f.a.total, 12);
          expect(f.a.extraTime + f.b.extraTime + f.penalties).toBeCloseTo(f.extraTime, 12);
        }
      }
    }
  });

  it("a bigger first-leg lead never lowers the leader's chance — naive and with the game state", () => {
    for (const rules of rulesList) {
      for (const gameState of [null, chasing]) {
        for (const homeExpected of rates) {
          for (const awayExpected of rates) {
            // A leads after winning at home k-0; B leads after winning away 0-k (its goals are away goals).
            let previousA = -1;
            let previousB = -1;
            for (let k = 0; k <= 6; k++) {
              const common = { rules, gameState, homeExpected, awayExpected };
              const a = forecastTie(
                input({ ...common, state: { goalsA: k, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 } }),
              );
              const b = forecastTie(
                input({ ...common, state: { goalsA: 0, goalsB: k, awayGoalsA: 0, awayGoalsB: k } }),
              );
              expect(a.a.total).toBeGreaterThanOrEqual(previousA - 1e-12);
              expect(b.b.total).toBeGreaterThanOrEqual(previousB - 1e-12);
              previousA = a.a.total;
              previousB = b.b.total;
            }
          }
        }
      }
    }
  });
});
