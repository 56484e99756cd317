import { MatchdayError } from '../../errors.js';
import type { ScoreGrid } from '../score-grid.js';

/**
 * From a pre-match rating difference x (home minus away, home advantage included) to outcome probabilities
 * and goal expectancies, fitted by maximum likelihood on training matches instead of hard-coded.
 *
 * Outcomes: ordered logit. A latent home superiority slope·x + logistic noise falls below `drawLower`
 * (away win), between the cut-points (draw) or above `drawUpper` (home win).
 * Goals: Poisson regressions log λ = a + b·x for the home side and log μ = a' + b'·x for the away side.
 * Both likelihoods are concave, so a damped Newton method with exact derivatives finds the optimum.
 */
export interface OrderedLogit {
  readonly slope: number;
  readonly drawLower: number;
  readonly drawUpper: number;
}

export interface PoissonLink {
  readonly intercept: number;
  readonly slope: number;
}

export interface OutcomeMapping {
  readonly outcome: OrderedLogit;
  readonly homeGoals: PoissonLink;
  readonly awayGoals: PoissonLink;
  readonly diagnostics: MappingDiagnostics;
}

export interface MappingDiagnostics {
  /** Sum of the fitting weights (the number of matches when unweighted). */
  readonly matches: number;
  readonly outcomeLogLikelihood: number;
  /** Full Poisson log-likelihoods, log-factorial terms included. */
  readonly homeGoalsLogLikelihood: number;
  readonly awayGoalsLogLikelihood: number;
  /** Newton iterations of the three fits together. */
  readonly iterations: number;
}

export interface Fit<T> {
  readonly model: T;
  readonly logLikelihood: number;
  readonly iterations: number;
}

/** 1X2 probabilities in the order home, draw, away. */
export type OutcomeProbabilities = readonly [home: number, draw: number, away: number];

const MAX_NEWTON_ITERATIONS = 100;
/** Stop when half the Newton decrement (the predicted gain of a full step) falls below this. */
const NEWTON_TOLERANCE = 1e-14;

