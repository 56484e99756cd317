import { MatchdayError } from '../errors.js';
import { toScoreGrid } from '../models/build-score-grid.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { Probabilities1x2 } from './match-forecaster.js';
import { dixonColesRhoBounds } from './poisson-grid.js';

/** Dixon-Coles rates of a score grid: home and away expected goals and the low-score dependence ρ. */
export interface GridRates {
  home: number;
  away: number;
  rho: number;
}

/**
 * The score grid of a 1X2 forecast: the Dixon-Coles grid (scores 0..maxGoals each side, conditioned on lying
 * inside it) whose home win, draw and away win are `outcomes` and whose expected total goals are those of
 * `base` — the goal model's rates. Two prices and the total fix the three unknowns: the split of the total
 * between the sides and ρ, solved by Newton's method from the goal model's own split and ρ. Every market then
 * reads one grid that agrees with the 1X2 forecast and with the goal model's totals: ρ leaves both marginals
 * Poisson, so P(over 2.5) and every total line are the goal model's own (bar the few goals beyond the grid).
 *
 * The grid's three outcome regions are finally rescaled to the forecast (a change of the order of the solve's
 * residual, ≤ 1e-12 when it converges), so its 1X2 equals `outcomes` to rounding whatever happens.
 */
export function outcomeGrid(outcomes: Probabilities1x2, base: GridRates, maxGoals: number): { grid: ScoreGrid; rates: GridRates } {
  const [home, draw, away] = outcomes;
  if (!(home > 0 && draw > 0 && away > 0) || Math.abs(home + draw + away - 1) > 1e-9) {
    throw new MatchdayError('invalid-probability', `1X2 forecast must be positive and sum to 1, got ${outcomes.join(', ')}`);
  }
  const total = base.home + base.away;
  if (!(total > 0 && Number.isFinite(total))) {
    throw new MatchdayError('MODEL_INVALID_RATE', `expected total goals must be positive, got ${total}`);
  }
  let x = { split: Math.log(base.home / base.away), rho: base.rho };
  x.rho = insideRhoBounds(x.rho, ratesOf(x.split, total));
  let state = evaluate(x.split, x.rho, total, maxGoals);
  let error = residualSize(state, home, away);
  for (let iteration = 0; iteration < MAX_ITERATIONS && error > TOLERANCE; iteration++) {
    // Newton step on (P(home) − home, P(away) − away) in (split, ρ).
    const rh = state.home - home;
    const ra = state.away - away;
    const [a, b, c, d] = [state.dHome[0], state.dHome[1], state.dAway[0], state.dAway[1]];
    const det = a * d - b * c;
    if (!(Math.abs(det) > 1e-300)) break;
    const stepSplit = -(d * rh - b * ra) / det;
    const stepRho = -(-c * rh + a * ra) / det;
    let t = 1;
    let accepted = false;
    for (; t > 1e-6; t /= 2) {
      const split = x.split + t * stepSplit;
      const rho = x.rho + t * stepRho;
      const bounds = dixonColesRhoBounds(...ratesOf(split, total));
      if (!(rho > bounds.min && rho < bounds.max) || Math.abs(split) > MAX_SPLIT) continue;
      const candidate = evaluate(split, rho, total, maxGoals);
      const candidateError = residualSize(candidate, home, away);
      if (candidateError < error) {
        x = { split, rho };
        state = candidate;
        error = candidateError;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  const p = state.grid;
  const size = maxGoals + 1;
  const scale = [home / state.home, draw / (1 - state.home - state.away), away / state.away];
  let mass = 0;
  for (let h = 0; h < size; h++) for (let g = 0; g < size; g++) mass += p[h * size + g];
  for (let h = 0; h < size; h++) {
    for (let g = 0; g < size; g++) p[h * size + g] *= scale[h > g ? 0 : h === g ? 1 : 2] / mass;
  }
  const [lambda, mu] = ratesOf(x.split, total);
  return { grid: toScoreGrid(p, maxGoals, lambda, mu), rates: { home: lambda, away: mu, rho: x.rho } };
}

const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-14;
/** |ln(λ/μ)| beyond which a forecast is no football match (a 1X2 of ~1e-9 for the outsider). */
const MAX_SPLIT = 12;

function ratesOf(split: number, total: number): [number, number] {
  const share = 1 / (1 + Math.exp(-split));
  return [total * share, total * (1 - share)];
}

function insideRhoBounds(rho: number, [lambda, mu]: [number, number]): number {
  const { min, max } = dixonColesRhoBounds(lambda, mu);
  const margin = 1e-6 * (max - min);
  return Math.min(Math.max(rho, min + margin), max - margin);
}

function residualSize(state: GridState, home: number, away: number): number {
  return Math.max(Math.abs(state.home - home), Math.abs(state.away - away));
}

interface GridState {
  /** The unnormalised grid. */
  grid: Float64Array;
  /** Home win and away win, conditioned on the grid. */
  home: number;
  away: number;
  /** d/d(split, ρ) of the two. */
  dHome: [number, number];
  dAway: [number, number];
}

/** The Dixon-Coles grid at (split, ρ) with the total fixed, its conditioned 1X2 and their derivatives. */
function evaluate(split: number, rho: number, total: number, maxGoals: number): GridState {
  const [lambda, mu] = ratesOf(split, total);
  const size = maxGoals + 1;
  const px = new Float64Array(size);
  const py = new Float64Array(size);
  px[0] = Math.exp(-lambda);
  py[0] = Math.exp(-mu);
  for (let k = 1; k < size; k++) {
    px[k] = (px[k - 1] * lambda) / k;
    py[k] = (py[k - 1] * mu) / k;
  }
  const grid = new Float64Array(size * size);
  // Sums of p, ∂p/∂λ, ∂p/∂μ, ∂p/∂ρ over: all cells, home wins, away wins.
  const value = [0, 0, 0];
  const dLambda = [0, 0, 0];
  const dMu = [0, 0, 0];
  const dRho = [0, 0, 0];
  for (let h = 0; h < size; h++) {
    const dpx = (h > 0 ? px[h - 1] : 0) - px[h];
    for (let a = 0; a < size; a++) {
      const dpy = (a > 0 ? py[a - 1] : 0) - py[a];
      const base = px[h] * py[a];
      let tau = 1;
      let tauLambda = 0;
      let tauMu = 0;
      let tauRho = 0;
      if (h <= 1 && a <= 1) {
        if (h === 0 && a === 0) {
          tau = 1 - lambda * mu * rho;
          tauLambda = -mu * rho;
          tauMu = -lambda * rho;
          tauRho = -lambda * mu;
        } else if (h === 0) {
          tau = 1 + lambda * rho;
          tauLambda = rho;
          tauRho = lambda;
        } else if (a === 0) {
          tau = 1 + mu * rho;
          tauMu = rho;
          tauRho = mu;
        } else {
          tau = 1 - rho;
          tauRho = -1;
        }
      }
      const p = tau * base;
      grid[h * size + a] = p;
      const pl = tau * dpx * py[a] + tauLambda * base;
      const pm = tau * px[h] * dpy + tauMu * base;
      const pr = tauRho * base;
      const set = h > a ? 1 : h < a ? 2 : 0;
      value[0] += p;
      dLambda[0] += pl;
      dMu[0] += pm;
      dRho[0] += pr;
      if (set > 0) {
        value[set] += p;
        dLambda[set] += pl;
        dMu[set] += pm;
        dRho[set] += pr;
      }
    }
  }
  const mass = value[0];
  // d/dsplit = (λμ/T)(∂/∂λ − ∂/∂μ); a conditioned share q = P/M has dq = (dP − q dM)/M.
  const dSplit = (lambda * mu) / total;
  const derivative = (set: number): { q: number; d: [number, number] } => {
    const q = value[set] / mass;
    return {
      q,
      d: [
        (dSplit * (dLambda[set] - dMu[set] - q * (dLambda[0] - dMu[0]))) / mass,
        (dRho[set] - q * dRho[0]) / mass,
      ],
    };
  };
  const homeWin = derivative(1);
  const awayWin = derivative(2);
  return { grid, home: homeWin.q, away: awayWin.q, dHome: homeWin.d, dAway: awayWin.d };
}
