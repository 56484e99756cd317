/**
 * The forecaster's expected goals for a European knockout leg, as history says to read them. Two corrections,
 * fitted together by maximum likelihood on earlier first legs' 90-minute scores (a first leg is an ordinary match:
 * nothing to chase yet):
 *
 * - Rates: ln λ' = homeIntercept + slope·ln λ, ln μ' = awayIntercept + slope·ln μ. The goal model rates teams that
 *   meet across leagues from few shared matches and overstates the gaps (fitted slope about 0.6: a side given 3.4
 *   goals scored 2.6 on average); the intercepts carry the European home advantage the league fit does not know.
 * - Strength uncertainty: the true relative strength is the model's give or take z ~ N(0, σ²) on the log scale
 *   (host ×e^{z}, visitor ×e^{−z}; σ about 0.3). Integrated over by Gauss–Hermite quadrature, it fattens both tails
 *   of the goal difference: comebacks and collapses happen more often than one pair of rates says.
 *
 * Both depend on how well the forecaster knows the teams: one calibration each for legs where it rates none, one or
 * both of the teams from their own league's matches (KnownTeams). Two teams of the leagues it was fitted on are
 * rated about right (slope 1, σ near 0); two it knows only from a handful of European matches are not (slope about
 * 0.5, σ about 0.45): there the overconfidence lives.
 *
 * In a tie the same z holds in both legs (it is the teams' true strength), with the sign of whichever side hosts.
 * Pure: numbers in, numbers out.
 */
import { MatchdayError } from '../errors.js';
import { minimizeLbfgs } from '../models/lbfgs.js';

export interface LegCalibration {
  homeIntercept: number;
  awayIntercept: number;
  slope: number;
  /** Standard deviation of the relative strength on the log-rate scale. */
  sigma: number;
  /** First legs fitted on (0: the identity, nothing learnt). */
  legs: number;
  converged: boolean;
}

/** How many of a leg's two teams the forecaster rates from their own league's matches in its data. */
export type KnownTeams = 0 | 1 | 2;

/** One calibration per KnownTeams (index 0, 1, 2). */
export type LegCalibrations = readonly [LegCalibration, LegCalibration, LegCalibration];

/** Rates as they are, certain: what a forecast without history to learn from uses. */
export const IDENTITY_LEG_CALIBRATION: LegCalibration = {
  homeIntercept: 0,
  awayIntercept: 0,
  slope: 1,
  sigma: 0,
  legs: 0,
  converged: true,
};

export const IDENTITY_LEG_CALIBRATIONS: LegCalibrations = [
  IDENTITY_LEG_CALIBRATION,
  IDENTITY_LEG_CALIBRATION,
  IDENTITY_LEG_CALIBRATION,
];

/** One strength scenario: the host's rate times e^{shift}, the visitor's times e^{−shift}, with this weight. */
export interface StrengthNode {
  shift: number;
  weight: number;
}

/** 5-point Gauss–Hermite rule for E[f(z)], z ~ N(0, 1): exact for polynomials up to degree 9. */
const HERMITE_POINTS = [-2.856970013872806, -1.355626179974266, 0, 1.355626179974266, 2.856970013872806];
const HERMITE_WEIGHTS = [0.011257411327721, 0.222075922005613, 0.533333333333333, 0.222075922005613, 0.011257411327721];
/** The printed weights sum to 1 only to 15 digits: scaled, the mixture of probabilities stays a probability. */
const HERMITE_TOTAL = HERMITE_WEIGHTS.reduce((sum, w) => sum + w, 0);

/** The strength scenarios a forecast averages over (one node of weight 1 when σ is 0). */
export function strengthNodes(sigma: number): StrengthNode[] {
  if (!(sigma >= 0 && Number.isFinite(sigma))) {
    throw new MatchdayError('INVALID_ARGUMENT', `strength σ must be finite and ≥ 0, got ${sigma}`, { field: 'sigma' });
  }
  if (sigma === 0) return [{ shift: 0, weight: 1 }];
  return HERMITE_POINTS.map((x, k) => ({ shift: sigma * x, weight: HERMITE_WEIGHTS[k] / HERMITE_TOTAL }));
}

/** The calibrated rates of a leg with a home side (λ home, μ away). */
export function calibratedRates(c: LegCalibration, home: number, away: number): { home: number; away: number } {
  return {
    home: Math.exp(c.homeIntercept + c.slope * Math.log(home)),
    away: Math.exp(c.awayIntercept + c.slope * Math.log(away)),
  };
}

