import { describe, expect, it } from 'vitest';
import { predictFixture } from '../../src/app/predict.js';
import { runBacktest, type FixtureResult } from '../../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../../src/evaluate/backtest-input.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  forecasterConstants,
} from '../../src/forecast/backtest-models.js';
import { Forecasts } from '../../src/forecast/forecasts.js';
import { storeForecastSource } from '../../src/history/forecast-history.js';
import type { Db } from '../../src/store/database.js';
import { importRows, syntheticLeagueRows } from '../evaluate/backtest-synthetic-league.js';

/**
 * `predict` and the backtest are one code path. A backtest forecasts each fixture with the fit of its refit date
 * (weekly: the first match day at least 7 days after the last fit); `predict` fits on the matches before the
 * fixture's date, or before `--fit-date`. So `predict --fit-date <the fixture's refit date>` is the weekly
 * backtest's forecast, and plain `predict` the daily backtest's — to the last bit, grid included.
 */
describe('predict says what the backtest scored', () => {
  const db = importRows(syntheticLeagueRows());
  // Two seasons of history make the goal models' window here (the data has three).
  const options = { ...DEFAULT_BACKTEST_MODEL, windowYears: 2 };
  const backtest = (refitDays: number): FixtureResult[] => {
    const input = loadBacktestInput(db, {
      competitions: ['eng.1', 'eng.2'],
      from: '2022-08-01',
      to: '2023-06-30',
      historyCompetitions: defaultHistoryCompetitions(db, ['eng.1', 'eng.2']),
      historyYears: backtestHistoryYears(options),
      shotYears: options.windowYears,
    });
    return runBacktest(input, createBacktestModel(options, input), { refitDays }).fixtures;
  };
  const weekly = backtest(7);
  const daily = backtest(1);
  const forecasts = (database: Db) => new Forecasts(storeForecastSource(database), forecasterConstants(options));
  const predict = (f: FixtureResult, fitDate?: string) =>
    predictFixture(
      db,
      {
        home: { teamId: f.match.homeTeamId, name: 'home' },
        away: { teamId: f.match.awayTeamId, name: 'away' },
        date: f.match.date,
        ...(fitDate !== undefined && { fitDate }),
      },
      forecasts(db),
    );

  it('predict with the weekly refit date is the weekly backtest’s forecast, bit for bit', () => {
    // Fixtures played after their fit's day: the second division plays the day after the first.
    const afterFit = weekly.filter((f) => f.fitDate < f.match.date);
    expect(afterFit.length).toBeGreaterThan(10);
    for (const f of [...afterFit.slice(0, 5), ...weekly.slice(0, 3), ...weekly.slice(-3)]) {
      const forecast = predict(f, f.fitDate);
      expect(forecast.fitDate).toBe(f.fitDate);
      expect([forecast.markets.result.home, forecast.markets.result.draw, forecast.markets.result.away]).toStrictEqual(
        f.model,
      );
      expect(forecast.markets.correctScore.grid.p).toStrictEqual(f.grid!.p);
    }
  });

  it('predict on the fixture’s own date is the daily backtest’s forecast, not the weekly one’s', () => {
    const f = weekly.find((x) => x.fitDate < x.match.date)!;
    const same = daily.find((x) => x.match.id === f.match.id)!;
    expect(same.fitDate).toBe(f.match.date);
    const forecast = predict(f);
    expect(forecast.fitDate).toBe(f.match.date);
    expect([forecast.markets.result.home, forecast.markets.result.draw, forecast.markets.result.away]).toStrictEqual(
      same.model,
    );
    expect(forecast.markets.result.home).not.toBe(f.model![0]);
  });

  it('refuses a fit date after the fixture', () => {
    const f = weekly[0];
    expect(() => predict(f, '2099-01-01')).toThrow(/after the fixture date/);
  });
});
