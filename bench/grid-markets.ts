/**
 * How the forecaster's score grid is made, chosen by backtest of the grid's markets: the walk-forward forecasts of
 * the five leagues on the tuning seasons (default 2016-07-01..2022-06-30), and for each way of turning the
 * forecast's 1X2 into a grid, the log loss of over/under 2.5 (against the closing line where the data has one),
 * of both teams to score and of the correct score. Every way but the blend's own grid has the forecast's 1X2, so
 * their RPS is the forecaster's.
 *   npx tsx bench/grid-markets.ts --db FILE [--from 2016-07-01] [--to 2022-06-30] [--json]
 * Ways: `tilt` (the product, src/forecast/outcome-grid.ts: the blend's grid tilted exponentially by outcome and
 * total goals — the closest grid to it in KL with the forecast's 1X2 and the blend's expected total), `solve`
 * (Dixon-Coles λ, μ and ρ re-solved from the 1X2 and the blend's P(over 2.5) — which with ρ fixes λ + μ — by the
 * odds → goals inverse, src/forecast/implied-goals.ts), `rescale` (the blend's grid, each outcome region
 * rescaled: its totals move), `blend` (the blend's own grid, whose 1X2 is not the forecast's).
 */
import { runBacktest } from '../src/evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput } from '../src/evaluate/backtest-input.js';
import { meanDifference, meanWithError, rankedProbabilityScore } from '../src/evaluate/metrics.js';
import { FORECASTER, forecasterHistoryYears, type MatchForecast } from '../src/forecast/forecaster.js';
import { Forecasts } from '../src/forecast/forecasts.js';
import { gridOutcomeProbabilities } from '../src/forecast/goal-model-forecaster.js';
import { impliedGoals } from '../src/forecast/implied-goals.js';
import { dixonColesScoreGrid } from '../src/models/dixon-coles.js';
import { openDatabase } from '../src/store/database.js';
import { option, flag, requiredDbFile } from './bench-arguments.js';

const dbFile = requiredDbFile();
const from = option('--from') ?? '2016-07-01';
const to = option('--to') ?? '2022-06-30';
const competitions = ['eng.1', 'es.1', 'it.1', 'de.1', 'fr.1'];
const maxGoals = FORECASTER.maxGoals;

const db = openDatabase(dbFile, { readonly: true });
const input = loadBacktestInput(db, {
  competitions,
  from,
  to,
  historyCompetitions: defaultHistoryCompetitions(db, competitions),
  historyYears: forecasterHistoryYears(),
  shotYears: FORECASTER.goals.windowYears,
});
db.close();
const forecasts = new Forecasts(input.source);
const parts = new Map<number, MatchForecast>();
const run = runBacktest(
  input,
  {
    forecast(fixture, fitDate) {
      const outcome = forecasts.forecast(fixture, fitDate);
      if ('skipped' in outcome) return outcome;
      parts.set((fixture as unknown as { id: number }).id, outcome);
      return { probabilities: outcome.probabilities, grid: outcome.grid };
    },
  },
  { refitDays: 7 },
);

type Way = (forecast: MatchForecast) => Float64Array;
const ways: Record<string, Way> = {
  tilt: (f) => f.grid.p,
  solve: (f) => solve(f),
  rescale: (f) => rescale(blendGrid(f), f.parts.outcomes),
  blend: (f) => blendGrid(f),
};

interface Scores {
  rps: number[];
  overUnder: number[];
  overUnderWithMarket: number[];
  btts: number[];
  correctScore: number[];
}
const scores: Record<string, Scores> = {};
const market: number[] = [];
/** |expected total of the tilted grid − the blend's|: 0 to rounding, as the tilt promises. */
const tiltTotals: number[] = [];
const meanTotal = (p: Float64Array) => {
  const size = maxGoals + 1;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (Math.floor(i / size) + (i % size)) * p[i];
  return sum;
};
const FLOOR = 1e-12;
const loss = (p: number) => -Math.log(Math.max(FLOOR, p));
for (const name of Object.keys(ways)) {
  scores[name] = { rps: [], overUnder: [], overUnderWithMarket: [], btts: [], correctScore: [] };
}
for (const fixture of run.fixtures) {
  const forecast = parts.get(fixture.match.id);
  if (!forecast) continue;
  const { homeGoals, awayGoals } = fixture.match;
  const over = homeGoals + awayGoals > 2.5;
  const both = homeGoals > 0 && awayGoals > 0;
  if (fixture.marketTotals) market.push(loss(over ? fixture.marketTotals[0] : fixture.marketTotals[1]));
  for (const [name, way] of Object.entries(ways)) {
    const p = way(forecast);
    const s = scores[name];
    const size = maxGoals + 1;
    let under = 0;
    let noBoth = 0;
    let mass = 0;
    for (let h = 0; h < size; h++) {
      for (let a = 0; a < size; a++) {
        const v = p[h * size + a];
        mass += v;
        if (h + a <= 2) under += v;
        if (h === 0 || a === 0) noBoth += v;
      }
    }
    const grid = { maxGoals, p, truncatedMass: 0, homeExpected: 0, awayExpected: 0 };
    s.rps.push(rankedProbabilityScore(gridOutcomeProbabilities(grid), fixture.outcome));
    if (name === 'tilt') tiltTotals.push(Math.abs(meanTotal(p) - meanTotal(blendGrid(forecast))));
    const ou = loss(over ? 1 - under / mass : under / mass);
    s.overUnder.push(ou);
    if (fixture.marketTotals) s.overUnderWithMarket.push(ou);
    s.btts.push(loss(both ? 1 - noBoth / mass : noBoth / mass));
    const cell = homeGoals <= maxGoals && awayGoals <= maxGoals ? p[homeGoals * size + awayGoals] / mass : 0;
    s.correctScore.push(loss(cell));
  }
}