/** Logistic CDF, computed without overflow for large |t|. */
function logistic(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

/** log F(t), exact in both tails. */
function logLogistic(t: number): number {
  return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
}

export function outcomeProbabilities(model: OrderedLogit, x: number): OutcomeProbabilities {
  const eta = model.slope * x;
  const away = logistic(model.drawLower - eta);
  const home = logistic(eta - model.drawUpper);
  return [home, 1 - home - away, away];
}

/** Expected goals of each side at rating difference x. */
export function goalExpectancy(mapping: OutcomeMapping, x: number): { home: number; away: number } {
  return {
    home: Math.exp(mapping.homeGoals.intercept + mapping.homeGoals.slope * x),
    away: Math.exp(mapping.awayGoals.intercept + mapping.awayGoals.slope * x),
  };
}

/** Fits the outcome and both goal mappings; `weights` (≥ 0) can leave matches out (0) or down-weight them. */
export function fitOutcomeMapping(
  x: ArrayLike<number>,
  homeGoals: ArrayLike<number>,
  awayGoals: ArrayLike<number>,
  weights?: ArrayLike<number>,
): OutcomeMapping {
  const outcome = fitOrderedLogit(x, homeGoals, awayGoals, weights);
  const home = fitPoissonLink(x, homeGoals, weights);
  const away = fitPoissonLink(x, awayGoals, weights);
  let matches = 0;
  for (let i = 0; i < x.length; i++) matches += weights ? weights[i] : 1;
  return {
    outcome: outcome.model,
    homeGoals: home.model,
    awayGoals: away.model,
    diagnostics: {
      matches,
      outcomeLogLikelihood: outcome.logLikelihood,
      homeGoalsLogLikelihood: home.logLikelihood,
      awayGoalsLogLikelihood: away.logLikelihood,
      iterations: outcome.iterations + home.iterations + away.iterations,
    },
  };
}

/** Ordered-logit fit of the 1X2 result on x. */
export function fitOrderedLogit(
  x: ArrayLike<number>,
  homeGoals: ArrayLike<number>,
  awayGoals: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Fit<OrderedLogit> {
  const n = checkColumns(x, [homeGoals, awayGoals], weights);
  // Ordinal class: 0 away win, 1 draw, 2 home win (increasing home superiority).
  const cls = new Uint8Array(n);
  const w = new Float64Array(n);
  const counts = [0, 0, 0];
  let sumX = 0;
  let sumXX = 0;
  for (let i = 0; i < n; i++) {
    cls[i] = homeGoals[i] > awayGoals[i] ? 2 : homeGoals[i] === awayGoals[i] ? 1 : 0;
    w[i] = weights ? weights[i] : 1;
    counts[cls[i]] += w[i];
    sumX += w[i] * x[i];
    sumXX += w[i] * x[i] * x[i];
  }
  const total = counts[0] + counts[1] + counts[2];
  if (counts.some((c) => c <= 0)) {
    throw new MatchdayError(
      'fit-failed',
      `ordered logit needs away wins, draws and home wins; got weights ${counts.map((c) => c.toFixed(1)).join(' / ')}`,
    );
  }
  if (sumXX / total - (sumX / total) ** 2 <= 1e-12 * (1 + sumXX / total)) {
    throw new MatchdayError('fit-failed', 'ordered logit needs varying rating differences; all x are equal');
  }

  const logLikelihood = (p: readonly number[]): number => {
    const [lower, upper, slope] = p;
    if (!(upper > lower)) return -Infinity;
    let ll = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const eta = slope * x[i];
      let term: number;
      if (cls[i] === 0) term = logLogistic(lower - eta);
      else if (cls[i] === 2) term = logLogistic(eta - upper);
      else term = Math.log(logistic(upper - eta) - logistic(lower - eta));
      ll += w[i] * term;
    }
    return ll;
  };

  // Gradient and Hessian in (drawLower, drawUpper, slope), accumulated as scalars: this loop is the hot path.
  const derivatives = (p: readonly number[]): { gradient: number[]; hessian: number[][] } => {
    const [lower, upper, slope] = p;
    let gL = 0;
    let gU = 0;
    let gS = 0;
    let hLL = 0;
    let hLU = 0;
    let hLS = 0;
    let hUU = 0;
    let hUS = 0;
    let hSS = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const xi = x[i];
      const eta = slope * xi;
      if (cls[i] === 0) {
        // ℓ = log F(a), a = lower − η: ℓ' = 1 − F(a), ℓ'' = −F(a)(1 − F(a)); ∂a = (1, 0, −x).
        const fa = logistic(lower - eta);
        const d1 = wi * (1 - fa);
        const d2 = -wi * fa * (1 - fa);
        gL += d1;
        gS -= d1 * xi;
        hLL += d2;
        hLS -= d2 * xi;
        hSS += d2 * xi * xi;
      } else if (cls[i] === 2) {
        // ℓ = log(1 − F(b)), b = upper − η: ℓ' = −F(b), ℓ'' = −F(b)(1 − F(b)); ∂b = (0, 1, −x).
        const fb = logistic(upper - eta);
        const d1 = -wi * fb;
        const d2 = -wi * fb * (1 - fb);
        gU += d1;
        gS -= d1 * xi;
        hUU += d2;
        hUS -= d2 * xi;
        hSS += d2 * xi * xi;
      } else {
        // ℓ = log(F(a) − F(b)), a = upper − η, b = lower − η, f = F(1 − F), f' = f(1 − 2F):
        // ∇ℓ = (f(a)∂a − f(b)∂b)/P, ∇²ℓ = (f'(a)∂a∂aᵀ − f'(b)∂b∂bᵀ)/P − ∇ℓ∇ℓᵀ.
        const Fa = logistic(upper - eta);
        const Fb = logistic(lower - eta);
        const prob = Fa - Fb;
        const fa = Fa * (1 - Fa);
        const fb = Fb * (1 - Fb);
        const iL = -fb / prob;
        const iU = fa / prob;
        const iS = (-xi * (fa - fb)) / prob;
        const sa = (fa * (1 - 2 * Fa)) / prob;
        const sb = (-fb * (1 - 2 * Fb)) / prob;
        gL += wi * iL;
        gU += wi * iU;
        gS += wi * iS;
        hLL += wi * (sb - iL * iL);
        hLU += wi * -iL * iU;
        hLS += wi * (-sb * xi - iL * iS);
        hUU += wi * (sa - iU * iU);
        hUS += wi * (-sa * xi - iU * iS);
        hSS += wi * ((sa + sb) * xi * xi - iS * iS);
      }
    }
    return {
      gradient: [gL, gU, gS],
      hessian: [
        [hLL, hLU, hLS],
        [hLU, hUU, hUS],
        [hLS, hUS, hSS],
      ],
    };
  };

  const start = [logit(counts[0] / total), logit((counts[0] + counts[1]) / total), 0];
  const fit = maximiseConcave(start, logLikelihood, derivatives, 'ordered logit');
  const [drawLower, drawUpper, slope] = fit.parameters;
  return { model: { slope, drawLower, drawUpper }, logLikelihood: fit.logLikelihood, iterations: fit.iterations };
}

