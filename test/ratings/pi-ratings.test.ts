import { describe, it, expect } from 'vitest';
import {
  fitPiRatings,
  piExpectedGoalDifference,
  PI_RATINGS_OPTIONS,
  predictPiRatings,
  runPiRatings,
  tunePiRatings,
  type PiOptions,
} from '../../src/models/ratings/pi-ratings.js';
import type { FitData } from '../../src/models/fit-data.js';
import { simulateLeague } from './synthetic-league.js';

const OPTIONS: PiOptions = { learningRate: 0.1, crossVenueRate: 0.5, base: 10, scale: 3 };

// Teams 0 = A, 1 = B. Two days ago: A 2-0 B; yesterday: B 1-1 A.
const TWO_MATCHES: FitData = {
  teamCount: 2,
  homeTeam: Int32Array.of(0, 1),
  awayTeam: Int32Array.of(1, 0),
  homeGoals: Int32Array.of(2, 1),
  awayGoals: Int32Array.of(0, 1),
  neutral: Uint8Array.of(0, 0),
  ageDays: Float64Array.of(2, 1),
};

describe('piExpectedGoalDifference', () => {
  it('is sign(R)·(10^(|R|/3) − 1)', () => {
    expect(piExpectedGoalDifference(0)).toBe(0);
    expect(piExpectedGoalDifference(3)).toBeCloseTo(9, 12);
    expect(piExpectedGoalDifference(-0.3)).toBeCloseTo(-(10 ** 0.1 - 1), 15);
  });
});

describe('runPiRatings', () => {
  const run = runPiRatings(TWO_MATCHES, OPTIONS);

  it('gives the hand-computed ratings after two matches', () => {
    // Match 1: expected 0, observed 2, ψ = 3·log10(3) = 1.4313638; A's home rating moves by λψ = 0.1431364,
    // A's away rating by γ·0.1431364 = 0.0715682; B's away and home ratings by the negatives.
    expect(run.difference[0]).toBe(0);
    // Match 2: B at home on −0.0715682 against A away on +0.0715682:
    // expected = −2·(10^(0.0715682/3) − 1) = −0.1129346, observed 0, so B gains λ·3·log10(1.1129346) = 0.0139409.
    expect(run.preHome[1]).toBeCloseTo(-0.0715682, 7);
    expect(run.preAway[1]).toBeCloseTo(0.0715682, 7);
    expect(run.difference[1]).toBeCloseTo(-0.1129346, 7);
    expect(run.homeRatings[0]).toBeCloseTo(0.1431364 - 0.5 * 0.0139409, 7);
    expect(run.awayRatings[0]).toBeCloseTo(0.0715682 - 0.0139409, 7);
    expect(run.homeRatings[1]).toBeCloseTo(-0.0715682 + 0.0139409, 7);
    expect(run.awayRatings[1]).toBeCloseTo(-0.1431364 + 0.5 * 0.0139409, 7);
  });

  it('moves both venue ratings of each side equally at a neutral venue', () => {
    const neutral = runPiRatings({ ...TWO_MATCHES, neutral: Uint8Array.of(1, 0) }, OPTIONS);
    expect(neutral.preHome[1]).toBeCloseTo((-0.1431364 - 0.1431364) / 2, 7);
    expect(neutral.preAway[1]).toBeCloseTo(0.1431364, 7);
  });
});

describe('fitPiRatings on a synthetic league', () => {
  const league = simulateLeague({ teams: 20, seasons: 6, seed: 11 });

  it('orders the strongest team above the weakest and maps the expected goal difference with a positive slope', () => {
    const model = fitPiRatings(league.data);
    const best = league.strength.indexOf(Math.max(...league.strength));
    const worst = league.strength.indexOf(Math.min(...league.strength));
    expect(model.homeRatings[best]).toBeGreaterThan(model.homeRatings[worst]);
    expect(model.awayRatings[best]).toBeGreaterThan(model.awayRatings[worst]);
    expect(model.mapping.outcome.slope).toBeGreaterThan(0);
    const forecast = predictPiRatings(model, best, worst);
    expect(forecast.probabilities[0]).toBeGreaterThan(forecast.probabilities[2]);
    const reverse = predictPiRatings(model, worst, best);
    expect(reverse.probabilities[2]).toBeGreaterThan(reverse.probabilities[0]);
  });

  it('tunes λ and γ by likelihood, beating the paper constants on its own grid', () => {
    const tuned = tunePiRatings(league.data, { learningRate: [0.01, 0.035, 0.1], crossVenueRate: [0.3, 0.7, 1] });
    const paper = tunePiRatings(league.data, {
      learningRate: [PI_RATINGS_OPTIONS.learningRate],
      crossVenueRate: [PI_RATINGS_OPTIONS.crossVenueRate],
    });
    expect(tuned.evaluated).toBe(9);
    expect(tuned.outcomeLogLikelihood).toBeGreaterThanOrEqual(paper.outcomeLogLikelihood);
  });
});
