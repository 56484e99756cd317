import path from 'node:path';
import { expect, it } from 'vitest';
import { runBacktest } from '../../src/evaluate/backtest.js';
import { loadBacktestInput } from '../../src/evaluate/backtest-input.js';
import { summarizeBacktest } from '../../src/evaluate/backtest-report.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
} from '../../src/forecast/backtest-models.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { describeWithSharedData, sharedPath } from '../shared-data.js';
import { tempDir } from '../temp-dir.js';

describeWithSharedData('backtest of the 2023-24 Premier League on football-data.co.uk files', () => {
  const dir = tempDir('backtest-real');
  const db = openDatabase(path.join(dir, 'e0.db'));
  importPaths(
    db,
    ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24'].map((s) => sharedPath('football-data', 'E0', `${s}.csv`)),
  );

  const backtest = (model: 'dixon-coles' | 'shots' | 'ensemble') => {
    const options = { ...DEFAULT_BACKTEST_MODEL, model };
    const input = loadBacktestInput(db, {
      competitions: ['eng.1'],
      from: '2023-07-01',
      to: '2024-06-30',
      historyCompetitions: ['eng.1'],
      historyYears: backtestHistoryYears(options),
      shotYears: options.windowYears,
    });
    return summarizeBacktest(runBacktest(input, createBacktestModel(options, input), { refitDays: 7 }));
  };

  it('forecasts all 380 matches in weekly fits and scores the Pinnacle closing line at RPS 0.1802', () => {
    const report = backtest('dixon-coles');
    expect(report.scored).toBe(380);
    expect(report.skipped).toEqual([]);
    expect(report.fits).toBe(35);
    expect(report.marketSources).toEqual([{ source: 'Pinnacle closing', count: 380 }]);
    const scores = report.overall.scores!;
    expect(scores.market!.rps.mean).toBeCloseTo(0.180169, 6);
    // A goal model trails the closing line, but not by much in the league with the most data.
    expect(scores.rpsGap!.mean).toBeGreaterThan(0);
    expect(scores.rpsGap!.mean).toBeLessThan(0.02);
    // FTR = D in 82 of the 380 rows of E0/2023-24.csv.
    expect(scores.draws.observed).toBeCloseTo(82 / 380, 12);
  });

  it('the forecaster prices every match from four seasons of one league, each from a grid with its 1X2', () => {
    const report = backtest('ensemble');
    expect(report.scored).toBe(380);
    expect(report.skipped).toEqual([]);
    const scores = report.overall.scores!;
    expect(scores.goals!.overUnderMarket!.fixtures).toBe(380);
    expect(scores.model.rps.mean).toBeLessThan(scores.market!.rps.mean + 0.01);
  });

  it('the shots blend prices every match too, with probabilities that sum to one', () => {
    const report = backtest('shots');
    expect(report.scored).toBe(380);
    const rates = report.calibration.modelRates.reduce((s, r) => s + r.meanPredicted, 0);
    expect(rates).toBeCloseTo(1, 12);
    expect(report.overall.scores!.model.rps.mean).toBeLessThan(0.2);
  });
});
