import { describe, it, expect } from 'vitest';
import { hasSharedData } from '../shared-data.js';
import { loadFootballData, seasonRange } from '../ratings/football-data-rows.js';
import { impliedProbabilities, MARGIN_METHODS } from '../../src/evaluate/implied-probabilities.js';
import { outcomeOfScore, summarizeByGroup, summarizeForecasts } from '../../src/evaluate/metrics.js';

describe.skipIf(!hasSharedData)('the closing market on E0, SP1, I1, D1, F1, 2022-07..2025-06', () => {
  const rows = hasSharedData
    ? loadFootballData(['E0', 'SP1', 'I1', 'D1', 'F1'], seasonRange(2022, 2024)).filter(
        (r) => r.date >= '2022-07-01' && r.date <= '2025-06-30',
      )
    : [];
  const priced = rows.filter((r) => r.pinnacleClosing !== null);
  const outcomes = priced.map((r) => outcomeOfScore(r.homeGoals, r.awayGoals));

  it('every Pinnacle closing book gives distributions summing to 1 under every method', () => {
    expect(priced.length).toBe(rows.length);
    for (const row of priced) {
      for (const method of MARGIN_METHODS) {
        const p = impliedProbabilities(row.pinnacleClosing ?? [], method).probabilities;
        expect(Math.abs(p[0] + p[1] + p[2] - 1)).toBeLessThan(1e-12);
      }
    }
  });

  it('scores RPS ≈ 0.193 with Shin, the benchmark the issue quotes (0.1934)', () => {
    const forecasts = priced.map((r) => impliedProbabilities(r.pinnacleClosing ?? [], 'shin').probabilities);
    const summary = summarizeForecasts(forecasts, outcomes);
    expect(summary.rps.mean).toBeGreaterThan(0.192);
    expect(summary.rps.mean).toBeLessThan(0.1945);
    expect(summary.rps.standardError).toBeGreaterThan(0.001);
    expect(summary.rps.standardError).toBeLessThan(0.003);
    const byLeague = summarizeByGroup(
      forecasts,
      outcomes,
      priced.map((r) => r.div),
    );
    expect([...byLeague.keys()].sort()).toEqual(['D1', 'E0', 'F1', 'I1', 'SP1']);
    for (const league of byLeague.values()) expect(league.rps.mean).toBeLessThan(0.21);
  });
});
