import { describe, it, expect } from 'vitest';
import {
  fitGoalLink,
  fitOrderedLogit,
  fitOutcomeMapping,
  goalExpectancy,
  outcomeProbabilities,
  ratingScoreGrid,
  type MappingInput,
  type OrderedLogit,
  type OutcomeMapping,
} from '../../src/models/ratings/outcome-mapping.js';
import { MatchdayError } from '../../src/errors.js';
import { mulberry32, samplePoisson } from './synthetic-league.js';

const TRUE_LOGIT: OrderedLogit = { slope: 0.8, homeAdvantage: 0.3, drawMargin: 0.6 };
const TRUE_GOALS = { intercept: 0.1, homeAdvantage: 0.25, slope: 0.4 };
const F = (t: number): number => 1 / (1 + Math.exp(-t));

/** Matches with x uniform on [−2, 2], one in five at a neutral venue, results drawn from the true mappings. */
function sample(
  n: number,
  seed: number,
): MappingInput & { x: number[]; homeGoals: number[]; awayGoals: number[]; neutral: boolean[] } {
  const random = mulberry32(seed);
  const x: number[] = [];
  const neutral: boolean[] = [];
  const homeGoals: number[] = [];
  const awayGoals: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push(4 * random() - 2);
    neutral.push(random() < 0.2);
    const { home, away } = goalExpectancy(TRUE_GOALS, x[i], neutral[i]);
    homeGoals.push(samplePoisson(home, random));
    awayGoals.push(samplePoisson(away, random));
  }
  return { x, neutral, homeGoals, awayGoals };
}

/** Results drawn from the true ordered logit, coded as scores 1-0 / 0-0 / 0-1. */
function outcomeSample(n: number, seed: number): ReturnType<typeof sample> {
  const random = mulberry32(seed);
  const base = sample(n, seed + 1);
  base.x.forEach((xi, i) => {
    const [pHome, pDraw] = outcomeProbabilities(TRUE_LOGIT, xi, base.neutral[i]);
    const u = random();
    base.homeGoals[i] = u < pHome ? 1 : 0;
    base.awayGoals[i] = u < pHome + pDraw ? 0 : 1;
  });
  return base;
}

const outcomeOf = (input: ReturnType<typeof sample>, i: number): number =>
  input.homeGoals[i] > input.awayGoals[i] ? 0 : input.homeGoals[i] === input.awayGoals[i] ? 1 : 2;

describe('outcomeProbabilities', () => {
  it('are the ordered-logit cell probabilities and sum to 1', () => {
    const [home, draw, away] = outcomeProbabilities(TRUE_LOGIT, 0.5);
    // s = 0.8·0.5 + 0.3 = 0.7
    expect(home).toBeCloseTo(F(0.7 - 0.6), 15);
    expect(away).toBeCloseTo(F(-0.7 - 0.6), 15);
    expect(home + draw + away).toBeCloseTo(1, 15);
    expect(draw).toBeGreaterThan(0);
  });

  it('drop home advantage at a neutral venue: swapping the sides swaps the forecast', () => {
    const forward = outcomeProbabilities(TRUE_LOGIT, 0.4, true);
    const swapped = outcomeProbabilities(TRUE_LOGIT, -0.4, true);
    expect(forward[0]).toBeCloseTo(swapped[2], 15);
    expect(forward[1]).toBeCloseTo(swapped[1], 15);
    expect(outcomeProbabilities(TRUE_LOGIT, 0.4)[0]).toBeGreaterThan(forward[0]);
  });
});

