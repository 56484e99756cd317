import { describe, it, expect } from 'vitest';
import {
  fitOrderedLogit,
  fitOutcomeMapping,
  fitPoissonLink,
  goalExpectancy,
  outcomeProbabilities,
  ratingScoreGrid,
  type OutcomeMapping,
} from '../../src/models/ratings/outcome-mapping.js';
import { MatchdayError } from '../../src/errors.js';
import { mulberry32, samplePoisson } from './synthetic-league.js';

const TRUE_LOGIT = { slope: 0.8, drawLower: -0.9, drawUpper: 0.4 };

/** Results drawn from a known ordered logit, coded as scores 1-0 / 0-0 / 0-1. */
function orderedLogitSample(n: number, seed: number): { x: number[]; homeGoals: number[]; awayGoals: number[] } {
  const random = mulberry32(seed);
  const x: number[] = [];
  const homeGoals: number[] = [];
  const awayGoals: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = 4 * random() - 2;
    const [pHome, pDraw] = outcomeProbabilities(TRUE_LOGIT, xi);
    const u = random();
    x.push(xi);
    homeGoals.push(u < pHome ? 1 : 0);
    awayGoals.push(u < pHome || u < pHome + pDraw ? 0 : 1);
  }
  return { x, homeGoals, awayGoals };
}

describe('outcomeProbabilities', () => {
  it('are the ordered-logit cell probabilities and sum to 1', () => {
    const [home, draw, away] = outcomeProbabilities(TRUE_LOGIT, 0.5);
    const F = (t: number): number => 1 / (1 + Math.exp(-t));
    expect(away).toBeCloseTo(F(-0.9 - 0.4), 15);
    expect(home).toBeCloseTo(1 - F(0.4 - 0.4), 15);
    expect(home + draw + away).toBeCloseTo(1, 15);
    expect(draw).toBeGreaterThan(0);
  });
});

describe('fitOrderedLogit', () => {
  const sample = orderedLogitSample(40_000, 3);
  const fit = fitOrderedLogit(sample.x, sample.homeGoals, sample.awayGoals);

  it('recovers the parameters that generated the data', () => {
    expect(fit.model.slope).toBeCloseTo(TRUE_LOGIT.slope, 1);
    expect(fit.model.drawLower).toBeCloseTo(TRUE_LOGIT.drawLower, 1);
    expect(fit.model.drawUpper).toBeCloseTo(TRUE_LOGIT.drawUpper, 1);
    expect(Math.abs(fit.model.slope - TRUE_LOGIT.slope)).toBeLessThan(0.04);
  });

  it('reproduces the observed outcome frequencies', () => {
    const mean = [0, 0, 0];
    sample.x.forEach((xi) => outcomeProbabilities(fit.model, xi).forEach((p, k) => (mean[k] += p / sample.x.length)));
    const observed = [0, 0, 0];
    sample.x.forEach((_, i) => {
      const k = sample.homeGoals[i] > sample.awayGoals[i] ? 0 : sample.homeGoals[i] === sample.awayGoals[i] ? 1 : 2;
      observed[k] += 1 / sample.x.length;
    });
    for (let k = 0; k < 3; k++) expect(Math.abs(mean[k] - observed[k])).toBeLessThan(0.002);
  });

  it('is at a maximum: nudging any parameter lowers the likelihood', () => {
    const ll = (m: typeof fit.model): number =>
      sample.x.reduce((s, xi, i) => {
        const k = sample.homeGoals[i] > sample.awayGoals[i] ? 0 : sample.homeGoals[i] === sample.awayGoals[i] ? 1 : 2;
        return s + Math.log(outcomeProbabilities(m, xi)[k]);
      }, 0);
    expect(ll(fit.model)).toBeCloseTo(fit.logLikelihood, 6);
    for (const key of ['slope', 'drawLower', 'drawUpper'] as const) {
      for (const delta of [-1e-3, 1e-3])
        expect(ll({ ...fit.model, [key]: fit.model[key] + delta })).toBeLessThan(fit.logLikelihood);
      // Central finite difference of an independently computed likelihood: the gradient vanishes at the fit.
      // (Curvature here is ~1e3–1e4 per unit, so a parameter off by 1e-5 would show a slope above 0.01.)
      const h = 1e-5;
      const slope =
        (ll({ ...fit.model, [key]: fit.model[key] + h }) - ll({ ...fit.model, [key]: fit.model[key] - h })) / (2 * h);
      expect(Math.abs(slope)).toBeLessThan(0.01);
    }
  });

  it('leaves zero-weight matches out exactly', () => {
    const doubled = {
      x: [...sample.x, 100, -100],
      homeGoals: [...sample.homeGoals, 0, 5],
      awayGoals: [...sample.awayGoals, 5, 0],
    };
    const weights = [...sample.x.map(() => 1), 0, 0];
    const weighted = fitOrderedLogit(doubled.x, doubled.homeGoals, doubled.awayGoals, weights);
    expect(weighted.model.slope).toBeCloseTo(fit.model.slope, 10);
  });

  it('fails loudly without draws instead of returning a degenerate fit', () => {
    expect(() => fitOrderedLogit([0, 1, 2], [1, 0, 2], [0, 1, 0])).toThrow(MatchdayError);
    expect(() => fitOrderedLogit([0, 1, 2], [1, 0, 2], [0, 1, 0])).toThrow(/away wins, draws and home wins/);
  });
});

