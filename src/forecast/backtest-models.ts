import { MatchdayError } from '../errors.js';
import { GOAL_MODEL_FAMILIES } from '../models/goal-model.js';
import { CLUBELO_OPTIONS } from '../models/ratings/elo.js';
import { countryForecaster } from './country-forecaster.js';
import { ensembleForecaster } from './ensemble-forecaster.js';
import { BACKTEST_GRADIENT_TOLERANCE, goalModelForecaster } from './goal-model-forecaster.js';
import type { MatchForecaster } from './match-forecaster.js';
import { stretchedForecaster } from './outcome-stretch.js';
import { BACKTEST_ELO, BACKTEST_PI, ratingForecaster, type RatingForecasterOptions } from './rating-forecaster.js';
import { STAKES, stakesShift, type StakesOptions } from './stakes-shift.js';
import { STATURE, statureShift, type StatureOptions } from './stature-shift.js';
import { shiftedForecaster } from './superiority-shift.js';
import { shotBlendForecaster, type ShotBlendOptions } from './shot-blend-forecaster.js';

/**
 * The models `matchday backtest --model` knows: every goal-model family, the two rating systems, the goals +
 * shots blend and the ensemble built on it. Constants were tuned on 2016-17..2021-22 (bench/backtest-tuning.ts)
 * and are reported on later seasons (docs/backtest.md).
 */
export const BACKTEST_MODELS = [...GOAL_MODEL_FAMILIES, 'elo', 'pi', 'shots', 'ensemble'] as const;
export type BacktestModel = (typeof BACKTEST_MODELS)[number];

export interface BacktestModelOptions {
  model: BacktestModel;
  /** Years of history each goal or shot model fit uses (the rating systems keep their own 8 years). */
  windowYears: number;
  /** Time decay per day of the goal model. */
  xi: number;
  /** Prior precision toward the league mean of the goal model. */
  priorStrength: number;
  /** `country`: one fit per country (a league with its lower divisions); `joint`: one fit over all history. */
  scope: 'country' | 'joint';
}

export const DEFAULT_BACKTEST_MODEL: BacktestModelOptions = {
  model: 'ensemble',
  windowYears: 4,
  xi: 0.002,
  priorStrength: 3,
  scope: 'country',
};

/** The ensemble's constants beyond the goal model's (`BacktestModelOptions`): what bench/backtest-tuning.ts varies. */
export interface EnsembleConstants {
  /** The shot part of the blend. */
  shots: ShotBlendOptions['shots'];
  /** Weight of the goal model's log-rates against the shot model's. */
  goalWeight: number;
  /** Weight of Elo in the ensemble (the blend has the rest) and its K. */
  eloWeight: number;
  eloK: number;
  /** The outcome stretch of the pooled forecast and the widening of its draw band. */
  stretch: number;
  drawWidening: number;
  /** The superiority shifts after it (null: left out). */
  stakes: StakesOptions | null;
  stature: StatureOptions | null;
}

/**
 * Tuned on 2016-22 (docs/backtest.md). The shots decay fast (half-life ~46 days) and an off-target shot
 * counts 0.35 of one on target (re-tuned with the shifts in place: 0.2 and ξ 0.01 before). The ensemble's Elo
 * is slow (K = 4, v 15 for `--model elo`): alone it is worse (RPS 0.2013 v 0.1993 on 2016-22), but the blend
 * already follows form through its time decay, and what a slow Elo adds is the clubs' long-run standing — the
 * ensemble gains 0.00014 over K = 15. The draw widening (0.019 by maximum likelihood on 2012-16) restores the
 * draws the stretch and the shifts take away.
 */
export const ENSEMBLE: EnsembleConstants = {
  shots: { xi: 0.015, priorStrength: 10, offTargetWeight: 0.35 },
  goalWeight: 0.6,
  eloWeight: 0.15,
  eloK: 4,
  stretch: 1.1,
  drawWidening: 0.02,
  stakes: STAKES,
  stature: STATURE,
};

/** The ensemble's Elo member. */
export function ensembleElo(k: number): RatingForecasterOptions {
  return { kind: 'elo', elo: { ...CLUBELO_OPTIONS, k }, historyYears: BACKTEST_ELO.historyYears };
}

export function isBacktestModel(name: string): name is BacktestModel {
  return (BACKTEST_MODELS as readonly string[]).includes(name);
}

/** A fresh forecaster (forecasters keep warm starts between fits: one per backtest run). */
export function createBacktestForecaster(
  options: BacktestModelOptions,
  ensemble: EnsembleConstants = ENSEMBLE,
): MatchForecaster {
  const perScope = (make: () => MatchForecaster): MatchForecaster =>
    options.scope === 'country' ? countryForecaster(make) : make();
  const blend = (): MatchForecaster => {
    const blendOptions: ShotBlendOptions = {
      goals: { xi: options.xi, priorStrength: options.priorStrength },
      shots: ensemble.shots,
      goalWeight: ensemble.goalWeight,
      historyYears: options.windowYears,
    };
    return perScope(() => shotBlendForecaster(blendOptions));
  };
  switch (options.model) {
    case 'elo':
      return ratingForecaster(BACKTEST_ELO);
    case 'pi':
      return ratingForecaster(BACKTEST_PI);
    case 'shots':
      return blend();
    case 'ensemble': {
      const pooled =
        ensemble.eloWeight > 0
          ? ensembleForecaster([
              { forecaster: blend(), weight: 1 - ensemble.eloWeight },
              { forecaster: ratingForecaster(ensembleElo(ensemble.eloK)), weight: ensemble.eloWeight },
            ])
          : blend();
      const shifts = [
        ...(ensemble.stakes ? [stakesShift(ensemble.stakes)] : []),
        ...(ensemble.stature ? [statureShift(ensemble.stature)] : []),
      ];
      return shiftedForecaster(stretchedForecaster(pooled, ensemble.stretch, ensemble.drawWidening), shifts);
    }
    default: {
      const family = options.model;
      return perScope(() =>
        goalModelForecaster({
          family,
          xi: options.xi,
          priorStrength: options.priorStrength,
          historyYears: options.windowYears,
          gradientTolerance: BACKTEST_GRADIENT_TOLERANCE,
        }),
      );
    }
  }
}

export function parseBacktestModel(name: string): BacktestModel {
  if (!isBacktestModel(name)) {
    throw new MatchdayError('BAD_OPTION', `unknown model ${name}; one of ${BACKTEST_MODELS.join(', ')}`, {
      field: 'model',
    });
  }
  return name;
}
