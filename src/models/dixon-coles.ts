import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from './score-grid.js';
import { checkGridInputs, toScoreGrid } from './build-score-grid.js';
import { addFixtureGradient, extraIndex, homeIndex, type GoalLikelihood } from './goal-likelihood.js';
import type { PairTable } from './pair-table.js';
import { poissonPmf } from './poisson.js';

/**
 * Dixon & Coles (1997): independent Poisson scores corrected at 0-0, 0-1, 1-0 and 1-1 by
 *   τ(0,0) = 1 − λμρ,  τ(0,1) = 1 + λρ,  τ(1,0) = 1 + μρ,  τ(1,1) = 1 − ρ
 * (λ home rate, μ away rate). The gradient includes τ's dependence on λ and μ. ρ is kept where every τ > 0
 * for the rates of every fitted fixture: outside that region the likelihood returns Infinity, which the
 * line search treats as a wall (the corrections keep the total mass at 1, so nothing else can go negative).
 */
export function dixonColesLikelihood(table: PairTable): GoalLikelihood {
  const { pairCount, home, away, neutral, weight, homeGoals, awayGoals, scoreStart, scoreHome, scoreAway, scoreWeight } = table;
  const n = table.teamCount;
  const hi = homeIndex(n);
  const ri = extraIndex(n, 0);

  // Weight of the scorelines τ touches, per fixture (1-1 only needs a total: τ(1,1) does not depend on the rates).
  const w00 = new Float64Array(pairCount);
  const w01 = new Float64Array(pairCount);
  const w10 = new Float64Array(pairCount);
  let w11 = 0;
  for (let p = 0; p < pairCount; p++) {
    for (let e = scoreStart[p]; e < scoreStart[p + 1]; e++) {
      const sx = scoreHome[e];
      const sy = scoreAway[e];
      if (sx === 0 && sy === 0) w00[p] += scoreWeight[e];
      else if (sx === 0 && sy === 1) w01[p] += scoreWeight[e];
      else if (sx === 1 && sy === 0) w10[p] += scoreWeight[e];
      else if (sx === 1 && sy === 1) w11 += scoreWeight[e];
    }
  }

  return {
    extraCount: 1,
    initialExtras: [0],
    negLogLikelihood(x, gradient) {
      const homeAdvantage = x[hi];
      const rho = x[ri];
      if (!(rho < 1)) return Infinity;
      let value = 0;
      let dRho = 0;
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
        value += w * (lambda + mu) - homeGoals[p] * etaHome - awayGoals[p] * etaAway;
        let dHome = w * lambda - homeGoals[p];
        let dAway = w * mu - awayGoals[p];
        if (w00[p] !== 0) {
          value -= w00[p] * Math.log(tau00);
          const k = (w00[p] * lambda * mu) / tau00;
          dHome += k * rho;
          dAway += k * rho;
          dRho += k;
        }
        if (w01[p] !== 0) {
          value -= w01[p] * Math.log(tau01);
          const k = (w01[p] * lambda) / tau01;
          dHome -= k * rho;
          dRho -= k;
        }
        if (w10[p] !== 0) {
          value -= w10[p] * Math.log(tau10);
          const k = (w10[p] * mu) / tau10;
          dAway -= k * rho;
          dRho -= k;
        }
        addFixtureGradient(gradient, n, h, a, neutral[p], dHome, dAway);
      }
      if (w11 !== 0) {
        value -= w11 * Math.log(1 - rho);
        dRho += w11 / (1 - rho);
      }
      gradient[ri] += dRho;
      return value;
    },
  };
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
