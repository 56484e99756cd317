/**
 * How a tie is priced. The forecaster's score grid of a leg (leg-grids.ts) gives its expected goals; the tie model
 * reads them as history says European knockout legs go (leg-calibration: the rates recalibrated and the teams'
 * relative strength uncertain), plays the second leg with the game state (game-state: scoring rates follow the
 * running aggregate), extra time at a fitted share of the 90-minute rates, and the decider the season's rules
 * prescribe; two-legged-tie does the exact sums. The naive forecast (no calibration, no game state) plays the
 * forecaster's grid as it is.
 *
 * Every front end's tie numbers come from here: a second leg (priceTie), a tie not yet started and a one-off final
 * (tieFromScratch, neutralFinal: the bracket's pairings). Pure: grids, rules and fitted constants in, exact
 * probabilities out.
 */
import type { TieRules } from '../competitions/competition.js';
import { MatchdayError } from '../errors.js';
import { poissonScoreGrid } from '../forecast/poisson-grid.js';
import { scoreAnalysis } from '../forecast/score-analysis.js';
import type { ScoreGrid } from '../models/score-grid.js';
import { gameStateGrid, gameStateMultipliers, type GameStateModel, type KickOff } from './game-state.js';
import {
  calibratedNeutralRates,
  calibratedRates,
  IDENTITY_LEG_CALIBRATION,
  strengthNodes,
  type LegCalibration,
  type LegCalibrations,
  type StrengthNode,
} from './leg-calibration.js';
import type { LegGrid } from './leg-grids.js';
import {
  afterSecondLeg,
  aThroughFromExtraTime,
  singleMatchKnockout,
  tieNeeds,
  tieStateAfterFirstLeg,
  twoLeggedTie,
  type QualificationSplit,
  type SecondLegScore,
  type TieForecast,
  type TieState,
} from './two-legged-tie.js';

/** What the tie model was fitted to, as of a date (tie-calibration-file reads them from the shipped calibration). */
export interface TieModelConstants {
  /** Extra-time goals as a share of 90-minute expected goals (extra-time.ts). */
  extraTimeScale: number;
  /** P(the second leg's host wins a shoot-out, or a replay / coin toss where those decided). */
  penaltyHomeWin: number;
  /** By how many of the two teams the forecaster knows from league play; null: its rates as they are, certain. */
  legs: LegCalibrations | null;
  /** Null: the rates stay as they are all match long. */
  gameState: GameStateModel | null;
}

export interface TieForecastResult extends TieForecast {
  /** naive: the forecaster's grid as it is; calibrated: legs recalibrated, strength uncertain, game state. */
  model: 'naive' | 'calibrated';
  rules: TieRules;
  /** The forecaster's second-leg expected goals (B home, A away), as given. */
  modelExpected: { home: number; away: number };
  /** Second-leg expected goals of the grid played (averaged over the strength scenarios). */
  secondLegExpected: { home: number; away: number };
  /** The game-state multipliers at kick-off (1 without a game state). */
  multipliers: { home: number; away: number };
  extraTimeScale: number;
  penaltyHomeWin: number;
  /** The leg calibration used (how many teams the forecaster knows from league play, its σ: 0 is certain). */
  knownTeams: LegGrid['knownTeams'];
  strengthSigma: number;
}

const DEFAULT_MAX_GOALS = 10;

/** True when the constants change nothing: the naive forecast. */
export function isNaive(constants: TieModelConstants): boolean {
  return constants.legs === null && constants.gameState === null;
}

/**
 * The second legs of one pairing: B at home to A, from the forecaster's grid of that match. Prices any state
 * before the second leg; the grids are built once per strength scenario and first-leg lead, so a bracket pricing
 * every first-leg score of a pairing builds a handful.
 */
export class SecondLegPricing {
  /** The forecaster's 90-minute grid of the second leg, B at home. */
  readonly grid: ScoreGrid;
  /** The leg calibration of this pairing (the identity when naive). */
  readonly calibration: LegCalibration;
  private readonly nodes: StrengthNode[];
  private readonly rates: { home: number; away: number };
  private readonly secondLegs = new Map<string, ScoreGrid>();
  private readonly extraTimes: (ScoreGrid | null)[];

