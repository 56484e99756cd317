import { MatchdayError } from '../errors.js';

/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., algorithms 7.4/7.5) with a
 * strong-Wolfe line search (algorithms 3.5/3.6, cubic interpolation). Unconstrained; an objective marks
 * points it cannot evaluate (outside a parameter's valid region) by returning a non-finite value, and the
 * line search backs off from them.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. A non-finite return means "x is not allowed". */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Iteration limit (default 1000). */
  maxIterations?: number;
  /** Correction pairs kept (default 10). */
  memory?: number;
  /** Converged when ‖∇f‖∞ ≤ this (default 1e-8). */
  gradientTolerance?: number;
  /**
   * Stop when an accepted step changes f by ≤ this × max(|f|, 1) (default 1e-14). That counts as converged
   * only if ‖∇f‖∞ is also within STALL_FACTOR × gradientTolerance; otherwise f has stopped moving at a large
   * gradient (a kink, a wrong gradient) and the stop is reported as 'stalled'.
   */
  relativeFunctionTolerance?: number;
  /** Objective evaluations allowed in one line search (default 40). */
  maxLineSearchEvaluations?: number;
}

export type LbfgsStopReason =
  'gradient-tolerance' | 'function-tolerance' | 'stalled' | 'max-iterations' | 'line-search-failed';

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  /** ‖∇f‖∞ at x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  /** True when a tolerance was met; false on the iteration limit, a stall or a failed line search. */
  converged: boolean;
  reason: LbfgsStopReason;
}

const C1 = 1e-4; // sufficient decrease
const C2 = 0.9; // curvature (the usual choice for quasi-Newton directions)
/** Near a smooth minimum rounding stops f from moving while ‖∇f‖ is still a little above its tolerance. */
const STALL_FACTOR = 1000;

export function minimizeLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIterations = options.maxIterations ?? 1000;
  const memory = options.memory ?? 10;
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const functionTolerance = options.relativeFunctionTolerance ?? 1e-14;
  const maxLineSearch = options.maxLineSearchEvaluations ?? 40;
  const n = x0.length;

  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f) || !allFinite(g)) {
    throw new MatchdayError('OPTIMISER_NON_FINITE_START', `objective is not finite at the starting point (f = ${f})`);
  }

  let xTrial = new Float64Array(n);
  let gTrial = new Float64Array(n);
  const direction = new Float64Array(n);
  const sHistory = new Float64Array(memory * n);
  const yHistory = new Float64Array(memory * n);
  const rhoHistory = new Float64Array(memory);
  const alphaScratch = new Float64Array(memory);
  let stored = 0; // pairs in the ring buffer
  let newest = -1; // slot of the newest pair
  let iterations = 0;
  let reason: LbfgsStopReason;
  let retriedAfterFailure = false;

  // The line search evaluates trial points through this; the latest value and slope along `direction` land here.
  let trialValue = 0;
  let trialSlope = 0;
  const evaluateAt = (step: number): void => {
    for (let i = 0; i < n; i++) xTrial[i] = x[i] + step * direction[i];
    trialValue = objective(xTrial, gTrial);
    evaluations++;
    if (Number.isFinite(trialValue) && allFinite(gTrial)) trialSlope = dot(gTrial, direction, n);
    else {
      trialValue = Infinity;
      trialSlope = NaN;
    }
  };

  for (;;) {
    if (infinityNorm(g) <= gradientTolerance) {
      reason = 'gradient-tolerance';
      break;
    }
    if (iterations >= maxIterations) {
      reason = 'max-iterations';
      break;
    }

    twoLoopDirection(g, direction, sHistory, yHistory, rhoHistory, alphaScratch, stored, newest, memory, n);
    let slope0 = dot(g, direction, n);
    if (!(slope0 < 0)) {
      // Not a descent direction (a stale curvature pair): fall back to steepest descent.
      stored = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope0 = dot(g, direction, n);
    }
    const initialStep = stored === 0 ? Math.min(1, 1 / Math.sqrt(-slope0)) : 1;

    const step = strongWolfeStep(
      f,
      slope0,
      initialStep,
      maxLineSearch,
      evaluateAt,
      () => trialValue,
      () => trialSlope,
    );
    if (step === null) {
      if (stored > 0 && !retriedAfterFailure) {
        // The curvature memory may be misleading; retry once along steepest descent before giving up.
        stored = 0;
        retriedAfterFailure = true;
        continue;
      }
      reason = 'line-search-failed';
      break;
    }
    retriedAfterFailure = false;

    // Keep the correction pair s = Δx, y = Δg only when its curvature sᵀy is positive (keeps H ≻ 0);
    // a rejected pair must not overwrite the oldest stored one.
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const s = xTrial[i] - x[i];
      const y = gTrial[i] - g[i];
      sy += s * y;
      yy += y * y;
    }
    if (sy > 1e-12 * yy && sy > 0) {
      const slot = (newest + 1) % memory;
      const offset = slot * n;
      for (let i = 0; i < n; i++) {
        sHistory[offset + i] = xTrial[i] - x[i];
        yHistory[offset + i] = gTrial[i] - g[i];
      }
      rhoHistory[slot] = 1 / sy;
      newest = slot;
      if (stored < memory) stored++;
    }

    const previous = f;
    f = trialValue;
    [x, xTrial] = [xTrial, x];
    [g, gTrial] = [gTrial, g];
    iterations++;
    if (infinityNorm(g) <= gradientTolerance) {
      reason = 'gradient-tolerance';
      break;
    }
    if (previous - f <= functionTolerance * Math.max(Math.abs(previous), Math.abs(f), 1)) {
      reason = infinityNorm(g) <= STALL_FACTOR * gradientTolerance ? 'function-tolerance' : 'stalled';
      break;
    }
  }

  return {
    x,
    value: f,
    gradient: g,
    gradientNorm: infinityNorm(g),
    iterations,
    evaluations,
    converged: reason === 'gradient-tolerance' || reason === 'function-tolerance',
    reason,
  };
}

