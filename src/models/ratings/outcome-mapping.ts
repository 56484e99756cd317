import { MatchdayError } from '../../errors.js';
import type { ScoreGrid } from '../score-grid.js';

/**
 * From a pre-match rating difference x (home side minus away side) to outcome probabilities and goal
 * expectancies, fitted by maximum likelihood on training matches instead of hard-coded. Each mapping has its
 * own home-advantage term, switched off at neutral venues, and is otherwise symmetric: swapping the sides of
 * a neutral fixture swaps the forecast.
 *
 * Outcomes: ordered logit on the latent home superiority s = slope·x + homeAdvantage·[not neutral]:
 * P(home) = F(s − drawMargin), P(away) = F(−s − drawMargin), the draw takes the rest (F logistic).
 * Goals: Poisson regression λ = exp(intercept + homeAdvantage·[not neutral] + slope·x) for the home side and
 * μ = exp(intercept − slope·x) for the away side, the Dixon-Coles convention for where home advantage lives.
 * Both likelihoods are concave, so a damped Newton method with exact derivatives finds the optimum.
 */
export interface OrderedLogit {
  readonly slope: number;
  readonly homeAdvantage: number;
  /** Half the width of the draw band on the latent scale; > 0. */
  readonly drawMargin: number;
}

export interface GoalLink {
  readonly intercept: number;
  readonly homeAdvantage: number;
  readonly slope: number;
}

export interface OutcomeMapping {
  readonly outcome: OrderedLogit;
  readonly goals: GoalLink;
  readonly diagnostics: MappingDiagnostics;
}

export interface MappingDiagnostics {
  /** Sum of the fitting weights (the number of matches when unweighted). */
  readonly matches: number;
  readonly outcomeLogLikelihood: number;
  /** Full Poisson log-likelihood of home and away goals, log-factorial terms included. */
  readonly goalsLogLikelihood: number;
  /** Newton iterations of the two fits together. */
  readonly iterations: number;
}

/** Training matches for a mapping: the pre-match rating difference and what happened. */
export interface MappingInput {
  readonly x: ArrayLike<number>;
  readonly homeGoals: ArrayLike<number>;
  readonly awayGoals: ArrayLike<number>;
  /** Truthy at a neutral venue. */
  readonly neutral: ArrayLike<number | boolean>;
  /** ≥ 0 per match: 0 leaves a match out (burn-in), fractions down-weight it. All 1 when omitted. */
  readonly weights?: ArrayLike<number>;
}

export interface Fit<T> {
  readonly model: T;
  readonly logLikelihood: number;
  readonly iterations: number;
}

/** 1X2 probabilities in the order home, draw, away. */
export type OutcomeProbabilities = readonly [home: number, draw: number, away: number];

const MAX_NEWTON_ITERATIONS = 100;
/**
 * Stop when half the Newton decrement (the predicted gain of a full step) falls below this, relative to |ℓ|:
 * in practice one quadratic step past where the gain first becomes negligible, so the score equations hold
 * to rounding (e.g. total expected goals = total goals to ~1e-16 relative).
 */
const NEWTON_TOLERANCE = 1e-20;