/** At a neutral ground neither side has the home intercept: both get the mean of the two. */
export function calibratedNeutralRates(
  c: LegCalibration,
  first: number,
  second: number,
): { home: number; away: number } {
  const intercept = (c.homeIntercept + c.awayIntercept) / 2;
  return {
    home: Math.exp(intercept + c.slope * Math.log(first)),
    away: Math.exp(intercept + c.slope * Math.log(second)),
  };
}

export interface LegSample {
  knownTeams: KnownTeams;
  /** The forecaster's expected goals for the leg, before it: host, visitor. */
  homeExpected: number;
  awayExpected: number;
  homeGoals: number;
  awayGoals: number;
  /** Default 1. */
  weight?: number;
}

/** One calibration per class of leg, each fitted on the first legs of its class. */
export function fitLegCalibrations(samples: readonly LegSample[], minLegs = 50): LegCalibrations {
  const of = (known: KnownTeams) =>
    fitLegCalibration(
      samples.filter((s) => s.knownTeams === known),
      minLegs,
    );
  return [of(0), of(1), of(2)];
}

/**
 * Maximum-likelihood calibration from first legs: Poisson scores at the calibrated rates, mixed over the strength
 * nodes (exact gradient; σ fitted on the log scale). Fewer than `minLegs` legs: the identity.
 */
export function fitLegCalibration(samples: readonly LegSample[], minLegs = 50): LegCalibration {
  samples.forEach(checkSample);
  if (samples.length < minLegs) return IDENTITY_LEG_CALIBRATION;
  const n = samples.length;
  const logHome = Float64Array.from(samples, (s) => Math.log(s.homeExpected));
  const logAway = Float64Array.from(samples, (s) => Math.log(s.awayExpected));
  const weight = Float64Array.from(samples, (s) => s.weight ?? 1);
  const totalWeight = weight.reduce((x, y) => x + y, 0);
  const objective = (x: Float64Array, gradient: Float64Array): number => {
    const [a, b, slope, logSigma] = x;
    const sigma = Math.exp(logSigma);
    const nodes = strengthNodes(sigma);
    const logTerms = new Float64Array(nodes.length);
    const dHome = new Float64Array(nodes.length);
    const dAway = new Float64Array(nodes.length);
    gradient.fill(0);
    let value = 0;
    for (let i = 0; i < n; i++) {
      const { homeGoals, awayGoals } = samples[i];
      let max = -Infinity;
      nodes.forEach((node, k) => {
        const home = a + slope * logHome[i] + node.shift;
        const away = b + slope * logAway[i] - node.shift;
        const rateHome = Math.exp(home);
        const rateAway = Math.exp(away);
        // ln Poisson without the constant ln(goals!) terms, which do not depend on the parameters.
        logTerms[k] = Math.log(node.weight) + homeGoals * home - rateHome + awayGoals * away - rateAway;
        dHome[k] = homeGoals - rateHome;
        dAway[k] = awayGoals - rateAway;
        max = Math.max(max, logTerms[k]);
      });
      let sum = 0;
      for (let k = 0; k < nodes.length; k++) sum += Math.exp(logTerms[k] - max);
      const logP = max + Math.log(sum);
      value -= weight[i] * logP;
      for (let k = 0; k < nodes.length; k++) {
        const posterior = weight[i] * Math.exp(logTerms[k] - logP);
        gradient[0] -= posterior * dHome[k];
        gradient[1] -= posterior * dAway[k];
        gradient[2] -= posterior * (dHome[k] * logHome[i] + dAway[k] * logAway[i]);
        // shift = σ·x_k, so ∂/∂ln σ = shift·(∂ℓ/∂home − ∂ℓ/∂away).
        gradient[3] -= posterior * nodes[k].shift * (dHome[k] - dAway[k]);
      }
    }
    for (let i = 0; i < 4; i++) gradient[i] /= totalWeight;
    return value / totalWeight;
  };
  const result = minimizeLbfgs(objective, Float64Array.from([0, 0, 1, Math.log(0.2)]), {
    gradientTolerance: 1e-8,
    maxIterations: 200,
  });
  const [homeIntercept, awayIntercept, slope, logSigma] = result.x;
  return { homeIntercept, awayIntercept, slope, sigma: Math.exp(logSigma), legs: n, converged: result.converged };
}

function checkSample(s: LegSample, index: number): void {
  const rates = [s.homeExpected, s.awayExpected].every((v) => Number.isFinite(v) && v > 0);
  const goals = [s.homeGoals, s.awayGoals].every((v) => Number.isInteger(v) && v >= 0);
  const weight = s.weight === undefined || (Number.isFinite(s.weight) && s.weight >= 0);
  if (!rates || !goals || !weight || ![0, 1, 2].includes(s.knownTeams)) {
    throw new MatchdayError('INVALID_ARGUMENT', `leg sample ${index} is not a valid first leg`, { field: 'samples' });
  }
}