/** Poisson regression log E[goals] = intercept + slope·x. */
export function fitPoissonLink(
  x: ArrayLike<number>,
  goals: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Fit<PoissonLink> {
  const n = checkColumns(x, [goals], weights);
  let sumW = 0;
  let sumWY = 0;
  let constant = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights ? weights[i] : 1;
    sumW += wi;
    sumWY += wi * goals[i];
    constant -= wi * logFactorial(goals[i]);
  }
  if (!(sumWY > 0))
    throw new MatchdayError('fit-failed', 'goal mapping needs at least one goal in the weighted matches');

  const logLikelihood = (p: readonly number[]): number => {
    const [a, b] = p;
    let ll = constant;
    for (let i = 0; i < n; i++) {
      const wi = weights ? weights[i] : 1;
      if (wi === 0) continue;
      const eta = a + b * x[i];
      ll += wi * (goals[i] * eta - Math.exp(eta));
    }
    return ll;
  };
  const derivatives = (p: readonly number[]): { gradient: number[]; hessian: number[][] } => {
    const [a, b] = p;
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const wi = weights ? weights[i] : 1;
      if (wi === 0) continue;
      const xi = x[i];
      const lambda = Math.exp(a + b * xi);
      g0 += wi * (goals[i] - lambda);
      g1 += wi * (goals[i] - lambda) * xi;
      h00 -= wi * lambda;
      h01 -= wi * lambda * xi;
      h11 -= wi * lambda * xi * xi;
    }
    return {
      gradient: [g0, g1],
      hessian: [
        [h00, h01],
        [h01, h11],
      ],
    };
  };
  const fit = maximiseConcave([Math.log(sumWY / sumW), 0], logLikelihood, derivatives, 'goal mapping');
  const [intercept, slope] = fit.parameters;
  return { model: { intercept, slope }, logLikelihood: fit.logLikelihood, iterations: fit.iterations };
}

/**
 * The score grid a rating forecast stands on: independent Poisson(λ, μ) scorelines from the goal mapping,
 * with each outcome region (home wins, draws, away wins) rescaled so the grid's 1X2 equals the ordered logit.
 * One grid then carries both fitted mappings, and every market read from it agrees with the 1X2.
 */
export function ratingScoreGrid(mapping: OutcomeMapping, x: number, maxGoals = 10): ScoreGrid {
  if (!Number.isInteger(maxGoals) || maxGoals < 1) {
    throw new MatchdayError('invalid-argument', `maxGoals must be a positive integer, got ${maxGoals}`, {
      field: 'maxGoals',
    });
  }
  if (!Number.isFinite(x))
    throw new MatchdayError('invalid-argument', `rating difference must be finite, got ${x}`, { field: 'x' });
  const { home: lambda, away: mu } = goalExpectancy(mapping, x);
  const [pHome, pDraw, pAway] = outcomeProbabilities(mapping.outcome, x);
  // The full grid runs until both Poisson tails are negligible, so expectations are the model's, not the truncation's.
  const homePmf = poissonPmf(lambda, maxGoals);
  const awayPmf = poissonPmf(mu, maxGoals);
  const regionMass = [0, 0, 0];
  for (let h = 0; h < homePmf.length; h++) {
    for (let a = 0; a < awayPmf.length; a++) regionMass[region(h, a)] += homePmf[h] * awayPmf[a];
  }
  if (regionMass.some((m) => !(m > 0))) {
    throw new MatchdayError(
      'invalid-argument',
      `goal expectancies ${lambda} and ${mu} leave an outcome with no Poisson mass`,
    );
  }
  const scale = [pHome / regionMass[0], pDraw / regionMass[1], pAway / regionMass[2]];
  const size = maxGoals + 1;
  const p = new Float64Array(size * size);
  let truncatedMass = 0;
  let homeExpected = 0;
  let awayExpected = 0;
  for (let h = 0; h < homePmf.length; h++) {
    for (let a = 0; a < awayPmf.length; a++) {
      const cell = homePmf[h] * awayPmf[a] * scale[region(h, a)];
      homeExpected += h * cell;
      awayExpected += a * cell;
      if (h <= maxGoals && a <= maxGoals) p[h * size + a] = cell;
      else truncatedMass += cell;
    }
  }
  return { maxGoals, p, truncatedMass, homeExpected, awayExpected };
}

/** A rating-based forecast for one fixture. */
export interface RatingForecast {
  /** The x fed to the mapping: home minus away rating (home advantage included unless neutral). */
  readonly ratingDifference: number;
  readonly probabilities: OutcomeProbabilities;
  /** Expected goals from the goal mapping (the grid's own expectations are in `grid`). */
  readonly homeGoals: number;
  readonly awayGoals: number;
  readonly grid: ScoreGrid;
}

export function ratingForecast(mapping: OutcomeMapping, x: number, maxGoals = 10): RatingForecast {
  const goals = goalExpectancy(mapping, x);
  return {
    ratingDifference: x,
    probabilities: outcomeProbabilities(mapping.outcome, x),
    homeGoals: goals.home,
    awayGoals: goals.away,
    grid: ratingScoreGrid(mapping, x, maxGoals),
  };
}

