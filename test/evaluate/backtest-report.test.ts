import { describe, expect, it } from 'vitest';
import type { BacktestRun, FixtureResult } from '../../src/evaluate/backtest.js';
import { summarizeBacktest } from '../../src/evaluate/backtest-report.js';
import type { Probabilities1x2 } from '../../src/forecast/match-forecaster.js';
import type { ScoreGrid } from '../../src/models/score-grid.js';

function fixture(
  competition: string,
  date: string,
  outcome: 0 | 1 | 2,
  model: Probabilities1x2 | null,
  market: Probabilities1x2 | null,
  skipped: string | null = null,
  grid: ScoreGrid | null = null,
): FixtureResult {
  const goals: [number, number] = outcome === 0 ? [2, 1] : outcome === 1 ? [1, 1] : [0, 1];
  return {
    match: {
      id: 0,
      date,
      competition,
      kind: 'league',
      country: 'ENG',
      season: date < '2023-07-01' ? '2022-23' : '2023-24',
      homeTeamId: 1,
      awayTeamId: 2,
      homeGoals: goals[0],
      awayGoals: goals[1],
      neutral: false,
    },
    outcome,
    fitDate: date,
    model,
    grid,
    market,
    marketSource: market ? 'Pinnacle closing' : null,
    marketTotals: null,
    skipped: model ? null : skipped,
    marketMissing: market ? null : 'no 1X2 odds',
  };
}

