import type { TieRules } from '../competitions/competition.js';
import { MatchdayError } from '../errors.js';
import { tieModelFromGrids, type TieModel } from './bracket-odds.js';
import type { BracketState } from './bracket-state.js';
import type { LegGridSource } from './leg-grids.js';
import type { TiePricer } from './tie-pricer.js';
import type { TieTeam } from './tie-reconstruction.js';

/**
 * Where the registry has no tie rules for a competition's season: a level tie goes to extra time and penalties,
 * with no away goals (today's rule in most two-legged cup ties). The bracket says it assumed them.
 */
export const RULES_WHEN_UNKNOWN: TieRules = {
  awayGoals: false,
  awayGoalsInExtraTime: false,
  extraTime: true,
  decider: 'penalties',
};

export interface BracketModelDescription extends LegGridSource {
  extraTimeScale: number;
  penaltyHomeWin: number;
  rules: TieRules;
  /** The registry has no tie rules for the season: RULES_WHEN_UNKNOWN were used. */
  rulesAssumed: boolean;
  /** Whether legs are priced with the fitted tie calibration (as `matchday tie` prices them). */
  calibrated: boolean;
}

/**
 * How every tie of a bracket is priced as of its date, as `matchday tie` prices one tie: the pricer's legs, extra
 * time, calibration and the season's rules. A decided competition gets a model that prices nothing.
 */
export function bracketTieModel(
  pricer: TiePricer,
  state: BracketState,
): { model: TieModel; description: BracketModelDescription | null } {
  if (state.currentRound === null) return { model: DECIDED, description: null };
  const before = state.asOf;
  const grids = pricer.legGridsBefore(before);
  const names = new Map(teamsInPlay(state).map((t) => [t.id, t]));
  const constants = pricer.constantsBefore(before);
  const used = state.rules ?? RULES_WHEN_UNKNOWN;
  return {
    model: tieModelFromGrids({
      grids,
      team: (id) => names.get(id) ?? { id, name: `team ${id}` },
      rules: used,
      constants,
    }),
    description: {
      ...grids.source,
      extraTimeScale: constants.extraTimeScale,
      penaltyHomeWin: constants.penaltyHomeWin,
      rules: used,
      rulesAssumed: state.rules === null,
      calibrated: constants.legs !== null || constants.gameState !== null,
    },
  };
}

/** Every team that can still play: the current round's and any known later entrant. */
function teamsInPlay(state: BracketState): TieTeam[] {
  const teams = new Map<number, TieTeam>();
  for (const round of state.rounds.slice(state.currentRound ?? state.rounds.length)) {
    for (const team of round.entrants) teams.set(team.id, team);
    for (const tie of round.ties) for (const side of tie.sides) if ('team' in side) teams.set(side.team.id, side.team);
  }
  return [...teams.values()];
}

const DECIDED: TieModel = {
  secondLeg: () => decided(),
  fromScratch: () => decided(),
  neutralFinal: () => decided(),
};

function decided(): never {
  throw new MatchdayError('NO_MODEL', 'the competition is decided: no tie to forecast');
}
