import { MatchdayError } from '../errors.js';

/**
 * Notability is one scale for every fact: about log10 of how rare the thing is. A run that a team has had going at
 * 1 in 100 of its matches scores 2; a form line as likely as a coin toss scores ~0.3. Facts that are context rather
 * than surprises (the head-to-head record, a team's form line) get a fixed base on the same scale, so a preview
 * always has them to hand but a real oddity outranks them.
 */

/** Base for facts a preview nearly always wants: current form, the head-to-head record. */
export const CONTEXT_BASE = 0.8;

/** log10(total / count): the rarity of something seen `count` times in `total` chances (count ≥ 1). */
export function rarity(count: number, total: number): number {
  if (count < 1 || total < count) {
    throw new MatchdayError('INSIGHTS_NOTABILITY', `rarity needs 1 ≤ count ≤ total, got ${count} of ${total}`);
  }
  return Math.log10(total / count);
}

/** P(X ≤ k) and P(X ≥ k) for X ~ Binomial(n, p), 0 < p < 1, summed in log space so long histories do not underflow. */
export function binomialTails(n: number, k: number, p: number): { lower: number; upper: number } {
  if (!(p > 0 && p < 1) || k < 0 || k > n) {
    throw new MatchdayError(
      'INSIGHTS_NOTABILITY',
      `binomial tail needs 0 < p < 1 and 0 ≤ k ≤ n, got p=${p} k=${k} n=${n}`,
    );
  }
  let logPmf = n * Math.log(1 - p);
  const oddsLog = Math.log(p / (1 - p));
  let lower = 0;
  let upper = 0;
  for (let i = 0; i <= n; i++) {
    const pmf = Math.exp(logPmf);
    if (i <= k) lower += pmf;
    if (i >= k) upper += pmf;
    logPmf += Math.log((n - i) / (i + 1)) + oddsLog;
  }
  return { lower: Math.min(1, lower), upper: Math.min(1, upper) };
}

/** −log10 of the smaller binomial tail: how far k successes in n are from what rate p leads one to expect. */
export function binomialSurprise(n: number, k: number, p: number): number {
  const { lower, upper } = binomialTails(n, k, p);
  return -Math.log10(Math.min(lower, upper));
}

/** Rates from counts with one imagined success and one failure, so 0 of 3 is not read as "never". */
export function smoothedRate(successes: number, trials: number): number {
  return (successes + 1) / (trials + 2);
}

/** Guards the ranking: a NaN or infinite score is a bug, never something to sort. */
export function checkedNotability(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new MatchdayError('INSIGHTS_NOTABILITY', `notability of ${what} is ${value}`);
  return value;
}