  constructor(
    readonly leg: LegGrid,
    readonly rules: TieRules,
    readonly constants: TieModelConstants,
    private readonly maxGoals = DEFAULT_MAX_GOALS,
  ) {
    checkConstants(constants);
    this.grid = leg.grid;
    this.calibration = legCalibrationOf(constants, leg);
    this.rates = calibratedRates(this.calibration, this.grid.homeExpected, this.grid.awayExpected);
    this.nodes = strengthNodes(this.calibration.sigma);
    this.extraTimes = this.nodes.map(() => null);
  }

  /** P(A — the first leg's hosts — goes through). */
  probabilityA(state: TieState): number {
    let total = 0;
    this.nodes.forEach((node, k) => (total += node.weight * this.nodeProbabilityA(k, state)));
    return probability(total);
  }

  /** The strength scenarios: the second leg's host's rate × e^{shift}, the visitor's × e^{−shift}. */
  get strengthNodes(): readonly StrengthNode[] {
    return this.nodes;
  }

  /** P(A through) in one strength scenario. */
  nodeProbabilityA(node: number, state: TieState): number {
    return twoLeggedTie({
      state,
      secondLeg: this.secondLeg(node, state),
      extraTime: this.extraTime(node),
      rules: this.rules,
      penaltyHomeWin: this.constants.penaltyHomeWin,
      topScores: 0,
    }).a.total;
  }

  /** Everything `matchday tie` reports: the split by 90 minutes / extra time / decider, likely scores, needs. */
  forecast(state: TieState, names: { a: string; b: string }, topScores = 5): TieForecastResult {
    const { penaltyHomeWin, gameState } = this.constants;
    const perNode = this.nodes.map((node, k) => {
      const secondLeg = this.secondLeg(k, state);
      const extraTime = this.extraTime(k);
      const tie = twoLeggedTie({ state, secondLeg, extraTime, rules: this.rules, penaltyHomeWin, topScores: 0, names });
      return { weight: node.weight, secondLeg, extraTime, tie };
    });
    const mix = (value: (tie: TieForecast) => number) =>
      probability(perNode.reduce((sum, n) => sum + n.weight * value(n.tie), 0));
    const split = (side: 'a' | 'b'): QualificationSplit => ({
      total: mix((t) => t[side].total),
      ninetyMinutes: mix((t) => t[side].ninetyMinutes),
      extraTime: mix((t) => t[side].extraTime),
      penalties: mix((t) => t[side].penalties),
    });
    const mean = (value: (grid: ScoreGrid) => number) =>
      perNode.reduce((sum, n) => sum + n.weight * value(n.secondLeg), 0);
    return {
      a: split('a'),
      b: split('b'),
      extraTime: mix((t) => t.extraTime),
      penalties: mix((t) => t.penalties),
      mostLikelySecondLegScores: this.likelyScores(state, perNode, topScores),
      needs: tieNeeds(state, this.rules, names),
      secondLegMass: mix((t) => t.secondLegMass),
      extraTimeMass: mix((t) => t.extraTimeMass),
      model: isNaive(this.constants) ? 'naive' : 'calibrated',
      rules: this.rules,
      modelExpected: { home: this.grid.homeExpected, away: this.grid.awayExpected },
      secondLegExpected: { home: mean((g) => g.homeExpected), away: mean((g) => g.awayExpected) },
      multipliers: gameState
        ? gameStateMultipliers(gameState, secondLegKickOff(state, this.rules))
        : { home: 1, away: 1 },
      extraTimeScale: this.constants.extraTimeScale,
      penaltyHomeWin,
      knownTeams: this.leg.knownTeams,
      strengthSigma: this.calibration.sigma,
    };
  }

  /** The second leg's 90 minutes in scenario `node` from this state. */
  private secondLeg(node: number, state: TieState): ScoreGrid {
    if (isNaive(this.constants)) return this.grid;
    const kickOff = secondLegKickOff(state, this.rules);
    const key = `${node}:${kickOff.lead}:${kickOff.awayGoalsLead}`;
    let grid = this.secondLegs.get(key);
    if (!grid) {
      grid = this.playedGrid(node, 1, kickOff);
      this.secondLegs.set(key, grid);
    }
    return grid;
  }

