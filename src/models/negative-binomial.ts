import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from './score-grid.js';
import { checkGridInputs, toScoreGrid } from './build-score-grid.js';
import { addFixtureGradient, extraIndex, homeIndex, type GoalLikelihood } from './goal-likelihood.js';
import type { PairTable } from './pair-table.js';

/**
 * Independent negative-binomial scores with the shared rate structure as means and one global dispersion
 * φ ≥ 0: variance m + φ·m² (φ = 1/size; φ = 0 is Poisson). For a score x with mean m:
 *   ln p = Σ_{j<x} ln(1 + jφ) − ln x! + x·ln m − (x + 1/φ)·ln(1 + mφ).
 * φ is optimised as θ² so the Poisson boundary — where league data usually puts the maximum, goals being
 * slightly under-dispersed — is an ordinary minimum at θ = 0 instead of a drift toward size → ∞. The Σ_j
 * term does not depend on the teams, so it is summed once over goal counts (c_j = weight of scores above j).
 */
export function negativeBinomialLikelihood(table: PairTable): GoalLikelihood {
  const { pairCount, home, away, neutral, weight, homeGoals, awayGoals, scoreHome, scoreAway, scoreWeight } = table;
  const n = table.teamCount;
  const hi = homeIndex(n);
  const di = extraIndex(n, 0);

  let maxGoals = 0;
  for (let e = 0; e < scoreHome.length; e++) maxGoals = Math.max(maxGoals, scoreHome[e], scoreAway[e]);
  const above = new Float64Array(maxGoals + 1); // above[j] = Σ weight of side-scores > j
  for (let e = 0; e < scoreHome.length; e++) {
    for (let j = 0; j < scoreHome[e]; j++) above[j] += scoreWeight[e];
    for (let j = 0; j < scoreAway[e]; j++) above[j] += scoreWeight[e];
  }

  return {
    extraCount: 1,
    initialExtras: [Math.sqrt(0.05)],
    negLogLikelihood(x, gradient) {
      const homeAdvantage = x[hi];
      const theta = x[di];
      const phi = theta * theta;
      let value = 0;
      let dPhi = 0;
      for (let j = 1; j <= maxGoals; j++) {
        value -= above[j] * Math.log1p(j * phi);
        dPhi -= (above[j] * j) / (1 + j * phi);
      }
      for (let p = 0; p < pairCount; p++) {
        const h = home[p];
        const a = away[p];
        const etaHome = (neutral[p] === 0 ? homeAdvantage : 0) + x[h] - x[n + a];
        const etaAway = x[a] - x[n + h];
        const w = weight[p];
        // Per side: −[x·η − (x + w/φ)·ln(1 + mφ)] with x the weighted goals, written via ln(1 + z)/z.
        const mHome = Math.exp(etaHome);
        const mAway = Math.exp(etaAway);
        const zHome = mHome * phi;
        const zAway = mAway * phi;
        const xHome = homeGoals[p];
        const xAway = awayGoals[p];
        value += xHome * Math.log1p(zHome) + w * mHome * log1pOverZ(zHome) - xHome * etaHome;
        value += xAway * Math.log1p(zAway) + w * mAway * log1pOverZ(zAway) - xAway * etaAway;
        dPhi += (xHome * mHome) / (1 + zHome) + w * mHome * mHome * log1pOverZSlope(zHome);
        dPhi += (xAway * mAway) / (1 + zAway) + w * mAway * mAway * log1pOverZSlope(zAway);
        const dHome = (mHome * (xHome * phi + w)) / (1 + zHome) - xHome;
        const dAway = (mAway * (xAway * phi + w)) / (1 + zAway) - xAway;
        addFixtureGradient(gradient, n, h, a, neutral[p], dHome, dAway);
      }
      gradient[di] += 2 * theta * dPhi;
      return value;
    },
  };
}

/** ln(1 + z)/z, → 1 as z → 0 (so m·ln(1 + mφ)/(mφ) = ln(1 + mφ)/φ has the Poisson limit m). */
function log1pOverZ(z: number): number {
  return z === 0 ? 1 : Math.log1p(z) / z;
}

/**
 * (z/(1 + z) − ln(1 + z))/z², → −1/2 as z → 0: d/dφ of ln(1 + mφ)/φ is m² times this. A series below 1e-3,
 * where the direct form would cancel.
 */
function log1pOverZSlope(z: number): number {
  if (z < 1e-3) return -0.5 + z * (2 / 3 + z * (-3 / 4 + z * (4 / 5 - z * (5 / 6))));
  return (z / (1 + z) - Math.log1p(z)) / (z * z);
}

/**
 * NB probabilities of 0..maxGoals into `out`: p0 = (1 + mφ)^(−1/φ), p(k+1) = p(k)·(1 + kφ)/(k + 1)·m/(1 + mφ)
 * (the Poisson recursion when φ = 0).
 */
function negativeBinomialPmf(mean: number, dispersion: number, maxGoals: number, out: Float64Array): Float64Array {
  let p = Math.exp(-mean * log1pOverZ(mean * dispersion));
  out[0] = p;
  const ratio = mean / (1 + mean * dispersion);
  for (let k = 0; k < maxGoals; k++) {
    p *= ((1 + k * dispersion) / (k + 1)) * ratio;
    out[k + 1] = p;
  }
  return out;
}

export function negativeBinomialScoreGrid(
  homeMean: number,
  awayMean: number,
  dispersion: number,
  maxGoals: number,
): ScoreGrid {
  checkGridInputs(homeMean, awayMean, maxGoals);
  if (!(dispersion >= 0) || !Number.isFinite(dispersion)) {
    throw new MatchdayError(
      'MODEL_INVALID_RATE',
      `negative-binomial dispersion must be finite and ≥ 0, got ${dispersion}`,
    );
  }
  const cells = maxGoals + 1;
  const ph = negativeBinomialPmf(homeMean, dispersion, maxGoals, new Float64Array(cells));
  const pa = negativeBinomialPmf(awayMean, dispersion, maxGoals, new Float64Array(cells));
  const p = new Float64Array(cells * cells);
  for (let i = 0; i < cells; i++) for (let j = 0; j < cells; j++) p[i * cells + j] = ph[i] * pa[j];
  return toScoreGrid(p, maxGoals, homeMean, awayMean);
}
