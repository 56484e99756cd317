import { describe, expect, it } from 'vitest';
import { runBacktest, type FixtureResult } from '../../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../../src/evaluate/backtest-input.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  type BacktestModelName,
} from '../../src/forecast/backtest-models.js';
import type { Db } from '../../src/store/database.js';
import { importRows, syntheticLeagueRows } from './backtest-synthetic-league.js';

const FROM = '2021-08-01';
const TO = '2023-06-30';
/** A Saturday in mid-season on which the E0 round is played. */
const CUT = '2022-11-12';

function backtest(db: Db, model: BacktestModelName): FixtureResult[] {
  const competitions = ['eng.1'];
  const options = { ...DEFAULT_BACKTEST_MODEL, model, windowYears: 2 };
  const input = loadBacktestInput(db, {
    competitions,
    from: FROM,
    to: TO,
    historyCompetitions: defaultHistoryCompetitions(db, competitions),
    historyYears: backtestHistoryYears(options),
    shotYears: options.windowYears,
  });
  return runBacktest(input, createBacktestModel(options, input), { refitDays: 7 }).fixtures;
}

describe('walk-forward backtest leakage', () => {
  const rows = syntheticLeagueRows();
  // The database as it stood when the first match on CUT kicked off: the rest of that day (which may have
  // kicked off later) and everything after are missing.
  const firstOnCut = rows.find((r) => r.date === CUT && r.div === 'E0')!;
  const full = importRows(rows);
  const truncated = importRows(rows.filter((r) => r.date < CUT || r === firstOnCut));

  it('the truncated database really lacks the later matches', () => {
    const count = (db: Db) => db.prepare('SELECT COUNT(*) FROM matches').pluck().get() as number;
    expect(count(full)).toBe(rows.length);
    expect(count(truncated)).toBeLessThan(rows.length);
    expect(defaultHistoryCompetitions(full, ['eng.1'])).toEqual(['eng.1', 'eng.2']);
  });

  for (const model of ['dixon-coles', 'ensemble'] as const) {
    it(`${model}: every forecast up to the cut is bit-identical with or without the matches after it`, () => {
      const withFuture = backtest(full, model);
      const withoutFuture = backtest(truncated, model);
      const key = (f: FixtureResult) => `${f.match.date} ${f.match.homeTeamId} ${f.match.awayTeamId}`;
      const later = new Map(withFuture.map((f) => [key(f), f]));
      expect(withoutFuture.length).toBeGreaterThan(50);
      expect(withoutFuture.at(-1)!.match.date).toBe(CUT);
      expect(withFuture.length).toBeGreaterThan(withoutFuture.length);
      for (const f of withoutFuture) {
        const same = later.get(key(f))!;
        expect(same.fitDate).toBe(f.fitDate);
        expect(f.model).not.toBeNull();
        // toStrictEqual on numbers is exact: the same bits, not merely close.
        expect(same.model).toStrictEqual(f.model);
        expect(same.grid).toStrictEqual(f.grid);
        expect(same.market).toStrictEqual(f.market);
      }
    });
  }
});