  /** Extra time in scenario `node`: starts level; without extra time a level tie goes straight to the decider. */
  private extraTime(node: number): ScoreGrid {
    if (!this.rules.extraTime) return NO_EXTRA_TIME;
    let grid = this.extraTimes[node];
    if (!grid) {
      grid = isNaive(this.constants)
        ? poissonScoreGrid(
            this.grid.homeExpected * this.constants.extraTimeScale,
            this.grid.awayExpected * this.constants.extraTimeScale,
            { maxGoals: this.maxGoals },
          )
        : this.playedGrid(node, this.constants.extraTimeScale, extraTimeKickOff(this.rules));
      this.extraTimes[node] = grid;
    }
    return grid;
  }

  /** A period at the calibrated rates × scale in one strength scenario, with the game state if there is one. */
  private playedGrid(node: number, scale: number, kickOff: KickOff): ScoreGrid {
    const shift = this.nodes[node].shift;
    const home = this.rates.home * scale * Math.exp(shift);
    const away = this.rates.away * scale * Math.exp(-shift);
    const { gameState } = this.constants;
    return gameState
      ? gameStateGrid(gameState, home, away, kickOff, this.maxGoals)
      : poissonScoreGrid(home, away, { maxGoals: this.maxGoals });
  }

  /** The most likely second-leg scores of the scenario mixture, with P(A through) given each. */
  private likelyScores(
    state: TieState,
    perNode: { weight: number; secondLeg: ScoreGrid; extraTime: ScoreGrid }[],
    count: number,
  ): SecondLegScore[] {
    if (count === 0) return [];
    const first = perNode[0].secondLeg;
    const size = first.maxGoals + 1;
    const mixed = new Float64Array(first.p.length);
    const mass = perNode.reduce((sum, n) => sum + n.weight * gridMass(n.secondLeg), 0);
    for (const n of perNode) for (let i = 0; i < mixed.length; i++) mixed[i] += (n.weight * n.secondLeg.p[i]) / mass;
    const aAfterExtraTime = perNode.map((n) =>
      aThroughFromExtraTime(n.extraTime, this.rules, this.constants.penaltyHomeWin),
    );
    const grid: ScoreGrid = { ...first, p: mixed, truncatedMass: 0 };
    return scoreAnalysis(grid, count).overall.map((score): SecondLegScore => {
      const outcome = afterSecondLeg(state, this.rules, score.home, score.away);
      let probabilityAThrough = outcome.winner === 'A' ? 1 : 0;
      if (outcome.winner === 'extra-time') {
        // P(A | this score) mixes the scenarios in proportion to how likely each made the score.
        const cell = score.home * size + score.away;
        let weighted = 0;
        let total = 0;
        perNode.forEach((n, k) => {
          const p = n.weight * n.secondLeg.p[cell];
          weighted += p * aAfterExtraTime[k];
          total += p;
        });
        probabilityAThrough = total > 0 ? weighted / total : 0.5;
      }
      return { ...score, afterNinety: outcome.winner, decidedBy: outcome.decidedBy, probabilityAThrough };
    });
  }
}

export interface PriceTieInput {
  names: { a: string; b: string };
  /** Before the second leg; A hosted the first leg, B hosts the second. */
  state: TieState;
  rules: TieRules;
  /** The forecaster's 90-minute grid of the second leg, B at home. */
  secondLeg: LegGrid;
  constants: TieModelConstants;
  topScores?: number;
}

/** Exact P(each side through) before the second leg, and how. */
export function priceTie(input: PriceTieInput): TieForecastResult {
  return new SecondLegPricing(input.secondLeg, input.rules, input.constants).forecast(
    input.state,
    input.names,
    input.topScores,
  );
}

/**
 * P(A goes through a tie not yet started, hosting the first leg): the first leg's grid convolved with the second
 * leg's forecast from each first-leg score, within each strength scenario (the same teams play both legs).
 */
export function tieFromScratch(firstLeg: ScoreGrid, second: SecondLegPricing): number {
  const size = DEFAULT_MAX_GOALS + 1;
  const nodes = second.strengthNodes;
  let through = 0;
  nodes.forEach((node, k) => {
    // In the first leg A hosts: the scenario's shift favours B, so A's rate goes down by it.
    const grid = isNaive(second.constants) ? firstLeg : firstLegGrid(second.calibration, firstLeg, -node.shift);
    const gridSize = grid.maxGoals + 1;
    let mass = 0;
    let sum = 0;
    for (let home = 0; home < Math.min(size, gridSize); home++) {
      for (let away = 0; away < Math.min(size, gridSize); away++) {
        const p = grid.p[home * gridSize + away];
        if (p === 0) continue;
        mass += p;
        sum += p * second.nodeProbabilityA(k, tieStateAfterFirstLeg(home, away));
      }
    }
    through += node.weight * (sum / mass);
  });
  return probability(through);
}

