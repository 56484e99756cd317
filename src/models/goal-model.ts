import type { LbfgsStopReason } from './lbfgs.js';
import type { TeamComponent } from './team-graph.js';

/**
 * Types shared by the goal models: what a fit takes and what it returns. A fitted model is plain JSON
 * (numbers, arrays, strings) so the CLI can save and reload it as a versioned file.
 *
 * Every family shares the rate structure
 *   ln λ_home = homeAdvantage·(1 − neutral) + attack[home] − defence[away]
 *   ln λ_away = attack[away] − defence[home]
 * (higher attack = scores more, higher defence = concedes less). Inside each connected component of the
 * team graph the mean defence of the teams with matches is 0, so attack carries the component's goal level.
 */

export type GoalModelFamily = 'poisson' | 'dixon-coles' | 'bivariate-poisson' | 'negative-binomial';

export const GOAL_MODEL_FAMILIES: readonly GoalModelFamily[] = [
  'poisson',
  'dixon-coles',
  'bivariate-poisson',
  'negative-binomial',
];

/** Version of the saved-model JSON layout; bump when a field changes meaning. */
export const GOAL_MODEL_FORMAT_VERSION = 1;

export interface FitGoalModelOptions<F extends GoalModelFamily = GoalModelFamily> {
  family: F;
  /** Time decay per day: a match ageDays old weighs exp(−xi·ageDays). Default 0 (no decay). */
  xi?: number;
  /**
   * Precision of the Gaussian prior pulling each team's attack and defence toward its group's mean
   * (in log-likelihood units: 1/σ²). Default 0 = no prior.
   */
  priorStrength?: number;
  /** Start from this model's parameters (same family and team count), e.g. yesterday's fit in a backtest. */
  warmStart?: FittedGoalModel;
  maxIterations?: number;
  /** On ‖∇‖∞ of the per-unit-weight objective (default 1e-7). */
  gradientTolerance?: number;
  /** On the relative change of the objective per step (default 1e-14). */
  relativeFunctionTolerance?: number;
}

export interface TeamStrength {
  attack: number;
  defence: number;
}

export interface TeamParams {
  attack: number[];
  defence: number[];
  homeAdvantage: number;
}

export interface FitDiagnostics {
  converged: boolean;
  reason: LbfgsStopReason;
  iterations: number;
  evaluations: number;
  /** ‖∇‖∞ of the penalised negative log-likelihood at the returned parameters. */
  gradientNorm: number;
  /** Full weighted log-likelihood Σ w·ln p(score), log-factorial terms included; no prior terms. */
  logLikelihood: number;
  matches: number;
  /** Σ of the time-decay weights (= matches when xi = 0). */
  totalWeight: number;
  /** Distinct (home, away, neutral) fixtures the likelihood loops over. */
  fixtures: number;
  seconds: number;
  components: TeamComponent[];
  /** Teams without (weighted) matches: their strengths are their group's prior mean. */
  teamsWithoutMatches: number[];
}

export interface GoalModelPrior {
  strength: number;
  /** Group of each team, or null when all teams share one group. */
  teamGroup: number[] | null;
  /** Mean attack / defence of the teams with matches in each group: the forecast for a team without data. */
  groupAttack: number[];
  groupDefence: number[];
}

interface FittedBase {
  formatVersion: number;
  /** Team names by index, when the fit data had them. */
  teams?: string[];
  xi: number;
  prior: GoalModelPrior;
  diagnostics: FitDiagnostics;
}

export interface FittedPoisson extends FittedBase {
  family: 'poisson';
  params: TeamParams;
}

export interface FittedDixonColes extends FittedBase {
  family: 'dixon-coles';
  /** rho: the low-score dependence of Dixon & Coles (1997). */
  params: TeamParams & { rho: number };
}

export interface FittedBivariatePoisson extends FittedBase {
  family: 'bivariate-poisson';
  /** lambda3 ≥ 0: the shared component (covariance of the two scores), Karlis & Ntzoufras (2003). */
  params: TeamParams & { lambda3: number };
}

export interface FittedNegativeBinomial extends FittedBase {
  family: 'negative-binomial';
  /** dispersion φ ≥ 0: variance mean + φ·mean² (φ = 1/size of NB(mean, size)); 0 = Poisson. */
  params: TeamParams & { dispersion: number };
}

export type FittedGoalModel = FittedPoisson | FittedDixonColes | FittedBivariatePoisson | FittedNegativeBinomial;

/** The fitted-model type of one family, e.g. FittedModelOf<'dixon-coles'> = FittedDixonColes. */
export type FittedModelOf<F extends GoalModelFamily> = Extract<FittedGoalModel, { family: F }>;
