import { describe, expect, it } from 'vitest';
import type { FitData } from '../../src/models/fit-data.js';
import { extraIndex } from '../../src/models/goal-likelihood.js';
import { createGoalModelProblem, type GoalModelProblem } from '../../src/models/goal-model-problem.js';
import { GOAL_MODEL_FAMILIES, type GoalModelFamily } from '../../src/models/goal-model.js';
import { SeededRandom } from '../../src/models/random.js';

/**
 * Every likelihood's analytic gradient against central finite differences, on data with all the features a
 * fit can meet: two components that never meet, a team without matches, neutral grounds, time-decay weights,
 * two prior groups, many 0-0/0-1/1-0/1-1 scores (Dixon-Coles τ) and scores ≥ 2 on both sides (bivariate U).
 */
function awkwardData(): FitData {
  const rng = new SeededRandom(2024);
  const home: number[] = [];
  const away: number[] = [];
  const neutral: number[] = [];
  const components = [
    [0, 1, 2, 3, 4],
    [5, 6, 7],
  ]; // team 8 never plays
  for (const teams of components) {
    for (let k = 0; k < 60; k++) {
      const h = teams[Math.floor(rng.uniform() * teams.length)];
      let a = h;
      while (a === h) a = teams[Math.floor(rng.uniform() * teams.length)];
      home.push(h);
      away.push(a);
      neutral.push(rng.uniform() < 0.2 ? 1 : 0);
    }
  }
  const count = home.length;
  return {
    teamCount: 9,
    homeTeam: Int32Array.from(home),
    awayTeam: Int32Array.from(away),
    homeGoals: Int32Array.from({ length: count }, () => rng.poisson(1.5)),
    awayGoals: Int32Array.from({ length: count }, () => rng.poisson(1.1)),
    neutral: Uint8Array.from(neutral),
    ageDays: Float64Array.from({ length: count }, () => rng.uniform() * 700),
    teamGroup: Int32Array.from([0, 0, 0, 1, 1, 0, 0, 1, 1]),
  };
}

/** The family parameter in the optimiser's coordinate: ρ, √λ3, √φ. */
const EXTRA_AT: Record<GoalModelFamily, number[]> = {
  poisson: [],
  'dixon-coles': [-0.09, 0.06],
  'bivariate-poisson': [0.45, 0.02],
  'negative-binomial': [0.35, 0.01], // 0.01² = 1e-4: the small-φ series branch
};

type ExtraChoice = number | null | ((x: Float64Array, problem: GoalModelProblem) => number);

function maxGradientError(family: GoalModelFamily, priorStrength: number, extra: ExtraChoice): number {
  const data = awkwardData();
  const problem = createGoalModelProblem(data, { family, xi: 0.002, priorStrength });
  const rng = new SeededRandom(99);
  const x = Float64Array.from(problem.start, (v) => v + 0.3 * (rng.uniform() - 0.5));
  if (typeof extra === 'function') x[extraIndex(data.teamCount, 0)] = extra(x, problem);
  else if (extra !== null) x[extraIndex(data.teamCount, 0)] = extra;
  const analytic = new Float64Array(problem.dimension);
  const f0 = problem.objective(x, analytic);
  expect(Number.isFinite(f0)).toBe(true);
  const scratch = new Float64Array(problem.dimension);
  let worst = 0;
  for (let i = 0; i < problem.dimension; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[i]));
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[i] += h;
    xm[i] -= h;
    const numeric = (problem.objective(xp, scratch) - problem.objective(xm, scratch)) / (2 * h);
    worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(analytic[i])));
  }
  return worst;
}

describe('analytic gradients match central finite differences', () => {
  for (const family of GOAL_MODEL_FAMILIES) {
    const extras = EXTRA_AT[family].length > 0 ? EXTRA_AT[family] : [null];
    for (const extra of extras) {
      for (const priorStrength of [0, 2.5]) {
        it(`${family}${extra === null ? '' : ` at extra ${extra}`}, prior ${priorStrength}`, () => {
          // Finite-difference noise here is ~3e-10.
          expect(maxGradientError(family, priorStrength, extra)).toBeLessThan(1e-8);
        });
      }
    }
  }

  /** Largest home rate, away rate and product over the fitted fixtures at x. */
  const extremes = (x: Float64Array, problem: GoalModelProblem): { rate: number; product: number } => {
    const { table } = problem;
    const n = table.teamCount;
    let rate = 0;
    let product = 0;
    for (let p = 0; p < table.pairCount; p++) {
      const l = Math.exp((table.neutral[p] ? 0 : x[2 * n]) + x[table.home[p]] - x[n + table.away[p]]);
      const m = Math.exp(x[table.away[p]] - x[n + table.home[p]]);
      rate = Math.max(rate, l, m);
      product = Math.max(product, l * m);
    }
    return { rate, product };
  };

  it('Dixon-Coles with the τ barrier active (some τ(0,1) or τ(1,0) = 0.02)', () => {
    const error = maxGradientError('dixon-coles', 0, (x, problem) => -0.98 / extremes(x, problem).rate);
    expect(error).toBeLessThan(1e-8);
  });

  it('Dixon-Coles with the τ barrier active (some τ(0,0) = 0.03)', () => {
    const error = maxGradientError('dixon-coles', 0, (x, problem) => 0.97 / extremes(x, problem).product);
    expect(error).toBeLessThan(1e-8);
  });

  it("Dixon-Coles τ's dependence on λ and μ moves the team gradients far beyond that tolerance", () => {
    const data = awkwardData();
    const problem = createGoalModelProblem(data, { family: 'dixon-coles' });
    const x = Float64Array.from(problem.start);
    x[extraIndex(data.teamCount, 0)] = -0.1;
    const analytic = new Float64Array(problem.dimension);
    problem.objective(x, analytic);
    // A gradient that left out τ's dependence on the rates would give team 0 the plain Poisson gradient;
    // the difference is far above the 1e-8 the check above allows, so that mistake cannot pass it.
    const poisson = createGoalModelProblem(data, { family: 'poisson' });
    const poissonGradient = new Float64Array(poisson.dimension);
    poisson.objective(x.subarray(0, poisson.dimension), poissonGradient);
    expect(Math.abs(analytic[0] - poissonGradient[0])).toBeGreaterThan(1e-4);
  });
});
