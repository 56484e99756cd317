import { describe, it, expect } from 'vitest';
import {
  CLUBELO_OPTIONS,
  eloExpectedResult,
  fitElo,
  predictElo,
  runElo,
  tuneElo,
  type EloOptions,
} from '../../src/models/ratings/elo.js';
import type { FitData } from '../../src/models/fit-data.js';
import { MatchdayError } from '../../src/errors.js';
import { simulateLeague } from './synthetic-league.js';

const OPTIONS: EloOptions = { k: 20, homeAdvantage: 100, goalDifferenceExponent: 0.5, initialRating: 1500 };

// Teams 0 = A, 1 = B, 2 = C. Given out of date order on purpose: runElo must sort by age (oldest first).
// 12 days ago: A 2-0 B; 11 days ago: C 1-1 A at a neutral venue; 10 days ago: B 0-3 C.
const THREE_MATCHES: FitData = {
  teamCount: 3,
  homeTeam: Int32Array.of(1, 0, 2),
  awayTeam: Int32Array.of(2, 1, 0),
  homeGoals: Int32Array.of(0, 2, 1),
  awayGoals: Int32Array.of(3, 0, 1),
  neutral: Uint8Array.of(0, 0, 1),
  ageDays: Float64Array.of(10, 12, 11),
};

describe('eloExpectedResult', () => {
  it('is ½ for equal ratings and 1/(1+10^-0.25) for a 100-point edge', () => {
    expect(eloExpectedResult(0)).toBe(0.5);
    expect(eloExpectedResult(100)).toBeCloseTo(0.640065, 6);
    expect(eloExpectedResult(-100) + eloExpectedResult(100)).toBeCloseTo(1, 15);
  });
});

describe('runElo', () => {
  const run = runElo(THREE_MATCHES, OPTIONS);

  it('gives the hand-computed ratings after each of three matches', () => {
    // Match 1 (A 2-0 B, home A): dr = 100, E = 0.640065, exchange = 20·√2·(1 − E) = 10.18050.
    expect(run.preHome[1]).toBe(1500);
    expect(run.preAway[1]).toBe(1500);
    expect(run.difference[1]).toBe(0);
    // Match 2 (C 1-1 A, neutral: no home advantage): dr = 1500 − 1510.18050 = −10.18050.
    expect(run.preHome[2]).toBe(1500);
    expect(run.preAway[2]).toBeCloseTo(1510.1805, 4);
    expect(run.difference[2]).toBeCloseTo(-10.1805, 4);
    // The mapping's x leaves home advantage out (the mapping fits its own): 1489.8195 − 1500.29293.
    // E = 0.485353, a draw: exchange = 20·(0.5 − E) = 0.29293 to C. Match 3 (B 0-3 C, home B):
    // dr = 1489.81950 − 1500.29293 + 100 = 89.52657, E = 0.626061, exchange = 20·√3·(0 − E) = −21.68740.
    expect(run.preHome[0]).toBeCloseTo(1489.8195, 4);
    expect(run.preAway[0]).toBeCloseTo(1500.29293, 4);
    expect(run.difference[0]).toBeCloseTo(-10.47343, 4);
    expect(run.ratings[0]).toBeCloseTo(1509.88756, 4);
    expect(run.ratings[1]).toBeCloseTo(1468.1321, 4);
    expect(run.ratings[2]).toBeCloseTo(1521.98033, 4);
  });

  it('agrees with a direct transcription of the ClubElo formulas to 1e-9', () => {
    const r = [1500, 1500, 1500];
    const step = (h: number, a: number, hg: number, ag: number, neutral: boolean): void => {
      const dr = r[h] - r[a] + (neutral ? 0 : 100);
      const e = 1 / (10 ** (-dr / 400) + 1);
      const result = hg > ag ? 1 : hg === ag ? 0.5 : 0;
      const f = hg === ag ? 1 : Math.sqrt(Math.abs(hg - ag));
      r[h] += 20 * f * (result - e);
      r[a] -= 20 * f * (result - e);
    };
    step(0, 1, 2, 0, false);
    step(2, 0, 1, 1, true);
    step(1, 2, 0, 3, false);
    for (let t = 0; t < 3; t++) expect(run.ratings[t]).toBeCloseTo(r[t], 9);
  });

  it('is zero-sum: the mean rating stays at the initial rating', () => {
    const total = run.ratings[0] + run.ratings[1] + run.ratings[2];
    expect(total).toBeCloseTo(4500, 9);
  });

  it('ignores the margin when the goal-difference exponent is 0', () => {
    const plain = runElo(
      { ...THREE_MATCHES, homeGoals: Int32Array.of(0, 1, 1), awayGoals: Int32Array.of(1, 0, 1) },
      { ...OPTIONS, goalDifferenceExponent: 0 },
    );
    const margin = runElo(THREE_MATCHES, { ...OPTIONS, goalDifferenceExponent: 0 });
    for (let t = 0; t < 3; t++) expect(margin.ratings[t]).toBeCloseTo(plain.ratings[t], 12);
  });

  it('accepts per-team starting ratings', () => {
    const seeded = runElo(THREE_MATCHES, OPTIONS, [1600, 1400, 1500]);
    expect(seeded.preHome[1]).toBe(1600);
    expect(seeded.difference[1]).toBe(200);
  });

  it('rejects bad input with a MatchdayError naming the match', () => {
    expect(() => runElo({ ...THREE_MATCHES, awayTeam: Int32Array.of(2, 1, 7) }, OPTIONS)).toThrow(MatchdayError);
    expect(() => runElo({ ...THREE_MATCHES, awayTeam: Int32Array.of(2, 1, 7) }, OPTIONS)).toThrow(
      /match 2: away team index 7/,
    );
    expect(() => runElo({ ...THREE_MATCHES, homeGoals: Int32Array.of(0, 2) }, OPTIONS)).toThrow(
      /homeGoals has 2 entries/,
    );
    expect(() => runElo(THREE_MATCHES, { ...OPTIONS, k: -1 })).toThrow(/K must be positive/);
  });
});

