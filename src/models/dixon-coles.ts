import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from './score-grid.js';
import { checkGridInputs, toScoreGrid } from './build-score-grid.js';
import { addFixtureGradient, extraIndex, homeIndex, type GoalLikelihood } from './goal-likelihood.js';
import type { PairTable } from './pair-table.js';
import { poissonPmf } from './poisson.js';

/**
 * Dixon & Coles (1997): independent Poisson scores corrected at 0-0, 0-1, 1-0 and 1-1 by
 *   τ(0,0) = 1 − λμρ,  τ(0,1) = 1 + λρ,  τ(1,0) = 1 + μρ,  τ(1,1) = 1 − ρ
 * (λ home rate, μ away rate). The gradient includes τ's dependence on λ and μ.
 *
 * ρ must keep every τ > 0 for the rates of every fitted fixture, not only of those that ended 0-0 … 1-1
 * (otherwise the fitted model gives some fixture a negative probability). Two guards:
 *  - where any τ ≤ 0 the likelihood returns Infinity, a wall the line search backs off from;
 *  - with `barrier` on, a smooth log-barrier acts on any τ below TAU_BARRIER_START, so a maximum that lies
 *    beyond the wall (small samples) becomes an interior point the optimiser can converge to. The barrier is
 *    exactly 0 while every τ ≥ TAU_BARRIER_START, so ordinary fits are the plain maximum likelihood.
 */
export function dixonColesLikelihood(table: PairTable, options: { barrier: boolean }): GoalLikelihood {
  const { pairCount, home, away, neutral, weight, homeGoals, awayGoals } = table;
  const n = table.teamCount;
  const hi = homeIndex(n);
  const ri = extraIndex(n, 0);
  const barrier = options.barrier;
  const totalWeight = table.totalWeight;

  const { w00, w01, w10, w11 } = tauWeightsOf(table);

  // The value and ∂/∂ρ are summed in a typed array, not in local variables: V8 may run this loop in code compiled
  // in the middle of it (on-stack replacement), where a number carried from one iteration to the next is boxed at
  // every step — gigabytes of garbage over a backtest. The sums are the same to the last bit.
  const sums = new Float64Array(2);
  return {
    extraCount: 1,
    initialExtras: [0],
    negLogLikelihood(x, gradient) {
      const homeAdvantage = x[hi];
      const rho = x[ri];
      if (!(rho < 1)) return Infinity;
      sums[VALUE] = 0;
      sums[D_RHO] = 0;
      for (let p = 0; p < pairCount; p++) {
        const h = home[p];
        const a = away[p];
        const etaHome = (neutral[p] === 0 ? homeAdvantage : 0) + x[h] - x[n + a];
        const etaAway = x[a] - x[n + h];
        const lambda = Math.exp(etaHome);
        const mu = Math.exp(etaAway);
        const tau00 = 1 - rho * lambda * mu;
        const tau01 = 1 + rho * lambda;
        const tau10 = 1 + rho * mu;
        if (!(tau00 > 0 && tau01 > 0 && tau10 > 0)) return Infinity;
        const w = weight[p];
        sums[VALUE] += w * (lambda + mu) - homeGoals[p] * etaHome - awayGoals[p] * etaAway;
        let dHome = w * lambda - homeGoals[p];
        let dAway = w * mu - awayGoals[p];
        // k00 = ∂(this fixture's terms)/∂τ(0,0), and so on; chained to η and ρ below.
        let k00 = 0;
        let k01 = 0;
        let k10 = 0;
        if (w00[p] !== 0) {
          sums[VALUE] -= w00[p] * Math.log(tau00);
          k00 -= w00[p] / tau00;
        }
        if (w01[p] !== 0) {
          sums[VALUE] -= w01[p] * Math.log(tau01);
          k01 -= w01[p] / tau01;
        }
        if (w10[p] !== 0) {
          sums[VALUE] -= w10[p] * Math.log(tau10);
          k10 -= w10[p] / tau10;
        }
        if (barrier) {
          const scale = BARRIER_WEIGHT * w;
          if (tau00 < TAU_BARRIER_START) {
            sums[VALUE] += scale * barrierValue(tau00);
            k00 += scale * barrierSlope(tau00);
          }
          if (tau01 < TAU_BARRIER_START) {
            sums[VALUE] += scale * barrierValue(tau01);
            k01 += scale * barrierSlope(tau01);
          }
          if (tau10 < TAU_BARRIER_START) {
            sums[VALUE] += scale * barrierValue(tau10);
            k10 += scale * barrierSlope(tau10);
          }
        }
        // ∂τ00/∂ηH = ∂τ00/∂ηA = −ρλμ, ∂τ00/∂ρ = −λμ; ∂τ01/∂ηH = ρλ, ∂τ01/∂ρ = λ; ∂τ10/∂ηA = ρμ, ∂τ10/∂ρ = μ.
        const lm = lambda * mu;
        dHome += -k00 * rho * lm + k01 * rho * lambda;
        dAway += -k00 * rho * lm + k10 * rho * mu;
        sums[D_RHO] += -k00 * lm + k01 * lambda + k10 * mu;
        addFixtureGradient(gradient, n, h, a, neutral[p], dHome, dAway);
      }
      let value = sums[VALUE];
      let dRho = sums[D_RHO];
      const tau11 = 1 - rho;
      let k11 = 0;
      if (w11 !== 0) {
        value -= w11 * Math.log(tau11);
        k11 -= w11 / tau11;
      }
      if (barrier && tau11 < TAU_BARRIER_START) {
        value += BARRIER_WEIGHT * totalWeight * barrierValue(tau11);
        k11 += BARRIER_WEIGHT * totalWeight * barrierSlope(tau11);
      }
      dRho -= k11;
      gradient[ri] += dRho;
      return value;
    },
  };
}

