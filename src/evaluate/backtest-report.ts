import { MatchdayError } from '../errors.js';
import type { Probabilities1x2 } from '../forecast/match-forecaster.js';
import type { BacktestRun, FixtureResult } from './backtest.js';
import {
  outcomeReliability,
  predictedVsObserved,
  type PredictedVsObserved,
  type ReliabilityTable,
} from './calibration.js';
import {
  groupIndices,
  logLoss,
  meanDifference,
  rankedProbabilityScore,
  summarizeForecasts,
  type MeanWithError,
  type ScoreSummary,
} from './metrics.js';

/** Scores of one group of fixtures (all, a competition, a season): the model against the market on the same matches. */
export interface BacktestGroup {
  key: string;
  fixtures: number;
  /** Fixtures both the model and the market priced: what every score below averages over. */
  scored: number;
  skipped: number;
  /** Null when nothing in the group was scored. */
  scores: {
    model: ScoreSummary;
    market: ScoreSummary;
    /** Model minus market, paired per match (its error is far smaller than either score's). */
    rpsGap: MeanWithError;
    logLossGap: MeanWithError;
    /** Mean predicted draw probability of the model and the market against the observed draw rate. */
    draws: { model: number; market: number; observed: number };
  } | null;
}

export interface BacktestReport {
  fixtures: number;
  scored: number;
  skipped: { reason: string; count: number }[];
  fits: number;
  /** Which book the market baseline came from, per scored fixture. */
  marketSources: { source: string; count: number }[];
  overall: BacktestGroup;
  byCompetition: BacktestGroup[];
  bySeason: BacktestGroup[];
  calibration: {
    /** Reliability tables (ten equal-width bins) of home win, draw and away win. */
    model: ReliabilityTable[];
    market: ReliabilityTable[];
    /** Mean predicted probability of each outcome against its observed frequency. */
    modelRates: PredictedVsObserved[];
    marketRates: PredictedVsObserved[];
  };
}

export function summarizeBacktest(run: BacktestRun): BacktestReport {
  const fixtures = run.fixtures;
  const scored = fixtures.filter(isScored);
  if (scored.length === 0) {
    const reasons = countBy(fixtures.map((f) => f.skipped ?? '')).map((r) => `${r.reason} (${r.count})`);
    throw new MatchdayError('BACKTEST_EMPTY', `no fixture could be scored: ${reasons.join('; ') || 'no fixtures'}`);
  }
  const byKey = (key: (f: FixtureResult) => string): BacktestGroup[] =>
    [...groupIndices(fixtures.map(key))]
      .map(([k, indices]) =>
        group(
          k,
          indices.map((i) => fixtures[i]),
        ),
      )
      .sort((a, b) => a.key.localeCompare(b.key));
  const modelForecasts = scored.map((f) => f.model);
  const marketForecasts = scored.map((f) => f.market);
  const outcomes = scored.map((f) => f.outcome);
  return {
    fixtures: fixtures.length,
    scored: scored.length,
    skipped: countBy(fixtures.filter((f) => f.skipped !== null).map((f) => f.skipped ?? '')),
    fits: run.fitDates.length,
    marketSources: countBy(scored.map((f) => f.marketSource ?? '')).map(({ reason, count }) => ({
      source: reason,
      count,
    })),
    overall: group('all', fixtures),
    byCompetition: byKey((f) => f.match.competition),
    bySeason: byKey((f) => f.match.season),
    calibration: {
      model: outcomeReliability(modelForecasts, outcomes),
      market: outcomeReliability(marketForecasts, outcomes),
      modelRates: predictedVsObserved(modelForecasts, outcomes),
      marketRates: predictedVsObserved(marketForecasts, outcomes),
    },
  };
}

type ScoredFixture = FixtureResult & { model: Probabilities1x2; market: Probabilities1x2 };

function isScored(f: FixtureResult): f is ScoredFixture {
  return f.skipped === null && f.model !== null && f.market !== null;
}

function group(key: string, members: FixtureResult[]): BacktestGroup {
  const scored = members.filter(isScored);
  const base = { key, fixtures: members.length, scored: scored.length, skipped: members.length - scored.length };
  if (scored.length === 0) return { ...base, scores: null };
  const outcomes = scored.map((f) => f.outcome);
  const model = summarizeForecasts(
    scored.map((f) => f.model),
    outcomes,
  );
  const market = summarizeForecasts(
    scored.map((f) => f.market),
    outcomes,
  );
  const gap = (score: (forecast: Probabilities1x2, outcome: number) => number): MeanWithError =>
    meanDifference(
      scored.map((f) => score(f.model, f.outcome)),
      scored.map((f) => score(f.market, f.outcome)),
    );
  const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  return {
    ...base,
    scores: {
      model,
      market,
      rpsGap: gap(rankedProbabilityScore),
      logLossGap: gap(logLoss),
      draws: {
        model: mean(scored.map((f) => f.model[1])),
        market: mean(scored.map((f) => f.market[1])),
        observed: mean(outcomes.map((o) => (o === 1 ? 1 : 0))),
      },
    },
  };
}

function countBy(values: string[]): { reason: string; count: number }[] {
  return [...groupIndices(values)]
    .map(([reason, indices]) => ({ reason, count: indices.length }))
    .sort((a, b) => b.count - a.count);
}