/** direction = −H·g by the two-loop recursion; H₀ = (sᵀy / yᵀy)·I from the newest pair. */
function twoLoopDirection(
  g: Float64Array,
  direction: Float64Array,
  sHistory: Float64Array,
  yHistory: Float64Array,
  rhoHistory: Float64Array,
  alpha: Float64Array,
  stored: number,
  newest: number,
  memory: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) direction[i] = -g[i];
  if (stored === 0) return;
  let slot = newest;
  for (let k = 0; k < stored; k++) {
    const offset = slot * n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += sHistory[offset + i] * direction[i];
    const a = rhoHistory[slot] * sq;
    alpha[slot] = a;
    for (let i = 0; i < n; i++) direction[i] -= a * yHistory[offset + i];
    slot = (slot - 1 + memory) % memory;
  }
  const newestOffset = newest * n;
  let yy = 0;
  for (let i = 0; i < n; i++) yy += yHistory[newestOffset + i] * yHistory[newestOffset + i];
  const gamma = 1 / (rhoHistory[newest] * yy);
  for (let i = 0; i < n; i++) direction[i] *= gamma;
  slot = (newest - stored + 1 + memory) % memory;
  for (let k = 0; k < stored; k++) {
    const offset = slot * n;
    let yr = 0;
    for (let i = 0; i < n; i++) yr += yHistory[offset + i] * direction[i];
    const b = rhoHistory[slot] * yr;
    const a = alpha[slot];
    for (let i = 0; i < n; i++) direction[i] += (a - b) * sHistory[offset + i];
    slot = (slot + 1) % memory;
  }
}

/**
 * A step satisfying the strong Wolfe conditions, or null. After a non-null return the caller's trial
 * buffers hold the point at that step (every return follows the evaluation of the returned step).
 */
function strongWolfeStep(
  f0: number,
  slope0: number,
  initialStep: number,
  maxEvaluations: number,
  evaluateAt: (step: number) => void,
  value: () => number,
  slope: () => number,
): number | null {
  let previousStep = 0;
  let previousValue = f0;
  let previousSlope = slope0;
  let step = initialStep;
  for (let k = 0; k < maxEvaluations; k++) {
    evaluateAt(step);
    const fk = value();
    const dk = slope();
    if (!Number.isFinite(fk) || fk > f0 + C1 * step * slope0 || (k > 0 && fk >= previousValue)) {
      return zoom(
        previousStep,
        previousValue,
        previousSlope,
        step,
        fk,
        dk,
        f0,
        slope0,
        maxEvaluations - k - 1,
        evaluateAt,
        value,
        slope,
      );
    }
    if (Math.abs(dk) <= -C2 * slope0) return step;
    if (dk >= 0) {
      return zoom(
        step,
        fk,
        dk,
        previousStep,
        previousValue,
        previousSlope,
        f0,
        slope0,
        maxEvaluations - k - 1,
        evaluateAt,
        value,
        slope,
      );
    }
    previousStep = step;
    previousValue = fk;
    previousSlope = dk;
    step *= 2;
  }
  return null;
}

function zoom(
  lo: number,
  fLo: number,
  dLo: number,
  hi: number,
  fHi: number,
  dHi: number,
  f0: number,
  slope0: number,
  maxEvaluations: number,
  evaluateAt: (step: number) => void,
  value: () => number,
  slope: () => number,
): number | null {
  for (let k = 0; k < maxEvaluations; k++) {
    const width = hi - lo;
    if (Math.abs(width) <= 1e-15 * Math.max(Math.abs(lo), Math.abs(hi))) return null;
    const step = interpolate(lo, fLo, dLo, hi, fHi, dHi);
    evaluateAt(step);
    const fj = value();
    const dj = slope();
    if (!Number.isFinite(fj) || fj > f0 + C1 * step * slope0 || fj >= fLo) {
      hi = step;
      fHi = fj;
      dHi = dj;
    } else {
      if (Math.abs(dj) <= -C2 * slope0) return step;
      if (dj * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
        dHi = dLo;
      }
      lo = step;
      fLo = fj;
      dLo = dj;
    }
  }
  return null;
}

/** Minimiser of the cubic through both ends, kept 10% away from either end; bisection when the cubic is unusable. */
function interpolate(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const left = Math.min(a, b);
  const right = Math.max(a, b);
  const margin = 0.1 * (right - left);
  if (Number.isFinite(fb) && Number.isFinite(db)) {
    const d1 = da + db - (3 * (fa - fb)) / (a - b);
    const disc = d1 * d1 - da * db;
    if (disc >= 0) {
      const d2 = Math.sign(b - a) * Math.sqrt(disc);
      const t = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
      if (Number.isFinite(t)) return Math.min(Math.max(t, left + margin), right - margin);
    }
  }
  return 0.5 * (a + b);
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

function infinityNorm(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m) m = v;
  }
  return m;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