/** Logistic CDF, computed without overflow for large |t|. */
function logistic(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

export function outcomeProbabilities(model: OrderedLogit, x: number, neutral = false): OutcomeProbabilities {
  const s = model.slope * x + (neutral ? 0 : model.homeAdvantage);
  const home = logistic(s - model.drawMargin);
  const away = logistic(-s - model.drawMargin);
  return [home, 1 - home - away, away];
}

/** Expected goals of each side at rating difference x. */
export function goalExpectancy(goals: GoalLink, x: number, neutral = false): { home: number; away: number } {
  return {
    home: Math.exp(goals.intercept + (neutral ? 0 : goals.homeAdvantage) + goals.slope * x),
    away: Math.exp(goals.intercept - goals.slope * x),
  };
}

/** Fits the outcome and the goal mapping on the same matches. */
export function fitOutcomeMapping(input: MappingInput): OutcomeMapping {
  const outcome = fitOrderedLogit(input);
  const goals = fitGoalLink(input);
  let matches = 0;
  for (let i = 0; i < input.x.length; i++) matches += input.weights ? input.weights[i] : 1;
  return {
    outcome: outcome.model,
    goals: goals.model,
    diagnostics: {
      matches,
      outcomeLogLikelihood: outcome.logLikelihood,
      goalsLogLikelihood: goals.logLikelihood,
      iterations: outcome.iterations + goals.iterations,
    },
  };
}

/** Columns read once into typed arrays: weight, home indicator (1 unless neutral) and 1X2 class. */
interface Prepared {
  readonly n: number;
  readonly w: Float64Array;
  readonly home: Float64Array;
  /** 0 home win, 1 draw, 2 away win. */
  readonly cls: Uint8Array;
  /** Whether any weighted match had a home side; without one, home advantage stays 0. */
  readonly hasHome: boolean;
}

function prepare(input: MappingInput): Prepared {
  const { x, homeGoals, awayGoals, neutral, weights } = input;
  const n = x.length;
  for (const [field, column] of [
    ['homeGoals', homeGoals],
    ['awayGoals', awayGoals],
    ['neutral', neutral],
    ['weights', weights ?? x],
  ] as const) {
    if (column.length !== n) {
      throw new MatchdayError('INVALID_ARGUMENT', `mapping input ${field} has ${column.length} entries, x has ${n}`, {
        field,
      });
    }
  }
  const w = new Float64Array(n);
  const home = new Float64Array(n);
  const cls = new Uint8Array(n);
  let hasHome = false;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) {
      throw new MatchdayError('INVALID_ARGUMENT', `rating difference ${i} is not finite: ${x[i]}`, { field: 'x' });
    }
    w[i] = weights ? weights[i] : 1;
    if (!(w[i] >= 0 && Number.isFinite(w[i]))) {
      throw new MatchdayError('INVALID_ARGUMENT', `weight ${i} must be finite and ≥ 0, got ${w[i]}`, {
        field: 'weights',
      });
    }
    checkGoals(homeGoals[i], i);
    checkGoals(awayGoals[i], i);
    home[i] = neutral[i] ? 0 : 1;
    if (home[i] === 1 && w[i] > 0) hasHome = true;
    cls[i] = homeGoals[i] > awayGoals[i] ? 0 : homeGoals[i] === awayGoals[i] ? 1 : 2;
  }
  return { n, w, home, cls, hasHome };
}

function checkGoals(goals: number, match: number): void {
  if (!Number.isInteger(goals) || goals < 0) {
    throw new MatchdayError('INVALID_ARGUMENT', `goals of match ${match} must be a whole number ≥ 0, got ${goals}`, {
      field: 'goals',
    });
  }
}