describe('fitOrderedLogit', () => {
  const input = outcomeSample(40_000, 3);
  const fit = fitOrderedLogit(input);

  it('recovers the parameters that generated the data', () => {
    expect(Math.abs(fit.model.slope - TRUE_LOGIT.slope)).toBeLessThan(0.04);
    expect(Math.abs(fit.model.homeAdvantage - TRUE_LOGIT.homeAdvantage)).toBeLessThan(0.06);
    expect(Math.abs(fit.model.drawMargin - TRUE_LOGIT.drawMargin)).toBeLessThan(0.03);
  });

  it('reproduces the observed outcome frequencies', () => {
    const n = input.x.length;
    const mean = [0, 0, 0];
    const observed = [0, 0, 0];
    input.x.forEach((xi, i) => {
      outcomeProbabilities(fit.model, xi, input.neutral[i]).forEach((p, k) => (mean[k] += p / n));
      observed[outcomeOf(input, i)] += 1 / n;
    });
    for (let k = 0; k < 3; k++) expect(Math.abs(mean[k] - observed[k])).toBeLessThan(0.002);
  });

  it('is at a maximum of an independently computed likelihood (finite differences vanish)', () => {
    const ll = (m: OrderedLogit): number =>
      input.x.reduce((s, xi, i) => s + Math.log(outcomeProbabilities(m, xi, input.neutral[i])[outcomeOf(input, i)]), 0);
    expect(ll(fit.model)).toBeCloseTo(fit.logLikelihood, 6);
    for (const key of ['slope', 'homeAdvantage', 'drawMargin'] as const) {
      for (const delta of [-1e-3, 1e-3])
        expect(ll({ ...fit.model, [key]: fit.model[key] + delta })).toBeLessThan(fit.logLikelihood);
      // Curvature is ~1e3–1e4 per unit here, so a parameter off by 1e-5 would show a slope above 0.01.
      const h = 1e-5;
      const slope =
        (ll({ ...fit.model, [key]: fit.model[key] + h }) - ll({ ...fit.model, [key]: fit.model[key] - h })) / (2 * h);
      expect(Math.abs(slope)).toBeLessThan(0.01);
    }
  });

  it('leaves zero-weight matches out exactly', () => {
    const padded = {
      x: [...input.x, 100, -100],
      homeGoals: [...input.homeGoals, 0, 5],
      awayGoals: [...input.awayGoals, 5, 0],
      neutral: [...input.neutral, false, false],
      weights: [...input.x.map(() => 1), 0, 0],
    };
    expect(fitOrderedLogit(padded).model.slope).toBeCloseTo(fit.model.slope, 10);
  });

  it('keeps home advantage at 0 when every match is at a neutral venue', () => {
    const allNeutral = fitOrderedLogit({ ...input, neutral: input.neutral.map(() => true) });
    expect(allNeutral.model.homeAdvantage).toBe(0);
    expect(allNeutral.model.slope).toBeGreaterThan(0.6);
  });

  it('fails loudly without draws instead of returning a degenerate fit', () => {
    const noDraws = { x: [0, 1, 2], homeGoals: [1, 0, 2], awayGoals: [0, 1, 0], neutral: [0, 0, 0] };
    expect(() => fitOrderedLogit(noDraws)).toThrow(MatchdayError);
    expect(() => fitOrderedLogit(noDraws)).toThrow(/home wins, draws and away wins/);
  });
});

describe('fitGoalLink', () => {
  const input = sample(30_000, 5);
  const fit = fitGoalLink(input);

  it('recovers intercept, home advantage and slope', () => {
    expect(Math.abs(fit.model.intercept - TRUE_GOALS.intercept)).toBeLessThan(0.02);
    expect(Math.abs(fit.model.homeAdvantage - TRUE_GOALS.homeAdvantage)).toBeLessThan(0.04);
    expect(Math.abs(fit.model.slope - TRUE_GOALS.slope)).toBeLessThan(0.02);
  });

  it('matches expected to observed goals in total and for home sides at home (the score equations)', () => {
    let expectedAll = 0;
    let observedAll = 0;
    let expectedHome = 0;
    let observedHome = 0;
    input.x.forEach((xi, i) => {
      const { home, away } = goalExpectancy(fit.model, xi, input.neutral[i]);
      expectedAll += home + away;
      observedAll += input.homeGoals[i] + input.awayGoals[i];
      if (!input.neutral[i]) {
        expectedHome += home;
        observedHome += input.homeGoals[i];
      }
    });
    expect(expectedAll / observedAll).toBeCloseTo(1, 10);
    expect(expectedHome / observedHome).toBeCloseTo(1, 10);
  });

  it('reports the full log-likelihood, log-factorials included', () => {
    const logFactorial = (k: number): number => (k < 2 ? 0 : Math.log(k) + logFactorial(k - 1));
    const logPoisson = (k: number, m: number): number => k * Math.log(m) - m - logFactorial(k);
    const ll = input.x.reduce((s, xi, i) => {
      const { home, away } = goalExpectancy(fit.model, xi, input.neutral[i]);
      return s + logPoisson(input.homeGoals[i], home) + logPoisson(input.awayGoals[i], away);
    }, 0);
    expect(fit.logLikelihood).toBeCloseTo(ll, 6);
  });
});

