/**
 * A two-legged tie forecast from a goal model's second-leg rates: the 90-minute grid (naive: Dixon-Coles on the
 * model's expected goals; game state: the in-play chain of forecast/game-state, whose rates follow the running
 * aggregate), extra time as the same rates scaled by a fitted factor (starting level), and the decider the season's
 * rules prescribe. Pure: rates, rules and fitted constants in, exact probabilities out (two-legged-tie convolves).
 */
import { MatchdayError } from '../errors.js';
import type { TieRules } from '../history/ties.js';
import type { ScoreGrid } from '../models/score-grid.js';
import { gameStateGrid, gameStateMultipliers, type GameStateModel } from './game-state.js';
import { dixonColesRhoBounds, poissonScoreGrid } from './poisson-grid.js';
import { twoLeggedTie, type TieForecast, type TieState } from './two-legged-tie.js';

/** 30 minutes at the 90-minute rate per minute: the prior an extra-time fit is shrunk toward. */
export const SAME_RATE_EXTRA_TIME_SCALE = 1 / 3;

export interface ExtraTimeEvidence {
  /** Matches that went to extra time, and the goals scored in it. */
  extraTimeMatches: number;
  extraTimeGoals: number;
  /** 90-minute goals per match in the same competitions over the same years. */
  ninetyMinuteGoalsPerMatch: number;
}

/**
 * Extra-time goals relative to a whole 90-minute match's expected goals: ET goals per ET match over 90-minute goals
 * per match, with a prior worth `priorMatches` extra times at the same per-minute rate (1/3), so the early years with
 * few extra times stay sensible.
 */
export function fitExtraTimeScale(evidence: ExtraTimeEvidence, priorMatches = 20): number {
  const { extraTimeMatches, extraTimeGoals, ninetyMinuteGoalsPerMatch } = evidence;
  if (!(ninetyMinuteGoalsPerMatch > 0) || extraTimeMatches < 0 || extraTimeGoals < 0) {
    throw new MatchdayError('invalid-argument', 'extra-time evidence needs matches, goals and a positive goal rate', {
      field: 'evidence',
    });
  }
  const priorGoals = priorMatches * SAME_RATE_EXTRA_TIME_SCALE * ninetyMinuteGoalsPerMatch;
  return (extraTimeGoals + priorGoals) / ((extraTimeMatches + priorMatches) * ninetyMinuteGoalsPerMatch);
}

export interface TieForecastInput {
  names: { a: string; b: string };
  /** Before the second leg; A hosted the first leg, B hosts the second. */
  state: TieState;
  rules: TieRules;
  /** The goal model's expected 90-minute goals in the second leg: B (home) and A (away). */
  homeExpected: number;
  awayExpected: number;
  /** The model's Dixon-Coles ρ (0 for independent Poisson). */
  rho: number;
  /** Extra-time goals as a share of 90-minute expected goals (see fitExtraTimeScale). */
  extraTimeScale: number;
  /** P(B wins a shoot-out, or a replay / coin toss where those decided). Default 0.5. */
  penaltyHomeWin?: number;
  /** Null: the naive forecast, the model's rates as they are all match long. */
  gameState: GameStateModel | null;
  maxGoals?: number;
  topScores?: number;
}

export interface TieForecastResult extends TieForecast {
  model: 'naive' | 'game-state';
  rules: TieRules;
  /** The goal model's second-leg expected goals (B home, A away), as given. */
  modelExpected: { home: number; away: number };
  /** Second-leg expected goals of the grid used: the model's, or the game-state chain's means. */
  secondLegExpected: { home: number; away: number };
  /** The game-state multipliers at kick-off (1 for the naive forecast). */
  multipliers: { home: number; away: number };
  extraTimeScale: number;
  penaltyHomeWin: number;
}

/** Exact P(each side through) before the second leg. */
export function forecastTie(input: TieForecastInput): TieForecastResult {
  const { state, rules, homeExpected, awayExpected, rho, extraTimeScale } = input;
  const maxGoals = input.maxGoals ?? 10;
  const penaltyHomeWin = input.penaltyHomeWin ?? 0.5;
  const lead = state.goalsB - state.goalsA;
  const model = input.gameState;
  const secondLeg = model
    ? gameStateGrid(model, homeExpected, awayExpected, lead, maxGoals)
    : poissonScoreGrid(homeExpected, awayExpected, { maxGoals, rho: rhoWithinBounds(rho, homeExpected, awayExpected) });
  // Extra time starts level on aggregate; without extra time a level tie goes straight to the decider.
  const extraTime = !rules.extraTime
    ? NO_EXTRA_TIME
    : model
      ? gameStateGrid(model, homeExpected * extraTimeScale, awayExpected * extraTimeScale, 0, maxGoals)
      : poissonScoreGrid(homeExpected * extraTimeScale, awayExpected * extraTimeScale, { maxGoals });
  const tie = twoLeggedTie({
    state,
    secondLeg,
    extraTime,
    rules,
    penaltyHomeWin,
    topScores: input.topScores,
    names: input.names,
  });
  return {
    ...tie,
    model: model ? 'game-state' : 'naive',
    rules,
    modelExpected: { home: homeExpected, away: awayExpected },
    secondLegExpected: { home: secondLeg.homeExpected, away: secondLeg.awayExpected },
    multipliers: model ? gameStateMultipliers(model, lead) : { home: 1, away: 1 },
    extraTimeScale,
    penaltyHomeWin,
  };
}

/** All mass on 0-0: the level tie passes unchanged to the decider. */
const NO_EXTRA_TIME: ScoreGrid = poissonScoreGrid(0, 0, { maxGoals: 0 });

/** Keep ρ strictly inside the region where every Dixon-Coles factor stays positive at these rates. */
function rhoWithinBounds(rho: number, home: number, away: number): number {
  const { min, max } = dixonColesRhoBounds(home, away);
  const margin = 1e-9;
  return Math.min(max - margin, Math.max(min + margin, rho));
}
