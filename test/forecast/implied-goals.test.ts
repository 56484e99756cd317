import { describe, it, expect } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { impliedGoals, impliedPoissonRates, removeMarginProportionally } from '../../src/forecast/implied-goals.js';
import { computeMarkets } from '../../src/forecast/markets.js';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';

/** Fair 1X2 and over-2.5 probabilities of a Dixon-Coles model (a grid big enough to leave nothing out). */
function modelPrices(lambda: number, mu: number, rho: number) {
  const m = computeMarkets(poissonScoreGrid(lambda, mu, { rho, maxGoals: 45 }), { normalise: true, totalLines: [2.5] });
  return { home: m.result.home, draw: m.result.draw, away: m.result.away, over: m.totals[0].over.win };
}

const cases: [number, number, number][] = [
  [1.6, 1.1, -0.08],
  [1.3, 1.3, 0],
  [0.45, 3.1, 0.06],
  [2.9, 0.35, -0.2],
  [1.05, 0.8, -0.15],
];

describe('removeMarginProportionally', () => {
  it('scales 1/odds to sum to one and reports the overround', () => {
    expect(removeMarginProportionally([2, 4, 4])).toEqual({ probabilities: [0.5, 0.25, 0.25], overround: 0 });
    const r = removeMarginProportionally([1.9, 1.9]);
    expect(r.probabilities).toEqual([0.5, 0.5]);
    expect(r.overround).toBeCloseTo(2 / 1.9 - 1, 15);
    expect(() => removeMarginProportionally([1, 3])).toThrow(MatchdayError);
  });
});

describe('impliedGoals', () => {
  it('round-trips (λ, μ, ρ) → 1X2 + over 2.5 → (λ, μ, ρ)', () => {
    for (const [lambda, mu, rho] of cases) {
      const prices = modelPrices(lambda, mu, rho);
      const r = impliedGoals({
        result: { probabilities: { home: prices.home, draw: prices.draw, away: prices.away } },
        total: { overProbability: prices.over },
      });
      expect(r.converged).toBe(true);
      expect(r.rhoFitted).toBe(true);
      expect(r.residual).toBeLessThan(1e-11);
      expect(r.lambda).toBeCloseTo(lambda, 8);
      expect(r.mu).toBeCloseTo(mu, 8);
      expect(r.rho).toBeCloseTo(rho, 8);
      expect(r.fitted.over).toBeCloseTo(prices.over, 11);
      expect(r.totalLine).toBe(2.5);
    }
  });

  it('round-trips (λ, μ) from 1X2 alone with ρ fixed', () => {
    for (const [lambda, mu, rho] of cases) {
      const prices = modelPrices(lambda, mu, rho);
      const r = impliedGoals({
        result: { probabilities: { home: prices.home, draw: prices.draw, away: prices.away } },
        rho,
      });
      expect(r.rhoFitted).toBe(false);
      expect(r.rho).toBe(rho);
      expect(r.residual).toBeLessThan(1e-11);
      expect(r.lambda).toBeCloseTo(lambda, 8);
      expect(r.mu).toBeCloseTo(mu, 8);
      expect(r.fitted.over).toBeUndefined();
    }
  });

  it('takes decimal odds with a margin and removes it proportionally', () => {
    const prices = modelPrices(1.45, 1.2, -0.06);
    const margin = 1.06;
    const odds = (p: number) => 1 / (p * margin);
    const r = impliedGoals({
      result: { odds: { home: odds(prices.home), draw: odds(prices.draw), away: odds(prices.away) } },
      total: { odds: { over: 1 / (prices.over * 1.04), under: 1 / ((1 - prices.over) * 1.04) } },
    });
    expect(r.overround.result).toBeCloseTo(0.06, 12);
    expect(r.overround.total).toBeCloseTo(0.04, 12);
    expect(r.lambda).toBeCloseTo(1.45, 8);
    expect(r.mu).toBeCloseTo(1.2, 8);
    expect(r.rho).toBeCloseTo(-0.06, 8);
  });

  it('without a total and without ρ, ρ is 0', () => {
    const prices = modelPrices(1.7, 0.9, 0);
    const r = impliedGoals({ result: { probabilities: { home: prices.home, draw: prices.draw, away: prices.away } } });
    expect(r.rho).toBe(0);
    expect(r.lambda).toBeCloseTo(1.7, 8);
  });

  it('over-determined prices: a least-squares answer with its residual', () => {
    // ρ fixed at 0 but the prices come from ρ = −0.15: three prices, two unknowns.
    const prices = modelPrices(1.2, 1.0, -0.15);
    const r = impliedGoals({
      result: { probabilities: { home: prices.home, draw: prices.draw, away: prices.away } },
      total: { overProbability: prices.over },
      rho: 0,
    });
    expect(r.converged).toBe(true);
    expect(r.residual).toBeGreaterThan(1e-3);
    expect(r.residual).toBeLessThan(0.05);
    const err = (x: typeof r.fitted) =>
      (x.home - prices.home) ** 2 +
      (x.draw - prices.draw) ** 2 +
      (x.away - prices.away) ** 2 +
      (x.over! - prices.over) ** 2;
    // No nearby (λ, μ) does better: a stationary point.
    const base = err(r.fitted);
    for (const [dl, dm] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
    ]) {
      expect(err(modelPrices(r.lambda + dl, r.mu + dm, 0))).toBeGreaterThan(base);
    }
  });

  it('prices no Dixon-Coles grid can meet: stays inside the valid ρ region and says how far off it is', () => {
    const r = impliedGoals({
      result: { odds: { home: 2.1, draw: 2.4, away: 3.6 } },
      total: { odds: { over: 1.3, under: 3.9 } },
    });
    expect(r.residual).toBeGreaterThan(0.01);
    expect(Number.isFinite(r.lambda) && Number.isFinite(r.mu) && Number.isFinite(r.rho)).toBe(true);
    expect(r.rho).toBeGreaterThan(-1 / Math.max(r.lambda, r.mu));
  });

  it('rejects bad input', () => {
    expect(() => impliedGoals({ result: { odds: { home: 0.9, draw: 3, away: 3 } } })).toThrow(MatchdayError);
    expect(() => impliedGoals({ result: { probabilities: { home: 0.5, draw: 0.3, away: 0.3 } } })).toThrow(/sum/);
    expect(() =>
      impliedGoals({
        result: { probabilities: { home: 0.5, draw: 0.3, away: 0.2 } },
        total: { line: 2.25, overProbability: 0.5 },
      }),
    ).toThrow(/half line/);
  });
});

describe('impliedPoissonRates (1X2 alone, ρ = 0)', () => {
  it('gives the rates impliedGoals gives, to 1e-8, over the prices football is played at', () => {
    // Closing books of the shared data run from draws at 0.12 beside a 0.8 favourite to 0.32 between equals.
    for (const [home, draw] of [
      [0.8, 0.12],
      [0.62, 0.22],
      [0.45, 0.27],
      [0.35, 0.32],
      [0.2, 0.25],
      [0.1, 0.16],
    ]) {
      const away = 1 - home - draw;
      const fast = impliedPoissonRates(home, away);
      const reference = impliedGoals({ result: { probabilities: { home, draw, away } } });
      expect(reference.residual).toBeLessThan(1e-9);
      expect(fast.lambda).toBeCloseTo(reference.lambda, 8);
      expect(fast.mu).toBeCloseTo(reference.mu, 8);
    }
  });

  it('refuses prices that leave no draw, in one line', () => {
    expect(() => impliedPoissonRates(0.6, 0.4)).toThrow('must be positive with a draw left');
  });
});
