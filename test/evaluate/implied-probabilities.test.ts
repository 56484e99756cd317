import { describe, it, expect } from 'vitest';
import {
  additiveProbabilities,
  booksum,
  impliedProbabilities,
  MARGIN_METHODS,
  multiplicativeProbabilities,
  oddsRatioProbabilities,
  powerProbabilities,
  shinProbabilities,
} from '../../src/evaluate/implied-probabilities.js';
import { MatchdayError } from '../../src/errors.js';

const BOOK = [2.1, 3.4, 3.6];
const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/**
 * Shin by the Jullien–Salanié fixed point z ← (Σ√(z² + 4(1 − z)π²/B) − 2)/(n − 2): a different algorithm from
 * the library's bisection on Σp = 1, used here as an independent check.
 */
function shinByFixedPoint(odds: readonly number[]): { probabilities: number[]; z: number } {
  const pi = odds.map((o) => 1 / o);
  const b = sum(pi);
  let z = 0;
  for (let i = 0; i < 100_000; i++)
    z = (sum(pi.map((v) => Math.sqrt(z * z + (4 * (1 - z) * v * v) / b))) - 2) / (pi.length - 2);
  return { probabilities: pi.map((v) => (Math.sqrt(z * z + (4 * (1 - z) * v * v) / b) - z) / (2 * (1 - z))), z };
}

describe('Shin', () => {
  it('reproduces the published values of the `shin` package for odds 2.6 / 2.4 / 4.3', () => {
    const { probabilities, z } = shinProbabilities([2.6, 2.4, 4.3]);
    expect(probabilities[0]).toBeCloseTo(0.3729941, 7);
    expect(probabilities[1]).toBeCloseTo(0.4047794, 7);
    expect(probabilities[2]).toBeCloseTo(0.2222265, 7);
    expect(z).toBeCloseTo(0.01694251, 8);
  });

  it('agrees with an independent fixed-point solution on 2.10 / 3.40 / 3.60', () => {
    const reference = shinByFixedPoint(BOOK);
    const { probabilities, z } = shinProbabilities(BOOK);
    expect(z).toBeCloseTo(reference.z, 12);
    expect(z).toBeCloseTo(0.0240828, 7);
    for (let k = 0; k < 3; k++) expect(probabilities[k]).toBeCloseTo(reference.probabilities[k], 12);
    expect(probabilities[0]).toBeCloseTo(0.4586657, 7);
    expect(probabilities[1]).toBeCloseTo(0.2787376, 7);
    expect(probabilities[2]).toBeCloseTo(0.2625966, 7);
  });

  it('shifts probability from the long shot to the favourite compared with normalisation', () => {
    const shin = shinProbabilities(BOOK).probabilities;
    const basic = multiplicativeProbabilities(BOOK).probabilities;
    expect(shin[0]).toBeGreaterThan(basic[0]);
    expect(shin[2]).toBeLessThan(basic[2]);
  });

  it('equals the additive method in a two-way market', () => {
    const shin = shinProbabilities([1.8, 2.1]).probabilities;
    const additive = additiveProbabilities([1.8, 2.1]).probabilities;
    expect(shin[0]).toBeCloseTo(additive[0], 12);
    expect(shin[1]).toBeCloseTo(additive[1], 12);
  });

  it('refuses an underround book and gives z = 0 for a fair one', () => {
    expect(() => shinProbabilities([2.2, 3.6, 4.2])).toThrow(/underround/);
    expect(shinProbabilities([2, 2]).z).toBe(0);
  });
});

describe('every method', () => {
  const books = [BOOK, [1.25, 6.5, 13], [1.91, 1.91], [1.5, 2.6], [3.1, 3.3, 2.45], [2.2, 3.6, 4.2]];

  it('sums to 1 within 1e-12 and gives positive probabilities in the order of the odds', () => {
    for (const odds of books) {
      for (const method of MARGIN_METHODS) {
        if (method === 'shin' && booksum(odds) < 1) continue;
        const { probabilities } = impliedProbabilities(odds, method);
        expect(Math.abs(sum(probabilities) - 1)).toBeLessThan(1e-12);
        probabilities.forEach((p, i) => {
          expect(p).toBeGreaterThan(0);
          if (i > 0 && odds[i] > odds[i - 1]) expect(p).toBeLessThan(probabilities[i - 1]);
        });
      }
    }
  });

  it('gives the fair price back unchanged when there is no margin', () => {
    for (const method of MARGIN_METHODS) {
      const { probabilities } = impliedProbabilities([2, 4, 4], method);
      expect(probabilities[0]).toBeCloseTo(0.5, 12);
      expect(probabilities[2]).toBeCloseTo(0.25, 12);
    }
  });
});

describe('multiplicative, additive, power, odds-ratio', () => {
  const pi = BOOK.map((o) => 1 / o);
  const b = sum(pi);

  it('multiplicative divides by the booksum', () => {
    const result = multiplicativeProbabilities(BOOK);
    expect(result.booksum).toBeCloseTo(1 / 2.1 + 1 / 3.4 + 1 / 3.6, 15);
    expect(result.probabilities[1]).toBeCloseTo(1 / 3.4 / b, 15);
  });

  it('additive takes the same margin off every outcome', () => {
    const result = additiveProbabilities(BOOK);
    expect(result.marginPerOutcome).toBeCloseTo((b - 1) / 3, 15);
    result.probabilities.forEach((p, i) => expect(pi[i] - p).toBeCloseTo(result.marginPerOutcome, 15));
    expect(() => additiveProbabilities([1.01, 15, 101])).toThrow(MatchdayError);
  });

  it('power solves Σπ^k = 1 for the exponent (k > 1 for an overround, k < 1 for an underround)', () => {
    const { exponent, probabilities } = powerProbabilities(BOOK);
    expect(exponent).toBeGreaterThan(1);
    expect(Math.abs(sum(pi.map((v) => v ** exponent)) - 1)).toBeLessThan(1e-12);
    probabilities.forEach((p, i) => expect(p).toBeCloseTo(pi[i] ** exponent, 15));
    expect(powerProbabilities([2.2, 3.6, 4.2]).exponent).toBeLessThan(1);
  });

  it('odds-ratio keeps one odds ratio between bookmaker and fair odds for every outcome', () => {
    const { oddsRatio, probabilities } = oddsRatioProbabilities(BOOK);
    expect(oddsRatio).toBeGreaterThan(1);
    probabilities.forEach((p, i) => expect(pi[i] / (1 - pi[i]) / (p / (1 - p))).toBeCloseTo(oddsRatio, 12));
  });
});

describe('validation', () => {
  it('rejects odds that are not decimal prices above 1, and one-outcome markets', () => {
    expect(() => impliedProbabilities([1, 3, 4])).toThrow(MatchdayError);
    expect(() => impliedProbabilities([2.1, Number.NaN, 4])).toThrow(/got NaN for outcome 1/);
    expect(() => impliedProbabilities([2.1])).toThrow(/at least two outcomes/);
  });
});