describe('fitPoissonLink', () => {
  const random = mulberry32(5);
  const x = Array.from({ length: 30_000 }, () => 2 * random() - 1);
  const goals = x.map((xi) => samplePoisson(Math.exp(0.3 + 0.5 * xi), random));
  const fit = fitPoissonLink(x, goals);

  it('recovers intercept and slope', () => {
    expect(Math.abs(fit.model.intercept - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(fit.model.slope - 0.5)).toBeLessThan(0.03);
  });

  it('matches total expected goals to total observed goals (the intercept score equation)', () => {
    const expected = x.reduce((s, xi) => s + Math.exp(fit.model.intercept + fit.model.slope * xi), 0);
    const observed = goals.reduce((s, g) => s + g, 0);
    expect(expected / observed).toBeCloseTo(1, 10);
  });

  it('reports the full log-likelihood, log-factorials included', () => {
    const logFactorial = (k: number): number => (k < 2 ? 0 : Math.log(k) + logFactorial(k - 1));
    const ll = x.reduce((s, xi, i) => {
      const eta = fit.model.intercept + fit.model.slope * xi;
      return s + goals[i] * eta - Math.exp(eta) - logFactorial(goals[i]);
    }, 0);
    expect(fit.logLikelihood).toBeCloseTo(ll, 6);
  });
});

describe('ratingScoreGrid', () => {
  const mapping: OutcomeMapping = {
    outcome: TRUE_LOGIT,
    homeGoals: { intercept: 0.35, slope: 0.3 },
    awayGoals: { intercept: 0.1, slope: -0.3 },
    diagnostics: {
      matches: 0,
      outcomeLogLikelihood: 0,
      homeGoalsLogLikelihood: 0,
      awayGoalsLogLikelihood: 0,
      iterations: 0,
    },
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
    const grid = ratingScoreGrid(mapping, 0.7, 6);
    const { total } = regionSums(grid);
    expect(total + grid.truncatedMass).toBeCloseTo(1, 14);
    expect(grid.truncatedMass).toBeGreaterThan(1e-4);
    expect(grid.truncatedMass).toBeLessThan(1e-2);
  });

  it("has exactly the ordered logit's 1X2 when the grid holds all the mass", () => {
    const grid = ratingScoreGrid(mapping, 0.7, 25);
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
    const grid = ratingScoreGrid(mapping, 0, 10);
    const { home: lambda, away: mu } = goalExpectancy(mapping, 0);
    const poisson = (k: number, m: number): number => (Math.exp(-m) * m ** k) / [1, 1, 2, 6, 24][k];
    // Within the draw region the ratio of 1-1 to 0-0 is the Poisson ratio λμ.
    expect(grid.p[1 * 11 + 1] / grid.p[0]).toBeCloseTo(
      (poisson(1, lambda) * poisson(1, mu)) / (poisson(0, lambda) * poisson(0, mu)),
      12,
    );
    expect(grid.p[2 * 11 + 0] / grid.p[1 * 11 + 0]).toBeCloseTo(lambda / 2, 12);
  });

  it('rejects a non-finite rating difference', () => {
    expect(() => ratingScoreGrid(mapping, Number.NaN)).toThrow(MatchdayError);
  });
});

describe('fitOutcomeMapping', () => {
  it('fits outcome and goal mappings together and reports diagnostics', () => {
    const random = mulberry32(9);
    const x = Array.from({ length: 5000 }, () => 2 * random() - 1);
    const homeGoals = x.map((xi) => samplePoisson(Math.exp(0.35 + 0.4 * xi), random));
    const awayGoals = x.map((xi) => samplePoisson(Math.exp(0.1 - 0.4 * xi), random));
    const mapping = fitOutcomeMapping(x, homeGoals, awayGoals);
    expect(mapping.diagnostics.matches).toBe(5000);
    expect(mapping.diagnostics.iterations).toBeGreaterThan(2);
    expect(mapping.outcome.slope).toBeGreaterThan(0);
    expect(mapping.homeGoals.slope).toBeGreaterThan(0.3);
    expect(mapping.awayGoals.slope).toBeLessThan(-0.3);
    expect(mapping.diagnostics.outcomeLogLikelihood).toBeLessThan(0);
  });
});
