import { MatchdayError } from '../errors.js';

/**
 * Scoring rules for probability forecasts of one categorical outcome. A forecast is a probability per
 * outcome, in a fixed order (for 1X2: home, draw, away — the order the ranked probability score needs);
 * the outcome is the index of what happened. Lower is better for every score here.
 */

/** Largest |Σp − 1| a forecast may have before it is rejected as not a probability distribution. */
const SUM_TOLERANCE = 1e-6;

/** Ranked probability score: mean squared gap between forecast and observed cumulative distributions over the n − 1 thresholds. */
export function rankedProbabilityScore(forecast: ArrayLike<number>, outcome: number): number {
  checkForecast(forecast, outcome);
  let cumulative = 0;
  let sum = 0;
  for (let k = 0; k < forecast.length - 1; k++) {
    cumulative += forecast[k];
    const observed = outcome <= k ? 1 : 0;
    sum += (cumulative - observed) ** 2;
  }
  return sum / (forecast.length - 1);
}

/** Natural-log loss −ln p(outcome); Infinity when the outcome was given probability 0. */
export function logLoss(forecast: ArrayLike<number>, outcome: number): number {
  checkForecast(forecast, outcome);
  return -Math.log(forecast[outcome]);
}

/** Multi-class Brier score Σ (p_k − o_k)², between 0 and 2. */
export function brierScore(forecast: ArrayLike<number>, outcome: number): number {
  checkForecast(forecast, outcome);
  let sum = 0;
  for (let k = 0; k < forecast.length; k++) sum += (forecast[k] - (k === outcome ? 1 : 0)) ** 2;
  return sum;
}

/** Ignorance score −log2 p(outcome), in bits. */
export function ignorance(forecast: ArrayLike<number>, outcome: number): number {
  checkForecast(forecast, outcome);
  return -Math.log2(forecast[outcome]);
}

export interface ForecastScores {
  readonly rps: number;
  readonly logLoss: number;
  readonly brier: number;
  readonly ignorance: number;
}

export function scoreForecast(forecast: ArrayLike<number>, outcome: number): ForecastScores {
  return {
    rps: rankedProbabilityScore(forecast, outcome),
    logLoss: logLoss(forecast, outcome),
    brier: brierScore(forecast, outcome),
    ignorance: ignorance(forecast, outcome),
  };
}

/** A mean with its standard error (sample standard deviation / √n); the error is null below two values. */
export interface MeanWithError {
  readonly n: number;
  readonly mean: number;
  readonly standardError: number | null;
}

export function meanWithError(values: ArrayLike<number>): MeanWithError {
  const n = values.length;
  if (n === 0) throw new MatchdayError('INVALID_ARGUMENT', 'cannot average an empty set of scores');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new MatchdayError('INVALID_ARGUMENT', `score ${i} is NaN`);
    sum += values[i];
  }
  const mean = sum / n;
  if (!Number.isFinite(mean)) return { n, mean, standardError: n < 2 ? null : Infinity };
  if (n < 2) return { n, mean, standardError: null };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { n, mean, standardError: Math.sqrt(squares / (n - 1) / n) };
}

/**
 * Mean of the paired differences a_i − b_i with its standard error: the right error for "model minus market"
 * on the same matches, much smaller than combining two separate errors since the scores are correlated.
 */
export function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): MeanWithError {
  if (a.length !== b.length)
    throw new MatchdayError('INVALID_ARGUMENT', `paired scores differ in length: ${a.length} vs ${b.length}`);
  return meanWithError(Array.from({ length: a.length }, (_, i) => a[i] - b[i]));
}

export interface ScoreSummary {
  readonly n: number;
  readonly rps: MeanWithError;
  readonly logLoss: MeanWithError;
  readonly brier: MeanWithError;
  readonly ignorance: MeanWithError;
}

/** Every score averaged over a set of forecasts and the outcomes that followed. */
export function summarizeForecasts(forecasts: readonly ArrayLike<number>[], outcomes: ArrayLike<number>): ScoreSummary {
  if (forecasts.length !== outcomes.length) {
    throw new MatchdayError('INVALID_ARGUMENT', `${forecasts.length} forecasts but ${outcomes.length} outcomes`);
  }
  const scores = forecasts.map((f, i) => scoreForecast(f, outcomes[i]));
  return {
    n: scores.length,
    rps: meanWithError(scores.map((s) => s.rps)),
    logLoss: meanWithError(scores.map((s) => s.logLoss)),
    brier: meanWithError(scores.map((s) => s.brier)),
    ignorance: meanWithError(scores.map((s) => s.ignorance)),
  };
}

/** Indices of the items under each key, keys in order of first appearance (e.g. league, season, `E0 2023-24`). */
export function groupIndices<K>(keys: readonly K[]): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  keys.forEach((key, i) => {
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

/** `summarizeForecasts` per group of `keys[i]`. */
export function summarizeByGroup<K>(
  forecasts: readonly ArrayLike<number>[],
  outcomes: ArrayLike<number>,
  keys: readonly K[],
): Map<K, ScoreSummary> {
  if (keys.length !== forecasts.length)
    throw new MatchdayError('INVALID_ARGUMENT', `${keys.length} group keys for ${forecasts.length} forecasts`);
  const summaries = new Map<K, ScoreSummary>();
  for (const [key, indices] of groupIndices(keys)) {
    summaries.set(
      key,
      summarizeForecasts(
        indices.map((i) => forecasts[i]),
        indices.map((i) => outcomes[i]),
      ),
    );
  }
  return summaries;
}

/** 1X2 outcome index (0 home win, 1 draw, 2 away win) of a final score. */
export function outcomeOfScore(homeGoals: number, awayGoals: number): 0 | 1 | 2 {
  return homeGoals > awayGoals ? 0 : homeGoals === awayGoals ? 1 : 2;
}

function checkForecast(forecast: ArrayLike<number>, outcome: number): void {
  const n = forecast.length;
  if (n < 2) throw new MatchdayError('INVALID_FORECAST', `a forecast needs at least two outcomes, got ${n}`);
  if (!Number.isInteger(outcome) || outcome < 0 || outcome >= n) {
    throw new MatchdayError('INVALID_FORECAST', `outcome index ${outcome} outside 0..${n - 1}`, { field: 'outcome' });
  }
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const p = forecast[k];
    if (!(p >= 0 && p <= 1))
      throw new MatchdayError('INVALID_FORECAST', `probability ${k} is ${p}, not in [0, 1]`, { field: 'forecast' });
    sum += p;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE)
    throw new MatchdayError('INVALID_FORECAST', `probabilities sum to ${sum}, not 1`, { field: 'forecast' });
}
