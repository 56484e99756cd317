import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { bivariatePoissonScoreGrid } from '../../src/models/bivariate-poisson.js';
import { dixonColesScoreGrid } from '../../src/models/dixon-coles.js';
import { negativeBinomialScoreGrid } from '../../src/models/negative-binomial.js';
import { poissonScoreGrid } from '../../src/models/poisson.js';
import { gridIndex, type ScoreGrid } from '../../src/models/score-grid.js';

function total(grid: ScoreGrid): number {
  return grid.p.reduce((s, v) => s + v, 0);
}

/** E[X], E[Y], Var X, Var Y, Cov(X, Y) over the grid. */
function gridMoments(grid: ScoreGrid): { mx: number; my: number; vx: number; vy: number; cov: number } {
  const size = grid.maxGoals + 1;
  let mx = 0;
  let my = 0;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const p = grid.p[i * size + j];
      mx += i * p;
      my += j * p;
      xx += i * i * p;
      yy += j * j * p;
      xy += i * j * p;
    }
  }
  return { mx, my, vx: xx - mx * mx, vy: yy - my * my, cov: xy - mx * my };
}

function expectValidGrid(grid: ScoreGrid): void {
  for (const v of grid.p) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
  }
  expect(grid.truncatedMass).toBeGreaterThanOrEqual(0);
  expect(total(grid) + grid.truncatedMass).toBeCloseTo(1, 12);
}

describe('poissonScoreGrid', () => {
  it('is the product of two Poisson pmfs', () => {
    const grid = poissonScoreGrid(1.7, 0.9, 10);
    expectValidGrid(grid);
    expect(grid.p[gridIndex(grid, 2, 1)]).toBeCloseTo(((Math.exp(-1.7) * 1.7 ** 2) / 2) * Math.exp(-0.9) * 0.9, 15);
    expect(grid.homeExpected).toBe(1.7);
    expect(grid.awayExpected).toBe(0.9);
  });

  it('reports the mass beyond maxGoals', () => {
    const small = poissonScoreGrid(2.5, 2, 2);
    const p0 = [0, 1, 2].reduce((s, k) => s + (Math.exp(-2.5) * 2.5 ** k) / [1, 1, 2][k], 0);
    const q0 = [0, 1, 2].reduce((s, k) => s + (Math.exp(-2) * 2 ** k) / [1, 1, 2][k], 0);
    expect(small.truncatedMass).toBeCloseTo(1 - p0 * q0, 14);
    expect(poissonScoreGrid(1.4, 1.1, 15).truncatedMass).toBeLessThan(1e-9);
  });

  it('rejects non-finite rates and bad maxGoals', () => {
    expect(() => poissonScoreGrid(NaN, 1, 10)).toThrow(MatchdayError);
    expect(() => poissonScoreGrid(1, Infinity, 10)).toThrow(MatchdayError);
    expect(() => poissonScoreGrid(1, 1, -1)).toThrow(MatchdayError);
    expect(() => poissonScoreGrid(1, 1, 2.5)).toThrow(MatchdayError);
  });
});