const summary = Object.fromEntries(
  Object.entries(scores).map(([name, s]) => [
    name,
    {
      rps: meanWithError(s.rps),
      overUnder: meanWithError(s.overUnder),
      overUnderAgainstClosing: s.overUnderWithMarket.length
        ? { model: meanWithError(s.overUnderWithMarket), gap: meanDifference(s.overUnderWithMarket, market) }
        : null,
      btts: meanWithError(s.btts),
      correctScore: meanWithError(s.correctScore),
      /** Paired differences from `tilt`. */
      versusTilt: {
        overUnder: meanDifference(s.overUnder, scores.tilt.overUnder),
        btts: meanDifference(s.btts, scores.tilt.btts),
        correctScore: meanDifference(s.correctScore, scores.tilt.correctScore),
      },
    },
  ]),
);
const result = {
  from,
  to,
  fixtures: scores.tilt.rps.length,
  closingOverUnder: market.length ? { fixtures: market.length, marketLogLoss: meanWithError(market) } : null,
  largestTotalChangeOfTilt: Math.max(...tiltTotals),
  ways: summary,
};
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  const f = (m: { mean: number; standardError: number | null }, d = 5) =>
    `${m.mean.toFixed(d)} ± ${(m.standardError ?? 0).toFixed(d)}`;
  console.log(
    `${from}..${to}: ${result.fixtures} fixtures; closing O/U 2.5 on ${market.length}: market log loss ${
      result.closingOverUnder ? f(result.closingOverUnder.marketLogLoss) : '–'
    }`,
  );
  for (const [name, s] of Object.entries(summary)) {
    console.log(
      `${name.padEnd(8)} RPS ${f(s.rps)} | O/U 2.5 ${f(s.overUnder)} (v tilt ${f(s.versusTilt.overUnder, 6)})` +
        (s.overUnderAgainstClosing ? ` gap to closing ${f(s.overUnderAgainstClosing.gap)}` : '') +
        ` | BTTS ${f(s.btts)} (v tilt ${f(s.versusTilt.btts, 6)}) | correct score ${f(s.correctScore)} (v tilt ${f(
          s.versusTilt.correctScore,
          6,
        )})`,
    );
  }
}

function blendGrid(f: MatchForecast): Float64Array {
  const { home, away, rho } = f.parts.blendRates;
  const p = dixonColesScoreGrid(home, away, rho, maxGoals).p;
  let mass = 0;
  for (const v of p) mass += v;
  return p.map((v) => v / mass);
}

/** Each outcome region of a grid rescaled to the 1X2. */
function rescale(p: Float64Array, outcomes: readonly number[]): Float64Array {
  const size = maxGoals + 1;
  const region = (h: number, a: number) => (h > a ? 0 : h === a ? 1 : 2);
  const sums = [0, 0, 0];
  for (let h = 0; h < size; h++) for (let a = 0; a < size; a++) sums[region(h, a)] += p[h * size + a];
  return p.map((v, i) => {
    const k = region(Math.floor(i / size), i % size);
    return (v * outcomes[k]) / sums[k];
  });
}

/** Dixon-Coles at the λ, μ, ρ that give the forecast's 1X2 and the blend grid's P(over 2.5). */
function solve(f: MatchForecast): Float64Array {
  const base = blendGrid(f);
  const size = maxGoals + 1;
  let under = 0;
  for (let h = 0; h < size; h++) for (let a = 0; a < size; a++) if (h + a <= 2) under += base[h * size + a];
  const [home, draw, away] = f.parts.outcomes;
  const implied = impliedGoals({
    result: { probabilities: { home, draw, away } },
    total: { line: 2.5, overProbability: 1 - under },
  });
  const p = dixonColesScoreGrid(implied.lambda, implied.mu, implied.rho, maxGoals).p;
  let mass = 0;
  for (const v of p) mass += v;
  return p.map((v) => v / mass);
}
