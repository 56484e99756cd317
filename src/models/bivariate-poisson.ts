import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from './score-grid.js';
import { checkGridInputs, toScoreGrid } from './build-score-grid.js';
import { addFixtureGradient, extraIndex, homeIndex, type GoalLikelihood } from './goal-likelihood.js';
import type { PairTable } from './pair-table.js';
import { poissonPmf } from './poisson.js';

/**
 * Bivariate Poisson (Karlis & Ntzoufras 2003): X = X1 + X3, Y = X2 + X3 with independent
 * X1 ~ Poisson(λ1), X2 ~ Poisson(λ2), X3 ~ Poisson(λ3). λ1, λ2 follow the shared rate structure; λ3 — the
 * covariance of the scores — is one global parameter, optimised as λ3 = θ² so it stays ≥ 0. (With ln λ3 a
 * maximum at λ3 = 0, common in league data, is only reached by creeping toward −∞; with θ² it is an
 * ordinary quadratic minimum at θ = 0.)
 *
 * ln p(x, y) = −(λ1 + λ2 + λ3) + x·ln λ1 + y·ln λ2 − ln x! − ln y! + ln U(x, y),
 * U(x, y) = Σ_k C(x,k)·C(y,k)·k!·r^k with r = λ3/(λ1·λ2), and dU/dr = x·y·U(x−1, y−1).
 */
export function bivariatePoissonLikelihood(table: PairTable): GoalLikelihood {
  const {
    pairCount,
    home,
    away,
    neutral,
    weight,
    homeGoals,
    awayGoals,
    scoreStart,
    scoreHome,
    scoreAway,
    scoreWeight,
  } = table;
  const n = table.teamCount;
  const hi = homeIndex(n);
  const ci = extraIndex(n, 0);
  const totalWeight = table.totalWeight;

  return {
    extraCount: 1,
    initialExtras: [Math.sqrt(0.1)],
    negLogLikelihood(x, gradient) {
      const homeAdvantage = x[hi];
      const theta = x[ci];
      const lambda3 = theta * theta;
      let value = totalWeight * lambda3;
      let dLambda3 = totalWeight;
      for (let p = 0; p < pairCount; p++) {
        const h = home[p];
        const a = away[p];
        const etaHome = (neutral[p] === 0 ? homeAdvantage : 0) + x[h] - x[n + a];
        const etaAway = x[a] - x[n + h];
        const lambda1 = Math.exp(etaHome);
        const lambda2 = Math.exp(etaAway);
        const w = weight[p];
        value += w * (lambda1 + lambda2) - homeGoals[p] * etaHome - awayGoals[p] * etaAway;
        let dHome = w * lambda1 - homeGoals[p];
        let dAway = w * lambda2 - awayGoals[p];
        const product = lambda1 * lambda2;
        const r = lambda3 / product;
        for (let e = scoreStart[p]; e < scoreStart[p + 1]; e++) {
          const sx = scoreHome[e];
          const sy = scoreAway[e];
          if (sx === 0 || sy === 0) continue; // U = 1 when either score is 0
          const u = sharedSum(sx, sy, r);
          // q = w·∂ln U/∂λ3 = w·x·y·U(x−1, y−1)/(U·λ1·λ2); ∂ln U/∂ηH = ∂ln U/∂ηA = −λ3·q/w.
          const q = (scoreWeight[e] * sx * sy * sharedSum(sx - 1, sy - 1, r)) / (u * product);
          value -= scoreWeight[e] * Math.log(u);
          dHome += lambda3 * q;
          dAway += lambda3 * q;
          dLambda3 -= q;
        }
        addFixtureGradient(gradient, n, h, a, neutral[p], dHome, dAway);
      }
      gradient[ci] += 2 * theta * dLambda3;
      return value;
    },
  };
}

/** U(x, y) = Σ_{k=0}^{min(x,y)} C(x,k)·C(y,k)·k!·r^k, by the term ratio (x−k)(y−k)·r/(k+1). */
function sharedSum(x: number, y: number, r: number): number {
  const m = Math.min(x, y);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < m; k++) {
    term *= ((x - k) * (y - k) * r) / (k + 1);
    sum += term;
  }
  return sum;
}

/** Grid of P(x, y) = Σ_k P1(x−k)·P2(y−k)·P3(k); expected goals are λ1 + λ3 and λ2 + λ3. */
export function bivariatePoissonScoreGrid(
  lambda1: number,
  lambda2: number,
  lambda3: number,
  maxGoals: number,
): ScoreGrid {
  checkGridInputs(lambda1, lambda2, maxGoals);
  if (!(lambda3 >= 0) || !Number.isFinite(lambda3)) {
    throw new MatchdayError('MODEL_INVALID_RATE', `bivariate Poisson λ3 must be finite and ≥ 0, got ${lambda3}`);
  }
  const size = maxGoals + 1;
  const p1 = poissonPmf(lambda1, maxGoals, new Float64Array(size));
  const p2 = poissonPmf(lambda2, maxGoals, new Float64Array(size));
  const p3 = poissonPmf(lambda3, maxGoals, new Float64Array(size));
  const p = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let s = 0;
      for (let k = 0; k <= Math.min(i, j); k++) s += p1[i - k] * p2[j - k] * p3[k];
      p[i * size + j] = s;
    }
  }
  return toScoreGrid(p, maxGoals, lambda1 + lambda3, lambda2 + lambda3);
}
