import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { SeededRandom } from '../../src/models/random.js';

function moments(draw: () => number, count: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < count; i++) {
    const v = draw();
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / count;
  return { mean, variance: sumSq / count - mean * mean };
}

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    for (const v of seqA) expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });

  it('draws uniforms on [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new SeededRandom(1);
    let min = 1;
    let max = 0;
    const { mean, variance } = moments(() => {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    }, 200_000);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003); // SE 0.00065
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it.each([0.3, 1.4, 6, 40, 1200])('draws Poisson(%s) with matching mean and variance', (m) => {
    const rng = new SeededRandom(7);
    const count = 40_000;
    const { mean, variance } = moments(() => rng.poisson(m), count);
    expect(Math.abs(mean - m)).toBeLessThan(5 * Math.sqrt(m / count));
    expect(Math.abs(variance / m - 1)).toBeLessThan(0.05);
  });

  it('draws Poisson(0) as 0', () => {
    const rng = new SeededRandom(3);
    for (let i = 0; i < 100; i++) expect(rng.poisson(0)).toBe(0);
  });

  it.each([0.4, 2.5])('draws Gamma(%s, 1.5) with mean k·θ and variance k·θ²', (shape) => {
    const rng = new SeededRandom(11);
    const { mean, variance } = moments(() => rng.gamma(shape, 1.5), 60_000);
    expect(mean / (shape * 1.5)).toBeCloseTo(1, 1);
    expect(variance / (shape * 1.5 * 1.5)).toBeCloseTo(1, 1);
  });

  it('draws negative binomials with variance m + m²/size', () => {
    const rng = new SeededRandom(5);
    const { mean, variance } = moments(() => rng.negativeBinomial(1.6, 4), 80_000);
    expect(mean).toBeCloseTo(1.6, 1);
    expect(variance / (1.6 + (1.6 * 1.6) / 4)).toBeCloseTo(1, 1);
  });

  it('rejects invalid parameters with MatchdayError', () => {
    const rng = new SeededRandom(0);
    expect(() => rng.poisson(-1)).toThrow(MatchdayError);
    expect(() => rng.poisson(NaN)).toThrow(MatchdayError);
    expect(() => rng.gamma(0)).toThrow(MatchdayError);
  });
});