describe('summarizeBacktest', () => {
  // RPS by hand: [0.5, 0.3, 0.2] on a home win = ((0.5 − 1)² + (0.8 − 1)²)/2 = 0.145;
  // [0.6, 0.25, 0.15] on a home win = (0.4² + 0.15²)/2 = 0.09125; [0.2, 0.3, 0.5] on a draw = (0.2² + 0.5²)/2 = 0.145;
  // [0.25, 0.3, 0.45] on a draw = (0.25² + 0.45²)/2 = 0.1325.
  const run: BacktestRun = {
    fitDates: ['2023-05-01', '2023-08-12'],
    fixtures: [
      fixture('eng.1', '2023-05-01', 0, [0.5, 0.3, 0.2], [0.6, 0.25, 0.15]),
      fixture('es.1', '2023-08-12', 1, [0.2, 0.3, 0.5], [0.25, 0.3, 0.45]),
      fixture('es.1', '2023-08-12', 2, null, [0.3, 0.3, 0.4], 'team without history'),
      fixture('es.1', '2023-08-13', 2, [0.3, 0.3, 0.4], null),
    ],
  };
  const report = summarizeBacktest(run);

  it('scores the model on what it priced, the market and the paired gap on what both priced', () => {
    expect(report.fixtures).toBe(4);
    expect(report.scored).toBe(3);
    expect(report.overall.withOdds).toBe(2);
    expect(report.fits).toBe(2);
    const scores = report.overall.scores!;
    // [0.3, 0.3, 0.4] on an away win = (0.3² + 0.6²)/2 = 0.225.
    expect(scores.model.rps.mean).toBeCloseTo((0.145 + 0.145 + 0.225) / 3, 12);
    expect(scores.market!.rps.mean).toBeCloseTo((0.09125 + 0.1325) / 2, 12);
    expect(scores.rpsGap!.mean).toBeCloseTo((0.145 - 0.09125 + 0.145 - 0.1325) / 2, 12);
    // Two paired differences, 0.05375 and 0.0125: standard error = sd/√2 = |0.05375 − 0.0125| / 2.
    expect(scores.rpsGap!.standardError).toBeCloseTo((0.05375 - 0.0125) / 2, 12);
    expect(scores.logLossGap!.mean).toBeCloseTo(
      (-Math.log(0.5) + Math.log(0.6) - Math.log(0.3) + Math.log(0.3)) / 2,
      12,
    );
    expect(scores.draws.model).toBeCloseTo(0.3, 12);
    expect(scores.draws.market).toBeCloseTo(0.275, 12);
    expect(scores.draws.observed).toBeCloseTo(1 / 3, 12);
    expect(scores.goals).toBeNull();
  });

  it('breaks the scores down by competition and season and counts skips and missing odds by reason', () => {
    expect(report.byCompetition.map((g) => [g.key, g.fixtures, g.scored, g.skipped, g.withOdds])).toEqual([
      ['eng.1', 1, 1, 0, 1],
      ['es.1', 3, 2, 1, 1],
    ]);
    expect(report.byCompetition[1].scores!.model.rps.mean).toBeCloseTo((0.145 + 0.225) / 2, 12);
    expect(report.bySeason.map((g) => [g.key, g.scored])).toEqual([
      ['2022-23', 1],
      ['2023-24', 2],
    ]);
    expect(report.skipped).toEqual([{ reason: 'team without history', count: 1 }]);
    expect(report.withoutOdds).toEqual([{ reason: 'no 1X2 odds', count: 1 }]);
    expect(report.marketSources).toEqual([{ source: 'Pinnacle closing', count: 2 }]);
  });

  it('scores a league without odds on the model alone', () => {
    const alone = summarizeBacktest({ fitDates: ['2023-08-13'], fixtures: [run.fixtures[3]] });
    expect(alone.scored).toBe(1);
    expect(alone.overall.withOdds).toBe(0);
    expect(alone.overall.scores!.model.rps.mean).toBeCloseTo(0.225, 12);
    expect(alone.overall.scores!.market).toBeNull();
    expect(alone.overall.scores!.rpsGap).toBeNull();
    expect(alone.overall.scores!.draws.market).toBeNull();
  });

  it("scores the grid's goal markets: over/under 2.5 against the closing line, correct score", () => {
    // A 2×2 grid (0-2 goals a side, the rest 0): 0-0 0.1, 1-0 0.3, 0-1 0.2, 1-1 0.2, 2-1 0.2 → P(over 2.5) = 0.2.
    const p = new Float64Array(9);
    p[0] = 0.1;
    p[3] = 0.3;
    p[1] = 0.2;
    p[4] = 0.2;
    p[7] = 0.2;
    const grid: ScoreGrid = { maxGoals: 2, p, truncatedMass: 0, homeExpected: 0.9, awayExpected: 0.6 };
    // The fixture ended 2-1 (over): O/U log loss −ln 0.2, correct score −ln 0.2; the closing line gave over 0.55.
    const scored = summarizeBacktest({
      fitDates: ['2023-05-01'],
      fixtures: [
        { ...fixture('eng.1', '2023-05-01', 0, [0.6, 0.2, 0.2], null, null, grid), marketTotals: [0.55, 0.45] },
      ],
    });
    const goals = scored.overall.scores!.goals!;
    expect(goals.overUnder.mean).toBeCloseTo(-Math.log(0.2), 12);
    expect(goals.correctScore.mean).toBeCloseTo(-Math.log(0.2), 12);
    expect(goals.over).toEqual({ model: expect.closeTo(0.2, 12) as number, observed: 1 });
    expect(goals.overUnderMarket!.fixtures).toBe(1);
    expect(goals.overUnderMarket!.market.mean).toBeCloseTo(-Math.log(0.55), 12);
    expect(goals.overUnderMarket!.gap.mean).toBeCloseTo(-Math.log(0.2) + Math.log(0.55), 12);
  });

  it('gives calibration tables and predicted v observed rates per outcome', () => {
    expect(report.calibration.model.map((t) => t.label)).toEqual(['home win', 'draw', 'away win']);
    const draw = report.calibration.modelRates[1];
    expect(draw.meanPredicted).toBeCloseTo(0.3, 12);
    expect(draw.observedFrequency).toBeCloseTo(1 / 3, 12);
    expect(report.calibration.marketRates[0].meanPredicted).toBeCloseTo(0.425, 12);
  });

  it('leaves a group without scored fixtures unscored and refuses a run with none at all', () => {
    const onlySkipped = summarizeBacktest({
      fitDates: ['2023-05-01'],
      fixtures: [run.fixtures[0], { ...run.fixtures[2], match: { ...run.fixtures[2].match, competition: 'it.1' } }],
    });
    expect(onlySkipped.byCompetition.find((g) => g.key === 'it.1')!.scores).toBeNull();
    expect(() => summarizeBacktest({ fitDates: [], fixtures: [run.fixtures[2]] })).toThrow(
      /no fixture could be scored: team without history \(1\)/,
    );
  });
});
