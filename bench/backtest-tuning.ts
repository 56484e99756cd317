/**
 * How the constants of `matchday backtest --model shots|ensemble` were chosen: walk-forward backtests on the
 * seasons before the reported ones (default 2016-07-01..2021-22 end), one constant moved at a time from the chosen
 * values. Prints the RPS of each variant; the reported period is never touched here.
 *   npx tsx bench/backtest-tuning.ts --db FILE [--from 2016-07-01] [--to 2022-06-30] [--json]
 * About 30 s per variant on the five leagues (6 seasons, ~10,900 matches).
 */
import { runBacktest } from '../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../src/evaluate/backtest-input.js';
import { summarizeBacktest } from '../src/evaluate/backtest-report.js';
import {
  DEFAULT_BACKTEST_MODEL,
  ENSEMBLE_ELO_K,
  ENSEMBLE_ELO_WEIGHT,
  ENSEMBLE_STRETCH,
  GOAL_WEIGHT,
  SHOT_MODEL,
} from '../src/forecast/backtest-models.js';
import { countryForecaster } from '../src/forecast/country-forecaster.js';
import { ensembleForecaster } from '../src/forecast/ensemble-forecaster.js';
import type { MatchForecaster } from '../src/forecast/match-forecaster.js';
import { stretchedForecaster } from '../src/forecast/outcome-stretch.js';
import { CLUBELO_OPTIONS } from '../src/models/ratings/elo.js';
import { BACKTEST_ELO, ratingForecaster } from '../src/forecast/rating-forecaster.js';
import { shotBlendForecaster } from '../src/forecast/shot-blend-forecaster.js';
import { openDatabase } from '../src/store/database.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dbFile = option('--db');
if (!dbFile) throw new Error('--db FILE: a database with the shared data imported (`matchday import ../shared/data`)');
const from = option('--from') ?? '2016-07-01';
const to = option('--to') ?? '2022-06-30';

interface Variant {
  xi: number;
  priorStrength: number;
  windowYears: number;
  shotXi: number;
  shotPrior: number;
  offTargetWeight: number;
  goalWeight: number;
  eloWeight: number;
  eloK: number;
  stretch: number;
}

const chosen: Variant = {
  xi: DEFAULT_BACKTEST_MODEL.xi,
  priorStrength: DEFAULT_BACKTEST_MODEL.priorStrength,
  windowYears: DEFAULT_BACKTEST_MODEL.windowYears,
  shotXi: SHOT_MODEL.xi,
  shotPrior: SHOT_MODEL.priorStrength,
  offTargetWeight: SHOT_MODEL.offTargetWeight,
  goalWeight: GOAL_WEIGHT,
  eloWeight: ENSEMBLE_ELO_WEIGHT,
  eloK: ENSEMBLE_ELO_K,
  stretch: ENSEMBLE_STRETCH,
};
const moves: Partial<Variant>[] = [
  {},
  { eloWeight: 0, stretch: 1 },
  { eloWeight: 0 },
  { stretch: 1 },
  { stretch: 1.15 },
  { eloWeight: 0.25 },
  { eloK: 15 },
  { eloK: 6 },
  { eloK: 3 },
  { eloK: 4, eloWeight: 0.2 },
  { goalWeight: 1 },
  { goalWeight: 0.5 },
  { goalWeight: 0.7 },
  { offTargetWeight: 0 },
  { offTargetWeight: 0.35 },
  { shotXi: 0.006 },
  { shotXi: 0.015 },
  { xi: 0.003 },
  { priorStrength: 1 },
  { windowYears: 6 },
];

function forecaster(v: Variant): MatchForecaster {
  const blend = countryForecaster(() =>
    shotBlendForecaster({
      goals: { xi: v.xi, priorStrength: v.priorStrength },
      shots: { xi: v.shotXi, priorStrength: v.shotPrior, offTargetWeight: v.offTargetWeight },
      goalWeight: v.goalWeight,
      historyYears: v.windowYears,
    }),
  );
  const members =
    v.eloWeight > 0
      ? ensembleForecaster([
          { forecaster: blend, weight: 1 - v.eloWeight },
          {
            forecaster: ratingForecaster({
              kind: 'elo',
              elo: { ...CLUBELO_OPTIONS, k: v.eloK },
              historyYears: BACKTEST_ELO.historyYears,
            }),
            weight: v.eloWeight,
          },
        ])
      : blend;
  return v.stretch === 1 ? members : stretchedForecaster(members, v.stretch);
}

const db = openDatabase(dbFile, { readonly: true });
const competitions = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];
const input = loadBacktestInput(db, {
  competitions,
  from,
  to,
  historyCompetitions: defaultHistoryCompetitions(db, competitions),
  historyYears: Math.max(BACKTEST_ELO.historyYears, ...moves.map((m) => m.windowYears ?? chosen.windowYears)),
});
db.close();

const results = moves.map((move) => {
  const started = performance.now();
  const report = summarizeBacktest(runBacktest(input, forecaster({ ...chosen, ...move }), { refitDays: 7 }));
  const scores = report.overall.scores!;
  const row = {
    change: Object.keys(move).length === 0 ? 'chosen' : JSON.stringify(move),
    scored: report.scored,
    rps: scores.model.rps.mean,
    gap: scores.rpsGap.mean,
    seconds: (performance.now() - started) / 1000,
  };
  process.stderr.write(
    `${row.change}: RPS ${row.rps.toFixed(5)} (gap ${row.gap.toFixed(5)}) ${row.seconds.toFixed(0)} s\n`,
  );
  return row;
});
if (args.includes('--json')) console.log(JSON.stringify({ from, to, chosen, results }, null, 2));
else {
  console.log(`tuning ${from}..${to}, five leagues, weekly refits; chosen: ${JSON.stringify(chosen)}`);
  for (const r of results)
    console.log(`${r.change.padEnd(36)} RPS ${r.rps.toFixed(5)}  gap ${r.gap.toFixed(5)}  n ${r.scored}`);
}