/** Ordered-logit fit of the 1X2 result on x, parameters (slope, homeAdvantage, drawMargin). */
export function fitOrderedLogit(input: MappingInput): Fit<OrderedLogit> {
  const { x } = input;
  const { n, w, home, cls, hasHome } = prepare(input);
  const counts = [0, 0, 0];
  let sumW = 0;
  let sumX = 0;
  let sumXX = 0;
  for (let i = 0; i < n; i++) {
    counts[cls[i]] += w[i];
    sumW += w[i];
    sumX += w[i] * x[i];
    sumXX += w[i] * x[i] * x[i];
  }
  if (counts.some((c) => c <= 0)) {
    throw new MatchdayError(
      'FIT_FAILED',
      `ordered logit needs home wins, draws and away wins; got weights ${counts.map((c) => c.toFixed(1)).join(' / ')}`,
    );
  }
  if (sumXX / sumW - (sumX / sumW) ** 2 <= 1e-12 * (1 + sumXX / sumW)) {
    throw new MatchdayError('FIT_FAILED', 'ordered logit needs varying rating differences; all x are equal');
  }

  // The log-likelihood with its exact gradient and Hessian in (slope, homeAdvantage, drawMargin), in one pass
  // accumulated as scalars (the hot loop). With tH = s − margin and tA = −s − margin: ∇tH = (x, m, −1),
  // ∇tA = (−x, −m, −1), m the home indicator.
  const evaluate = (p: readonly number[]): Evaluation => {
    const [slope, homeAdvantage, margin] = p;
    if (!(margin > 0)) return { logLikelihood: -Infinity, gradient: [], hessian: [] };
    // Summed in a typed array, not a local variable, as in models/dixon-coles.ts: in code compiled in the middle of
    // the loop a number carried from one iteration to the next is boxed at every step.
    const ll = new Float64Array(1);
    const g = [0, 0, 0];
    const h = new Float64Array(6); // upper triangle: 00 01 02 11 12 22
    const addOuter = (u0: number, u1: number, u2: number, scale: number): void => {
      h[0] += scale * u0 * u0;
      h[1] += scale * u0 * u1;
      h[2] += scale * u0 * u2;
      h[3] += scale * u1 * u1;
      h[4] += scale * u1 * u2;
      h[5] += scale * u2 * u2;
    };
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const xi = x[i];
      const mi = home[i];
      const s = slope * xi + homeAdvantage * mi;
      if (cls[i] !== 1) {
        // ℓ = log F(t): ℓ' = 1 − F(t), ℓ'' = −F(t)(1 − F(t)).
        const sign = cls[i] === 0 ? 1 : -1;
        const t = sign * s - margin;
        // F = logistic(t) to the bit and ln F exact in both tails, from one exponential (the hot loop).
        const e = Math.exp(-Math.abs(t));
        const F = t >= 0 ? 1 / (1 + e) : e / (1 + e);
        ll[0] += wi * (t >= 0 ? -Math.log1p(e) : t - Math.log1p(e));
        const d1 = wi * (1 - F);
        g[0] += d1 * sign * xi;
        g[1] += d1 * sign * mi;
        g[2] -= d1;
        addOuter(sign * xi, sign * mi, -1, -wi * F * (1 - F));
      } else {
        // P = 1 − F(tH) − F(tA): ∇P = −f(tH)∇tH − f(tA)∇tA, ∇²P = −f'(tH)∇tH∇tHᵀ − f'(tA)∇tA∇tAᵀ with
        // f = F(1 − F), f' = f(1 − 2F); then ∇ℓ = ∇P/P and ∇²ℓ = ∇²P/P − ∇ℓ∇ℓᵀ.
        // FH = logistic(tH) and logistic(margin − s) = logistic(−tH) to the bit, from one exponential.
        const tH = s - margin;
        const eH = Math.exp(-Math.abs(tH));
        const FH = tH >= 0 ? 1 / (1 + eH) : eH / (1 + eH);
        const FA = logistic(-s - margin);
        const prob = (tH <= 0 ? 1 / (1 + eH) : eH / (1 + eH)) - FA;
        ll[0] += wi * Math.log(prob);
        const fH = FH * (1 - FH);
        const fA = FA * (1 - FA);
        const l0 = (-fH * xi + fA * xi) / prob;
        const l1 = (-fH * mi + fA * mi) / prob;
        const l2 = (fH + fA) / prob;
        g[0] += wi * l0;
        g[1] += wi * l1;
        g[2] += wi * l2;
        addOuter(xi, mi, -1, (-wi * fH * (1 - 2 * FH)) / prob);
        addOuter(-xi, -mi, -1, (-wi * fA * (1 - 2 * FA)) / prob);
        addOuter(l0, l1, l2, -wi);
      }
    }
    return { logLikelihood: ll[0], ...symmetric(g, h, hasHome) };
  };

  // Start from the observed frequencies (logit P(home) = h − c, logit P(away) = −h − c) and the slope of a linear
  // fit of the result (1, ½, 0) on x scaled to the logit (×4, its slope at ½): a few Newton steps from the optimum.
  const logitHome = logit(counts[0] / sumW);
  const logitAway = logit(counts[2] / sumW);
  let sumXY = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const y = cls[i] === 0 ? 1 : cls[i] === 1 ? 0.5 : 0;
    sumXY += w[i] * x[i] * y;
    sumY += w[i] * y;
  }
  const variance = sumXX / sumW - (sumX / sumW) ** 2;
  const linearSlope = (4 * (sumXY / sumW - (sumX / sumW) * (sumY / sumW))) / variance;
  const start = [linearSlope, hasHome ? (logitHome - logitAway) / 2 : 0, -(logitHome + logitAway) / 2];
  const fit = maximiseConcave(start, evaluate, 'ordered logit');
  const [slope, homeAdvantage, drawMargin] = fit.parameters;
  return { model: { slope, homeAdvantage, drawMargin }, logLikelihood: fit.logLikelihood, iterations: fit.iterations };
}

