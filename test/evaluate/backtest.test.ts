import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { runBacktest } from '../../src/evaluate/backtest.js';
import { impliedProbabilities } from '../../src/evaluate/implied-probabilities.js';
import { refittedModel, type HistoryMatch, type MatchForecaster } from '../../src/forecast/match-forecaster.js';
import { seasonOfDateIn } from '../../src/competitions/seasons.js';
import type { ResultRow } from '../../src/store/match-queries.js';
import type { ReferenceOdds1x2 } from '../../src/store/odds-queries.js';

let nextId = 1;
function result(date: string, home: number, away: number, goals: [number, number] = [1, 0]): ResultRow {
  return {
    id: nextId++,
    date,
    competition: 'eng.1',
    kind: 'league',
    country: 'ENG',
    season: seasonOfDateIn(date, 'autumn-spring'),
    homeTeamId: home,
    awayTeamId: away,
    homeGoals: goals[0],
    awayGoals: goals[1],
    neutral: false,
  };
}

const history = (rows: ResultRow[]): HistoryMatch[] => rows.map((r) => ({ ...r, shots: null }));
const pinnacle = (prices: [number, number, number]): ReferenceOdds1x2 => ({
  bookmaker: 'Pinnacle',
  closing: true,
  prices,
});

/** A forecaster that records what each fit was shown and forecasts 50/30/20, or skips team 99. */
function spyForecaster(historyYears = 1) {
  const fits: { date: string; dates: string[] }[] = [];
  const forecaster: MatchForecaster = {
    historyYears,
    fit(matches, date) {
      fits.push({ date, dates: matches.map((m) => m.date) });
      return {
        predict: (fixture) =>
          fixture.homeTeamId === 99 ? { skipped: 'unknown team' } : { probabilities: [0.5, 0.3, 0.2] },
      };
    },
  };
  return { forecaster, fits };
}

