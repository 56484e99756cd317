/**
 * The five-league walk-forward backtest end to end — store reads, every weekly refit, every forecast, the report —
 * timed as a median of N runs in one process (wall clock, and the process's CPU time: the machine is shared).
 *   npx tsx bench/backtest.ts [--db FILE] [--model ensemble] [--runs 3] [--threads 1] [--json]
 * Without --db the shared data is imported into a temporary database first (about a minute, not timed).
 * `--threads N` shares the forecaster's fit dates out to N threads as `matchday backtest` does (its default: the
 * cores); the workers run the compiled dist/ (`npm run build` first: a dist older than src is refused).
 * `forecastHash` (sha256 of every forecast's 1X2 and score grid, as float64 bytes) checks that a speed change
 * leaves every number as it was.
 * Target: ≤ 5 s for the forecaster (`ensemble`, the default) on E0, SP1, I1, D1, F1, 2022-07-01..2025-06-30.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBacktest } from '../src/evaluate/backtest.js';
import {
  defaultHistoryCompetitions,
  loadBacktestInput,
  loadBacktestInputWith,
} from '../src/evaluate/backtest-input.js';
import { summarizeBacktest } from '../src/evaluate/backtest-report.js';
import { forecasterTask, ForecasterThreads } from '../src/evaluate/forecaster-threads.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  forecasterConstants,
  parseBacktestModel,
} from '../src/forecast/backtest-models.js';
import { openDatabase } from '../src/store/database.js';
import { importPaths } from '../src/store/import-files.js';
import { SHARED_DATA } from '../test/shared-data.js';
import { option, flag } from './bench-arguments.js';

const model = parseBacktestModel(option('--model') ?? 'ensemble');
const runs = Number(option('--runs') ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
const threads = Number(option('--threads') ?? 1);
const workerScript = new URL('../dist/evaluate/forecaster-thread.js', import.meta.url);
if (threads > 1) checkCompiled(workerScript);

let dbFile = option('--db');
// The temporary database of a run without --db, removed at the end.
let tempDir: string | null = null;
if (!dbFile) {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'matchday-backtest-'));
  dbFile = path.join(tempDir, 'bench.db');
  process.stderr.write(`importing ${SHARED_DATA} into ${dbFile} ...\n`);
  const db = openDatabase(dbFile);
  importPaths(db, [SHARED_DATA]);
  db.close();
}

const competitions = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];
const [from, to] = ['2022-07-01', '2025-06-30'];
const times: number[] = [];
const cpu: NodeJS.CpuUsage[] = [];
let last: {
  fits: number;
  scored: number;
  modelRps: number;
  marketRps: number;
  gap: number;
  forecastHash: string;
} | null = null;
for (let index = 0; index < runs; index++) {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  // As `matchday backtest` does: the workers load their code while this thread reads the input, and the first of
  // them reads the input's older season totals.
  const pool = model === 'ensemble' && threads > 1 ? new ForecasterThreads(threads, workerScript) : null;
  const db = openDatabase(dbFile, { readonly: true });
  const options = { ...DEFAULT_BACKTEST_MODEL, model };
  const scope = {
    competitions,
    from,
    to,
    historyCompetitions: defaultHistoryCompetitions(db, competitions),
    historyYears: backtestHistoryYears(options),
    shotYears: options.windowYears,
  };
  const input = pool
    ? await loadBacktestInputWith(db, scope, pool.readOlderTotals(db, scope))
    : loadBacktestInput(db, scope);
  db.close();
  const backtestModel = pool
    ? await pool.forecast(forecasterTask(dbFile, input, forecasterConstants(options), 7))
    : createBacktestModel(options, input);
  const run = runBacktest(input, backtestModel, { refitDays: 7 });
  const report = summarizeBacktest(run);
  times.push((performance.now() - started) / 1000);
  cpu.push(process.cpuUsage(cpuAtStart));
  const scores = report.overall.scores!;
  last = {
    fits: report.fits,
    scored: report.scored,
    modelRps: scores.model.rps.mean,
    marketRps: scores.market!.rps.mean,
    gap: scores.rpsGap!.mean,
    forecastHash: forecastHash(run.fixtures),
  };
  const used = cpu.at(-1)!;
  process.stderr.write(
    `run ${index + 1}: ${times.at(-1)!.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)\n`,
  );
}
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(runs / 2)];
const median = middle(times);
const cpuSeconds = cpu.map((c) => (c.user + c.system) / 1e6);
const result = {
  node: process.version,
  model,
  threads,
  competitions,
  from,
  to,
  runs,
  medianSeconds: median,
  times,
  medianCpuSeconds: middle(cpuSeconds),
  cpuSeconds,
  ...last,
};
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `backtest ${model} ${competitions.join(',')} ${from}..${to}, weekly refits, ${threads} thread(s): median ${median.toFixed(2)} s of ${runs} ` +
      `(CPU ${result.medianCpuSeconds.toFixed(2)} s; target ≤ 5 s); ${last!.fits} fit dates, ${last!.scored} matches, ` +
      `RPS ${last!.modelRps.toFixed(5)} v market ${last!.marketRps.toFixed(5)}, gap ${last!.gap.toFixed(5)} (node ${process.version})\n` +
      `forecasts sha256 ${last!.forecastHash}`,
  );
}

/** Every forecast's 1X2 and grid as float64 bytes, hashed (a skipped fixture hashes its reason). */
function forecastHash(fixtures: ReturnType<typeof runBacktest>['fixtures']): string {
  const hash = createHash('sha256');
  for (const f of fixtures) {
    hash.update(`${f.match.id} ${f.fitDate} ${f.skipped ?? ''}|`);
    if (f.model) hash.update(new Float64Array(f.model));
    if (f.grid) {
      hash.update(f.grid.p);
      hash.update(new Float64Array([f.grid.maxGoals, f.grid.truncatedMass, f.grid.homeExpected, f.grid.awayExpected]));
    }
  }
  return hash.digest('hex');
}

/** The compiled worker must be as new as the source, or the threads would run other code. */
function checkCompiled(script: URL): void {
  if (!existsSync(script)) throw new Error(`${script.pathname} missing: run npm run build first`);
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
      ),
    );
  const src = newest(new URL('../src', import.meta.url).pathname);
  if (statSync(script).mtimeMs < src) throw new Error('dist/ is older than src/: run npm run build first');
}