/** Weight of the scorelines τ touches, per fixture (1-1 only needs a total: τ(1,1) does not depend on the rates). */
interface TauWeights {
  w00: Float64Array;
  w01: Float64Array;
  w10: Float64Array;
  w11: number;
}

/** Kept per table: a fit builds the likelihood it optimises and the exact one it reports on the same table. */
const tauWeights = new WeakMap<PairTable, TauWeights>();

function tauWeightsOf(table: PairTable): TauWeights {
  let weights = tauWeights.get(table);
  if (weights) return weights;
  const { pairCount, scoreStart, scoreHome, scoreAway, scoreWeight } = table;
  weights = {
    w00: new Float64Array(pairCount),
    w01: new Float64Array(pairCount),
    w10: new Float64Array(pairCount),
    w11: 0,
  };
  for (let p = 0; p < pairCount; p++) {
    for (let e = scoreStart[p]; e < scoreStart[p + 1]; e++) {
      const sx = scoreHome[e];
      const sy = scoreAway[e];
      if (sx === 0 && sy === 0) weights.w00[p] += scoreWeight[e];
      else if (sx === 0 && sy === 1) weights.w01[p] += scoreWeight[e];
      else if (sx === 1 && sy === 0) weights.w10[p] += scoreWeight[e];
      else if (sx === 1 && sy === 1) weights.w11 += scoreWeight[e];
    }
  }
  tauWeights.set(table, weights);
  return weights;
}

/** Slots of the likelihood's running sums. */
const VALUE = 0;
const D_RHO = 1;

/** τ below which the barrier acts. Fitted τ's are normally within ±0.3 of 1. */
const TAU_BARRIER_START = 0.05;
/** Barrier weight per unit of fixture weight: small, so a τ held off the wall stays close to 0. */
const BARRIER_WEIGHT = 0.01;

/**
 * b(u) = −ln u + (u − 1) − (u − 1)²/2 at u = τ/TAU_BARRIER_START: +∞ at τ = 0, and b, b′, b″ all vanish at
 * u = 1, so switching it on below TAU_BARRIER_START keeps the objective twice differentiable.
 */
function barrierValue(tau: number): number {
  const u = tau / TAU_BARRIER_START;
  return -Math.log(u) + (u - 1) - 0.5 * (u - 1) * (u - 1);
}

/** db/dτ. */
function barrierSlope(tau: number): number {
  const u = tau / TAU_BARRIER_START;
  return (-1 / u + 2 - u) / TAU_BARRIER_START;
}

/**
 * Score grid of one fixture. A fixture far outside the fitted ones (e.g. λ > 1/|ρ|) could make a τ negative:
 * ρ is then moved to the nearest value where every τ ≥ 0 for this fixture. That keeps every cell ≥ 0 and the
 * total at 1; the change is confined to four cells whose Poisson mass is tiny at such rates.
 */
export function dixonColesScoreGrid(homeRate: number, awayRate: number, rho: number, maxGoals: number): ScoreGrid {
  checkGridInputs(homeRate, awayRate, maxGoals);
  if (!Number.isFinite(rho)) throw new MatchdayError('MODEL_INVALID_RATE', `Dixon-Coles ρ must be finite, got ${rho}`);
  const size = maxGoals + 1;
  const ph = poissonPmf(homeRate, maxGoals, new Float64Array(size));
  const pa = poissonPmf(awayRate, maxGoals, new Float64Array(size));
  const p = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) p[i * size + j] = ph[i] * pa[j];

  const lower = Math.max(homeRate > 0 ? -1 / homeRate : -Infinity, awayRate > 0 ? -1 / awayRate : -Infinity);
  const upper = Math.min(1, homeRate * awayRate > 0 ? 1 / (homeRate * awayRate) : Infinity);
  const r = Math.min(Math.max(rho, lower), upper);
  p[0] *= Math.max(0, 1 - r * homeRate * awayRate);
  if (maxGoals >= 1) {
    p[1] *= Math.max(0, 1 + r * homeRate); // 0-1
    p[size] *= Math.max(0, 1 + r * awayRate); // 1-0
    p[size + 1] *= Math.max(0, 1 - r); // 1-1
  }
  return toScoreGrid(p, maxGoals, homeRate, awayRate);
}
