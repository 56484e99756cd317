/**
 * The odds of every pairing a bracket can produce: a two-legged tie not yet started (the first leg's grid convolved
 * with the exact tie forecast for each first-leg score) and a one-off final at a neutral venue.
 */
import type { TieRules } from '../history/ties.js';
import type { PairOdds } from './bracket-plan.js';
import type { GameStateModel } from './game-state.js';
import { poissonScoreGrid } from './poisson-grid.js';
import { forecastTie } from './tie-forecast.js';
import { singleMatchKnockout, tieStateAfterFirstLeg, type TieState } from './two-legged-tie.js';
import type { ScoreGrid } from '../models/score-grid.js';

/** What a bracket needs of a match model. Teams are database ids. */
export interface TieModel {
  /** 90 minutes of `home` v `away` (at a neutral venue when `neutral`). */
  matchGrid(home: number, away: number, neutral: boolean): ScoreGrid;
  /** P(a — the first leg's hosts — goes through) from the tie before the second leg, which b hosts. */
  secondLeg(a: number, b: number, state: TieState): number;
  /** P(a wins a one-off match against b at a neutral venue: 90 minutes, extra time, penalties). */
  neutralFinal(a: number, b: number): number;
}

/** A goal model's expected goals for a fixture, home (or first-listed) side first. */
export interface FixtureRates {
  homeExpected: number;
  awayExpected: number;
  /** Dixon-Coles ρ (0 for independent Poisson). */
  rho: number;
}

export interface TieModelOptions {
  /** Expected goals of `home` v `away`. */
  rates: (home: number, away: number, neutral: boolean) => FixtureRates;
  rules: TieRules;
  /** Extra-time goals as a share of the 90-minute rates (forecast/tie-forecast's fitExtraTimeScale). */
  extraTimeScale: number;
  /** P(the second leg's host wins a shoot-out). */
  penaltyHomeWin: number;
  /** Second-leg game-state multipliers; null for the model's rates as they are. */
  gameState: GameStateModel | null;
  maxGoals?: number;
}

/** The tie model of forecast/tie-forecast on a goal model's rates; rates are computed once per fixture. */
export function tieModelFromRates(options: TieModelOptions): TieModel {
  const maxGoals = options.maxGoals ?? 10;
  const cache = new Map<string, FixtureRates>();
  const rates = (home: number, away: number, neutral: boolean): FixtureRates => {
    const key = `${home}:${away}:${neutral ? 'n' : 'h'}`;
    let found = cache.get(key);
    if (!found) cache.set(key, (found = options.rates(home, away, neutral)));
    return found;
  };
  const grid = (r: FixtureRates, scale = 1, rho = r.rho): ScoreGrid =>
    poissonScoreGrid(r.homeExpected * scale, r.awayExpected * scale, { maxGoals, rho });
  return {
    matchGrid: (home, away, neutral) => grid(rates(home, away, neutral)),
    secondLeg: (a, b, state) => {
      const r = rates(b, a, false);
      return forecastTie({
        names: { a: `team ${a}`, b: `team ${b}` },
        state,
        rules: options.rules,
        homeExpected: r.homeExpected,
        awayExpected: r.awayExpected,
        rho: r.rho,
        extraTimeScale: options.extraTimeScale,
        penaltyHomeWin: options.penaltyHomeWin,
        gameState: options.gameState,
        maxGoals,
        topScores: 0,
      }).a.total;
    },
    neutralFinal: (a, b) => {
      const r = rates(a, b, true);
      return singleMatchKnockout({ match: grid(r), extraTime: grid(r, options.extraTimeScale, 0), topScores: 0 }).home
        .total;
    },
  };
}

/**
 * P(`first` goes through against `second`, hosting the first leg), before a ball is kicked. Summing the tie
 * forecast over first-leg scores keeps away goals and game state right: each first-leg score leaves its own state.
 */
export function twoLeggedTieFromScratch(model: TieModel, first: number, second: number): number {
  const firstLeg = model.matchGrid(first, second, false);
  const size = firstLeg.maxGoals + 1;
  let mass = 0;
  let through = 0;
  for (let home = 0; home < size; home++) {
    for (let away = 0; away < size; away++) {
      const p = firstLeg.p[home * size + away];
      if (p === 0) continue;
      mass += p;
      through += p * model.secondLeg(first, second, tieStateAfterFirstLeg(home, away));
    }
  }
  return through / mass;
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
      if (formats.twoLegged) twoLegged[i * n + j] = twoLeggedTieFromScratch(model, first, second);
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
