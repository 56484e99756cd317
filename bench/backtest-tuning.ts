/**
 * How the constants of `matchday backtest --model shots|ensemble` were chosen: walk-forward backtests on the
 * seasons before the reported ones (default 2016-07-01..2021-22 end), one constant moved at a time from the chosen
 * values. Prints the RPS of each variant; the reported period is never touched here.
 *   npx tsx bench/backtest-tuning.ts --db FILE [--from 2016-07-01] [--to 2022-06-30] [--json]
 * About 12 s per variant on the five leagues (6 seasons, ~10,900 matches).
 */
import { runBacktest } from '../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../src/evaluate/backtest-input.js';
import { summarizeBacktest } from '../src/evaluate/backtest-report.js';
import {
  createBacktestForecaster,
  DEFAULT_BACKTEST_MODEL,
  ENSEMBLE,
  type BacktestModelOptions,
  type EnsembleConstants,
} from '../src/forecast/backtest-models.js';
import { STAKES } from '../src/forecast/stakes-shift.js';
import { STATURE } from '../src/forecast/stature-shift.js';
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

/** One constant moved from the chosen point: of the goal model, or of the ensemble around it. */
interface Move {
  model?: Partial<BacktestModelOptions>;
  ensemble?: Partial<EnsembleConstants>;
}

const shots = ENSEMBLE.shots;
const moves: Move[] = [
  {},
  { ensemble: { stakes: null } },
  { ensemble: { stature: null } },
  { ensemble: { stakes: null, stature: null } },
  { ensemble: { stakes: { ...STAKES, shift: 0.4 } } },
  { ensemble: { stakes: { ...STAKES, shift: 0.6 } } },
  { ensemble: { stakes: { ...STAKES, ratioMidpoint: 0.8 } } },
  { ensemble: { stature: { ...STATURE, shift: 0.08 } } },
  { ensemble: { stature: { ...STATURE, shift: 0.16 } } },
  { ensemble: { stature: { ...STATURE, seasons: 50 } } },
  { ensemble: { eloWeight: 0, stretch: 1 } },
  { ensemble: { eloWeight: 0 } },
  { ensemble: { stretch: 1 } },
  { ensemble: { stretch: 1.05 } },
  { ensemble: { stretch: 1.15 } },
  { ensemble: { drawWidening: 0 } },
  { ensemble: { drawWidening: 0.04 } },
  { ensemble: { eloWeight: 0.25 } },
  { ensemble: { eloK: 15 } },
  { ensemble: { eloK: 6 } },
  { ensemble: { eloK: 3 } },
  { ensemble: { goalWeight: 1 } },
  { ensemble: { goalWeight: 0.5 } },
  { ensemble: { goalWeight: 0.7 } },
  { ensemble: { shots: { ...shots, offTargetWeight: 0 } } },
  { ensemble: { shots: { ...shots, offTargetWeight: 0.2 } } },
  { ensemble: { shots: { ...shots, offTargetWeight: 0.5 } } },
  { ensemble: { shots: { ...shots, xi: 0.01 } } },
  { ensemble: { shots: { ...shots, xi: 0.02 } } },
  { ensemble: { shots: { ...shots, priorStrength: 5 } } },
  { ensemble: { shots: { ...shots, priorStrength: 20 } } },
  { model: { xi: 0.003 } },
  { model: { priorStrength: 1 } },
  { model: { windowYears: 6 } },
];

const describeMove = (move: Move): string =>
  move.model === undefined && move.ensemble === undefined
    ? 'chosen'
    : JSON.stringify({ ...move.model, ...move.ensemble }).replace(/"/g, '');
const forecasterOf = (move: Move) =>
  createBacktestForecaster({ ...DEFAULT_BACKTEST_MODEL, ...move.model }, { ...ENSEMBLE, ...move.ensemble });

const db = openDatabase(dbFile, { readonly: true });
const competitions = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];
const input = loadBacktestInput(db, {
  competitions,
  from,
  to,
  historyCompetitions: defaultHistoryCompetitions(db, competitions),
  historyYears: Math.max(...moves.map((m) => forecasterOf(m).historyYears)),
});
db.close();

const results = moves.map((move) => {
  const started = performance.now();
  const report = summarizeBacktest(runBacktest(input, forecasterOf(move), { refitDays: 7 }));
  const scores = report.overall.scores!;
  const row = {
    change: describeMove(move),
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
const chosen = { ...DEFAULT_BACKTEST_MODEL, ...ENSEMBLE };
if (args.includes('--json')) console.log(JSON.stringify({ from, to, chosen, results }, null, 2));
else {
  console.log(`tuning ${from}..${to}, five leagues, weekly refits; chosen: ${JSON.stringify(chosen)}`);
  for (const r of results)
    console.log(`${r.change.padEnd(48)} RPS ${r.rps.toFixed(5)}  gap ${r.gap.toFixed(5)}  n ${r.scored}`);
}
