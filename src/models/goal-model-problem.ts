import { MatchdayError } from '../errors.js';
import { bivariatePoissonLikelihood } from './bivariate-poisson.js';
import { dixonColesLikelihood } from './dixon-coles.js';
import { groupCount, validateFitData, type FitData } from './fit-data.js';
import { extraIndex, homeIndex, type GoalLikelihood } from './goal-likelihood.js';
import type { FitGoalModelOptions, FittedGoalModel, GoalModelFamily } from './goal-model.js';
import type { Objective } from './lbfgs.js';
import { negativeBinomialLikelihood } from './negative-binomial.js';
import { buildPairTable, type PairTable } from './pair-table.js';
import { poissonLikelihood } from './poisson.js';
import { connectedComponents, type TeamGraph } from './team-graph.js';

/**
 * The optimisation problem behind a goal-model fit. The objective is, per unit of match weight,
 *   −Σ w·ln p(score)                                    the family's likelihood
 *   + Σ_components W_c·(mean defence of c)²             identifiability, one term per component with matches
 *   + priorStrength/2 · Σ_teams (attack − group mean)² + (defence − group mean)²
 * The component term acts only along the direction the likelihood is flat in (a component's attack and
 * defence shifted together), so without a prior it fixes mean defence = 0 in each component exactly and
 * changes no prediction. (When prior groups span several components, e.g. one group for two leagues that
 * never meet, the prior also pulls the components' levels together and mean defence is then only close
 * to 0.) Dividing by the total weight makes the tolerances independent of the data size.
 */
export interface GoalModelProblem {
  readonly table: PairTable;
  readonly graph: TeamGraph;
  readonly dimension: number;
  readonly xi: number;
  readonly priorStrength: number;
  readonly objective: Objective;
  /** Full log-likelihood Σ w·ln p(score) at x: log-factorials included; no prior, no Dixon-Coles barrier. */
  logLikelihood(x: Float64Array): number;
  /** Starting point: a warm start's parameters, or simple goal-rate estimates. */
  readonly start: Float64Array;
}

export function createGoalModelProblem(data: FitData, options: FitGoalModelOptions): GoalModelProblem {
  validateFitData(data);
  const xi = options.xi ?? 0;
  const priorStrength = options.priorStrength ?? 0;
  if (!(xi >= 0) || !Number.isFinite(xi)) {
    throw new MatchdayError('FIT_OPTIONS_INVALID', `xi must be finite and ≥ 0, got ${xi}`, { field: 'xi' });
  }
  if (!(priorStrength >= 0) || !Number.isFinite(priorStrength)) {
    throw new MatchdayError('FIT_OPTIONS_INVALID', `priorStrength must be finite and ≥ 0, got ${priorStrength}`, {
      field: 'priorStrength',
    });
  }

  const n = data.teamCount;
  const table = buildPairTable(data, xi);
  if (!(table.totalWeight > 0)) throw new MatchdayError('FIT_NO_MATCHES', 'no match with a positive weight to fit');
  const graph = connectedComponents(n, data.homeTeam, data.awayTeam, table.matchWeight);
  const likelihood = createLikelihood(options.family, table, true);
  const penalty = createPenalty(data, table, graph, priorStrength);
  const dimension = 2 * n + 1 + likelihood.extraCount;

  const scale = 1 / table.totalWeight;
  const objective: Objective = (x, gradient) => {
    gradient.fill(0);
    const value = likelihood.negLogLikelihood(x, gradient);
    if (!Number.isFinite(value)) return Infinity;
    const total = value + penalty(x, gradient);
    for (let i = 0; i < dimension; i++) gradient[i] *= scale;
    return total * scale;
  };

  const start = options.warmStart
    ? warmStartVector(options.warmStart, options.family, n, dimension)
    : initialVector(table, graph, likelihood, dimension);
  const logLikelihood = (x: Float64Array): number => {
    const exact = options.family === 'dixon-coles' ? createLikelihood(options.family, table, false) : likelihood;
    return -exact.negLogLikelihood(x, new Float64Array(dimension)) - table.logFactorialTotal;
  };
  return { table, graph, dimension, xi, priorStrength, objective, logLikelihood, start };
}

/** `barrier`: keep Dixon-Coles ρ off the τ = 0 wall while optimising (see dixon-coles.ts). */
function createLikelihood(family: GoalModelFamily, table: PairTable, barrier: boolean): GoalLikelihood {
  switch (family) {
    case 'poisson':
      return poissonLikelihood(table);
    case 'dixon-coles':
      return dixonColesLikelihood(table, { barrier });
    case 'bivariate-poisson':
      return bivariatePoissonLikelihood(table);
    case 'negative-binomial':
      return negativeBinomialLikelihood(table);
    default:
      throw new MatchdayError('FIT_OPTIONS_INVALID', `unknown goal model family ${String(family)}`, {
        field: 'family',
      });
  }
}

