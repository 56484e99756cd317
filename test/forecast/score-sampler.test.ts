import { describe, it, expect } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { SeededRandom } from '../../src/models/random.js';
import { ScoreSampler, sampleScorelines } from '../../src/forecast/score-sampler.js';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import { handGrid } from './hand-grid.js';

describe('ScoreSampler', () => {
  const grid = poissonScoreGrid(1.5, 1.1, { rho: -0.1, maxGoals: 6 });

  it('is reproducible for a seed and differs across seeds', () => {
    const a = sampleScorelines(grid, 1000, 42);
    const b = sampleScorelines(grid, 1000, 42);
    const c = sampleScorelines(grid, 1000, 43);
    expect(a.home).toEqual(b.home);
    expect(a.away).toEqual(b.away);
    expect(a.home).not.toEqual(c.home);
  });

  it('draws each scoreline with its probability conditional on the grid (chi-square)', () => {
    const n = 200_000;
    const { home, away } = sampleScorelines(grid, n, 7);
    const size = grid.maxGoals + 1;
    const counts = new Float64Array(size * size);
    for (let k = 0; k < n; k++) counts[home[k] * size + away[k]]++;
    const mass = 1 - grid.truncatedMass;
    let chi2 = 0;
    let cells = 0;
    let pooledObserved = 0;
    let pooledExpected = 0;
    grid.p.forEach((p, i) => {
      const expected = (n * p) / mass;
      if (expected >= 5) {
        chi2 += (counts[i] - expected) ** 2 / expected;
        cells++;
      } else {
        pooledObserved += counts[i];
        pooledExpected += expected;
      }
    });
    chi2 += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    const df = cells; // (cells + pooled bin) − 1
    // About the 5e-4 tail of χ²(df) (the seed makes the draw fixed): sampling instead from ρ = −0.08 or λ = 1.52
    // gives χ² ≈ 94 and 100 against a bound of 84, so even small biases fail.
    expect(chi2).toBeLessThan(df + 4 * Math.sqrt(2 * df));
    expect(df).toBeGreaterThan(25);
  });

  it('never draws an impossible score and keeps exact proportions on a tiny grid', () => {
    const g = handGrid([
      [0.5, 0],
      [0.25, 0],
    ]);
    const sampler = new ScoreSampler(g);
    const random = new SeededRandom(1);
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < 60_000; k++) counts[sampler.sampleIndex(random)]++;
    expect(counts[1]).toBe(0);
    expect(counts[3]).toBe(0);
    // 2:1 within 0.005 (about 2.6 standard deviations; the seed makes it deterministic).
    expect(counts[0] / 60_000).toBeCloseTo(2 / 3, 2);
    expect(sampler.sample({ uniform: () => 0 })).toEqual({ home: 0, away: 0 });
  });

  it('rejects grids it cannot sample', () => {
    expect(() => new ScoreSampler(handGrid([[0]]))).toThrow(MatchdayError);
    expect(() => new ScoreSampler(handGrid([[Number.NaN]]))).toThrow(MatchdayError);
    expect(() => sampleScorelines(grid, -1, 1)).toThrow(MatchdayError);
  });
});
