import { MatchdayError } from '../errors.js';

/**
 * Maps one model's log-rates onto the goal scale of another signal by weighted Poisson regression:
 *   ln E[home goals] = homeIntercept + slope·ηHome,   ln E[away goals] = awayIntercept + slope·ηAway.
 * Used to turn a model fitted on shots (η = its log expected shot count) into expected goals: the intercepts
 * carry the conversion rate, the slope how much of a shot-count difference turns into a goal difference.
 * The likelihood is concave, so Newton's method with step halving finds the maximum.
 */
export interface RateCalibration {
  readonly homeIntercept: number;
  readonly awayIntercept: number;
  readonly slope: number;
}

export interface RateCalibrationInput {
  readonly homeEta: ArrayLike<number>;
  readonly awayEta: ArrayLike<number>;
  readonly homeGoals: ArrayLike<number>;
  readonly awayGoals: ArrayLike<number>;
  /** ≥ 0 per match (e.g. time decay). */
  readonly weights: ArrayLike<number>;
}

const MAX_ITERATIONS = 50;
const STEP_TOLERANCE = 1e-10;

export function fitRateCalibration(input: RateCalibrationInput): RateCalibration {
  const n = input.homeEta.length;
  for (const [field, length] of [
    ['awayEta', input.awayEta.length],
    ['homeGoals', input.homeGoals.length],
    ['awayGoals', input.awayGoals.length],
    ['weights', input.weights.length],
  ] as const) {
    if (length !== n)
      throw new MatchdayError('FIT_DATA_INVALID', `${field} has ${length} entries, homeEta has ${n}`, { field });
  }
  let weightedGoals = 0;
  let weightedRates = 0;
  for (let i = 0; i < n; i++) {
    weightedGoals += input.weights[i] * (input.homeGoals[i] + input.awayGoals[i]);
    weightedRates += input.weights[i] * (Math.exp(input.homeEta[i]) + Math.exp(input.awayEta[i]));
  }
  if (!(weightedGoals > 0 && weightedRates > 0)) {
    throw new MatchdayError('FIT_NO_MATCHES', 'rate calibration needs matches with a positive weight and goals');
  }
  // Start at slope 1 with the overall conversion rate.
  const start = Math.log(weightedGoals / weightedRates);
  let p = [start, start, 1];
  // Each match's expected goals at p, as the log-likelihood there computed them: the Newton step reuses them.
  let means: Means = { home: new Float64Array(n), away: new Float64Array(n) };
  let trialMeans: Means = { home: new Float64Array(n), away: new Float64Array(n) };
  let value = logLikelihood(input, p, means);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const step = newtonStep(input, means);
    let t = 1;
    let next = p;
    let nextValue = -Infinity;
    for (; t > 1e-10; t /= 2) {
      next = p.map((v, k) => v + t * step[k]);
      nextValue = logLikelihood(input, next, trialMeans);
      if (nextValue >= value - 1e-12 * Math.abs(value)) break;
    }
    if (!(nextValue >= value - 1e-12 * Math.abs(value))) break;
    p = next;
    value = nextValue;
    [means, trialMeans] = [trialMeans, means];
    if (Math.max(...step.map(Math.abs)) * t < STEP_TOLERANCE) break;
  }
  if (!p.every(Number.isFinite))
    throw new MatchdayError('FIT_NON_FINITE', 'rate calibration ended at non-finite values');
  return { homeIntercept: p[0], awayIntercept: p[1], slope: p[2] };
}

/** exp(intercept + slope·η) of each match's home and away side. */
interface Means {
  home: Float64Array;
  away: Float64Array;
}

/** Weighted Poisson log-likelihood without the ln y! terms; writes each side's expected goals into `means`. */
function logLikelihood(input: RateCalibrationInput, [a, b, slope]: number[], means: Means): number {
  let sum = 0;
  for (let i = 0; i < input.homeEta.length; i++) {
    const home = a + slope * input.homeEta[i];
    const away = b + slope * input.awayEta[i];
    const homeMean = (means.home[i] = Math.exp(home));
    const awayMean = (means.away[i] = Math.exp(away));
    sum += input.weights[i] * (input.homeGoals[i] * home - homeMean + input.awayGoals[i] * away - awayMean);
  }
  return sum;
}

/** The Newton step at the point whose expected goals are `means`. */
function newtonStep(input: RateCalibrationInput, means: Means): number[] {
  // Gradient g and negated Hessian H over (homeIntercept, awayIntercept, slope), home side then away side per
  // match; scalars, not arrays, in the loop (it runs over every proxy match of every fit).
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let h00 = 0;
  let h11 = 0;
  let h02 = 0;
  let h12 = 0;
  let h22 = 0;
  const { homeEta, awayEta, homeGoals, awayGoals, weights } = input;
  for (let i = 0; i < homeEta.length; i++) {
    const w = weights[i];
    const etaHome = homeEta[i];
    const meanHome = means.home[i];
    const residualHome = w * (homeGoals[i] - meanHome);
    const curvatureHome = w * meanHome;
    g0 += residualHome;
    g2 += residualHome * etaHome;
    h00 += curvatureHome;
    h02 += curvatureHome * etaHome;
    h22 += curvatureHome * etaHome * etaHome;
    const etaAway = awayEta[i];
    const meanAway = means.away[i];
    const residualAway = w * (awayGoals[i] - meanAway);
    const curvatureAway = w * meanAway;
    g1 += residualAway;
    g2 += residualAway * etaAway;
    h11 += curvatureAway;
    h12 += curvatureAway * etaAway;
    h22 += curvatureAway * etaAway * etaAway;
  }
  const h = [
    [h00, 0, h02],
    [0, h11, h12],
    [h02, h12, h22],
  ];
  return solve3(h, [g0, g1, g2]);
}

/** Solves the 3×3 system H·s = g by Gaussian elimination with partial pivoting. */
function solve3(h: number[][], g: number[]): number[] {
  const m = h.map((row, i) => [...row, g[i]]);
  for (let c = 0; c < 3; c++) {
    let pivot = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    if (!(Math.abs(m[c][c]) > 0)) {
      throw new MatchdayError('FIT_DATA_INVALID', 'rate calibration is singular: the log-rates do not vary');
    }
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k < 4; k++) m[r][k] -= f * m[c][k];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}
