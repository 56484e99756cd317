import { describe, expect, it } from 'vitest';
import { fitGoalModel } from '../../src/models/fit-goal-model.js';
import type { FittedGoalModel, GoalModelFamily } from '../../src/models/goal-model.js';
import { predictScoreGrid } from '../../src/models/predict-score-grid.js';
import { SeededRandom } from '../../src/models/random.js';
import { bivariatePoissonScoreGrid } from '../../src/models/bivariate-poisson.js';
import { dixonColesScoreGrid } from '../../src/models/dixon-coles.js';
import { negativeBinomialScoreGrid } from '../../src/models/negative-binomial.js';
import { poissonScoreGrid } from '../../src/models/poisson.js';
import type { ScoreGrid } from '../../src/models/score-grid.js';
import {
  bivariatePoissonSampler,
  dixonColesSampler,
  negativeBinomialSampler,
  poissonSampler,
  randomStrengths,
  simulateLeague,
  type ScoreSampler,
  type TrueStrengths,
} from './synthetic.js';

/**
 * Simulate a 20-team league for 10 seasons (3,800 matches) from known parameters and check the fit gets
 * them back. Standard errors at this size: attack/defence ≈ 0.05, home advantage ≈ 0.02, the family
 * parameter ≈ 0.02; the tolerances are about 3 standard errors (4 for the worst of 20 teams), so they hold
 * for any seed, not just this one.
 */
const TEAMS = 20;
const SEASONS = 10;

interface Case {
  family: GoalModelFamily;
  sampler: ScoreSampler;
  extra: { key: 'rho' | 'lambda3' | 'dispersion'; value: number } | null;
  truthGrid: (l: number, m: number) => ScoreGrid;
}

const CASES: Case[] = [
  { family: 'poisson', sampler: poissonSampler, extra: null, truthGrid: (l, m) => poissonScoreGrid(l, m, 10) },
  {
    family: 'dixon-coles',
    sampler: dixonColesSampler(-0.1),
    extra: { key: 'rho', value: -0.1 },
    truthGrid: (l, m) => dixonColesScoreGrid(l, m, -0.1, 10),
  },
  {
    family: 'bivariate-poisson',
    sampler: bivariatePoissonSampler(0.15),
    extra: { key: 'lambda3', value: 0.15 },
    truthGrid: (l, m) => bivariatePoissonScoreGrid(l, m, 0.15, 10),
  },
  {
    family: 'negative-binomial',
    sampler: negativeBinomialSampler(0.15),
    extra: { key: 'dispersion', value: 0.15 },
    truthGrid: (l, m) => negativeBinomialScoreGrid(l, m, 0.15, 10),
  },
];

function rmse(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length);
}

function maxError(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

function extraOf(model: FittedGoalModel): number | null {
  switch (model.family) {
    case 'poisson':
      return null;
    case 'dixon-coles':
      return model.params.rho;
    case 'bivariate-poisson':
      return model.params.lambda3;
    case 'negative-binomial':
      return model.params.dispersion;
  }
}

describe('synthetic league: the fit recovers the parameters it was simulated from', () => {
  for (const c of CASES) {
    it(c.family, () => {
      const rng = new SeededRandom(100);
      const truth = randomStrengths(rng, TEAMS, 0.25);
      const data = simulateLeague(rng, truth, SEASONS, c.sampler);
      const model = fitGoalModel(data, { family: c.family });

      expect(model.diagnostics.converged).toBe(true);
      expect(model.diagnostics.matches).toBe(TEAMS * (TEAMS - 1) * SEASONS);
      expect(rmse(model.params.attack, truth.attack)).toBeLessThan(0.08);
      expect(rmse(model.params.defence, truth.defence)).toBeLessThan(0.08);
      expect(maxError(model.params.attack, truth.attack)).toBeLessThan(0.2);
      expect(maxError(model.params.defence, truth.defence)).toBeLessThan(0.2);
      expect(Math.abs(model.params.homeAdvantage - truth.homeAdvantage)).toBeLessThan(0.07);
      if (c.extra) expect(Math.abs((extraOf(model) ?? NaN) - c.extra.value)).toBeLessThan(0.06);

      // Forecasts: total-variation distance between fitted and true score grids of a few fixtures.
      for (const [h, a] of [
        [0, 1],
        [5, 17],
        [19, 3],
      ]) {
        const fitted = predictScoreGrid(model, h, a);
        const l = Math.exp(truth.homeAdvantage + truth.attack[h] - truth.defence[a]);
        const m = Math.exp(truth.attack[a] - truth.defence[h]);
        const expected = c.truthGrid(l, m);
        const distance = 0.5 * fitted.p.reduce((s, v, k) => s + Math.abs(v - expected.p[k]), 0);
        expect(distance).toBeLessThan(0.06);
      }
    });
  }

  it('recovers a negative home advantage (an empty-stadium season)', () => {
    const rng = new SeededRandom(7);
    const truth: TrueStrengths = randomStrengths(rng, TEAMS, -0.15);
    const data = simulateLeague(rng, truth, SEASONS, poissonSampler);
    const model = fitGoalModel(data, { family: 'dixon-coles' });
    expect(model.params.homeAdvantage).toBeLessThan(-0.08);
    expect(Math.abs(model.params.homeAdvantage + 0.15)).toBeLessThan(0.07);
    expect(Math.abs(extraOf(model) ?? NaN)).toBeLessThan(0.06); // simulated without dependence: ρ ≈ 0
  });
});
