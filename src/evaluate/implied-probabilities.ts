import { MatchdayError } from '../errors.js';

/**
 * Probabilities implied by a bookmaker's decimal odds for an n-way market (1X2, two-way, ...), with the
 * overround removed. The inverse odds π_i sum to the booksum B > 1; each method below is one model of how
 * the bookmaker spread that margin:
 * - multiplicative: p_i = π_i / B (the basic normalisation);
 * - additive: p_i = π_i − (B − 1)/n, the same margin on every outcome;
 * - power: p_i = π_i^k with k solved so Σp = 1;
 * - odds-ratio (Cheung): odds(π_i) = c · odds(p_i), c solved so Σp = 1;
 * - Shin: a share z of insider money; p_i = (√(z² + 4(1 − z)π_i²/B) − z) / (2(1 − z)), z solved so Σp = 1.
 * Every solved parameter is found by bisection to machine precision, so Σp = 1 within ~1e-15.
 */
export type MarginMethod = 'multiplicative' | 'additive' | 'power' | 'odds-ratio' | 'shin';

export const MARGIN_METHODS: readonly MarginMethod[] = ['multiplicative', 'additive', 'power', 'odds-ratio', 'shin'];

interface Implied {
  readonly probabilities: number[];
  /** Σ 1/odds: 1 + the bookmaker's overround. */
  readonly booksum: number;
}

export type ImpliedProbabilities =
  | (Implied & { readonly method: 'multiplicative' })
  | (Implied & { readonly method: 'additive'; readonly marginPerOutcome: number })
  | (Implied & { readonly method: 'power'; readonly exponent: number })
  | (Implied & { readonly method: 'odds-ratio'; readonly oddsRatio: number })
  | (Implied & { readonly method: 'shin'; readonly z: number });

export function impliedProbabilities(
  decimalOdds: readonly number[],
  method: MarginMethod = 'multiplicative',
): ImpliedProbabilities {
  switch (method) {
    case 'multiplicative':
      return { method, ...multiplicativeProbabilities(decimalOdds) };
    case 'additive':
      return { method, ...additiveProbabilities(decimalOdds) };
    case 'power':
      return { method, ...powerProbabilities(decimalOdds) };
    case 'odds-ratio':
      return { method, ...oddsRatioProbabilities(decimalOdds) };
    case 'shin':
      return { method, ...shinProbabilities(decimalOdds) };
    default:
      throw new MatchdayError('INVALID_ARGUMENT', `unknown overround method '${String(method)}'`, { field: 'method' });
  }
}

/** Σ 1/odds after checking the odds. */
export function booksum(decimalOdds: readonly number[]): number {
  return inverseOdds(decimalOdds).reduce((s, v) => s + v, 0);
}

export function multiplicativeProbabilities(decimalOdds: readonly number[]): Implied {
  const pi = inverseOdds(decimalOdds);
  const b = sum(pi);
  return { probabilities: pi.map((v) => v / b), booksum: b };
}

/** Fails when the margin per outcome exceeds an outcome's inverse odds (a long shot in a heavily margined book). */
export function additiveProbabilities(decimalOdds: readonly number[]): Implied & { marginPerOutcome: number } {
  const pi = inverseOdds(decimalOdds);
  const b = sum(pi);
  const marginPerOutcome = (b - 1) / pi.length;
  const probabilities = pi.map((v) => v - marginPerOutcome);
  const worst = Math.min(...probabilities);
  if (!(worst > 0)) {
    throw new MatchdayError(
      'IMPLIED_PROBABILITY_FAILED',
      `additive method gives probability ${worst.toFixed(6)} for odds ${decimalOdds.join('/')}: the margin per outcome exceeds a long shot's inverse odds`,
      { field: 'odds' },
    );
  }
  return { probabilities, booksum: b, marginPerOutcome };
}

