import { describe, expect, it } from 'vitest';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import {
  fitGameState,
  gameStateGrid,
  neutralGameState,
  standingCount,
  standingLabels,
  type GameStateModel,
  type GameStateSample,
  type KickOff,
} from '../../src/knockout/game-state.js';

describe('game-state chain', () => {
  const tilted: GameStateModel = {
    ...neutralGameState(3),
    // Leaders sit back, chasers push: the host's rate falls as its lead grows, the visitor's rises.
    homeLog: [0.3, 0.2, 0.1, 0.05, 0, -0.05, -0.1, -0.2, -0.3],
    awayLog: [-0.3, -0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.3],
  };
  const level = (lead: number) => ({ lead, awayGoalsLead: null, extraTime: false });
  const sample = (kickOff: KickOff, [homeExpected, awayExpected]: number[], [homeGoals, awayGoals]: number[]) => ({
    ...kickOff,
    homeExpected,
    awayExpected,
    homeGoals,
    awayGoals,
  });

  it('every grid sums to 1 less its truncated mass', () => {
    const grid = gameStateGrid(tilted, 1.6, 1.2, level(1), 10);
    const sum = grid.p.reduce((s, v) => s + v, 0);
    expect(sum + grid.truncatedMass).toBeCloseTo(1, 12);
    expect(grid.truncatedMass).toBeLessThan(1e-6);
  });

  it('one state only: the chain is Poisson at the multiplied rates', () => {
    const flat: GameStateModel = {
      ...neutralGameState(0),
      homeLog: [0, Math.log(1.5), 0],
      awayLog: [0, Math.log(0.5), 0],
    };
    const grid = gameStateGrid(flat, 1.2, 1.4, level(0), 10);
    const poisson = poissonScoreGrid(1.8, 0.7, { maxGoals: 10 });
    for (let i = 0; i < grid.p.length; i++) expect(grid.p[i]).toBeCloseTo(poisson.p[i], 14);
  });

  it('the fitted multipliers follow the data: a visitor that always scores twice gets a large rate', () => {
    const samples = Array.from({ length: 60 }, (_, i) => sample(level((i % 3) - 1), [1.2, 1.0], [1, 2]));
    const model = fitGameState(samples, { maxLead: 1 });
    expect(model.converged).toBe(true);
    expect(model.matches).toBe(60);
    const mean = gameStateGrid(model, 1.2, 1.0, level(0), 10);
    expect(mean.awayExpected).toBeGreaterThan(1.6);
    expect(mean.homeExpected).toBeLessThan(1.3);
  });

  it("the fit's gradient is the objective's: a move along it lowers the penalised likelihood", () => {
    // Away goals count in the last three: the standings at a level aggregate split by them.
    const samples: GameStateSample[] = [
      {
        lead: 2,
        awayGoalsLead: null,
        extraTime: false,
        homeExpected: 1.5,
        awayExpected: 0.9,
        homeGoals: 0,
        awayGoals: 1,
      },
      {
        lead: -1,
        awayGoalsLead: null,
        extraTime: false,
        homeExpected: 1.1,
        awayExpected: 1.3,
        homeGoals: 2,
        awayGoals: 0,
      },
      { lead: 0, awayGoalsLead: 1, extraTime: false, homeExpected: 1.4, awayExpected: 1.0, homeGoals: 1, awayGoals: 1 },
      {
        lead: -1,
        awayGoalsLead: 0,
        extraTime: false,
        homeExpected: 1.2,
        awayExpected: 1.1,
        homeGoals: 2,
        awayGoals: 1,
      },
      { lead: 1, awayGoalsLead: 1, extraTime: false, homeExpected: 0.9, awayExpected: 1.6, homeGoals: 0, awayGoals: 3 },
      // Extra time, with its own multiplier.
      { lead: 0, awayGoalsLead: 0, extraTime: true, homeExpected: 0.4, awayExpected: 0.35, homeGoals: 1, awayGoals: 1 },
    ];
    const fitted = fitGameState(samples, { maxLead: 2, priorPrecision: 1 });
    const objective = (model: GameStateModel) =>
      samples.reduce((s, x) => {
        const grid = gameStateGrid(model, x.homeExpected, x.awayExpected, x, 10);
        return s - Math.log(grid.p[x.homeGoals * 11 + x.awayGoals]);
      }, 0) +
      0.5 *
        [...model.homeLog, ...model.awayLog, model.strengthStretch, model.extraTimeLog].reduce((s, v) => s + v * v, 0);
    const best = objective(fitted);
    for (const step of [-1e-3, 1e-3]) {
      expect(objective({ ...fitted, strengthStretch: fitted.strengthStretch + step })).toBeGreaterThan(best - 1e-9);
      expect(objective({ ...fitted, extraTimeLog: fitted.extraTimeLog + step })).toBeGreaterThan(best - 1e-9);
    }
    // The optimum: every small move of any multiplier makes the objective worse.
    for (const key of ['homeLog', 'awayLog'] as const) {
      for (let i = 0; i < 7; i++) {
        for (const step of [-1e-3, 1e-3]) {
          const moved = [...fitted[key]];
          moved[i] += step;
          expect(objective({ ...fitted, [key]: moved })).toBeGreaterThan(best - 1e-9);
        }
      }
    }
  });

  it('weights: a second leg of weight 2 counts as the same leg twice', () => {
    const samples: GameStateSample[] = [
      { ...level(1), homeExpected: 1.2, awayExpected: 1.1, homeGoals: 0, awayGoals: 2 },
      { ...level(0), homeExpected: 1.4, awayExpected: 0.8, homeGoals: 3, awayGoals: 0 },
      { ...level(-1), homeExpected: 1.0, awayExpected: 1.3, homeGoals: 1, awayGoals: 1 },
    ];
    const doubled = fitGameState([...samples, samples[0]], { maxLead: 1 });
    const weighted = fitGameState([{ ...samples[0], weight: 2 }, samples[1], samples[2]], { maxLead: 1 });
    for (let i = 0; i < 5; i++) {
      expect(weighted.homeLog[i]).toBeCloseTo(doubled.homeLog[i], 5);
      expect(weighted.awayLog[i]).toBeCloseTo(doubled.awayLog[i], 5);
    }
  });

  it('away goals split a level aggregate: the standings with one side ahead on them are used only where they count', () => {
    // Only "level, host ahead on away goals" (index 5 with maxLead 3) differs: the host sits back there.
    expect(standingLabels(3)).toHaveLength(standingCount(3));
    expect(standingLabels(3)[5]).toBe('level, host ahead on away goals');
    const sitsBack: GameStateModel = {
      ...neutralGameState(3),
      homeLog: [0, 0, 0, 0, 0, -1, 0, 0, 0],
      awayLog: [0, 0, 0, 0, 0, 0.5, 0, 0, 0],
    };
    const poisson = poissonScoreGrid(1.3, 1.1, { maxGoals: 10 });
    const same = (grid: { p: Float64Array }) => grid.p.every((v, i) => Math.abs(v - poisson.p[i]) < 1e-13);
    // Away goals do not count, or the host leads them only while the aggregate is not level: plain Poisson.
    expect(same(gameStateGrid(sitsBack, 1.3, 1.1, { lead: 0, awayGoalsLead: null, extraTime: false }, 10))).toBe(true);
    expect(same(gameStateGrid(sitsBack, 1.3, 1.1, { lead: 2, awayGoalsLead: 0, extraTime: false }, 10))).toBe(true);
    // Level with the host one away goal up: its rate falls until the visitor scores.
    const ahead = gameStateGrid(sitsBack, 1.3, 1.1, { lead: 0, awayGoalsLead: 1, extraTime: false }, 10);
    expect(same(ahead)).toBe(false);
    expect(ahead.homeExpected).toBeLessThan(1.3);
    expect(ahead.p[0]).toBeCloseTo(Math.exp(-(1.3 * Math.exp(-1) + 1.1 * Math.exp(0.5))), 12);
    // Trailing by one with the away goals even: the host reaches that standing by scoring first.
    const reached = gameStateGrid(sitsBack, 1.3, 1.1, { lead: -1, awayGoalsLead: 1, extraTime: false }, 10);
    expect(reached.p[0]).toBeCloseTo(poisson.p[0], 12);
    expect(same(reached)).toBe(false);
  });

  it("the stretch widens the sides' gap: Poisson at λ·(λ/μ)^{γ/2} and μ·(μ/λ)^{γ/2}", () => {
    const stretched: GameStateModel = { ...neutralGameState(3), strengthStretch: 0.4 };
    const grid = gameStateGrid(stretched, 1.8, 0.9, level(0), 10);
    const poisson = poissonScoreGrid(1.8 * 2 ** 0.2, 0.9 * 0.5 ** 0.2, { maxGoals: 10 });
    for (let i = 0; i < grid.p.length; i++) expect(grid.p[i]).toBeCloseTo(poisson.p[i], 14);
    // A side that cannot score has no gap to stretch.
    const shutOut = gameStateGrid(stretched, 1.2, 0, level(0), 10);
    expect(shutOut.homeExpected).toBeCloseTo(1.2, 5);
  });

  it('the fitted stretch follows the data: better hosts that win big and weaker ones that lose big give γ > 0', () => {
    const samples: GameStateSample[] = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? { ...level(0), homeExpected: 1.6, awayExpected: 0.8, homeGoals: 3, awayGoals: 0 }
        : { ...level(0), homeExpected: 0.8, awayExpected: 1.6, homeGoals: 0, awayGoals: 3 },
    );
    const model = fitGameState(samples, { maxLead: 1 });
    expect(model.converged).toBe(true);
    expect(model.strengthStretch).toBeGreaterThan(0.5);
    const shuffled = fitGameState(
      samples.map((s) => ({ ...s, homeGoals: s.awayGoals, awayGoals: s.homeGoals })),
      { maxLead: 1 },
    );
    expect(shuffled.strengthStretch).toBeLessThan(0);
  });

  it('extra time: the chain at the rates times its multiplier, fitted on extra times alone', () => {
    const tired: GameStateModel = { ...neutralGameState(3), extraTimeLog: Math.log(0.8) };
    const extraTime = { lead: 0, awayGoalsLead: null, extraTime: true };
    const grid = gameStateGrid(tired, 0.45, 0.4, extraTime, 10);
    const poisson = poissonScoreGrid(0.36, 0.32, { maxGoals: 10 });
    for (let i = 0; i < grid.p.length; i++) expect(grid.p[i]).toBeCloseTo(poisson.p[i], 14);
    // The 90 minutes do not feel it.
    expect(gameStateGrid(tired, 1.3, 1.1, level(0), 10).homeExpected).toBeCloseTo(1.3, 5);
    // Extra times without a goal: the fitted multiplier falls below 1.
    const goalless = Array.from({ length: 30 }, () => sample(extraTime, [0.45, 0.4], [0, 0]));
    const fitted = fitGameState(goalless, { maxLead: 1 });
    expect(fitted.converged).toBe(true);
    expect(fitted.extraTimeLog).toBeLessThan(-0.5);
    expect([fitted.matches, fitted.extraTimes]).toEqual([0, 30]);
  });
});
