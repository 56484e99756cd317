import { describe, it, expect } from 'vitest';
import {
  brierScore,
  groupIndices,
  ignorance,
  logLoss,
  meanDifference,
  meanWithError,
  outcomeOfScore,
  rankedProbabilityScore,
  scoreForecast,
  summarizeByGroup,
  summarizeForecasts,
} from '../../src/evaluate/metrics.js';
import { MatchdayError } from '../../src/errors.js';

const FORECAST = [0.5, 0.3, 0.2];

describe('rankedProbabilityScore', () => {
  it('matches hand-computed values for each outcome of (0.5, 0.3, 0.2)', () => {
    // Cumulative forecast 0.5, 0.8. Home: ((0.5−1)² + (0.8−1)²)/2; draw: (0.5² + (0.8−1)²)/2; away: (0.5² + 0.8²)/2.
    expect(rankedProbabilityScore(FORECAST, 0)).toBeCloseTo(0.145, 15);
    expect(rankedProbabilityScore(FORECAST, 1)).toBeCloseTo(0.145, 15);
    expect(rankedProbabilityScore(FORECAST, 2)).toBeCloseTo(0.445, 15);
  });

  it('is 0 for a certain correct forecast and 1 for a certain forecast of the opposite extreme', () => {
    expect(rankedProbabilityScore([1, 0, 0], 0)).toBe(0);
    expect(rankedProbabilityScore([1, 0, 0], 2)).toBe(1);
  });

  it('rewards ordinal closeness: a miss by one outcome costs less than a miss by two', () => {
    expect(rankedProbabilityScore([0, 1, 0], 0)).toBeLessThan(rankedProbabilityScore([0, 0, 1], 0));
  });

  it('is half the Brier score for a two-way market', () => {
    expect(rankedProbabilityScore([0.7, 0.3], 1)).toBeCloseTo(brierScore([0.7, 0.3], 1) / 2, 15);
  });
});

describe('logLoss, brierScore, ignorance', () => {
  it('match hand-computed values', () => {
    expect(logLoss(FORECAST, 0)).toBeCloseTo(Math.LN2, 15);
    expect(logLoss(FORECAST, 2)).toBeCloseTo(-Math.log(0.2), 15);
    expect(ignorance(FORECAST, 0)).toBeCloseTo(1, 15);
    expect(ignorance([0.25, 0.5, 0.25], 2)).toBeCloseTo(2, 15);
    // (0.5−1)² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04.
    expect(brierScore(FORECAST, 0)).toBeCloseTo(0.38, 15);
    expect(brierScore(FORECAST, 1)).toBeCloseTo(0.25 + 0.49 + 0.04, 15);
  });

  it('gives Infinity, not NaN, for a zero probability on what happened', () => {
    expect(logLoss([1, 0, 0], 1)).toBe(Infinity);
  });

  it('scoreForecast bundles all four', () => {
    expect(scoreForecast(FORECAST, 0)).toEqual({
      rps: rankedProbabilityScore(FORECAST, 0),
      logLoss: logLoss(FORECAST, 0),
      brier: brierScore(FORECAST, 0),
      ignorance: ignorance(FORECAST, 0),
    });
  });

  it('reject forecasts that are not distributions and outcomes out of range', () => {
    expect(() => rankedProbabilityScore([0.5, 0.3, 0.3], 0)).toThrow(MatchdayError);
    expect(() => rankedProbabilityScore([0.5, 0.3, 0.3], 0)).toThrow(/sum to 1.1/);
    expect(() => logLoss([0.5, Number.NaN, 0.5], 0)).toThrow(/probability 1 is NaN/);
    expect(() => brierScore(FORECAST, 3)).toThrow(/outcome index 3/);
    expect(() => ignorance([1], 0)).toThrow(/at least two outcomes/);
  });
});

describe('meanWithError', () => {
  it('gives the mean and the standard error s/√n', () => {
    const summary = meanWithError([1, 2, 3, 4]);
    expect(summary.n).toBe(4);
    expect(summary.mean).toBe(2.5);
    // s² = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3; SE = √(5/3)/2.
    expect(summary.standardError).toBeCloseTo(Math.sqrt(5 / 3) / 2, 15);
  });

  it('has no standard error for one value and refuses an empty set', () => {
    expect(meanWithError([0.2]).standardError).toBeNull();
    expect(() => meanWithError([])).toThrow(MatchdayError);
  });

  it('pairs differences: a constant gap has zero standard error', () => {
    const diff = meanDifference([0.2, 0.3, 0.25], [0.19, 0.29, 0.24]);
    expect(diff.mean).toBeCloseTo(0.01, 15);
    expect(diff.standardError).toBeCloseTo(0, 15);
  });
});

describe('summaries and groups', () => {
  const forecasts = [FORECAST, [0.2, 0.3, 0.5], [1 / 3, 1 / 3, 1 / 3], [0.6, 0.25, 0.15]];
  const outcomes = [0, 2, 1, 1];
  const leagues = ['E0', 'E0', 'SP1', 'E0'];

  it('averages every score over the set', () => {
    const summary = summarizeForecasts(forecasts, outcomes);
    expect(summary.n).toBe(4);
    const rps = forecasts.map((f, i) => rankedProbabilityScore(f, outcomes[i]));
    expect(summary.rps.mean).toBeCloseTo(rps.reduce((s, v) => s + v, 0) / 4, 15);
    expect(summary.logLoss.mean).toBeCloseTo((Math.LN2 + Math.LN2 + Math.log(3) + Math.log(4)) / 4, 15);
  });

  it('groups by key in order of first appearance', () => {
    expect([...groupIndices(leagues)]).toEqual([
      ['E0', [0, 1, 3]],
      ['SP1', [2]],
    ]);
    const byLeague = summarizeByGroup(forecasts, outcomes, leagues);
    expect(byLeague.get('SP1')?.rps.mean).toBeCloseTo(rankedProbabilityScore([1 / 3, 1 / 3, 1 / 3], 1), 15);
    expect(byLeague.get('SP1')?.rps.standardError).toBeNull();
    expect(byLeague.get('E0')?.n).toBe(3);
  });

  it('maps scores to 1X2 outcomes', () => {
    expect([outcomeOfScore(2, 1), outcomeOfScore(0, 0), outcomeOfScore(0, 3)]).toEqual([0, 1, 2]);
  });
});