describe('dixonColesScoreGrid', () => {
  it('multiplies the four low scores by τ and keeps the mass and the means', () => {
    const [l, m, rho] = [1.5, 1.1, -0.12];
    const grid = dixonColesScoreGrid(l, m, rho, 12);
    const plain = poissonScoreGrid(l, m, 12);
    expectValidGrid(grid);
    expect(grid.p[gridIndex(grid, 0, 0)]).toBeCloseTo(plain.p[0] * (1 - l * m * rho), 15);
    expect(grid.p[gridIndex(grid, 0, 1)]).toBeCloseTo(plain.p[1] * (1 + l * rho), 15);
    expect(grid.p[gridIndex(grid, 1, 0)]).toBeCloseTo(plain.p[13] * (1 + m * rho), 15);
    expect(grid.p[gridIndex(grid, 1, 1)]).toBeCloseTo(plain.p[14] * (1 - rho), 15);
    expect(grid.p[gridIndex(grid, 2, 1)]).toBe(plain.p[gridIndex(plain, 2, 1)]);
    expect(total(grid)).toBeCloseTo(total(plain), 14);
    const moments = gridMoments(grid);
    expect(moments.mx).toBeCloseTo(l, 6);
    expect(moments.my).toBeCloseTo(m, 6);
    expect(grid.p[0] + grid.p[14]).toBeGreaterThan(plain.p[0] + plain.p[14]); // ρ < 0: more 0-0 and 1-1
  });

  it('moves ρ into the valid region for a lopsided fixture instead of going negative', () => {
    // ρ = −0.2 with λ = 12: τ(0,1) = 1 − 2.4 < 0 unclamped.
    const grid = dixonColesScoreGrid(12, 0.3, -0.2, 40);
    expectValidGrid(grid);
    expect(grid.p[gridIndex(grid, 0, 1)]).toBe(0); // clamped to ρ = −1/12: τ(0,1) = 0
    const positive = dixonColesScoreGrid(3, 3, 0.5, 30); // τ(0,0) = 1 − 4.5 < 0 unclamped
    expectValidGrid(positive);
    expect(positive.p[0]).toBe(0);
  });

  it('rejects a non-finite ρ', () => {
    expect(() => dixonColesScoreGrid(1, 1, NaN, 10)).toThrow(MatchdayError);
  });
});

describe('bivariatePoissonScoreGrid', () => {
  it('has means λ1 + λ3, variances λi + λ3 and covariance λ3', () => {
    const grid = bivariatePoissonScoreGrid(1.2, 0.8, 0.25, 30);
    expectValidGrid(grid);
    const m = gridMoments(grid);
    expect(m.mx).toBeCloseTo(1.45, 10);
    expect(m.my).toBeCloseTo(1.05, 10);
    expect(m.vx).toBeCloseTo(1.45, 9);
    expect(m.vy).toBeCloseTo(1.05, 9);
    expect(m.cov).toBeCloseTo(0.25, 9);
    expect(grid.homeExpected).toBeCloseTo(1.45, 15);
  });

  it('equals independent Poisson when λ3 = 0', () => {
    const a = bivariatePoissonScoreGrid(1.3, 0.7, 0, 10);
    const b = poissonScoreGrid(1.3, 0.7, 10);
    a.p.forEach((v, k) => expect(v).toBeCloseTo(b.p[k], 16));
  });

  it('rejects a negative λ3', () => {
    expect(() => bivariatePoissonScoreGrid(1, 1, -0.1, 10)).toThrow(MatchdayError);
  });
});

describe('negativeBinomialScoreGrid', () => {
  it('has variance m + φ·m² on each side and no covariance', () => {
    const grid = negativeBinomialScoreGrid(1.6, 1.1, 0.3, 60);
    expectValidGrid(grid);
    const m = gridMoments(grid);
    expect(m.mx).toBeCloseTo(1.6, 9);
    expect(m.vx).toBeCloseTo(1.6 + 0.3 * 1.6 * 1.6, 8);
    expect(m.vy).toBeCloseTo(1.1 + 0.3 * 1.1 * 1.1, 8);
    expect(m.cov).toBeCloseTo(0, 10);
  });

  it('equals independent Poisson when φ = 0 and is close to it for tiny φ', () => {
    const poisson = poissonScoreGrid(1.3, 0.7, 10);
    negativeBinomialScoreGrid(1.3, 0.7, 0, 10).p.forEach((v, k) => expect(v).toBeCloseTo(poisson.p[k], 16));
    negativeBinomialScoreGrid(1.3, 0.7, 1e-12, 10).p.forEach((v, k) => expect(v).toBeCloseTo(poisson.p[k], 10));
  });

  it('rejects a negative dispersion', () => {
    expect(() => negativeBinomialScoreGrid(1, 1, -0.1, 10)).toThrow(MatchdayError);
  });
});
