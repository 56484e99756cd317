import { describe, it, expect } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { dixonColesRhoBounds, extraTimeGrid, poissonScoreGrid } from '../../src/forecast/poisson-grid.js';

const pois = (k: number, rate: number): number => {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return (Math.exp(-rate) * rate ** k) / f;
};

describe('poissonScoreGrid', () => {
  it('independent Poisson cells, row-major home × away, with the truncated mass', () => {
    const g = poissonScoreGrid(1.2, 0.7, { maxGoals: 2 });
    expect(g.maxGoals).toBe(2);
    expect(g.p).toHaveLength(9);
    for (let h = 0; h <= 2; h++) {
      for (let a = 0; a <= 2; a++) expect(g.p[h * 3 + a]).toBeCloseTo(pois(h, 1.2) * pois(a, 0.7), 15);
    }
    const inside = (pois(0, 1.2) + pois(1, 1.2) + pois(2, 1.2)) * (pois(0, 0.7) + pois(1, 0.7) + pois(2, 0.7));
    expect(g.truncatedMass).toBeCloseTo(1 - inside, 15);
    expect(g.homeExpected).toBe(1.2);
    expect(g.awayExpected).toBe(0.7);
  });

  it('Dixon-Coles multiplies the four low scores by τ', () => {
    const [l, m, r] = [1.4, 1.1, -0.13];
    const g = poissonScoreGrid(l, m, { maxGoals: 3, rho: r });
    const base = (h: number, a: number) => pois(h, l) * pois(a, m);
    expect(g.p[0]).toBeCloseTo(base(0, 0) * (1 - l * m * r), 15);
    expect(g.p[1]).toBeCloseTo(base(0, 1) * (1 + l * r), 15);
    expect(g.p[4]).toBeCloseTo(base(1, 0) * (1 + m * r), 15);
    expect(g.p[5]).toBeCloseTo(base(1, 1) * (1 - r), 15);
    expect(g.p[2]).toBeCloseTo(base(0, 2), 15);
    expect(g.p[10]).toBeCloseTo(base(2, 2), 15);
  });

  it('τ keeps total mass 1 and both marginals Poisson', () => {
    const g = poissonScoreGrid(1.6, 0.9, { maxGoals: 40, rho: 0.08 });
    let sum = 0;
    for (const v of g.p) sum += v;
    expect(sum).toBeCloseTo(1, 14);
    expect(g.truncatedMass).toBeLessThan(1e-14);
    for (let h = 0; h < 6; h++) {
      let row = 0;
      let column = 0;
      for (let a = 0; a <= 40; a++) {
        row += g.p[h * 41 + a];
        column += g.p[a * 41 + h];
      }
      expect(row).toBeCloseTo(pois(h, 1.6), 14);
      expect(column).toBeCloseTo(pois(h, 0.9), 14);
    }
  });

  it('reports a truncated mass that is visible for high rates and small grids', () => {
    const g = poissonScoreGrid(3, 2.5, { maxGoals: 4, rho: -0.05 });
    let sum = 0;
    for (const v of g.p) sum += v;
    expect(g.truncatedMass).toBeGreaterThan(0.1);
    expect(g.truncatedMass).toBeCloseTo(1 - sum, 15);
  });

  it('keeps ρ where every τ is positive, and rejects bad rates and sizes', () => {
    expect(dixonColesRhoBounds(2, 0.5)).toEqual({ min: -0.5, max: 1 });
    expect(dixonColesRhoBounds(2, 1.5)).toEqual({ min: -0.5, max: 1 / 3 });
    expect(() => poissonScoreGrid(2, 1.5, { maxGoals: 5, rho: 0.34 })).toThrow(MatchdayError);
    expect(() => poissonScoreGrid(2, 1.5, { maxGoals: 5, rho: -0.5 })).toThrow(/non-positive/);
    expect(() => poissonScoreGrid(-1, 1, { maxGoals: 5 })).toThrow(/lambda/);
    expect(() => poissonScoreGrid(1, Number.NaN, { maxGoals: 5 })).toThrow(/mu/);
    expect(() => poissonScoreGrid(1, 1, { maxGoals: 2.5 })).toThrow(/maxGoals/);
    expect(poissonScoreGrid(0, 0, { maxGoals: 1 }).p).toEqual(new Float64Array([1, 0, 0, 0]));
  });

  it('a grid of size 1 holds only 0-0', () => {
    const g = poissonScoreGrid(1, 2, { maxGoals: 0, rho: -0.1 });
    expect(g.p[0]).toBeCloseTo(Math.exp(-3) * 1.2, 15);
  });
});

describe('extraTimeGrid', () => {
  it('is independent Poisson at the scaled rates', () => {
    const g = extraTimeGrid(1.5, 0.9, 0.3, 6);
    const ref = poissonScoreGrid(0.45, 0.27, { maxGoals: 6 });
    g.p.forEach((v, i) => expect(v).toBeCloseTo(ref.p[i], 15));
    expect(g.homeExpected).toBeCloseTo(0.45, 15);
    expect(g.awayExpected).toBeCloseTo(0.27, 15);
    expect(() => extraTimeGrid(1, 1, -0.1, 6)).toThrow(MatchdayError);
  });
});