describe('ratingScoreGrid', () => {
  const mapping: OutcomeMapping = {
    outcome: TRUE_LOGIT,
    goals: { intercept: 0.2, homeAdvantage: 0.25, slope: 0.3 },
    diagnostics: { matches: 0, outcomeLogLikelihood: 0, goalsLogLikelihood: 0, iterations: 0 },
  };
  const regionSums = (grid: ReturnType<typeof ratingScoreGrid>): { region: number[]; total: number } => {
    const size = grid.maxGoals + 1;
    const region = [0, 0, 0];
    let total = 0;
    for (let h = 0; h < size; h++) {
      for (let a = 0; a < size; a++) {
        const p = grid.p[h * size + a];
        expect(p).toBeGreaterThanOrEqual(0);
        region[h > a ? 0 : h === a ? 1 : 2] += p;
        total += p;
      }
    }
    return { region, total };
  };

  it('reports the mass a small grid leaves out, grid + truncated = 1', () => {
    const grid = ratingScoreGrid(mapping, 0.7, false, 6);
    const { total } = regionSums(grid);
    expect(total + grid.truncatedMass).toBeCloseTo(1, 14);
    expect(grid.truncatedMass).toBeGreaterThan(1e-4);
    expect(grid.truncatedMass).toBeLessThan(1e-2);
  });

  it("has exactly the ordered logit's 1X2 when the grid holds all the mass", () => {
    const grid = ratingScoreGrid(mapping, 0.7, false, 25);
    const { region } = regionSums(grid);
    expect(grid.truncatedMass).toBeLessThan(1e-15);
    const probabilities = outcomeProbabilities(mapping.outcome, 0.7);
    for (let k = 0; k < 3; k++) expect(region[k]).toBeCloseTo(probabilities[k], 14);
    // Expected goals are those of the reweighted grid, not the raw Poisson means.
    let homeExpected = 0;
    for (let h = 0; h <= 25; h++) for (let a = 0; a <= 25; a++) homeExpected += h * grid.p[h * 26 + a];
    expect(grid.homeExpected).toBeCloseTo(homeExpected, 12);
  });

  it('keeps the Poisson shape within each outcome region', () => {
    const grid = ratingScoreGrid(mapping, 0, false, 10);
    const { home: lambda, away: mu } = goalExpectancy(mapping.goals, 0);
    // Within the draw region 1-1 / 0-0 is the Poisson ratio λμ; within home wins 2-0 / 1-0 is λ/2.
    expect(grid.p[1 * 11 + 1] / grid.p[0]).toBeCloseTo(lambda * mu, 12);
    expect(grid.p[2 * 11 + 0] / grid.p[1 * 11 + 0]).toBeCloseTo(lambda / 2, 12);
  });

  it('is the mirror image for swapped sides at a neutral venue', () => {
    const forward = ratingScoreGrid(mapping, 0.5, true, 8);
    const swapped = ratingScoreGrid(mapping, -0.5, true, 8);
    for (let h = 0; h <= 8; h++)
      for (let a = 0; a <= 8; a++) expect(forward.p[h * 9 + a]).toBeCloseTo(swapped.p[a * 9 + h], 15);
  });

  it('rejects a non-finite rating difference', () => {
    expect(() => ratingScoreGrid(mapping, Number.NaN)).toThrow(MatchdayError);
  });
});

describe('fitOutcomeMapping', () => {
  it('fits outcome and goal mappings together and reports diagnostics', () => {
    const input = sample(5000, 9);
    const mapping = fitOutcomeMapping(input);
    expect(mapping.diagnostics.matches).toBe(5000);
    expect(mapping.diagnostics.iterations).toBeGreaterThan(2);
    expect(mapping.outcome.slope).toBeGreaterThan(0);
    expect(mapping.outcome.homeAdvantage).toBeGreaterThan(0);
    expect(mapping.goals.slope).toBeGreaterThan(0.3);
    expect(mapping.diagnostics.outcomeLogLikelihood).toBeLessThan(0);
    expect(mapping.diagnostics.goalsLogLikelihood).toBeLessThan(0);
  });
});
