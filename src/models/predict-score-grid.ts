import { MatchdayError } from '../errors.js';
import { bivariatePoissonScoreGrid } from './bivariate-poisson.js';
import { dixonColesScoreGrid } from './dixon-coles.js';
import type { FittedGoalModel, TeamStrength } from './goal-model.js';
import { negativeBinomialScoreGrid } from './negative-binomial.js';
import { poissonScoreGrid } from './poisson.js';
import type { ScoreGrid } from './score-grid.js';

export interface PredictOptions {
  /** No home advantage when true. Default false. */
  neutral?: boolean;
  /** Largest score per side in the grid. Default 10. */
  maxGoals?: number;
}

/** Score grid of home v away, by team index in the fitted model (a team fitted without matches gets its prior). */
export function predictScoreGrid(
  model: FittedGoalModel,
  home: number,
  away: number,
  options: PredictOptions = {},
): ScoreGrid {
  return predictScoreGridFromStrengths(model, teamStrength(model, home), teamStrength(model, away), options);
}

export function teamStrength(model: FittedGoalModel, team: number): TeamStrength {
  const { attack, defence } = model.params;
  if (!Number.isInteger(team) || team < 0 || team >= attack.length) {
    throw new MatchdayError('MODEL_UNKNOWN_TEAM', `team index ${team} is not in the model (0..${attack.length - 1})`);
  }
  return { attack: attack[team], defence: defence[team] };
}

/**
 * The prior strength of a team the model has never seen (e.g. a promoted club): the mean of the fitted teams
 * in `group` (the model's groups, e.g. leagues), or of all fitted teams' group means when no group is given.
 */
export function priorTeamStrength(model: FittedGoalModel, group?: number): TeamStrength {
  const { groupAttack, groupDefence } = model.prior;
  if (group === undefined) {
    return { attack: mean(groupAttack), defence: mean(groupDefence) };
  }
  if (!Number.isInteger(group) || group < 0 || group >= groupAttack.length) {
    throw new MatchdayError('MODEL_UNKNOWN_GROUP', `group ${group} is not in the model (0..${groupAttack.length - 1})`);
  }
  return { attack: groupAttack[group], defence: groupDefence[group] };
}

/** Score grid from explicit strengths (a fitted team's, a prior's, or an adjusted one). */
export function predictScoreGridFromStrengths(
  model: FittedGoalModel,
  home: TeamStrength,
  away: TeamStrength,
  options: PredictOptions = {},
): ScoreGrid {
  const maxGoals = options.maxGoals ?? 10;
  const homeAdvantage = options.neutral ? 0 : model.params.homeAdvantage;
  const homeRate = Math.exp(homeAdvantage + home.attack - away.defence);
  const awayRate = Math.exp(away.attack - home.defence);
  switch (model.family) {
    case 'poisson':
      return poissonScoreGrid(homeRate, awayRate, maxGoals);
    case 'dixon-coles':
      return dixonColesScoreGrid(homeRate, awayRate, model.params.rho, maxGoals);
    case 'bivariate-poisson':
      return bivariatePoissonScoreGrid(homeRate, awayRate, model.params.lambda3, maxGoals);
    case 'negative-binomial':
      return negativeBinomialScoreGrid(homeRate, awayRate, model.params.dispersion, maxGoals);
  }
}

function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