describe('runBacktest', () => {
  const fixtureRows = [
    result('2023-08-05', 1, 2),
    result('2023-08-05', 3, 4),
    result('2023-08-06', 2, 3),
    result('2023-08-08', 4, 1),
    result('2023-08-12', 1, 3),
    result('2023-08-19', 2, 4),
    result('2023-08-20', 3, 1),
    result('2023-09-01', 4, 2),
  ];
  const older = [result('2022-05-01', 1, 2), result('2022-08-10', 3, 4), result('2023-05-20', 2, 1)];
  const allHistory = history([...older, ...fixtureRows]);
  const fixtures = fixtureRows.map((match) => ({ match, odds: pinnacle([2.1, 3.4, 3.6]) }));

  it('refits on the first fixture date at least refitDays after the last fit', () => {
    const { forecaster, fits } = spyForecaster();
    const run = runBacktest({ fixtures }, refittedModel(forecaster, allHistory), { refitDays: 7 });
    expect(run.fitDates).toEqual(['2023-08-05', '2023-08-12', '2023-08-19', '2023-09-01']);
    expect(fits.map((f) => f.date)).toEqual(run.fitDates);
    expect(run.fixtures.map((f) => f.fitDate)).toEqual([
      '2023-08-05',
      '2023-08-05',
      '2023-08-05',
      '2023-08-05',
      '2023-08-12',
      '2023-08-19',
      '2023-08-19',
      '2023-09-01',
    ]);
    expect(
      runBacktest({ fixtures }, refittedModel(spyForecaster().forecaster, allHistory), { refitDays: 1 }).fitDates,
    ).toEqual([...new Set(fixtureRows.map((r) => r.date))]);
  });

  it('shows each fit only matches strictly before its day and inside the forecaster’s window', () => {
    const { forecaster, fits } = spyForecaster(1);
    runBacktest({ fixtures }, refittedModel(forecaster, allHistory), { refitDays: 7 });
    expect(fits[0].dates).toEqual(['2022-08-10', '2023-05-20']);
    expect(fits[1].dates).toEqual(['2023-05-20', '2023-08-05', '2023-08-05', '2023-08-06', '2023-08-08']);
    for (const fit of fits) {
      for (const date of fit.dates) {
        expect(date < fit.date).toBe(true);
        expect(date >= `${Number(fit.date.slice(0, 4)) - 1}${fit.date.slice(4)}`).toBe(true);
      }
    }
  });

  it('scores the market from the reference book by Shin and records outcomes', () => {
    const run = runBacktest({ fixtures }, refittedModel(spyForecaster().forecaster, allHistory), { refitDays: 7 });
    const shin = impliedProbabilities([2.1, 3.4, 3.6], 'shin').probabilities;
    expect(run.fixtures[0].market).toEqual(shin);
    expect(run.fixtures[0].marketSource).toBe('Pinnacle closing');
    expect(run.fixtures[0].model).toEqual([0.5, 0.3, 0.2]);
    expect(run.fixtures[0].outcome).toBe(0);
    expect(run.fixtures.every((f) => f.skipped === null)).toBe(true);
  });

  it('counts what cannot be scored, with the reason', () => {
    const rows = [result('2023-08-05', 1, 2, [0, 0]), result('2023-08-05', 99, 2), result('2023-08-06', 3, 4, [0, 2])];
    const run = runBacktest(
      {
        fixtures: [
          { match: rows[0], odds: null },
          { match: rows[1], odds: pinnacle([2, 3.5, 4]) },
          { match: rows[2], odds: { bookmaker: 'Market average', closing: true, prices: [3.2, 3.2, 3.2] } },
        ],
      },
      refittedModel(spyForecaster().forecaster, history(rows)),
      { refitDays: 7 },
    );
    expect(run.fixtures.map((f) => f.skipped)).toEqual([null, 'unknown team', null]);
    expect(run.fixtures.map((f) => f.marketMissing)).toEqual(['no 1X2 odds', null, 'odds without a margin to remove']);
    expect(run.fixtures[0].model).toEqual([0.5, 0.3, 0.2]);
    expect(run.fixtures[0].outcome).toBe(1);
    expect(run.fixtures[1].model).toBeNull();
    expect(run.fixtures[2].outcome).toBe(2);
  });

  it('turns a fit that fails on its data into skipped fixtures, and lets a bug through', () => {
    const failing: MatchForecaster = {
      historyYears: 1,
      fit: () => {
        throw new MatchdayError('FIT_NO_MATCHES', 'no match with a positive weight to fit');
      },
    };
    const run = runBacktest({ fixtures: fixtures.slice(0, 2) }, refittedModel(failing, allHistory), { refitDays: 7 });
    expect(run.fixtures.map((f) => f.skipped)).toEqual([
      'fit failed: no match with a positive weight to fit',
      'fit failed: no match with a positive weight to fit',
    ]);
    const buggy: MatchForecaster = {
      historyYears: 1,
      fit: () => {
        throw new TypeError('bug');
      },
    };
    expect(() => runBacktest({ fixtures }, refittedModel(buggy, allHistory), { refitDays: 7 })).toThrow(TypeError);
  });

  it('rejects input out of date order and a refit interval below a day', () => {
    const { forecaster } = spyForecaster();
    expect(() =>
      runBacktest({ fixtures: [...fixtures].reverse() }, refittedModel(forecaster, allHistory), { refitDays: 7 }),
    ).toThrow(/fixtures must be in date order/);
    expect(() => refittedModel(forecaster, [...allHistory].reverse())).toThrow(/history must be in date order/);
    expect(() => runBacktest({ fixtures }, refittedModel(forecaster, allHistory), { refitDays: 0 })).toThrow(
      /refit interval/,
    );
  });

  it('reports progress once per fit and at the end', () => {
    const calls: [number, number, string][] = [];
    runBacktest({ fixtures }, refittedModel(spyForecaster().forecaster, allHistory), {
      refitDays: 7,
      onProgress: (done, total, date) => calls.push([done, total, date]),
    });
    expect(calls).toEqual([
      [0, 8, '2023-08-05'],
      [4, 8, '2023-08-12'],
      [5, 8, '2023-08-19'],
      [7, 8, '2023-09-01'],
      [8, 8, '2023-09-01'],
    ]);
  });
});
