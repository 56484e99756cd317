import { MatchdayError } from '../errors.js';

/**
 * How a bet on a line settles, as probabilities of each settlement, plus its fair decimal price.
 * Quarter lines (x.25, x.75) split the stake into two halves on the neighbouring whole and half lines,
 * which gives the half-win and half-loss outcomes.
 */
export interface SettledBet {
  win: number;
  halfWin: number;
  push: number;
  halfLoss: number;
  loss: number;
  /** Decimal odds with zero expected profit; Infinity when the bet cannot win. */
  fairOdds: number;
}

/**
 * Probabilities of an integer-valued quantity v (total goals, goal difference, one side's goals):
 * `p[i]` is P(v = offset + i).
 */
export interface IntegerDistribution {
  readonly offset: number;
  readonly p: readonly number[];
}

/** Throws unless `line` is a finite multiple of 0.25. */
export function checkQuarterLine(line: number, field: string): void {
  if (!(Number.isFinite(line) && Number.isInteger(line * 4))) {
    throw new MatchdayError('INVALID_LINE', `line must be a multiple of 0.25, got ${line}`, { field });
  }
}

/**
 * Settles a bet that, for each value v, is decided by the sign of v + handicap (each half stake separately on a
 * quarter handicap): over on a total line L is v − L, i.e. handicap −L; a home Asian handicap h on goal difference is
 * v + h.
 */
export function settleOnDistribution(dist: IntegerDistribution, handicap: number): SettledBet {
  const quarters = handicap * 4;
  // Every settlement rule reduces to comparing v with one integer threshold t; only what happens at v = t differs.
  const kind = ((quarters % 4) + 4) % 4;
  const threshold =
    kind === 0
      ? -handicap // whole line: v = −h is a push
      : kind === 1
        ? 0.25 - handicap // h = k + 0.25: half on k (push at v = −k), half on k + 0.5 (wins there)
        : kind === 2
          ? -handicap - 0.5 // half line: v = −h − 0.5 is the highest losing value
          : -handicap - 0.25; // h = k − 0.25: half on k (push at v = −k), half on k − 0.5 (loses there)

  let below = 0;
  let at = 0;
  let above = 0;
  const { p, offset } = dist;
  for (let i = 0; i < p.length; i++) {
    const v = offset + i;
    if (v < threshold) below += p[i];
    else if (v === threshold) at += p[i];
    else above += p[i];
  }

  const bet: SettledBet = {
    win: above,
    halfWin: kind === 1 ? at : 0,
    push: kind === 0 ? at : 0,
    halfLoss: kind === 3 ? at : 0,
    loss: kind === 2 ? below + at : below,
    fairOdds: 0,
  };
  bet.fairOdds = fairOddsOfSettledBet(bet);
  return bet;
}

/** The other side of the same bet: what one wins the other loses, stake for stake. */
export function counterpartyOf(bet: SettledBet): SettledBet {
  const mirrored: SettledBet = {
    win: bet.loss,
    halfWin: bet.halfLoss,
    push: bet.push,
    halfLoss: bet.halfWin,
    loss: bet.win,
    fairOdds: 0,
  };
  mirrored.fairOdds = fairOddsOfSettledBet(mirrored);
  return mirrored;
}

/**
 * Decimal odds o with zero expected profit per unit stake:
 * (o − 1)·(win + halfWin/2) = loss + halfLoss/2. A push returns the stake and does not enter.
 */
export function fairOddsOfSettledBet(bet: SettledBet): number {
  const winning = bet.win + bet.halfWin / 2;
  if (winning <= 0) return Infinity;
  return 1 + (bet.loss + bet.halfLoss / 2) / winning;
}

/** Fair decimal odds of an event with probability `probability` out of `total` (the grid's mass, or 1). */
export function fairOdds(probability: number, total: number): number {
  return probability > 0 ? total / probability : Infinity;
}
