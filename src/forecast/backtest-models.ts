import { MatchdayError } from '../errors.js';
import { GOAL_MODEL_FAMILIES } from '../models/goal-model.js';
import { CLUBELO_OPTIONS } from '../models/ratings/elo.js';
import { countryForecaster } from './country-forecaster.js';
import { ensembleForecaster } from './ensemble-forecaster.js';
import { BACKTEST_GRADIENT_TOLERANCE, goalModelForecaster } from './goal-model-forecaster.js';
import type { MatchForecaster } from './match-forecaster.js';
import { stretchedForecaster } from './outcome-stretch.js';
import { BACKTEST_ELO, BACKTEST_PI, ratingForecaster, type RatingForecasterOptions } from './rating-forecaster.js';
import { stakesShift } from './stakes-shift.js';
import { statureShift } from './stature-shift.js';
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

/** The shot part of the blend: fast decay (half-life ~70 days), off-target shots at a fifth of one on target. */
export const SHOT_MODEL = { xi: 0.01, priorStrength: 10, offTargetWeight: 0.2 };
/** Weight of the goal model's log-rates against the shot model's. */
export const GOAL_WEIGHT = 0.6;
/** Weight of Elo in the ensemble (the blend has the rest) and the final outcome stretch. */
export const ENSEMBLE_ELO_WEIGHT = 0.15;
export const ENSEMBLE_STRETCH = 1.1;
/**
 * The ensemble's Elo is slow (K = 4, v 15 for `--model elo`): alone it is worse (RPS 0.2013 v 0.1993 on
 * 2016-22), but the blend already follows form through its time decay, and what a slow Elo adds is the
 * clubs' long-run standing — the ensemble gains 0.00014 over K = 15 (docs/backtest.md).
 */
export const ENSEMBLE_ELO_K = 4;
export const ENSEMBLE_ELO: RatingForecasterOptions = {
  kind: 'elo',
  elo: { ...CLUBELO_OPTIONS, k: ENSEMBLE_ELO_K },
  historyYears: BACKTEST_ELO.historyYears,
};

export function isBacktestModel(name: string): name is BacktestModel {
  return (BACKTEST_MODELS as readonly string[]).includes(name);
}

/** A fresh forecaster (forecasters keep warm starts between fits: one per backtest run). */
export function createBacktestForecaster(options: BacktestModelOptions): MatchForecaster {
  const perScope = (make: () => MatchForecaster): MatchForecaster =>
    options.scope === 'country' ? countryForecaster(make) : make();
  const blend = (): MatchForecaster => {
    const blendOptions: ShotBlendOptions = {
      goals: { xi: options.xi, priorStrength: options.priorStrength },
      shots: SHOT_MODEL,
      goalWeight: GOAL_WEIGHT,
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
    case 'ensemble':
      return shiftedForecaster(
        stretchedForecaster(
          ensembleForecaster([
            { forecaster: blend(), weight: 1 - ENSEMBLE_ELO_WEIGHT },
            { forecaster: ratingForecaster(ENSEMBLE_ELO), weight: ENSEMBLE_ELO_WEIGHT },
          ]),
          ENSEMBLE_STRETCH,
        ),
        [stakesShift(), statureShift()],
      );
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