describe('fitElo on a synthetic league', () => {
  const league = simulateLeague({ teams: 20, seasons: 6, seed: 7 });

  it('ranks the strongest simulated team above the weakest and forecasts it to win', () => {
    const model = fitElo(league.data, CLUBELO_OPTIONS);
    const best = league.strength.indexOf(Math.max(...league.strength));
    const worst = league.strength.indexOf(Math.min(...league.strength));
    expect(model.ratings[best]).toBeGreaterThan(model.ratings[worst] + 100);
    const forecast = predictElo(model, best, worst);
    expect(forecast.probabilities[0]).toBeGreaterThan(0.6);
    expect(forecast.homeGoals).toBeGreaterThan(forecast.awayGoals);
    // The mapping's slope is positive: a larger rating gap means a likelier home win.
    expect(model.mapping.outcome.slope).toBeGreaterThan(0);
    expect(model.mapping.goals.slope).toBeGreaterThan(0);
    expect(model.mapping.outcome.homeAdvantage).toBeGreaterThan(0);
  });

  it('gives a neutral venue no home advantage', () => {
    const model = fitElo(league.data, CLUBELO_OPTIONS);
    const atHome = predictElo(model, 3, 4, false);
    const neutral = predictElo(model, 3, 4, true);
    expect(atHome.ratingDifference).toBe(neutral.ratingDifference);
    expect(atHome.probabilities[0]).toBeGreaterThan(neutral.probabilities[0]);
    expect(atHome.homeGoals).toBeGreaterThan(neutral.homeGoals);
    // Swapping the sides at a neutral venue swaps the forecast.
    const swapped = predictElo(model, 4, 3, true);
    expect(swapped.probabilities[2]).toBeCloseTo(neutral.probabilities[0], 14);
  });

  it('tunes K and home advantage by likelihood: the grid optimum beats every other grid point', () => {
    const grid = { k: [5, 20, 60], homeAdvantage: [0, 60, 120] };
    const tuned = tuneElo(league.data, grid);
    expect(tuned.evaluated).toBe(9);
    expect(tuned.options.homeAdvantage).toBeGreaterThan(0);
    for (const k of grid.k) {
      for (const homeAdvantage of grid.homeAdvantage) {
        const other = tuneElo(league.data, { k: [k], homeAdvantage: [homeAdvantage] });
        expect(other.outcomeLogLikelihood).toBeLessThanOrEqual(tuned.outcomeLogLikelihood);
      }
    }
  });
});
