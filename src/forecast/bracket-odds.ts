/**
 * The odds of every pairing a bracket can produce, from score grids: a two-legged tie not yet started (the first
 * leg's grid convolved with the exact second-leg maths for each first-leg score) and a one-off neutral final.
 */
import type { ScoreGrid } from '../models/score-grid.js';
import type { PairOdds } from './bracket-plan.js';
import {
  tieStateAfterFirstLeg,
  twoLeggedTie,
  singleMatchKnockout,
  type AwayGoalsRules,
} from './two-legged-tie.js';

/** Score grids of one fixture: 90 minutes and 30 minutes of extra time, the first team at home (or listed first). */
export interface FixtureGrids {
  ninety: ScoreGrid;
  extraTime: ScoreGrid;
}

/** Grids for `home` v `away` (database ids), at a neutral venue when `neutral`. */
export type GridSource = (home: number, away: number, neutral: boolean) => FixtureGrids;

export interface TieOddsRules {
  rules: AwayGoalsRules;
  /** P(the home side of the deciding leg wins a shoot-out). */
  penaltyHomeWin: number;
}

/**
 * P(`first` goes through against `second`, hosting the first leg), before a ball is kicked. Summing the exact
 * tie forecast over first-leg scores keeps away goals right: each first-leg score leaves its own tie state.
 */
export function twoLeggedTieFromScratch(grids: GridSource, first: number, second: number, tie: TieOddsRules): number {
  const firstLeg = grids(first, second, false).ninety;
  const secondLeg = grids(second, first, false);
  const size = firstLeg.maxGoals + 1;
  let mass = 0;
  let through = 0;
  for (let home = 0; home < size; home++) {
    for (let away = 0; away < size; away++) {
      const p = firstLeg.p[home * size + away];
      if (p === 0) continue;
      mass += p;
      const forecast = twoLeggedTie({
        state: tieStateAfterFirstLeg(home, away),
        secondLeg: secondLeg.ninety,
        extraTime: secondLeg.extraTime,
        rules: tie.rules,
        penaltyHomeWin: tie.penaltyHomeWin,
        topScores: 0,
      });
      through += p * forecast.a.total;
    }
  }
  return through / mass;
}

/** P(`a` wins a one-off match against `b` at a neutral venue, extra time and penalties included). */
export function neutralFinal(grids: GridSource, a: number, b: number, penaltyHomeWin = 0.5): number {
  const { ninety, extraTime } = grids(a, b, true);
  return singleMatchKnockout({ match: ninety, extraTime, penaltyHomeWin, topScores: 0 }).home.total;
}

/**
 * The pairing odds a bracket plan needs, for teams by plan index (`teamIds[i]` is team i's database id). Only the
 * formats the bracket uses are computed; the others stay 0.
 */
export function pairOdds(
  grids: GridSource,
  teamIds: readonly number[],
  formats: { twoLegged: boolean; singleNeutral: boolean },
  tie: TieOddsRules,
): PairOdds {
  const n = teamIds.length;
  const twoLegged = new Float64Array(n * n);
  const singleNeutral = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      if (formats.twoLegged) twoLegged[i * n + j] = twoLeggedTieFromScratch(grids, teamIds[i], teamIds[j], tie);
      // A neutral final is the same match either way round: compute each pair once.
      if (formats.singleNeutral && i < j) {
        const p = neutralFinal(grids, teamIds[i], teamIds[j], 0.5);
        singleNeutral[i * n + j] = p;
        singleNeutral[j * n + i] = 1 - p;
      }
    }
  }
  return { teamCount: n, twoLegged, singleNeutral };
}
