import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from '../models/score-grid.js';

export interface PoissonGridOptions {
  /** Inclusive: scores 0..maxGoals for each side. */
  maxGoals: number;
  /** Dixon-Coles low-score dependence; 0 (the default) gives independent Poisson. */
  rho?: number;
}

/** The open interval of ρ for which every Dixon-Coles factor τ is positive at these rates. */
export function dixonColesRhoBounds(lambda: number, mu: number): { min: number; max: number } {
  // τ(0,0)=1−λμρ, τ(0,1)=1+λρ, τ(1,0)=1+μρ, τ(1,1)=1−ρ must all stay > 0.
  const min = -1 / Math.max(lambda, mu, Number.MIN_VALUE);
  const max = Math.min(1, 1 / Math.max(lambda * mu, Number.MIN_VALUE));
  return { min, max };
}

// Reused pmf buffers: building a grid is on the hot path of every prediction.
let homePmf = new Float64Array(16);
let awayPmf = new Float64Array(16);

/**
 * Score grid of two Poisson goal counts (home rate λ, away rate μ), with the Dixon-Coles τ correction
 * on the four low scores when ρ ≠ 0. τ leaves both marginals Poisson, so the model's expected goals are λ and μ.
 */
export function poissonScoreGrid(lambda: number, mu: number, options: PoissonGridOptions): ScoreGrid {
  const { maxGoals } = options;
  const rho = options.rho ?? 0;
  checkRate(lambda, 'lambda');
  checkRate(mu, 'mu');
  if (!Number.isInteger(maxGoals) || maxGoals < 0) {
    throw new MatchdayError('INVALID_GRID', `maxGoals must be a non-negative integer, got ${maxGoals}`, {
      field: 'maxGoals',
    });
  }
  if (!Number.isFinite(rho)) {
    throw new MatchdayError('INVALID_RHO', `rho must be finite, got ${rho}`, { field: 'rho' });
  }
  if (rho !== 0) {
    const bounds = dixonColesRhoBounds(lambda, mu);
    if (!(rho > bounds.min && rho < bounds.max)) {
      throw new MatchdayError(
        'INVALID_RHO',
        `rho ${rho} makes a Dixon-Coles factor non-positive at lambda ${lambda}, mu ${mu} ` +
          `(allowed (${bounds.min}, ${bounds.max}))`,
        { field: 'rho' },
      );
    }
  }

  const size = maxGoals + 1;
  if (homePmf.length < size) {
    homePmf = new Float64Array(size);
    awayPmf = new Float64Array(size);
  }
  fillPoissonPmf(homePmf, lambda, size);
  fillPoissonPmf(awayPmf, mu, size);

  const p = new Float64Array(size * size);
  let sum = 0;
  for (let h = 0; h < size; h++) {
    const ph = homePmf[h];
    const row = h * size;
    for (let a = 0; a < size; a++) {
      const v = ph * awayPmf[a];
      p[row + a] = v;
      sum += v;
    }
  }
  if (rho !== 0) sum += applyDixonColes(p, size, lambda, mu, rho);

  return {
    maxGoals,
    p,
    truncatedMass: Math.max(0, 1 - sum),
    homeExpected: lambda,
    awayExpected: mu,
  };
}

/**
 * Grid for 30 minutes of extra time: independent Poisson with the 90-minute rates scaled by `scale`
 * (the caller fits the scale from history; 1/3 would be the naive "same rate per minute").
 */
export function extraTimeGrid(lambda: number, mu: number, scale: number, maxGoals: number): ScoreGrid {
  if (!(Number.isFinite(scale) && scale >= 0)) {
    throw new MatchdayError('INVALID_RATE', `extra-time scale must be finite and non-negative, got ${scale}`, {
      field: 'scale',
    });
  }
  return poissonScoreGrid(lambda * scale, mu * scale, { maxGoals });
}

function checkRate(rate: number, field: string): void {
  if (!(Number.isFinite(rate) && rate >= 0)) {
    throw new MatchdayError('INVALID_RATE', `${field} must be finite and non-negative, got ${rate}`, { field });
  }
}

function fillPoissonPmf(out: Float64Array, rate: number, size: number): void {
  let v = Math.exp(-rate);
  out[0] = v;
  for (let k = 1; k < size; k++) {
    v = (v * rate) / k;
    out[k] = v;
  }
}

/** Multiplies the low-score cells inside the grid by τ; returns the change in the grid's sum. */
function applyDixonColes(p: Float64Array, size: number, lambda: number, mu: number, rho: number): number {
  const before00 = p[0];
  p[0] = before00 * (1 - lambda * mu * rho);
  if (size === 1) return p[0] - before00;
  const before01 = p[1];
  const before10 = p[size];
  const before11 = p[size + 1];
  p[1] = before01 * (1 + lambda * rho);
  p[size] = before10 * (1 + mu * rho);
  p[size + 1] = before11 * (1 - rho);
  return p[0] - before00 + (p[1] - before01) + (p[size] - before10) + (p[size + 1] - before11);
}
