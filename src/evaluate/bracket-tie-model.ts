import { MatchdayError } from '../errors.js';
import { tieModelFromRates, type TieModel } from '../forecast/bracket-odds.js';
import type { GameStateModel } from '../forecast/game-state.js';
import type { SavedModel } from '../forecast/match-model.js';
import type { BracketState } from '../history/bracket-state.js';
import { tieRules, UEFA_NO_AWAY_GOALS_ERA, type TieRules, type TieTeam } from '../history/ties.js';
import type { TieForecaster } from './tie-forecaster.js';

export interface BracketModelDescription {
  family: string;
  data: SavedModel['data'];
  extraTimeScale: number;
  penaltyHomeWin: number;
  rules: TieRules;
  /** Whether second legs are played with the calibrated game-state multipliers (as `matchday tie` does). */
  gameState: boolean;
}

/**
 * How every tie of a bracket is priced as of its date, as `matchday tie` prices one tie (evaluate/tie-forecaster):
 * the goal model on the top flights and continental competitions before the date, the extra-time rate fitted on
 * earlier extra times, the season's rules, and the game-state model fitted on earlier second legs.
 * A decided competition gets a model that prices nothing.
 */
export function bracketTieModel(
  forecaster: TieForecaster,
  state: BracketState,
  gameState: GameStateModel | null,
): { model: TieModel; description: BracketModelDescription | null } {
  if (state.currentRound === null) return { model: DECIDED, description: null };
  const before = state.asOf;
  const saved = forecaster.modelBefore(before);
  const names = new Map(teamsInPlay(state).map((t) => [t.id, t]));
  const team = (id: number): TieTeam => names.get(id) ?? { id, name: `team ${id}` };
  const rules = tieRules(state.competition.code, state.season) ?? UEFA_NO_AWAY_GOALS_ERA;
  const extraTimeScale = forecaster.extraTimeScaleBefore(before);
  const penaltyHomeWin = forecaster.options.penaltyHomeWin;
  const model = tieModelFromRates({
    // The tie forecaster's rates are for a second leg: b at home to a.
    rates: (home, away, neutral) => forecaster.secondLegRates(saved, { a: team(away), b: team(home), neutral, before }),
    rules,
    extraTimeScale,
    penaltyHomeWin,
    gameState,
  });
  return {
    model,
    description: {
      family: saved.options.family,
      data: saved.data,
      extraTimeScale,
      penaltyHomeWin,
      rules,
      gameState: gameState !== null,
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
  matchGrid: () => decided(),
  secondLeg: () => decided(),
  neutralFinal: () => decided(),
};

function decided(): never {
  throw new MatchdayError('NO_MODEL', 'the competition is decided: no tie to forecast');
}
