import { MatchdayError } from '../errors.js';
import { toScoreGrid } from '../models/build-score-grid.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { Probabilities1x2 } from './match-forecaster.js';

/**
 * How a goal model's grid is tilted into the forecast's: every cell's probability is multiplied by its
 * outcome's weight and by e^{γ·(total goals)}.
 */
export interface GridTilt {
  /** Weights of home-win, draw and away-win cells. */
  weights: [number, number, number];
  gamma: number;
}

/**
 * The score grid of a 1X2 forecast from a goal model's grid: the grid closest to it (in Kullback-Leibler
 * divergence) whose home win, draw and away win are `outcomes` and whose expected total goals are the goal
 * model's. That grid is the goal model's tilted exponentially by outcome and total goals; for each γ the outcome
 * weights that give the 1X2 follow, and γ is found by Newton's method on the expected total (which rises with γ).
 * Within an outcome the scorelines keep the goal model's shape, so correct scores, both teams to score and the
 * totals stay the goal model's as far as the forecast allows (docs/backtest.md: it scores better on every goal
 * market than re-solving Dixon-Coles λ, μ and ρ for the 1X2).
 *
 * `base` is conditioned on itself (its cells over its mass); the result sums to 1 and its 1X2 is `outcomes` to
 * rounding.
 */
export function outcomeGrid(outcomes: Probabilities1x2, base: ScoreGrid): { grid: ScoreGrid; tilt: GridTilt } {
  const [home, draw, away] = outcomes;
  if (!(home > 0 && draw > 0 && away > 0) || Math.abs(home + draw + away - 1) > 1e-9) {
    throw new MatchdayError(
      'INVALID_PROBABILITY',
      `1X2 forecast must be positive and sum to 1, got ${outcomes.join(', ')}`,
    );
  }
  const size = base.maxGoals + 1;
  const total = new Float64Array(size * size);
  const region = new Uint8Array(size * size);
  let mass = 0;
  let target = 0;
  for (let h = 0; h < size; h++) {
    for (let a = 0; a < size; a++) {
      const i = h * size + a;
      total[i] = h + a;
      region[i] = h > a ? 0 : h === a ? 1 : 2;
      mass += base.p[i];
      target += (h + a) * base.p[i];
    }
  }
  target /= mass;
  const regionMass = [0, 0, 0];
  for (let i = 0; i < region.length; i++) regionMass[region[i]] += base.p[i];
  if (regionMass.some((m) => !(m > 0))) {
    throw new MatchdayError(
      'INVALID_GRID',
      'the goal model gives an outcome no probability: no grid can be tilted to the 1X2',
    );
  }

  // Newton on γ, kept inside a bracket that shrinks around the root (the mean total is increasing in γ).
  let gamma = 0;
  let low = -MAX_GAMMA;
  let high = MAX_GAMMA;
  let state = tilted(base.p, total, region, outcomes, gamma);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const error = state.meanTotal - target;
    if (Math.abs(error) <= TOLERANCE) break;
    if (error > 0) high = gamma;
    else low = gamma;
    let next = gamma - error / state.slope;
    if (!(next > low && next < high)) next = (low + high) / 2;
    gamma = next;
    state = tilted(base.p, total, region, outcomes, gamma);
  }
  const homeExpected = weightedSum(state.p, size, (h) => h);
  const awayExpected = weightedSum(state.p, size, (_, a) => a);
  return {
    grid: toScoreGrid(state.p, base.maxGoals, homeExpected, awayExpected),
    tilt: { weights: state.weights, gamma },
  };
}

/** A grid tilted as a forecast was (a what-if moves the goal model's grid; the forecast's tilt goes with it). */
export function applyTilt(base: ScoreGrid, tilt: GridTilt): ScoreGrid {
  const size = base.maxGoals + 1;
  const p = new Float64Array(size * size);
  let mass = 0;
  for (let h = 0; h < size; h++) {
    for (let a = 0; a < size; a++) {
      const v = base.p[h * size + a] * tilt.weights[h > a ? 0 : h === a ? 1 : 2] * Math.exp(tilt.gamma * (h + a));
      p[h * size + a] = v;
      mass += v;
    }
  }
  for (let i = 0; i < p.length; i++) p[i] /= mass;
  return toScoreGrid(
    p,
    base.maxGoals,
    weightedSum(p, size, (h) => h),
    weightedSum(p, size, (_, a) => a),
  );
}

const MAX_ITERATIONS = 60;
const TOLERANCE = 1e-12;
/** |γ| beyond which a tilt multiplies one more goal by e^±10: no forecast of a football match needs it. */
const MAX_GAMMA = 10;

/**
 * The grid tilted by e^{γ·total} with each outcome region rescaled to the 1X2; its mean total and that mean's
 * derivative in γ, Σ_k P_k·Var(total | k).
 */
function tilted(
  base: Float64Array,
  total: Float64Array,
  region: Uint8Array,
  outcomes: Probabilities1x2,
  gamma: number,
): { p: Float64Array; weights: [number, number, number]; meanTotal: number; slope: number } {
  const p = new Float64Array(base.length);
  const sum = [0, 0, 0];
  for (let i = 0; i < base.length; i++) {
    const v = base[i] * Math.exp(gamma * total[i]);
    p[i] = v;
    sum[region[i]] += v;
  }
  const scale = [outcomes[0] / sum[0], outcomes[1] / sum[1], outcomes[2] / sum[2]];
  const first = [0, 0, 0];
  const second = [0, 0, 0];
  for (let i = 0; i < p.length; i++) {
    const k = region[i];
    const v = p[i] * scale[k];
    p[i] = v;
    first[k] += v * total[i];
    second[k] += v * total[i] * total[i];
  }
  let meanTotal = 0;
  let slope = 0;
  for (let k = 0; k < 3; k++) {
    meanTotal += first[k];
    slope += second[k] - (first[k] * first[k]) / outcomes[k];
  }
  const weights: [number, number, number] = [scale[0], scale[1], scale[2]];
  return { p, weights, meanTotal, slope };
}

function weightedSum(p: Float64Array, size: number, value: (h: number, a: number) => number): number {
  let sum = 0;
  for (let h = 0; h < size; h++) for (let a = 0; a < size; a++) sum += value(h, a) * p[h * size + a];
  return sum;
}
