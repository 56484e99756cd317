/**
 * The backtest's figure reached by replaying `predict`: every fixture of the five leagues 2022-25 forecast by
 * `predictFixture` (what `matchday predict` runs) as of its weekly refit date (`--fit-date`), scored against the
 * Pinnacle closing line exactly as `matchday backtest` scores — and the backtest run beside it, to count the
 * forecasts that agree to the last bit.
 *   npx tsx bench/replay-predict.ts --db FILE [--from 2022-07-01] [--to 2025-06-30] [--json]
 */
import { predictFixture } from '../src/app/predict.js';
import { refitSchedule, runBacktest } from '../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../src/evaluate/backtest-input.js';
import { summarizeBacktest } from '../src/evaluate/backtest-report.js';
import { impliedProbabilities } from '../src/evaluate/implied-probabilities.js';
import { meanDifference, meanWithError, outcomeOfScore, rankedProbabilityScore } from '../src/evaluate/metrics.js';
import { backtestHistoryYears, createBacktestModel, DEFAULT_BACKTEST_MODEL } from '../src/forecast/backtest-models.js';
import { Forecasts } from '../src/forecast/forecasts.js';
import { storeForecastSource } from '../src/history/forecast-history.js';
import { openDatabase } from '../src/store/database.js';
import { option, flag, requiredDbFile } from './bench-arguments.js';

const dbFile = requiredDbFile();
const from = option('--from') ?? '2022-07-01';
const to = option('--to') ?? '2025-06-30';
const competitions = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];

const db = openDatabase(dbFile, { readonly: true });
const options = { ...DEFAULT_BACKTEST_MODEL };
const input = loadBacktestInput(db, {
  competitions,
  from,
  to,
  historyCompetitions: defaultHistoryCompetitions(db, competitions),
  historyYears: backtestHistoryYears(options),
  shotYears: options.windowYears,
});
const backtest = runBacktest(input, createBacktestModel(options, input), { refitDays: 7 });
const report = summarizeBacktest(backtest);

// The replay: predict for every fixture, as of its weekly refit date; one Forecasts keeps the fits of the week.
const started = performance.now();
const forecasts = new Forecasts(storeForecastSource(db));
const fitDates = refitSchedule(
  input.fixtures.map((f) => f.match.date),
  7,
);
const model: number[] = [];
const market: number[] = [];
let identical = 0;
input.fixtures.forEach(({ match, odds }, i) => {
  const forecast = predictFixture(
    db,
    {
      home: { teamId: match.homeTeamId, name: String(match.homeTeamId) },
      away: { teamId: match.awayTeamId, name: String(match.awayTeamId) },
      date: match.date,
      fitDate: fitDates[i],
    },
    forecasts,
  );
  const p = [forecast.markets.result.home, forecast.markets.result.draw, forecast.markets.result.away];
  const scored = backtest.fixtures[i];
  if (scored.model && p.every((v, k) => v === scored.model![k])) identical++;
  if (!odds) return;
  const outcome = outcomeOfScore(match.homeGoals, match.awayGoals);
  model.push(rankedProbabilityScore(p, outcome));
  market.push(rankedProbabilityScore(impliedProbabilities(odds.prices, 'shin').probabilities, outcome));
});
db.close();

const scores = report.overall.scores!;
const result = {
  from,
  to,
  fixtures: input.fixtures.length,
  backtest: { rps: scores.model.rps.mean, gap: scores.rpsGap!.mean },
  replay: {
    rps: meanWithError(model).mean,
    gap: meanDifference(model, market).mean,
    seconds: (performance.now() - started) / 1000,
  },
  identicalForecasts: identical,
};
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `${from}..${to}, ${result.fixtures} fixtures: backtest RPS ${result.backtest.rps.toFixed(5)} (gap ${result.backtest.gap.toFixed(5)}); ` +
      `predict replayed at the weekly fit dates RPS ${result.replay.rps.toFixed(5)} (gap ${result.replay.gap.toFixed(5)}) ` +
      `in ${result.replay.seconds.toFixed(0)} s; forecasts identical to the last bit: ${identical} of ${result.fixtures}`,
  );
}
