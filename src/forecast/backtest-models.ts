import { MatchdayError } from '../errors.js';
import type { ForecastSource, HistoryMatch } from '../history/forecast-history.js';
import { countryForecaster } from './country-forecaster.js';
import { FORECASTER, forecasterHistoryYears, type ForecasterConstants } from './forecaster.js';
import { Forecasts } from './forecasts.js';
import { BACKTEST_MODELS, type BacktestModelName } from './model-families.js';
import { BACKTEST_GRADIENT_TOLERANCE, goalModelForecaster } from './goal-model-forecaster.js';
import { refittedModel, type BacktestModel, type MatchForecaster } from './match-forecaster.js';
import { BACKTEST_ELO, BACKTEST_PI, ratingForecaster } from './rating-forecaster.js';
import { shotBlendForecaster, type ShotBlendOptions } from './shot-blend-forecaster.js';

/**
 * The models `matchday backtest --model` knows: the forecaster (`ensemble`, the default: what `predict` and every
 * front end use) and, to compare it with, every goal-model family, the two rating systems and the goals + shots
 * blend alone. Constants were tuned on 2016-17..2021-22 (bench/backtest-tuning.ts) and are reported on later
 * seasons (docs/backtest.md).
 */
export { BACKTEST_MODELS, type BacktestModelName } from './model-families.js';

export interface BacktestModelOptions {
  model: BacktestModelName;
  /** Years of history each goal or shot model fit uses (the rating systems keep their own 8 years). */
  windowYears: number;
  /** Time decay per day of the goal model. */
  xi: number;
  /** Prior precision toward the league mean of the goal model. */
  priorStrength: number;
  /**
   * `country`: one fit per country (a league with its lower divisions); `joint`: one fit over all history. The
   * forecaster fits on its own scopes (history/forecast-scope.ts) whatever this says.
   */
  scope: 'country' | 'joint';
}

export const DEFAULT_BACKTEST_MODEL: BacktestModelOptions = {
  model: 'ensemble',
  ...FORECASTER.goals,
  scope: 'country',
};

/** The forecaster's constants with the goal model's from the options (`--window-years`, `--xi`, `--prior`). */
export function forecasterConstants(
  options: BacktestModelOptions,
  constants: ForecasterConstants = FORECASTER,
): ForecasterConstants {
  const goals = { windowYears: options.windowYears, xi: options.xi, priorStrength: options.priorStrength };
  return { ...constants, goals };
}

/** Years of matches before the first fixture a backtest of the model reads (the statures' century comes as totals). */
export function backtestHistoryYears(
  options: BacktestModelOptions,
  constants: ForecasterConstants = FORECASTER,
): number {
  return options.model === 'ensemble'
    ? forecasterHistoryYears(forecasterConstants(options, constants))
    : matchForecaster(options, constants).historyYears;
}

/**
 * A fresh model for one backtest run. The forecaster fits each fixture's scope from `source`, exactly as
 * `predict` does from the database; the others are refitted on `history` (a forecaster keeps warm starts
 * between fits, hence one per run).
 */
export function createBacktestModel(
  options: BacktestModelOptions,
  data: { history: readonly HistoryMatch[]; source: ForecastSource },
  constants: ForecasterConstants = FORECASTER,
): BacktestModel {
  if (options.model !== 'ensemble') return refittedModel(matchForecaster(options, constants), data.history);
  const forecasts = new Forecasts(data.source, forecasterConstants(options, constants));
  return {
    forecast(fixture, fitDate) {
      const outcome = forecasts.forecast(fixture, fitDate);
      return 'skipped' in outcome ? outcome : { probabilities: outcome.probabilities, grid: outcome.grid };
    },
  };
}

function matchForecaster(options: BacktestModelOptions, constants: ForecasterConstants): MatchForecaster {
  const perScope = (make: () => MatchForecaster): MatchForecaster =>
    options.scope === 'country' ? countryForecaster(make) : make();
  switch (options.model) {
    case 'elo':
      return ratingForecaster(BACKTEST_ELO);
    case 'pi':
      return ratingForecaster(BACKTEST_PI);
    case 'shots': {
      const blend: ShotBlendOptions = {
        goals: { xi: options.xi, priorStrength: options.priorStrength },
        shots: constants.shots,
        goalWeight: constants.goalWeight,
        historyYears: options.windowYears,
      };
      return perScope(() => shotBlendForecaster(blend));
    }
    case 'ensemble':
      throw new Error('the forecaster is not refitted as a MatchForecaster');
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

export function isBacktestModel(name: string): name is BacktestModelName {
  return (BACKTEST_MODELS as readonly string[]).includes(name);
}

export function parseBacktestModel(name: string): BacktestModelName {
  if (!isBacktestModel(name)) {
    throw new MatchdayError('BAD_OPTION', `unknown model ${name}; one of ${BACKTEST_MODELS.join(', ')}`, {
      field: 'model',
    });
  }
  return name;
}
