import { describe, expect, it } from 'vitest';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import {
  fitGameState,
  gameStateGrid,
  neutralGameState,
  type GameStateModel,
  type GameStateSample,
} from '../../src/knockout/game-state.js';

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
    for (const key of ['homeLog', 'awayLog'] as const) {
      for (let i = 0; i < 5; i++) {
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
      { lead: 1, homeExpected: 1.2, awayExpected: 1.1, homeGoals: 0, awayGoals: 2 },
      { lead: 0, homeExpected: 1.4, awayExpected: 0.8, homeGoals: 3, awayGoals: 0 },
      { lead: -1, homeExpected: 1.0, awayExpected: 1.3, homeGoals: 1, awayGoals: 1 },
    ];
    const doubled = fitGameState([...samples, samples[0]], { maxLead: 1 });
    const weighted = fitGameState([{ ...samples[0], weight: 2 }, samples[1], samples[2]], { maxLead: 1 });
    for (let i = 0; i < 3; i++) {
      expect(weighted.homeLog[i]).toBeCloseTo(doubled.homeLog[i], 5);
      expect(weighted.awayLog[i]).toBeCloseTo(doubled.awayLog[i], 5);
    }
  });
});
