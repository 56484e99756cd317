import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/evaluate/backtest.js';
import {
  defaultHistoryCompetitions,
  loadBacktestInput,
  loadBacktestInputWith,
  readOlderTotals,
} from '../../src/evaluate/backtest-input.js';
import { forecasterTask, ForecasterThreads } from '../../src/evaluate/forecaster-threads.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  forecasterConstants,
} from '../../src/forecast/backtest-models.js';
import { importRows, syntheticLeagueRows } from './backtest-synthetic-league.js';

const root = path.resolve(import.meta.dirname, '../..');

describe("the forecaster's backtest on threads", () => {
  // Workers run compiled JavaScript: the test setup builds dist/ as `npm run build` does.
  const workerScript = pathToFileURL(path.join(root, 'dist/evaluate/forecaster-thread.js'));
  const db = importRows(syntheticLeagueRows());
  const competitions = ['eng.1', 'eng.2'];
  const options = { ...DEFAULT_BACKTEST_MODEL, windowYears: 2 };
  const scope = {
    competitions,
    from: '2021-08-01',
    to: '2023-06-30',
    historyCompetitions: defaultHistoryCompetitions(db, competitions),
    historyYears: backtestHistoryYears(options),
    shotYears: options.windowYears,
  };
  const input = loadBacktestInput(db, scope);

  it('gives every forecast of the one-thread run, to the last bit, on three threads', async () => {
    const alone = runBacktest(input, createBacktestModel(options, input), { refitDays: 7 }).fixtures;
    // As `matchday backtest` does: a worker reads the older season totals while this thread reads the rest.
    const threads = new ForecasterThreads(3, workerScript);
    const threadedInput = await loadBacktestInputWith(db, scope, threads.readOlderTotals(db, scope));
    const task = forecasterTask(db.name, threadedInput, forecasterConstants(options), 7);
    const threaded = runBacktest(threadedInput, await threads.forecast(task), { refitDays: 7 }).fixtures;
    expect(alone.length).toBeGreaterThan(300);
    expect(threaded.map((f) => f.model)).toStrictEqual(alone.map((f) => f.model));
    expect(threaded.map((f) => f.grid)).toStrictEqual(alone.map((f) => f.grid));
  });

  it("reads a backtest's older season totals on a worker as this thread reads them", async () => {
    // One year of history before 2022-08-01: the 2020-21 season is older.
    const later = { ...scope, from: '2022-08-01', historyYears: 1 };
    const here = readOlderTotals(db, later);
    const there = await new ForecasterThreads(2, workerScript).readOlderTotals(db, later);
    expect([...here.keys()]).toStrictEqual(competitions);
    expect([...here.values()].map((totals) => totals.length)).toStrictEqual([10, 10]);
    expect(there).toStrictEqual(here);
  });

  it('answers with threads to spare: a task of one fit date on four threads (the idle workers are ended)', async () => {
    const task = forecasterTask(db.name, input, forecasterConstants(options), 7);
    const firstDate = task.jobs.filter((job) => job.fitDate === task.jobs[0].fitDate);
    const model = await new ForecasterThreads(4, workerScript).forecast({ ...task, jobs: firstDate });
    const alone = createBacktestModel(options, input);
    for (const { fixture, fitDate } of firstDate) {
      expect(model.forecast(fixture, fitDate)).toStrictEqual(alone.forecast(fixture, fitDate));
    }
    expect(firstDate.length).toBeGreaterThan(1);
  });
});
