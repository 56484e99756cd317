/**
 * The odds of every pairing a bracket can produce, from the tie model (tie-model.ts) on the legs' grids
 * (leg-grids.ts): a tie under way, a two-legged tie not yet started, and a one-off final at a neutral venue.
 */
import type { TieRules } from '../competitions/competition.js';
import type { PairOdds } from './bracket-plan.js';
import type { LegGrids } from './leg-grids.js';
import { neutralFinal, SecondLegPricing, tieFromScratch, type TieModelConstants } from './tie-model.js';
import type { TieTeam } from './tie-reconstruction.js';
import type { TieState } from './two-legged-tie.js';

/** What a bracket needs of the tie model. Teams are database ids. */
export interface TieModel {
  /** P(a — the first leg's hosts — goes through) from the tie before the second leg, which b hosts. */
  secondLeg(a: number, b: number, state: TieState): number;
  /** P(first goes through a two-legged tie not yet started, hosting the first leg). */
  fromScratch(first: number, second: number): number;
  /** P(a wins a one-off match against b at a neutral venue: 90 minutes, extra time, penalties). */
  neutralFinal(a: number, b: number): number;
}

/** The tie model on the legs' grids as of one date; each pairing's grids are built once. */
export function tieModelFromGrids(options: {
  grids: LegGrids;
  team: (id: number) => TieTeam;
  rules: TieRules;
  constants: TieModelConstants;
}): TieModel {
  const { grids, team, rules, constants } = options;
  const secondLegs = new Map<string, SecondLegPricing>();
  // B hosts the second leg against A.
  const secondLeg = (a: number, b: number): SecondLegPricing => {
    const key = `${a}:${b}`;
    let pricing = secondLegs.get(key);
    if (!pricing) {
      pricing = new SecondLegPricing(grids.grid({ home: team(b), away: team(a), neutral: false }), rules, constants);
      secondLegs.set(key, pricing);
    }
    return pricing;
  };
  return {
    secondLeg: (a, b, state) => secondLeg(a, b).probabilityA(state),
    fromScratch: (first, second) =>
      tieFromScratch(
        grids.grid({ home: team(first), away: team(second), neutral: false }).grid,
        secondLeg(first, second),
      ),
    neutralFinal: (a, b) => neutralFinal(grids.grid({ home: team(a), away: team(b), neutral: true }), constants),
  };
}

/**
 * The pairing odds a bracket plan needs, for teams by plan index (`teamIds[i]` is team i's database id, or null for
 * a team already out, whose odds are never used and stay 0). Only the formats the bracket uses are computed.
 */
export function pairOdds(
  model: TieModel,
  teamIds: readonly (number | null)[],
  formats: { twoLegged: boolean; singleNeutral: boolean },
): PairOdds {
  const n = teamIds.length;
  const twoLegged = new Float64Array(n * n);
  const singleNeutral = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const first = teamIds[i];
    if (first === null) continue;
    for (let j = 0; j < n; j++) {
      const second = teamIds[j];
      if (i === j || second === null) continue;
      if (formats.twoLegged) twoLegged[i * n + j] = model.fromScratch(first, second);
      // A neutral final is the same match either way round: compute each pair once.
      if (formats.singleNeutral && i < j) {
        const p = model.neutralFinal(first, second);
        singleNeutral[i * n + j] = p;
        singleNeutral[j * n + i] = 1 - p;
      }
    }
  }
  return { teamCount: n, twoLegged, singleNeutral };
}