/** The first leg at the calibrated rates, A's rate times e^{shift}. */
function firstLegGrid(legs: LegCalibration, grid: ScoreGrid, shift: number): ScoreGrid {
  const rates = calibratedRates(legs, grid.homeExpected, grid.awayExpected);
  return poissonScoreGrid(rates.home * Math.exp(shift), rates.away * Math.exp(-shift), {
    maxGoals: DEFAULT_MAX_GOALS,
  });
}

/**
 * P(the grid's first-named side wins a one-off match at a neutral ground): 90 minutes, extra time, penalties,
 * averaged over the strength scenarios (no game state: it was fitted on second legs).
 */
export function neutralFinal(leg: LegGrid, constants: TieModelConstants): number {
  checkConstants(constants);
  const { grid } = leg;
  if (isNaive(constants)) {
    const scale = constants.extraTimeScale;
    const extraTime = poissonScoreGrid(grid.homeExpected * scale, grid.awayExpected * scale, {
      maxGoals: DEFAULT_MAX_GOALS,
    });
    return singleMatchKnockout({ match: grid, extraTime, topScores: 0 }).home.total;
  }
  const legs = legCalibrationOf(constants, leg);
  const rates = calibratedNeutralRates(legs, grid.homeExpected, grid.awayExpected);
  let total = 0;
  for (const node of strengthNodes(legs.sigma)) {
    const home = rates.home * Math.exp(node.shift);
    const away = rates.away * Math.exp(-node.shift);
    const scale = constants.extraTimeScale;
    const match = poissonScoreGrid(home, away, { maxGoals: DEFAULT_MAX_GOALS });
    const extraTime = poissonScoreGrid(home * scale, away * scale, { maxGoals: DEFAULT_MAX_GOALS });
    total += node.weight * singleMatchKnockout({ match, extraTime, topScores: 0 }).home.total;
  }
  return probability(total);
}

/** The second leg's kick-off for its host B: the aggregate lead, and the lead on away goals where they count. */
export function secondLegKickOff(state: TieState, rules: TieRules): KickOff {
  return {
    lead: state.goalsB - state.goalsA,
    awayGoalsLead: rules.awayGoals ? state.awayGoalsB - state.awayGoalsA : null,
    extraTime: false,
  };
}

/** Extra time starts level, on away goals too; the visitor's goals in it count as away goals where the rules say. */
export function extraTimeKickOff(rules: TieRules): KickOff {
  return { lead: 0, awayGoalsLead: rules.awayGoalsInExtraTime ? 0 : null, extraTime: true };
}

/** The calibration for a leg, by how many of its teams the forecaster knows; the identity without one. */
function legCalibrationOf(constants: TieModelConstants, leg: LegGrid): LegCalibration {
  return constants.legs?.[leg.knownTeams] ?? IDENTITY_LEG_CALIBRATION;
}

/** A weighted mean of probabilities, kept inside [0, 1] against the last bit of rounding. */
function probability(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** All mass on 0-0: the level tie passes unchanged to the decider. */
const NO_EXTRA_TIME: ScoreGrid = poissonScoreGrid(0, 0, { maxGoals: 0 });

function gridMass(grid: ScoreGrid): number {
  let mass = 0;
  for (let i = 0; i < grid.p.length; i++) mass += grid.p[i];
  return mass;
}

function checkConstants(c: TieModelConstants): void {
  if (!(Number.isFinite(c.extraTimeScale) && c.extraTimeScale >= 0)) {
    throw new MatchdayError('INVALID_ARGUMENT', `extra-time scale must be finite and ≥ 0, got ${c.extraTimeScale}`, {
      field: 'extraTimeScale',
    });
  }
  if (!(c.penaltyHomeWin >= 0 && c.penaltyHomeWin <= 1)) {
    throw new MatchdayError('INVALID_ARGUMENT', `penalty probability must lie in [0, 1], got ${c.penaltyHomeWin}`, {
      field: 'penaltyHomeWin',
    });
  }
}
