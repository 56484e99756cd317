/**
 * The forecaster on leagues it was not tuned on, against Dixon-Coles on the same matches: walk-forward backtests
 * (weekly refits), each model's RPS on the fixtures both priced and their paired difference.
 *   npx tsx bench/generalisation.ts --db FILE [--earlier] [--ablations] [--json] [--only NAME]
 * Sets: the second and lower tiers of England, Germany and France 2016-25 (results only: no shots, no odds here),
 * and the five top flights in seasons before the tuning ones (2000-12 with shots and pre-match odds; 1980-93
 * results only, two points a win in most of them).
 */
import { runBacktest, type FixtureResult } from '../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../src/evaluate/backtest-input.js';
import { meanDifference, meanWithError, rankedProbabilityScore } from '../src/evaluate/metrics.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  type BacktestModelName,
} from '../src/forecast/backtest-models.js';
import { FORECASTER, type ForecasterConstants } from '../src/forecast/forecaster.js';
import { openDatabase } from '../src/store/database.js';
import { option, flag, requiredDbFile } from './bench-arguments.js';

const dbFile = requiredDbFile();

const FIVE = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];
type MatchSet = { name: string; competitions: string[]; from: string; to: string };
const REPORTED: MatchSet[] = [
  { name: 'eng.2 2016-25', competitions: ['eng.2'], from: '2016-07-01', to: '2025-06-30' },
  { name: 'eng.3 2016-25', competitions: ['eng.3'], from: '2016-07-01', to: '2025-06-30' },
  { name: 'eng.4 2016-25', competitions: ['eng.4'], from: '2016-07-01', to: '2025-06-30' },
  { name: 'de.2 2016-25', competitions: ['de.2'], from: '2016-07-01', to: '2025-06-30' },
  { name: 'fr.2 2016-25', competitions: ['fr.2'], from: '2016-07-01', to: '2025-06-30' },
  { name: 'five 2000-12', competitions: FIVE, from: '2000-07-01', to: '2012-06-30' },
  { name: 'five 1980-93', competitions: FIVE, from: '1980-07-01', to: '1993-06-30' },
];
/** Earlier seasons of the lower tiers, where any change for them is chosen (`--earlier`): never the reported ones. */
const EARLIER: MatchSet[] = ['eng.2', 'eng.3', 'eng.4', 'de.2'].map((code) => ({
  name: `${code} 2008-16`,
  competitions: [code],
  from: '2008-07-01',
  to: '2016-06-30',
}));
const SETS = flag('--earlier') ? EARLIER : REPORTED;

const db = openDatabase(dbFile, { readonly: true });
function backtest(
  set: MatchSet,
  model: BacktestModelName,
  constants: ForecasterConstants = FORECASTER,
): FixtureResult[] {
  const options = { ...DEFAULT_BACKTEST_MODEL, model };
  const input = loadBacktestInput(db, {
    competitions: set.competitions,
    from: set.from,
    to: set.to,
    historyCompetitions: defaultHistoryCompetitions(db, set.competitions),
    historyYears: backtestHistoryYears(options, constants),
    shotYears: options.windowYears,
  });
  return runBacktest(input, createBacktestModel(options, input, constants), { refitDays: 7 }).fixtures;
}

/** The forecaster with a change (by name, for the experiments of docs/backtest.md), or as it is. */
const variants: Record<string, ForecasterConstants> = {
  forecaster: FORECASTER,
  ...(flag('--ablations') && {
    'no stature': { ...FORECASTER, stature: null },
    'no stakes': { ...FORECASTER, stakes: null },
    'no stretch': { ...FORECASTER, stretch: 1, drawWidening: 0 },
    'no Elo': { ...FORECASTER, elo: { ...FORECASTER.elo, weight: 0 } },
  }),
};

const only = option('--only');
const rows = [];
for (const set of SETS.filter((s) => !only || s.name.startsWith(only))) {
  const reference = backtest(set, 'dixon-coles');
  for (const [variant, constants] of Object.entries(variants)) {
    const forecaster = backtest(set, 'ensemble', constants);
    const both = forecaster.flatMap((f, i) => (f.model && reference[i].model ? [i] : []));
    const score = (run: FixtureResult[]) => both.map((i) => rankedProbabilityScore(run[i].model!, run[i].outcome));
    const row = {
      set: set.name,
      variant,
      fixtures: forecaster.length,
      both: both.length,
      forecaster: meanWithError(score(forecaster)).mean,
      dixonColes: meanWithError(score(reference)).mean,
      difference: meanDifference(score(forecaster), score(reference)),
    };
    rows.push(row);
    process.stderr.write(
      `${row.set.padEnd(14)} ${variant.padEnd(12)} ${row.both}/${row.fixtures}: forecaster ${row.forecaster.toFixed(5)} ` +
        `Dixon-Coles ${row.dixonColes.toFixed(5)} difference ${row.difference.mean >= 0 ? '+' : ''}${row.difference.mean.toFixed(5)} ± ${row.difference.standardError!.toFixed(5)}\n`,
    );
  }
}
db.close();
if (flag('--json')) console.log(JSON.stringify(rows, null, 2));