function region(home: number, away: number): 0 | 1 | 2 {
  return home > away ? 0 : home === away ? 1 : 2;
}

/** Poisson probabilities 0..K with K ≥ minLength chosen so the tail beyond K is below 1e-17. */
function poissonPmf(mean: number, minLength: number): number[] {
  if (!(mean > 0) || !Number.isFinite(mean)) {
    throw new MatchdayError('invalid-argument', `goal expectancy must be positive and finite, got ${mean}`);
  }
  const pmf = [Math.exp(-mean)];
  for (let k = 1; ; k++) {
    const next = (pmf[k - 1] * mean) / k;
    // Past the mode the terms fall geometrically; stop once a term (hence the tail) is negligible.
    if (k > minLength && k > mean && next < 1e-17) break;
    pmf.push(next);
  }
  return pmf;
}

const LOG_FACTORIALS: number[] = [0];
function logFactorial(k: number): number {
  for (let j = LOG_FACTORIALS.length; j <= k; j++) LOG_FACTORIALS.push(LOG_FACTORIALS[j - 1] + Math.log(j));
  return LOG_FACTORIALS[k];
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function checkColumns(x: ArrayLike<number>, columns: ArrayLike<number>[], weights?: ArrayLike<number>): number {
  const n = x.length;
  for (const column of columns) {
    if (column.length !== n)
      throw new MatchdayError('invalid-argument', `mapping columns differ in length: ${column.length} vs ${n}`);
  }
  if (weights && weights.length !== n)
    throw new MatchdayError('invalid-argument', `weights have ${weights.length} entries, x has ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]))
      throw new MatchdayError('invalid-argument', `rating difference ${i} is not finite: ${x[i]}`, { field: 'x' });
    if (weights && !(weights[i] >= 0 && Number.isFinite(weights[i]))) {
      throw new MatchdayError('invalid-argument', `weight ${i} must be finite and ≥ 0, got ${weights[i]}`, {
        field: 'weights',
      });
    }
    for (const column of columns) {
      if (!Number.isInteger(column[i]) || column[i] < 0) {
        throw new MatchdayError('invalid-argument', `goals ${i} must be a non-negative integer, got ${column[i]}`, {
          field: 'goals',
        });
      }
    }
  }
  return n;
}

/**
 * Damped Newton ascent for a concave log-likelihood of a few parameters: full steps, halved until the
 * likelihood does not fall. Throws if it cannot converge instead of returning a half-fitted model.
 */
function maximiseConcave(
  start: number[],
  logLikelihood: (p: readonly number[]) => number,
  derivatives: (p: readonly number[]) => { gradient: number[]; hessian: number[][] },
  what: string,
): { parameters: number[]; logLikelihood: number; iterations: number } {
  let p = start.slice();
  let ll = logLikelihood(p);
  if (!Number.isFinite(ll))
    throw new MatchdayError('fit-failed', `${what}: log-likelihood at the starting point is ${ll}`);
  for (let iteration = 1; iteration <= MAX_NEWTON_ITERATIONS; iteration++) {
    const { gradient, hessian } = derivatives(p);
    const negated = hessian.map((row) => row.map((v) => -v));
    const step = solvePositiveDefinite(negated, gradient, what);
    const decrement = gradient.reduce((s, g, i) => s + g * step[i], 0);
    if (decrement / 2 <= NEWTON_TOLERANCE * (1 + Math.abs(ll)))
      return { parameters: p, logLikelihood: ll, iterations: iteration };
    let t = 1;
    for (; t > 1e-10; t /= 2) {
      const candidate = p.map((v, i) => v + t * step[i]);
      const candidateLl = logLikelihood(candidate);
      if (Number.isFinite(candidateLl) && candidateLl >= ll - 1e-12 * Math.abs(ll)) {
        p = candidate;
        ll = candidateLl;
        break;
      }
    }
    if (t <= 1e-10)
      throw new MatchdayError('fit-failed', `${what}: no step increases the likelihood (iteration ${iteration})`);
  }
  throw new MatchdayError('fit-failed', `${what}: did not converge in ${MAX_NEWTON_ITERATIONS} Newton iterations`);
}

/** Solves A·s = b by Cholesky; A must be symmetric positive definite (a strictly concave likelihood). */
function solvePositiveDefinite(a: number[][], b: number[], what: string): number[] {
  const n = b.length;
  const l: number[][] = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0))
          throw new MatchdayError(
            'fit-failed',
            `${what}: the likelihood is not strictly concave here (singular information matrix)`,
          );
        l[i][i] = Math.sqrt(sum);
      } else l[i][j] = sum / l[j][j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
  }
  const s = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * s[k];
    s[i] = sum / l[i][i];
  }
  return s;
}
