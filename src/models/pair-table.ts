import type { FitData } from './fit-data.js';

/**
 * Matches aggregated by fixture (home, away, neutral) with their time-decay weights folded in. Every goal
 * model's rates depend only on the fixture, so the likelihoods loop over fixtures (one exp per side) instead
 * of matches; the scores of each fixture are kept, merged by scoreline, for the terms that need them.
 */
export interface PairTable {
  readonly teamCount: number;
  readonly pairCount: number;
  readonly home: Int32Array;
  readonly away: Int32Array;
  readonly neutral: Uint8Array;
  /** Σ weight of the fixture's matches. */
  readonly weight: Float64Array;
  /** Σ weight·home goals. */
  readonly homeGoals: Float64Array;
  /** Σ weight·away goals. */
  readonly awayGoals: Float64Array;
  /** Scorelines of pair p are entries scoreStart[p] .. scoreStart[p+1]−1. */
  readonly scoreStart: Int32Array;
  readonly scoreHome: Int32Array;
  readonly scoreAway: Int32Array;
  readonly scoreWeight: Float64Array;
  /** Weight of each match (exp(−ξ·ageDays)), by match index. */
  readonly matchWeight: Float64Array;
  /** Σ weight over all matches. */
  readonly totalWeight: number;
  /** Σ weight·(ln homeGoals! + ln awayGoals!): the constant that turns a kernel into the full log-likelihood. */
  readonly logFactorialTotal: number;
}

export function buildPairTable(data: FitData, xi: number): PairTable {
  const matchCount = data.homeTeam.length;
  const matchWeight = timeDecayWeights(data.ageDays, xi, matchCount);

  // Fixture of each match; the key is unique for (home, away, neutral).
  const pairOfMatch = new Int32Array(matchCount);
  // Pair of each key: a table indexed by the key for a league-sized fit (a backtest builds thousands), else a map.
  const keyCount = 2 * data.teamCount * data.teamCount;
  const pairTable = keyCount <= MAX_KEY_TABLE ? keyTable(keyCount) : null;
  const pairMap = pairTable ? null : new Map<number, number>();
  const home = new Int32Array(matchCount);
  const away = new Int32Array(matchCount);
  const neutral = new Uint8Array(matchCount);
  let pairCount = 0;
  for (let i = 0; i < matchCount; i++) {
    const key = (data.homeTeam[i] * data.teamCount + data.awayTeam[i]) * 2 + data.neutral[i];
    let p = pairTable ? pairTable[key] : (pairMap!.get(key) ?? -1);
    if (p < 0) {
      p = pairCount++;
      if (pairTable) pairTable[key] = p;
      else pairMap!.set(key, p);
      home[p] = data.homeTeam[i];
      away[p] = data.awayTeam[i];
      neutral[p] = data.neutral[i];
    }
    pairOfMatch[i] = p;
  }
  // The shared key table goes back to all −1 for the next fit.
  if (pairTable)
    for (let p = 0; p < pairCount; p++) pairTable[(home[p] * data.teamCount + away[p]) * 2 + neutral[p]] = -1;

  // Matches of each pair, contiguous (counting sort by pair).
  const matchStart = new Int32Array(pairCount + 1);
  for (let i = 0; i < matchCount; i++) matchStart[pairOfMatch[i] + 1]++;
  for (let p = 0; p < pairCount; p++) matchStart[p + 1] += matchStart[p];
  const cursor = matchStart.slice(0, pairCount);
  const matchOrder = new Int32Array(matchCount);
  for (let i = 0; i < matchCount; i++) matchOrder[cursor[pairOfMatch[i]]++] = i;

  const weight = new Float64Array(pairCount);
  const homeGoals = new Float64Array(pairCount);
  const awayGoals = new Float64Array(pairCount);
  const scoreStart = new Int32Array(pairCount + 1);
  const scoreHome = new Int32Array(matchCount);
  const scoreAway = new Int32Array(matchCount);
  const scoreWeight = new Float64Array(matchCount);
  let entries = 0;
  let totalWeight = 0;
  let logFactorialTotal = 0;
  for (let p = 0; p < pairCount; p++) {
    scoreStart[p] = entries;
    for (let k = matchStart[p]; k < matchStart[p + 1]; k++) {
      const i = matchOrder[k];
      const w = matchWeight[i];
      const x = data.homeGoals[i];
      const y = data.awayGoals[i];
      weight[p] += w;
      homeGoals[p] += w * x;
      awayGoals[p] += w * y;
      totalWeight += w;
      logFactorialTotal += w * (logFactorial(x) + logFactorial(y));
      // A fixture has a handful of matches: a linear scan merges repeated scorelines.
      let e = scoreStart[p];
      while (e < entries && (scoreHome[e] !== x || scoreAway[e] !== y)) e++;
      if (e === entries) {
        scoreHome[e] = x;
        scoreAway[e] = y;
        entries++;
      }
      scoreWeight[e] += w;
    }
  }
  scoreStart[pairCount] = entries;

  return {
    teamCount: data.teamCount,
    pairCount,
    home: home.subarray(0, pairCount),
    away: away.subarray(0, pairCount),
    neutral: neutral.subarray(0, pairCount),
    weight,
    homeGoals,
    awayGoals,
    scoreStart,
    scoreHome: scoreHome.subarray(0, entries),
    scoreAway: scoreAway.subarray(0, entries),
    scoreWeight: scoreWeight.subarray(0, entries),
    matchWeight,
    totalWeight,
    logFactorialTotal,
  };
}

/**
 * exp(−ξ·age) of each match (all 1 without ages or decay). Matches come in runs of one match day with equal ages,
 * so the exponential is taken once per run: the same number, and a fit's data has ten matches or so a day.
 */
export function timeDecayWeights(ageDays: ArrayLike<number> | undefined, xi: number, count: number): Float64Array {
  const weights = new Float64Array(count);
  if (xi === 0 || !ageDays) return weights.fill(1);
  for (let i = 0; i < count; i++) {
    weights[i] = i > 0 && ageDays[i] === ageDays[i - 1] ? weights[i - 1] : Math.exp(-xi * ageDays[i]);
  }
  return weights;
}

/** Largest key table built (2 MB: fits of up to 512 teams); larger fits look pairs up in a map. */
const MAX_KEY_TABLE = 2 * 512 * 512;

/** The key table, all −1, shared by every build in this thread (each puts back what it wrote): one allocation, not one a fit. */
let sharedKeyTable = new Int32Array(0);

function keyTable(keyCount: number): Int32Array {
  if (sharedKeyTable.length < keyCount) sharedKeyTable = new Int32Array(keyCount).fill(-1);
  return sharedKeyTable;
}

const logFactorials: number[] = [0];

/** ln k! (exact sum of logs, cached; goal counts are small). */
function logFactorial(k: number): number {
  for (let j = logFactorials.length; j <= k; j++) logFactorials.push(logFactorials[j - 1] + Math.log(j));
  return logFactorials[k];
}
