/**
 * The single models `fit`, `predict`, `backtest` and the API know, and their default options: a leaf module (no model code), so
 * that the CLI can name them in its help without loading the models.
 */
import { GOAL_MODEL_FAMILIES, type GoalModelFamily } from '../models/goal-model.js';

export type ModelFamily = GoalModelFamily | 'elo' | 'pi';
export const MODEL_FAMILIES: readonly ModelFamily[] = [...GOAL_MODEL_FAMILIES, 'elo', 'pi'];

export interface ModelOptions {
  family: ModelFamily;
  /** Time decay per day (goal models). */
  xi: number;
  /** Prior precision pulling a team toward its league's mean (goal models). */
  priorStrength: number;
}

/** Goal models a two-legged tie or a bracket is priced with (rating models give no expected goals of their own). */
export const TIE_MODEL_FAMILIES = ['dixon-coles', 'poisson'] as const satisfies readonly ModelFamily[];

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { family: 'dixon-coles', xi: 0.002, priorStrength: 1 };

/** The models `matchday backtest --model` knows: the forecaster and, to compare it with, each single model. */
export const BACKTEST_MODELS = ['ensemble', ...GOAL_MODEL_FAMILIES, 'elo', 'pi', 'shots'] as const;
export type BacktestModelName = (typeof BACKTEST_MODELS)[number];