export function powerProbabilities(decimalOdds: readonly number[]): Implied & { exponent: number } {
  const pi = inverseOdds(decimalOdds);
  const b = sum(pi);
  // Σ π_i^k falls from n (k = 0) towards 0 as k grows; the root is above 1 for an overround, below for an underround.
  const exponent = solveDecreasing((k) => sumOf(pi, (v) => v ** k) - 1, 0, 1);
  return { probabilities: pi.map((v) => v ** exponent), booksum: b, exponent };
}

export function oddsRatioProbabilities(decimalOdds: readonly number[]): Implied & { oddsRatio: number } {
  const pi = inverseOdds(decimalOdds);
  const b = sum(pi);
  const probability = (v: number, c: number): number => v / (c * (1 - v) + v);
  // At c = 1 the sum is B; it falls towards 0 as c grows and rises towards n as c → 0.
  const oddsRatio = solveDecreasing((c) => sumOf(pi, (v) => probability(v, c)) - 1, 0, 1);
  return { probabilities: pi.map((v) => probability(v, oddsRatio)), booksum: b, oddsRatio };
}

/** Shin's method; z is the estimated share of insider trading. Needs an overround (B ≥ 1): z < 0 has no meaning. */
export function shinProbabilities(decimalOdds: readonly number[]): Implied & { z: number } {
  const pi = inverseOdds(decimalOdds);
  const b = sum(pi);
  if (b < 1) {
    throw new MatchdayError(
      'IMPLIED_PROBABILITY_FAILED',
      `Shin's method needs a booksum ≥ 1, got ${b.toFixed(6)} (an underround book)`,
      { field: 'odds' },
    );
  }
  const probability = (v: number, z: number): number =>
    (Math.sqrt(z * z + (4 * (1 - z) * v * v) / b) - z) / (2 * (1 - z));
  // Σp − 1 at z, summed as sumOf does but without a function per bisection step (a backtest removes ten thousand
  // books' margins).
  const excess = (zz: number): number => {
    let s = 0;
    for (const v of pi) s += probability(v, zz);
    return s - 1;
  };
  // At z = 0 the sum is √B ≥ 1; as z → 1 it tends to Σπ²/B < 1, so a root lies in [0, 1).
  const z = b === 1 ? 0 : solveDecreasing(excess, 0, 1 - 1e-9);
  return { probabilities: pi.map((v) => probability(v, z)), booksum: b, z };
}

function inverseOdds(decimalOdds: readonly number[]): number[] {
  if (decimalOdds.length < 2)
    throw new MatchdayError('INVALID_ODDS', `a market needs at least two outcomes, got ${decimalOdds.length}`, {
      field: 'odds',
    });
  return decimalOdds.map((o, i) => {
    if (!(o > 1) || !Number.isFinite(o)) {
      throw new MatchdayError(
        'INVALID_ODDS',
        `decimal odds must be finite and greater than 1, got ${o} for outcome ${i}`,
        { field: 'odds' },
      );
    }
    return 1 / o;
  });
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Σ f(v) in order, as sum(values.map(f)) without an array per call (the solvers call it a hundred times a book). */
function sumOf(values: readonly number[], f: (v: number) => number): number {
  let s = 0;
  for (const v of values) s += f(v);
  return s;
}

/**
 * Root of a decreasing function by bisection, to the last representable digit. The bracket starts at
 * [lo, hi] and its upper end is doubled while f(hi) > 0.
 */
function solveDecreasing(f: (t: number) => number, lo: number, hi: number): number {
  let upper = hi;
  for (let i = 0; f(upper) > 0; i++) {
    if (i > 60) throw new MatchdayError('IMPLIED_PROBABILITY_FAILED', 'no root found for the margin parameter');
    lo = upper;
    upper *= 2;
  }
  let lower = lo;
  for (;;) {
    const mid = (lower + upper) / 2;
    if (mid <= lower || mid >= upper) break;
    if (f(mid) > 0) lower = mid;
    else upper = mid;
  }
  // Of the two neighbours, return the one where the sum is closer to 1.
  return Math.abs(f(lower)) <= Math.abs(f(upper)) ? lower : upper;
}
