import type { ScoreGrid } from './score-grid.js';
import { checkGridInputs, toScoreGrid } from './build-score-grid.js';
import { addFixtureGradient, homeIndex, type GoalLikelihood } from './goal-likelihood.js';
import type { PairTable } from './pair-table.js';

/** Independent Poisson goals (Maher 1982): X ~ Poisson(λ_home), Y ~ Poisson(λ_away). */
export function poissonLikelihood(table: PairTable): GoalLikelihood {
  const { pairCount, home, away, neutral, weight, homeGoals, awayGoals } = table;
  const n = table.teamCount;
  const hi = homeIndex(n);
  // Summed in a typed array, not a local variable: V8 may run this loop in code compiled in the middle of it
  // (on-stack replacement), where a number carried from one iteration to the next is boxed at every step.
  const sum = new Float64Array(1);
  return {
    extraCount: 0,
    initialExtras: [],
    negLogLikelihood(x, gradient) {
      const homeAdvantage = x[hi];
      sum[0] = 0;
      for (let p = 0; p < pairCount; p++) {
        const h = home[p];
        const a = away[p];
        const etaHome = (neutral[p] === 0 ? homeAdvantage : 0) + x[h] - x[n + a];
        const etaAway = x[a] - x[n + h];
        const w = weight[p];
        const lambda = Math.exp(etaHome);
        const mu = Math.exp(etaAway);
        sum[0] += w * (lambda + mu) - homeGoals[p] * etaHome - awayGoals[p] * etaAway;
        addFixtureGradient(gradient, n, h, a, neutral[p], w * lambda - homeGoals[p], w * mu - awayGoals[p]);
      }
      return sum[0];
    },
  };
}

/** Poisson(rate) probabilities of 0..maxGoals into `out` (by the ratio recursion, no factorials). */
export function poissonPmf(rate: number, maxGoals: number, out: Float64Array): Float64Array {
  let p = Math.exp(-rate);
  out[0] = p;
  for (let k = 1; k <= maxGoals; k++) {
    p *= rate / k;
    out[k] = p;
  }
  return out;
}

export function poissonScoreGrid(homeRate: number, awayRate: number, maxGoals: number): ScoreGrid {
  checkGridInputs(homeRate, awayRate, maxGoals);
  const size = maxGoals + 1;
  const ph = poissonPmf(homeRate, maxGoals, new Float64Array(size));
  const pa = poissonPmf(awayRate, maxGoals, new Float64Array(size));
  const p = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) p[i * size + j] = ph[i] * pa[j];
  return toScoreGrid(p, maxGoals, homeRate, awayRate);
}