/** Poisson regression of both sides' goals on x, parameters (intercept, homeAdvantage, slope). */
export function fitGoalLink(input: MappingInput): Fit<GoalLink> {
  const { x, homeGoals, awayGoals } = input;
  const { n, w, home, hasHome } = prepare(input);
  let sumW = 0;
  let sumGoals = 0;
  let constant = 0;
  for (let i = 0; i < n; i++) {
    sumW += w[i];
    sumGoals += w[i] * (homeGoals[i] + awayGoals[i]);
    constant -= w[i] * (logFactorial(homeGoals[i]) + logFactorial(awayGoals[i]));
  }
  if (!(sumGoals > 0))
    throw new MatchdayError('FIT_FAILED', 'goal mapping needs at least one goal in the weighted matches');

  // Home goals have design (1, m, x), away goals (1, 0, −x): ∇ℓ = Σ w(y − λ)d, ∇²ℓ = −Σ wλ ddᵀ.
  const evaluate = (p: readonly number[]): Evaluation => {
    const [intercept, homeAdvantage, slope] = p;
    let ll = constant;
    const g = [0, 0, 0];
    const h = new Float64Array(6);
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const xi = x[i];
      const mi = home[i];
      const etaHome = intercept + homeAdvantage * mi + slope * xi;
      const etaAway = intercept - slope * xi;
      const lambda = Math.exp(etaHome);
      const mu = Math.exp(etaAway);
      ll += wi * (homeGoals[i] * etaHome - lambda + awayGoals[i] * etaAway - mu);
      const rh = wi * (homeGoals[i] - lambda);
      const ra = wi * (awayGoals[i] - mu);
      g[0] += rh + ra;
      g[1] += rh * mi;
      g[2] += (rh - ra) * xi;
      const sh = wi * lambda;
      const sa = wi * mu;
      h[0] -= sh + sa;
      h[1] -= sh * mi;
      h[2] -= (sh - sa) * xi;
      h[3] -= sh * mi * mi;
      h[4] -= sh * mi * xi;
      h[5] -= (sh + sa) * xi * xi;
    }
    return { logLikelihood: ll, ...symmetric(g, h, hasHome) };
  };
  const fit = maximiseConcave([Math.log(sumGoals / (2 * sumW)), 0, 0], evaluate, 'goal mapping');
  const [intercept, homeAdvantage, slope] = fit.parameters;
  return { model: { intercept, homeAdvantage, slope }, logLikelihood: fit.logLikelihood, iterations: fit.iterations };
}

/**
 * Full 3×3 Hessian from its upper triangle. Without home matches the home-advantage parameter (index 1) has
 * no information: its row is replaced by −1 on the diagonal and a zero gradient, so Newton leaves it at 0.
 */
function symmetric(g: number[], h: Float64Array, hasHome: boolean): { gradient: number[]; hessian: number[][] } {
  const hessian = [
    [h[0], h[1], h[2]],
    [h[1], h[3], h[4]],
    [h[2], h[4], h[5]],
  ];
  if (!hasHome) {
    g[1] = 0;
    hessian[0][1] = hessian[1][0] = hessian[1][2] = hessian[2][1] = 0;
    hessian[1][1] = -1;
  }
  return { gradient: g, hessian };
}

/**
 * The score grid a rating forecast stands on: independent Poisson(λ, μ) scorelines from the goal mapping,
 * with each outcome region (home wins, draws, away wins) rescaled so the grid's 1X2 equals the ordered logit.
 * One grid then carries both fitted mappings, and every market read from it agrees with the 1X2.
 */
