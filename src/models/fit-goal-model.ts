import { MatchdayError } from '../errors.js';
import { groupCount, type FitData } from './fit-data.js';
import { extraIndex, homeIndex } from './goal-likelihood.js';
import {
  GOAL_MODEL_FORMAT_VERSION,
  type FitDiagnostics,
  type FitGoalModelOptions,
  type FittedGoalModel,
  type FittedModelOf,
  type GoalModelFamily,
  type GoalModelPrior,
  type TeamParams,
} from './goal-model.js';
import { createGoalModelProblem } from './goal-model-problem.js';
import { minimizeLbfgs } from './lbfgs.js';
import type { TeamGraph } from './team-graph.js';

/**
 * Maximum (penalised) likelihood fit of a goal model by L-BFGS with analytic gradients (the problem is
 * described in goal-model-problem.ts). Throws MatchdayError on bad input or a non-finite result; a fit that
 * stops short of its tolerances returns with diagnostics.converged = false and the reason.
 */
export function fitGoalModel<F extends GoalModelFamily>(
  data: FitData,
  options: FitGoalModelOptions<F>,
): FittedModelOf<F> {
  return fitAnyFamily(data, options) as FittedModelOf<F>;
}

function fitAnyFamily(data: FitData, options: FitGoalModelOptions): FittedGoalModel {
  const started = performance.now();
  const problem = createGoalModelProblem(data, options);
  const { table, graph } = problem;
  const n = data.teamCount;
  const result = minimizeLbfgs(problem.objective, problem.start, {
    maxIterations: options.maxIterations ?? 1000,
    gradientTolerance: options.gradientTolerance ?? 1e-7,
    relativeFunctionTolerance: options.relativeFunctionTolerance ?? 1e-14,
  });

  const x = result.x;
  const logLikelihood = problem.logLikelihood(x);
  if (!Number.isFinite(logLikelihood) || !x.every(Number.isFinite)) {
    throw new MatchdayError(
      'FIT_NON_FINITE',
      `${options.family} fit ended at a non-finite log-likelihood (${logLikelihood})`,
    );
  }

  const prior = fillTeamsWithoutMatches(x, data, graph, problem.priorStrength);
  const params: TeamParams = {
    attack: Array.from(x.subarray(0, n)),
    defence: Array.from(x.subarray(n, 2 * n)),
    homeAdvantage: x[homeIndex(n)],
  };
  const diagnostics: FitDiagnostics = {
    converged: result.converged,
    reason: result.reason,
    iterations: result.iterations,
    evaluations: result.evaluations,
    gradientNorm: result.gradientNorm * table.totalWeight,
    logLikelihood,
    matches: data.homeTeam.length,
    totalWeight: table.totalWeight,
    fixtures: table.pairCount,
    seconds: (performance.now() - started) / 1000,
    components: graph.components,
    teamsWithoutMatches: graph.components.filter((c) => c.matches === 0).flatMap((c) => c.teams),
  };
  const base = {
    formatVersion: GOAL_MODEL_FORMAT_VERSION,
    ...(data.teamNames ? { teams: [...data.teamNames] } : {}),
    xi: problem.xi,
    prior,
    diagnostics,
  };
  // The optimiser's coordinate for λ3 and φ is their square root (see the family modules).
  const extra = x[extraIndex(n, 0)];
  switch (options.family) {
    case 'poisson':
      return { family: 'poisson', params, ...base };
    case 'dixon-coles':
      return { family: 'dixon-coles', params: { ...params, rho: extra }, ...base };
    case 'bivariate-poisson':
      return { family: 'bivariate-poisson', params: { ...params, lambda3: extra * extra }, ...base };
    case 'negative-binomial':
      return { family: 'negative-binomial', params: { ...params, dispersion: extra * extra }, ...base };
  }
}

/**
 * Sets every team without matches to its group's mean over the teams with matches (the whole data's mean
 * for a group without any) and returns the prior block of the model.
 */
function fillTeamsWithoutMatches(
  x: Float64Array,
  data: FitData,
  graph: TeamGraph,
  priorStrength: number,
): GoalModelPrior {
  const n = data.teamCount;
  const groups = groupCount(data);
  const teamGroup = data.teamGroup ?? new Int32Array(n);
  const hasMatches = (t: number): boolean => graph.components[graph.componentOf[t]].matches > 0;
  const count = new Float64Array(groups);
  const attack = new Float64Array(groups);
  const defence = new Float64Array(groups);
  let allCount = 0;
  let allAttack = 0;
  let allDefence = 0;
  for (let t = 0; t < n; t++) {
    if (!hasMatches(t)) continue;
    count[teamGroup[t]]++;
    attack[teamGroup[t]] += x[t];
    defence[teamGroup[t]] += x[n + t];
    allCount++;
    allAttack += x[t];
    allDefence += x[n + t];
  }
  const groupAttack = Array.from(attack, (s, g) => (count[g] > 0 ? s / count[g] : allAttack / allCount));
  const groupDefence = Array.from(defence, (s, g) => (count[g] > 0 ? s / count[g] : allDefence / allCount));
  for (let t = 0; t < n; t++) {
    if (hasMatches(t)) continue;
    x[t] = groupAttack[teamGroup[t]];
    x[n + t] = groupDefence[teamGroup[t]];
  }
  return {
    strength: priorStrength,
    teamGroup: data.teamGroup ? Array.from(data.teamGroup) : null,
    groupAttack,
    groupDefence,
  };
}
