import { MatchdayError } from '../errors.js';
import { checkBracketPlan, pairProbability, type BracketPlan, type BracketSide } from './bracket-plan.js';

/** Each team's chance of playing in each round and of winning the last one. */
export interface BracketProbabilities {
  /** reach[r][team]: P(team plays in round r). Round 0 holds 1 for every team in it. */
  reach: Float64Array[];
  /** P(team wins the final). */
  champion: Float64Array;
}

export interface ExactBracket extends BracketProbabilities {
  /** tieWinner[r][k][team]: P(team wins tie k of round r). */
  tieWinner: Float64Array[][];
}

/**
 * Exact probabilities for a bracket whose every pairing is fixed. The two sides of a tie come from disjoint parts of
 * the bracket, so their winners are independent: P(t wins) = P(t reaches the tie) · Σ_u P(u is the opponent) · P(t beats u).
 */
export function exactBracket(plan: BracketPlan): ExactBracket {
  const drawn = plan.rounds.find((round) => round.pairing !== 'fixed');
  if (drawn) {
    throw new MatchdayError('BRACKET_NOT_FIXED', `${drawn.name} is still to be drawn: simulate instead`, {
      field: drawn.name,
    });
  }
  const { reach, tieWinner } = fixedRoundWinners(plan);
  return { reach, champion: tieWinner.at(-1)![0], tieWinner };
}

/**
 * The exact winner distribution of every tie in the plan's leading fixed rounds (up to the first round still to be
 * drawn), and each team's chance of playing in those rounds.
 */
export function fixedRoundWinners(plan: BracketPlan): { reach: Float64Array[]; tieWinner: Float64Array[][] } {
  checkBracketPlan(plan);
  const n = plan.teamCount;
  const reach: Float64Array[] = [];
  const tieWinner: Float64Array[][] = [];
  for (const round of plan.rounds) {
    if (round.pairing !== 'fixed') break;
    const previous = tieWinner.at(-1) ?? [];
    const sideDistribution = (side: BracketSide): Float64Array => {
      if ('winnerOf' in side) return previous[side.winnerOf];
      const point = new Float64Array(n);
      point[side.team] = 1;
      return point;
    };
    const inRound = new Float64Array(n);
    const winners = round.ties.map((tie) => {
      const [d0, d1] = tie.sides.map(sideDistribution);
      const winner = new Float64Array(n);
      for (let t = 0; t < n; t++) {
        inRound[t] += d0[t] + d1[t];
        if (d0[t] === 0) continue;
        for (let u = 0; u < n; u++) {
          if (d1[u] === 0) continue;
          const p = tie.sideZeroThrough ?? pairProbability(plan.odds, round.format, t, u, tie.firstLegHost);
          winner[t] += d0[t] * d1[u] * p;
          winner[u] += d0[t] * d1[u] * (1 - p);
        }
      }
      return winner;
    });
    reach.push(inRound);
    tieWinner.push(winners);
  }
  return { reach, tieWinner };
}