/** Identifiability (per component with matches) plus the optional group prior; adds its gradient, returns its value. */
function createPenalty(
  data: FitData,
  table: PairTable,
  graph: TeamGraph,
  priorStrength: number,
): (x: Float64Array, gradient: Float64Array) => number {
  const n = data.teamCount;
  const componentCount = graph.components.length;
  const componentWeight = new Float64Array(componentCount);
  for (let p = 0; p < table.pairCount; p++) componentWeight[graph.componentOf[table.home[p]]] += table.weight[p];
  const componentSize = Float64Array.from(graph.components, (c) => c.teams.length);
  const defenceSum = new Float64Array(componentCount);

  const groups = groupCount(data);
  const teamGroup = data.teamGroup ?? new Int32Array(n);
  const groupSize = new Float64Array(groups);
  for (let t = 0; t < n; t++) groupSize[teamGroup[t]]++;
  const attackSum = new Float64Array(groups);
  const groupDefenceSum = new Float64Array(groups);

  return (x, gradient) => {
    let value = 0;
    defenceSum.fill(0);
    for (let t = 0; t < n; t++) defenceSum[graph.componentOf[t]] += x[n + t];
    for (let t = 0; t < n; t++) {
      const c = graph.componentOf[t];
      if (componentWeight[c] === 0) continue;
      gradient[n + t] += (2 * componentWeight[c] * defenceSum[c]) / (componentSize[c] * componentSize[c]);
    }
    for (let c = 0; c < componentCount; c++) {
      const mean = defenceSum[c] / componentSize[c];
      value += componentWeight[c] * mean * mean;
    }

    if (priorStrength > 0) {
      attackSum.fill(0);
      groupDefenceSum.fill(0);
      for (let t = 0; t < n; t++) {
        attackSum[teamGroup[t]] += x[t];
        groupDefenceSum[teamGroup[t]] += x[n + t];
      }
      for (let t = 0; t < n; t++) {
        const g = teamGroup[t];
        const da = x[t] - attackSum[g] / groupSize[g];
        const dd = x[n + t] - groupDefenceSum[g] / groupSize[g];
        value += 0.5 * priorStrength * (da * da + dd * dd);
        // The group mean's own dependence on x[t] drops out: Σ deviations within a group is 0.
        gradient[t] += priorStrength * da;
        gradient[n + t] += priorStrength * dd;
      }
    }
    return value;
  };
}

/**
 * Start from the multiplicative estimate λ ≈ (goals for of home)·(goals against of away)/mean, smoothed by
 * one average match, then shifted so each component's mean defence is 0.
 */
function initialVector(
  table: PairTable,
  graph: TeamGraph,
  likelihood: GoalLikelihood,
  dimension: number,
): Float64Array {
  const n = table.teamCount;
  const played = new Float64Array(n);
  const scored = new Float64Array(n);
  const conceded = new Float64Array(n);
  let homeTotal = 0;
  let awayTotal = 0;
  for (let p = 0; p < table.pairCount; p++) {
    const h = table.home[p];
    const a = table.away[p];
    played[h] += table.weight[p];
    played[a] += table.weight[p];
    scored[h] += table.homeGoals[p];
    conceded[a] += table.homeGoals[p];
    scored[a] += table.awayGoals[p];
    conceded[h] += table.awayGoals[p];
    if (table.neutral[p] === 0) {
      homeTotal += table.homeGoals[p];
      awayTotal += table.awayGoals[p];
    }
  }
  let goals = 0;
  for (let p = 0; p < table.pairCount; p++) goals += table.homeGoals[p] + table.awayGoals[p];
  const meanGoals = Math.max(goals / (2 * table.totalWeight), 0.1);

  const x = new Float64Array(dimension);
  for (let t = 0; t < n; t++) {
    x[t] = Math.log((scored[t] + meanGoals) / (played[t] + 1));
    x[n + t] = Math.log(meanGoals) - Math.log((conceded[t] + meanGoals) / (played[t] + 1));
  }
  for (const component of graph.components) {
    let mean = 0;
    for (const t of component.teams) mean += x[n + t];
    mean /= component.teams.length;
    for (const t of component.teams) {
      x[t] -= mean;
      x[n + t] -= mean;
    }
  }
  x[homeIndex(n)] = homeTotal > 0 && awayTotal > 0 ? Math.log(homeTotal / awayTotal) : 0;
  likelihood.initialExtras.forEach((v, k) => (x[extraIndex(n, k)] = v));
  return x;
}

function warmStartVector(model: FittedGoalModel, family: GoalModelFamily, n: number, dimension: number): Float64Array {
  if (model.family !== family || model.params.attack.length !== n) {
    throw new MatchdayError(
      'FIT_OPTIONS_INVALID',
      `warm start is a ${model.family} model of ${model.params.attack.length} teams, this fit is ${family} with ${n}`,
      { field: 'warmStart' },
    );
  }
  const x = new Float64Array(dimension);
  x.set(model.params.attack, 0);
  x.set(model.params.defence, n);
  x[homeIndex(n)] = model.params.homeAdvantage;
  const e = extraIndex(n, 0);
  if (model.family === 'dixon-coles') x[e] = model.params.rho;
  else if (model.family === 'bivariate-poisson') x[e] = Math.sqrt(model.params.lambda3);
  else if (model.family === 'negative-binomial') x[e] = Math.sqrt(model.params.dispersion);
  if (!x.every(Number.isFinite))
    throw new MatchdayError('FIT_OPTIONS_INVALID', 'warm start has non-finite parameters', { field: 'warmStart' });
  return x;
}
