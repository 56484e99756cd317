import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../../src/evaluate/backtest-input.js';
import { forecasterTask, forecastOnThreads } from '../../src/evaluate/forecaster-threads.js';
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
  const input = loadBacktestInput(db, {
    competitions,
    from: '2021-08-01',
    to: '2023-06-30',
    historyCompetitions: defaultHistoryCompetitions(db, competitions),
    historyYears: backtestHistoryYears(options),
    shotYears: options.windowYears,
  });

  it('gives every forecast of the one-thread run, to the last bit, on three threads', async () => {
    const alone = runBacktest(input, createBacktestModel(options, input), { refitDays: 7 }).fixtures;
    const task = forecasterTask(db.name, input, forecasterConstants(options), 7);
    const threaded = runBacktest(input, await forecastOnThreads(task, 3, workerScript), { refitDays: 7 }).fixtures;
    expect(alone.length).toBeGreaterThan(300);
    expect(threaded.map((f) => f.model)).toStrictEqual(alone.map((f) => f.model));
    expect(threaded.map((f) => f.grid)).toStrictEqual(alone.map((f) => f.grid));
  });
});
