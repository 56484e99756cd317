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
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  type BacktestModelOptions,
} from '../src/forecast/backtest-models.js';
import { FORECASTER, type ForecasterConstants } from '../src/forecast/forecaster.js';
import { STAKES, STATURE } from '../src/forecast/superiority-shifts.js';
import { openDatabase } from '../src/store/database.js';
import { option, flag } from './bench-arguments.js';

const dbFile = option('--db');
if (!dbFile) throw new Error('--db FILE: a database with the shared data imported (`matchday import ../shared/data`)');
const from = option('--from') ?? '2016-07-01';
const to = option('--to') ?? '2022-06-30';

/** One constant moved from the chosen point: of the goal model, or of the forecaster around it. */
interface Move {
  model?: Partial<BacktestModelOptions>;
  forecaster?: Partial<ForecasterConstants>;
}

const { shots, elo, market } = FORECASTER;
const moves: Move[] = [
  {},
  { forecaster: { stakes: null } },
  { forecaster: { stature: null } },
  { forecaster: { stakes: null, stature: null } },
  { forecaster: { stakes: { ...STAKES, shift: 0.4 } } },
  { forecaster: { stakes: { ...STAKES, shift: 0.6 } } },
  { forecaster: { stakes: { ...STAKES, ratioMidpoint: 0.8 } } },
  { forecaster: { stature: { ...STATURE, shift: 0.08 } } },
  { forecaster: { stature: { ...STATURE, shift: 0.16 } } },
  { forecaster: { stature: { ...STATURE, seasons: 50 } } },
  { forecaster: { elo: { ...elo, weight: 0 }, stretch: 1 } },
  { forecaster: { elo: { ...elo, weight: 0 } } },
  { forecaster: { stretch: 1 } },
  { forecaster: { stretch: 1.05 } },
  { forecaster: { stretch: 1.15 } },
  { forecaster: { drawWidening: 0 } },
  { forecaster: { drawWidening: 0.04 } },
  { forecaster: { elo: { ...elo, weight: 0.25 } } },
  { forecaster: { elo: { ...elo, k: 15 } } },
  { forecaster: { elo: { ...elo, k: 6 } } },
  { forecaster: { elo: { ...elo, k: 3 } } },
  { forecaster: { goalWeight: 1 } },
  { forecaster: { goalWeight: 0.5 } },
  { forecaster: { goalWeight: 0.7 } },
  { forecaster: { shots: { ...shots, offTargetWeight: 0 } } },
  { forecaster: { shots: { ...shots, offTargetWeight: 0.2 } } },
  { forecaster: { shots: { ...shots, offTargetWeight: 0.5 } } },
  { forecaster: { shots: { ...shots, xi: 0.01 } } },
  { forecaster: { shots: { ...shots, xi: 0.02 } } },
  { forecaster: { shots: { ...shots, priorStrength: 5 } } },
  { forecaster: { shots: { ...shots, priorStrength: 20 } } },
  { forecaster: { market: { ...market, weight: 0 }, stretch: 1.1 } },
  { forecaster: { market: { ...market, weight: 0.4 } } },
  { forecaster: { market: { ...market, weight: 0.7 } } },
  { forecaster: { market: { ...market, xi: 0.005 } } },
  { forecaster: { market: { ...market, xi: 0.015 } } },
  { forecaster: { market: { ...market, priorStrength: 0.3 } } },
  { forecaster: { market: { ...market, priorStrength: 3 } } },
  { model: { xi: 0.003 } },
  { model: { priorStrength: 1 } },
  { model: { windowYears: 6 } },
];

const describeMove = (move: Move): string =>
  move.model === undefined && move.forecaster === undefined
    ? 'chosen'
    : JSON.stringify({ ...move.model, ...move.forecaster }).replace(/"/g, '');
const optionsOf = (move: Move): BacktestModelOptions => ({ ...DEFAULT_BACKTEST_MODEL, ...move.model });
const constantsOf = (move: Move): ForecasterConstants => ({ ...FORECASTER, ...move.forecaster });

const db = openDatabase(dbFile, { readonly: true });
const competitions = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];
const input = loadBacktestInput(db, {
  competitions,
  from,
  to,
  historyCompetitions: defaultHistoryCompetitions(db, competitions),
  historyYears: Math.max(...moves.map((m) => backtestHistoryYears(optionsOf(m), constantsOf(m)))),
  shotYears: Math.max(...moves.map((m) => optionsOf(m).windowYears)),
});
db.close();

const results = moves.map((move) => {
  const started = performance.now();
  const model = createBacktestModel(optionsOf(move), input, constantsOf(move));
  const report = summarizeBacktest(runBacktest(input, model, { refitDays: 7 }));
  const scores = report.overall.scores!;
  const row = {
    change: describeMove(move),
    scored: report.scored,
    rps: scores.model.rps.mean,
    gap: scores.rpsGap!.mean,
    seconds: (performance.now() - started) / 1000,
  };
  process.stderr.write(
    `${row.change}: RPS ${row.rps.toFixed(5)} (gap ${row.gap.toFixed(5)}) ${row.seconds.toFixed(0)} s\n`,
  );
  return row;
});
const chosen = { ...DEFAULT_BACKTEST_MODEL, ...FORECASTER };
if (flag('--json')) console.log(JSON.stringify({ from, to, chosen, results }, null, 2));
else {
  console.log(`tuning ${from}..${to}, five leagues, weekly refits; chosen: ${JSON.stringify(chosen)}`);
  for (const r of results)
    console.log(`${r.change.padEnd(48)} RPS ${r.rps.toFixed(5)}  gap ${r.gap.toFixed(5)}  n ${r.scored}`);
}
