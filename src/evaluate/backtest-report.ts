import { MatchdayError } from '../errors.js';
import type { Probabilities1x2 } from '../forecast/match-forecaster.js';
import type { BacktestRun, FixtureResult } from './backtest.js';
import {
  outcomeReliability,
  predictedVsObserved,
  type PredictedVsObserved,
  type ReliabilityTable,
} from './calibration.js';
import type { ScoreGrid } from '../models/score-grid.js';
import {
  groupIndices,
  logLoss,
  meanDifference,
  meanWithError,
  rankedProbabilityScore,
  summarizeForecasts,
  type MeanWithError,
  type ScoreSummary,
} from './metrics.js';

/** Scores of one group of fixtures (all, a competition, a season). */
export interface BacktestGroup {
  key: string;
  fixtures: number;
  /** Fixtures the model priced: what the model's scores average over. */
  scored: number;
  skipped: number;
  /** Of the scored fixtures, those the market priced too: what the market's scores and the gaps average over. */
  withOdds: number;
  /** Null when the model priced nothing in the group. */
  scores: {
    model: ScoreSummary;
    /** Null when no scored fixture has odds (a league without prices: the model's scores stand alone). */
    market: ScoreSummary | null;
    /** Model minus market, paired per match (its error is far smaller than either score's). */
    rpsGap: MeanWithError | null;
    logLossGap: MeanWithError | null;
    /** Mean predicted draw probability of the model and the market against the observed draw rate. */
    draws: { model: number; market: number | null; observed: number };
    /** The markets of the model's score grid, where the model has one. */
    goals: GoalMarketScores | null;
  } | null;
}

/** Log losses of the grid's goal markets: over/under 2.5 (against the closing line where the data has it), correct score. */
export interface GoalMarketScores {
  overUnder: MeanWithError;
  /** The closing over/under 2.5 line on the fixtures that have one, paired with the model there. */
  overUnderMarket: { fixtures: number; model: MeanWithError; market: MeanWithError; gap: MeanWithError } | null;
  correctScore: MeanWithError;
  /** Mean predicted P(over 2.5) against the observed rate. */
  over: { model: number; observed: number };
}

