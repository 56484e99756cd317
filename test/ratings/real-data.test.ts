import { it, expect } from 'vitest';
import { describeWithSharedData } from '../shared-data.js';
import { loadFootballData, seasonRange, type FootballDataRow } from './football-data-rows.js';
import { CLUBELO_OPTIONS, runElo } from '../../src/models/ratings/elo.js';
import { PI_RATINGS_OPTIONS, runPiRatings } from '../../src/models/ratings/pi-ratings.js';
import { burnInWeights, mappingInput } from '../../src/models/ratings/rating-fit.js';
import type { FitData } from '../../src/models/fit-data.js';
import { fitOutcomeMapping, outcomeProbabilities, ratingScoreGrid } from '../../src/models/ratings/outcome-mapping.js';
import { outcomeOfScore, summarizeForecasts } from '../../src/evaluate/metrics.js';
import { predictedVsObserved } from '../../src/evaluate/calibration.js';

const DAY_MS = 86_400_000;

/** Days from `date` to `reference` (ISO dates). */
function daysBefore(date: string, reference: string): number {
  return (Date.parse(reference) - Date.parse(date)) / DAY_MS;
}

/** Top-five-league matches as FitData, teams numbered by first appearance, ages counted back from 2025-07-01. */
function toFitData(rows: readonly FootballDataRow[]): FitData {
  const ids = new Map<string, number>();
  const id = (name: string): number => ids.get(name) ?? (ids.set(name, ids.size), ids.size - 1);
  const homeTeam = Int32Array.from(rows, (r) => id(r.home));
  const awayTeam = Int32Array.from(rows, (r) => id(r.away));
  return {
    teamCount: ids.size,
    homeTeam,
    awayTeam,
    homeGoals: Int32Array.from(rows, (r) => r.homeGoals),
    awayGoals: Int32Array.from(rows, (r) => r.awayGoals),
    neutral: new Uint8Array(rows.length),
    ageDays: Float64Array.from(rows, (r) => daysBefore(r.date, '2025-07-01')),
  };
}

describeWithSharedData('ratings on E0, SP1, I1, D1, F1 (football-data 2012-13..2024-25)', () => {
  const rows = loadFootballData(['E0', 'SP1', 'I1', 'D1', 'F1'], seasonRange(2012, 2024));
  const matches = toFitData(rows);
  const ages = matches.ageDays ?? new Float64Array(0);
  // Forecasts from 2022-07-01 on are held out: their age is at most the cut-off's.
  const cutoffAge = daysBefore('2022-07-01', '2025-07-01');
  const testIndices = rows.flatMap((_, i) => (ages[i] <= cutoffAge ? [i] : []));
  const outcomes = testIndices.map((i) => outcomeOfScore(rows[i].homeGoals, rows[i].awayGoals));
  // The mapping sees only matches before the cut-off; each forecast uses the ratings before its own kick-off.
  const trainingWeights = burnInWeights(matches, 365).map((w, i) => (ages[i] > cutoffAge ? w : 0));

  const evaluate = (difference: Float64Array): { rps: number; drawPredicted: number; drawObserved: number } => {
    const mapping = fitOutcomeMapping(mappingInput(matches, difference, trainingWeights));
    const forecasts = testIndices.map((i) => [...outcomeProbabilities(mapping.outcome, difference[i])]);
    const draw = predictedVsObserved(forecasts, outcomes)[1];
    return {
      rps: summarizeForecasts(forecasts, outcomes).rps.mean,
      drawPredicted: draw.meanPredicted,
      drawObserved: draw.observedFrequency,
    };
  };

  it('holds out 2022-07..2025-06 (5,330 matches)', () => {
    expect(testIndices).toHaveLength(5330);
  });

  it('Elo with ClubElo constants forecasts 2022-25 out of sample at RPS ≈ 0.200, between the market (0.193) and a naive Elo (0.204)', () => {
    const result = evaluate(runElo(matches, CLUBELO_OPTIONS).difference);
    expect(result.rps).toBeGreaterThan(0.195);
    expect(result.rps).toBeLessThan(0.2015);
    expect(Math.abs(result.drawPredicted - result.drawObserved)).toBeLessThan(0.015);
  });

  it('pi-ratings with the paper constants do about as well', () => {
    const result = evaluate(runPiRatings(matches, PI_RATINGS_OPTIONS).difference);
    expect(result.rps).toBeGreaterThan(0.195);
    expect(result.rps).toBeLessThan(0.2015);
  });

  it('fits a home advantage: equal teams favour the home side at home and neither side at a neutral venue', () => {
    const run = runElo(matches, CLUBELO_OPTIONS);
    const mapping = fitOutcomeMapping(mappingInput(matches, run.difference, trainingWeights));
    const [home, draw, away] = outcomeProbabilities(mapping.outcome, 0);
    expect(home).toBeGreaterThan(away + 0.1);
    expect(draw).toBeGreaterThan(0.22);
    expect(draw).toBeLessThan(0.3);
    const [neutralHome, , neutralAway] = outcomeProbabilities(mapping.outcome, 0, true);
    expect(neutralHome).toBeCloseTo(neutralAway, 15);
    const grid = ratingScoreGrid(mapping, 0);
    expect(grid.homeExpected).toBeGreaterThan(grid.awayExpected + 0.2);
    expect(grid.homeExpected + grid.awayExpected).toBeGreaterThan(2.4);
    expect(grid.homeExpected + grid.awayExpected).toBeLessThan(3.0);
  });
});
