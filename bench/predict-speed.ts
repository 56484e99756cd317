/**
 * How long `predict` takes with the forecaster, the teams resolved: with a fresh fit (the fixture looked up, the
 * database read for its scope, every member fitted, the grid and every market), and from a fitted forecaster held in
 * memory, as the server and a fixtures listing hold it (the fixture looked up once, then the forecast and every
 * market).
 *   npx tsx bench/predict-speed.ts --db FILE [--runs 3] [--json]
 * Targets: a fresh fit ≤ 300 ms, a cached forecast ≤ 1 ms (medians).
 */
import { predictFixture } from '../src/app/predict.js';
import { forecastWithForecaster } from '../src/forecast/fixture-forecast.js';
import { Forecasts } from '../src/forecast/forecasts.js';
import { lookUpFixture } from '../src/history/fixture-lookup.js';
import { storeForecastSource } from '../src/history/forecast-history.js';
import { findTeam } from '../src/history/team-lookup.js';
import { openDatabase } from '../src/store/database.js';
import { option, flag, requiredDbFile } from './bench-arguments.js';

const dbFile = requiredDbFile();
const runs = Number(option('--runs') ?? 3);

/** Fixtures of five leagues and a European tie, on different dates (so no fit is shared). */
const FIXTURES: [string, string, string][] = [
  ['Arsenal', 'Chelsea', '2024-04-23'],
  ['Real Madrid', 'Barcelona', '2024-04-21'],
  ['Internazionale', 'AC Milan', '2024-04-22'],
  ['Bayern Munich', 'Borussia Dortmund', '2024-03-30'],
  ['Paris Saint-Germain', 'Olympique Marseille', '2024-03-31'],
  ['Atalanta', 'Liverpool', '2024-04-18'],
];

const db = openDatabase(dbFile, { readonly: true });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Team names are resolved once, as the server keeps them (loading the team directory is the name search's cost).
const teams = FIXTURES.map(([home, away, date]) => ({ home: findTeam(db, home), away: findTeam(db, away), date }));
const fresh: number[] = [];
for (let run = 0; run < runs; run++) {
  for (const request of teams) {
    const started = performance.now();
    predictFixture(db, request);
    fresh.push(performance.now() - started);
  }
}

const forecasts = new Forecasts(storeForecastSource(db));
const cached: number[] = [];
for (const [homeName, awayName, date] of FIXTURES) {
  const fixture = lookUpFixture(db, findTeam(db, homeName), findTeam(db, awayName), date);
  forecastWithForecaster(forecasts, fixture, date); // fits and keeps the forecaster
  for (let i = 0; i < 200 * runs; i++) {
    const started = performance.now();
    forecastWithForecaster(forecasts, fixture, date);
    cached.push(performance.now() - started);
  }
}
db.close();

const result = {
  node: process.version,
  fixtures: FIXTURES.map((f) => `${f[0]} v ${f[1]} ${f[2]}`),
  freshFitMs: { median: median(fresh), runs: fresh.length, max: Math.max(...fresh) },
  cachedMs: {
    median: median(cached),
    runs: cached.length,
    p99: [...cached].sort((a, b) => a - b)[Math.floor(cached.length * 0.99)],
  },
};
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `predict with a fresh fit: median ${result.freshFitMs.median.toFixed(0)} ms of ${fresh.length} (max ${result.freshFitMs.max.toFixed(0)} ms; target ≤ 300 ms); ` +
      `from a fitted forecaster: median ${result.cachedMs.median.toFixed(3)} ms of ${cached.length} (p99 ${result.cachedMs.p99.toFixed(3)} ms; target ≤ 1 ms) (node ${process.version})`,
  );
}