export interface BacktestReport {
  fixtures: number;
  scored: number;
  skipped: { reason: string; count: number }[];
  /** Scored fixtures without a market price, by reason. */
  withoutOdds: { reason: string; count: number }[];
  fits: number;
  /** Which book the market baseline came from, per scored fixture with odds. */
  marketSources: { source: string; count: number }[];
  overall: BacktestGroup;
  byCompetition: BacktestGroup[];
  bySeason: BacktestGroup[];
  calibration: {
    /** Reliability tables (ten equal-width bins) of home win, draw and away win (the market's: empty without odds). */
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
  const paired = scored.filter(hasMarket);
  const byKey = (key: (f: FixtureResult) => string): BacktestGroup[] =>
    [...groupIndices(fixtures.map(key))]
      .map(([k, indices]) =>
        group(
          k,
          indices.map((i) => fixtures[i]),
        ),
      )
      .sort((a, b) => a.key.localeCompare(b.key));
  return {
    fixtures: fixtures.length,
    scored: scored.length,
    skipped: countBy(fixtures.filter((f) => f.skipped !== null).map((f) => f.skipped ?? '')),
    withoutOdds: countBy(scored.filter((f) => f.market === null).map((f) => f.marketMissing ?? '')),
    fits: run.fitDates.length,
    marketSources: countBy(paired.map((f) => f.marketSource ?? '')).map(({ reason, count }) => ({
      source: reason,
      count,
    })),
    overall: group('all', fixtures),
    byCompetition: byKey((f) => f.match.competition),
    bySeason: byKey((f) => f.match.season),
    calibration: {
      model: outcomeReliability(
        scored.map((f) => f.model),
        scored.map((f) => f.outcome),
      ),
      market:
        paired.length > 0
          ? outcomeReliability(
              paired.map((f) => f.market),
              paired.map((f) => f.outcome),
            )
          : [],
      modelRates: predictedVsObserved(
        scored.map((f) => f.model),
        scored.map((f) => f.outcome),
      ),
      marketRates:
        paired.length > 0
          ? predictedVsObserved(
              paired.map((f) => f.market),
              paired.map((f) => f.outcome),
            )
          : [],
    },
  };
}

type ScoredFixture = FixtureResult & { model: Probabilities1x2 };
type PairedFixture = ScoredFixture & { market: Probabilities1x2 };

function isScored(f: FixtureResult): f is ScoredFixture {
  return f.model !== null;
}

function hasMarket(f: ScoredFixture): f is PairedFixture {
  return f.market !== null;
}

const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

function group(key: string, members: FixtureResult[]): BacktestGroup {
  const scored = members.filter(isScored);
  const paired = scored.filter(hasMarket);
  const base = {
    key,
    fixtures: members.length,
    scored: scored.length,
    skipped: members.length - scored.length,
    withOdds: paired.length,
  };
  if (scored.length === 0) return { ...base, scores: null };
  const outcomes = scored.map((f) => f.outcome);
  const model = summarizeForecasts(
    scored.map((f) => f.model),
    outcomes,
  );
  const gap = (score: (forecast: Probabilities1x2, outcome: number) => number): MeanWithError | null =>
    paired.length === 0
      ? null
      : meanDifference(
          paired.map((f) => score(f.model, f.outcome)),
          paired.map((f) => score(f.market, f.outcome)),
        );
  return {
    ...base,
    scores: {
      model,
      market:
        paired.length === 0
          ? null
          : summarizeForecasts(
              paired.map((f) => f.market),
              paired.map((f) => f.outcome),
            ),
      rpsGap: gap(rankedProbabilityScore),
      logLossGap: gap(logLoss),
      draws: {
        model: mean(scored.map((f) => f.model[1])),
        market: paired.length === 0 ? null : mean(paired.map((f) => f.market[1])),
        observed: mean(outcomes.map((o) => (o === 1 ? 1 : 0))),
      },
      goals: goalMarkets(scored),
    },
  };
}

/** Smallest probability a log loss takes (a score outside the grid would otherwise cost infinitely). */
const FLOOR = 1e-12;

function goalMarkets(scored: ScoredFixture[]): GoalMarketScores | null {
  const withGrid = scored.filter((f) => f.grid !== null);
  if (withGrid.length === 0) return null;
  const over = withGrid.map((f) => overProbability(f.grid!));
  const wentOver = withGrid.map((f) => f.match.homeGoals + f.match.awayGoals > 2.5);
  const binaryLoss = (p: number, yes: boolean) => -Math.log(Math.max(FLOOR, yes ? p : 1 - p));
  const modelLoss = over.map((p, i) => binaryLoss(p, wentOver[i]));
  const market = withGrid.flatMap((f, i) => (f.marketTotals ? [i] : []));
  const marketLoss = market.map((i) => binaryLoss(withGrid[i].marketTotals![0], wentOver[i]));
  return {
    overUnder: meanWithError(modelLoss),
    overUnderMarket:
      market.length === 0
        ? null
        : {
            fixtures: market.length,
            model: meanWithError(market.map((i) => modelLoss[i])),
            market: meanWithError(marketLoss),
            gap: meanDifference(
              market.map((i) => modelLoss[i]),
              marketLoss,
            ),
          },
    correctScore: meanWithError(
      withGrid.map((f) => {
        const grid = f.grid!;
        const { homeGoals, awayGoals } = f.match;
        const inside = homeGoals <= grid.maxGoals && awayGoals <= grid.maxGoals;
        const p = inside ? grid.p[homeGoals * (grid.maxGoals + 1) + awayGoals] : 0;
        return -Math.log(Math.max(FLOOR, p));
      }),
    ),
    over: { model: mean(over), observed: mean(wentOver.map((w) => (w ? 1 : 0))) },
  };
}

/** P(total goals > 2.5) of a grid, conditioned on the grid. */
function overProbability(grid: ScoreGrid): number {
  const size = grid.maxGoals + 1;
  let under = 0;
  let mass = 0;
  for (let h = 0; h < size; h++) {
    for (let a = 0; a < size; a++) {
      const p = grid.p[h * size + a];
      mass += p;
      if (h + a <= 2) under += p;
    }
  }
  return 1 - under / mass;
}

function countBy(values: string[]): { reason: string; count: number }[] {
  return [...groupIndices(values)]
    .map(([reason, indices]) => ({ reason, count: indices.length }))
    .sort((a, b) => b.count - a.count);
}
