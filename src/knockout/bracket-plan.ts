/**
 * The remaining rounds of a knockout competition as plain data: who can meet whom, in what format, with the odds of
 * every pairing. Pure and structured-clonable, so a worker thread can simulate it.
 *
 * Teams are indices 0..teamCount−1. A round's ties are either fixed (the draw is known: each side is a team or the
 * winner of a tie of the round before) or still to be drawn (the previous round's winners, plus any teams entering
 * at this round, are paired at random).
 */
import { MatchdayError } from '../errors.js';

export type TieFormat = 'two-legged' | 'single-neutral';

/** One side of a tie: a known team, or the winner of tie `winnerOf` of the previous round. */
export type BracketSide = { team: number } | { winnerOf: number };

export interface FixedTie {
  sides: [BracketSide, BracketSide];
  /** The side that hosts the first leg; null when not known (each order then counts half). */
  firstLegHost: 0 | 1 | null;
  /**
   * P(side 0 goes through) when it does not come from the pairing odds: 1 or 0 for a decided tie, the tie forecast
   * for one under way. Only for ties whose two sides are known teams.
   */
  sideZeroThrough: number | null;
}

export type BracketRound =
  | { name: string; format: TieFormat; pairing: 'fixed'; ties: FixedTie[] }
  | {
      name: string;
      format: TieFormat;
      pairing: 'draw';
      /**
       * Teams that join at this round (byes). Empty: an open draw among the previous round's winners. Otherwise a
       * seeded draw: each entrant meets one winner and hosts the second leg (UEFA's rule for seeded teams).
       */
      entrants: number[];
    };

/** The odds of every pairing, from a goal model. */
export interface PairOdds {
  teamCount: number;
  /** twoLegged[i * teamCount + j]: P(i goes through | i hosts the first leg against j). */
  twoLegged: Float64Array;
  /** singleNeutral[i * teamCount + j]: P(i wins a one-off match against j at a neutral venue, extra time and penalties included). */
  singleNeutral: Float64Array;
}

export interface BracketPlan {
  teamCount: number;
  rounds: BracketRound[];
  odds: PairOdds;
}

/** P(the team of side 0 beats the team of side 1) in a tie of this format and first-leg host. */
export function pairProbability(
  odds: PairOdds,
  format: TieFormat,
  team0: number,
  team1: number,
  firstLegHost: 0 | 1 | null,
): number {
  const n = odds.teamCount;
  if (format === 'single-neutral') return odds.singleNeutral[team0 * n + team1];
  const hostingFirst = odds.twoLegged[team0 * n + team1];
  const hostingSecond = 1 - odds.twoLegged[team1 * n + team0];
  if (firstLegHost === 0) return hostingFirst;
  if (firstLegHost === 1) return hostingSecond;
  return (hostingFirst + hostingSecond) / 2;
}

/** How many teams play in each round (2 per tie), checked against the plan's structure. */
export function roundSizes(plan: BracketPlan): number[] {
  const sizes: number[] = [];
  let winners = 0;
  plan.rounds.forEach((round, r) => {
    if (round.pairing === 'fixed') {
      sizes.push(2 * round.ties.length);
    } else {
      if (r === 0) fail(`round ${round.name} is a draw, but the first round's ties must be known`, round.name);
      const size = winners + round.entrants.length;
      if (size % 2 !== 0 || (round.entrants.length > 0 && round.entrants.length !== winners)) {
        fail(`${winners} winners and ${round.entrants.length} entrants cannot be drawn into ties`, round.name);
      }
      sizes.push(size);
    }
    winners = sizes[r] / 2;
  });
  return sizes;
}

/**
 * Fails loudly on a plan that is not a bracket: a team twice, a previous winner used twice or not at all, a
 * winner referenced across a draw, odds that are not probabilities.
 */
export function checkBracketPlan(plan: BracketPlan): void {
  const n = plan.teamCount;
  if (plan.rounds.length === 0) fail('a bracket needs at least one round', 'rounds');
  if (plan.odds.teamCount !== n || plan.odds.twoLegged.length !== n * n || plan.odds.singleNeutral.length !== n * n) {
    fail(`pair odds must be ${n} × ${n}`, 'odds');
  }
  for (const table of [plan.odds.twoLegged, plan.odds.singleNeutral]) {
    for (let i = 0; i < table.length; i++) {
      if (!(table[i] >= 0 && table[i] <= 1)) fail(`pair odds cell ${i} is ${table[i]}`, 'odds');
    }
  }
  roundSizes(plan);
  const last = plan.rounds.at(-1)!;
  if (last.pairing === 'fixed' ? last.ties.length !== 1 : roundSizes(plan).at(-1) !== 2) {
    fail('the last round must be a single tie (the final)', last.name);
  }
  const placed = new Set<number>();
  const placeTeam = (team: number, where: string): void => {
    if (!(Number.isInteger(team) && team >= 0 && team < n)) fail(`team index ${team} is out of range`, where);
    if (placed.has(team)) fail(`team ${team} enters the bracket twice`, where);
    placed.add(team);
  };
  plan.rounds.forEach((round, r) => {
    const previous = r > 0 ? plan.rounds[r - 1] : null;
    if (round.pairing === 'draw') {
      for (const team of round.entrants) placeTeam(team, round.name);
      return;
    }
    const usedWinners = new Set<number>();
    for (const tie of round.ties) {
      for (const side of tie.sides) {
        if ('team' in side) {
          placeTeam(side.team, round.name);
          continue;
        }
        if (previous === null || previous.pairing !== 'fixed') {
          fail('a winner can only come from a fixed round just before', round.name);
        }
        if (!(side.winnerOf >= 0 && side.winnerOf < previous.ties.length) || usedWinners.has(side.winnerOf)) {
          fail(`winner of tie ${side.winnerOf} is not a tie of the previous round or is used twice`, round.name);
        }
        usedWinners.add(side.winnerOf);
      }
      if (tie.sideZeroThrough !== null) {
        if (!('team' in tie.sides[0] && 'team' in tie.sides[1])) {
          fail('a tie with given odds needs two known teams', round.name);
        }
        if (!(tie.sideZeroThrough >= 0 && tie.sideZeroThrough <= 1)) {
          fail(`P(through) must lie in [0, 1], got ${tie.sideZeroThrough}`, round.name);
        }
      }
    }
    if (previous !== null && previous.pairing === 'fixed' && usedWinners.size !== previous.ties.length) {
      fail(`${previous.ties.length - usedWinners.size} winners of ${previous.name} go nowhere`, round.name);
    }
    if (previous !== null && previous.pairing === 'draw') {
      fail('a fixed round cannot follow a round still to be drawn', round.name);
    }
  });
}

function fail(message: string, field: string): never {
  throw new MatchdayError('INVALID_BRACKET', message, { field });
}