export function ratingScoreGrid(mapping: OutcomeMapping, x: number, neutral = false, maxGoals = 10): ScoreGrid {
  if (!Number.isInteger(maxGoals) || maxGoals < 1) {
    throw new MatchdayError('INVALID_ARGUMENT', `maxGoals must be a positive integer, got ${maxGoals}`, {
      field: 'maxGoals',
    });
  }
  if (!Number.isFinite(x)) {
    throw new MatchdayError('INVALID_ARGUMENT', `rating difference must be finite, got ${x}`, { field: 'x' });
  }
  const { home: lambda, away: mu } = goalExpectancy(mapping.goals, x, neutral);
  const [pHome, pDraw, pAway] = outcomeProbabilities(mapping.outcome, x, neutral);
  // The full grid runs until both Poisson tails are negligible, so expectations are the model's, not the truncation's.
  const homePmf = poissonPmf(lambda, maxGoals);
  const awayPmf = poissonPmf(mu, maxGoals);
  const regionMass = [0, 0, 0];
  for (let h = 0; h < homePmf.length; h++) {
    for (let a = 0; a < awayPmf.length; a++) regionMass[region(h, a)] += homePmf[h] * awayPmf[a];
  }
  if (regionMass.some((m) => !(m > 0))) {
    throw new MatchdayError('INVALID_ARGUMENT', `goal expectancies ${lambda} and ${mu} leave an outcome with no mass`);
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
  /** The x fed to the mappings: home minus away rating. */
  readonly ratingDifference: number;
  readonly neutral: boolean;
  readonly probabilities: OutcomeProbabilities;
  /** Expected goals from the goal mapping (the grid's own expectations are in `grid`). */
  readonly homeGoals: number;
  readonly awayGoals: number;
  readonly grid: ScoreGrid;
}

export function ratingForecast(mapping: OutcomeMapping, x: number, neutral = false, maxGoals = 10): RatingForecast {
  const goals = goalExpectancy(mapping.goals, x, neutral);
  return {
    ratingDifference: x,
    neutral,
    probabilities: outcomeProbabilities(mapping.outcome, x, neutral),
    homeGoals: goals.home,
    awayGoals: goals.away,
    grid: ratingScoreGrid(mapping, x, neutral, maxGoals),
  };
}

function region(home: number, away: number): 0 | 1 | 2 {
  return home > away ? 0 : home === away ? 1 : 2;
}

/** Poisson probabilities 0..K with K ≥ minLength chosen so the tail beyond K is below 1e-17. */
function poissonPmf(mean: number, minLength: number): number[] {
  if (!(mean > 0) || !Number.isFinite(mean)) {
    throw new MatchdayError('INVALID_ARGUMENT', `goal expectancy must be positive and finite, got ${mean}`);
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

/** A log-likelihood with its gradient and Hessian at one point (empty when the point is outside the domain). */
interface Evaluation {
  logLikelihood: number;
  gradient: number[];
  hessian: number[][];
}

/**
 * Damped Newton ascent for a concave log-likelihood of a few parameters: full steps, halved until the
 * likelihood does not fall. Each point is evaluated once, value and derivatives together (an accepted step's
 * derivatives are the next iteration's). Throws if it cannot converge instead of returning a half-fitted model.
 */
function maximiseConcave(
  start: number[],
  evaluate: (p: readonly number[]) => Evaluation,
  what: string,
): { parameters: number[]; logLikelihood: number; iterations: number } {
  let p = start.slice();
  let current = evaluate(p);
  if (!Number.isFinite(current.logLikelihood)) {
    throw new MatchdayError('FIT_FAILED', `${what}: log-likelihood at the starting point is ${current.logLikelihood}`);
  }
  for (let iteration = 1; iteration <= MAX_NEWTON_ITERATIONS; iteration++) {
    const { gradient, hessian, logLikelihood: ll } = current;
    const negated = hessian.map((row) => row.map((v) => -v));
    const step = solvePositiveDefinite(negated, gradient, what);
    const decrement = gradient.reduce((s, g, i) => s + g * step[i], 0);
    if (decrement / 2 <= NEWTON_TOLERANCE * (1 + Math.abs(ll))) {
      return { parameters: p, logLikelihood: ll, iterations: iteration };
    }
    let t = 1;
    for (; t > 1e-10; t /= 2) {
      const candidate = p.map((v, i) => v + t * step[i]);
      const evaluation = evaluate(candidate);
      if (Number.isFinite(evaluation.logLikelihood) && evaluation.logLikelihood >= ll - 1e-12 * Math.abs(ll)) {
        p = candidate;
        current = evaluation;
        break;
      }
    }
    if (t <= 1e-10) {
      throw new MatchdayError('FIT_FAILED', `${what}: no step increases the likelihood (iteration ${iteration})`);
    }
  }
  throw new MatchdayError('FIT_FAILED', `${what}: did not converge in ${MAX_NEWTON_ITERATIONS} Newton iterations`);
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
        if (!(sum > 0)) {
          throw new MatchdayError(
            'FIT_FAILED',
            `${what}: the likelihood is not strictly concave here (singular information)`,
          );
        }
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
