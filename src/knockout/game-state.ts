/**
 * Game state in a second leg. A goal model's rates describe an ordinary match between the two teams; in a second
 * leg the sides play to the aggregate as it stands minute by minute: a team far ahead sits back, a team behind
 * chases, and when the chasers close the gap the leaders tighten up again. So the second leg is played here as a
 * continuous-time Markov chain over the score: in standing s, the host scores at λ·e^{h[s]} and the visitor at
 * μ·e^{a[s]} (λ, μ the goal model's rates for the whole 90 minutes). A standing is the host's aggregate lead (clipped
 * to ±maxLead) and, when the aggregate is level, who the away-goals rule favours: level with the host ahead on away
 * goals is not level at all — the visitor must score — and only a truly level tie heads for extra time (three
 * standings at a level aggregate: visitor ahead on away goals, even, host ahead). With every h and a at 0 the chain is
 * the independent Poisson grid. (Multipliers by the lead at kick-off, alone or on top of these, scored as well on
 * Brier but broke "a bigger lead never hurts": docs/ties.md.)
 *
 * The gap between the sides is stretched as well: the host's rate × e^{γ·d/2}, the visitor's × e^{−γ·d/2}, d = ln(λ/μ).
 * The rates come through the leg calibration, which is fitted on first legs and shrinks the forecaster's gaps; γ,
 * fitted on second legs, says how much more of the gap shows there (0.03–0.16 since 2000: a strong host
 * that trails comes back a little more often than the shrunk rates say).
 *
 * Extra time is the same chain from a level standing at the extra-time share of the rates (extra-time.ts) times one
 * more fitted multiplier e^{t}: the standings' multipliers are learnt in 90 minutes, and tired sides in extra time do
 * not play like the 90 minutes' level standings (without t the chain gave 1.13 extra-time goals where 0.90 were
 * scored, and too few shoot-outs).
 *
 * The chain is solved exactly by uniformization: with Λ ≥ every total rate, P(score) = Σ_k Poisson(k; Λ)·(v·M^k),
 * M the jump matrix of one event (a host goal, a visitor goal, or nothing), summed until the Poisson tail is below
 * 1e-15. The multipliers are fitted by maximum likelihood on past second legs' 90-minute scores given the rates the
 * goal model gave them beforehand, with a Gaussian prior on h and a (precision `priorPrecision`) and the gradient by
 * reverse mode through the same recursion. Pure: arrays in, numbers out.
 */
import { MatchdayError } from '../errors.js';
import { minimizeLbfgs } from '../models/lbfgs.js';
import type { ScoreGrid } from '../models/score-grid.js';

export interface GameStateSample extends KickOff {
  /** The goal model's expected goals for the second leg (host, visitor), fitted before it. */
  homeExpected: number;
  awayExpected: number;
  /** The second leg's 90-minute score. */
  homeGoals: number;
  awayGoals: number;
  /** Weight in the likelihood (recent seasons count more). Default 1. */
  weight?: number;
}

/** How a period starts for the second leg's host. */
export interface KickOff {
  /** The host's aggregate lead (negative when it trails). */
  lead: number;
  /**
   * The host's lead on away goals (its first-leg goals less the visitor's away goals so far) where away goals break a
   * level aggregate in this period; null where they do not. The visitor's goals in the period are away goals.
   */
  awayGoalsLead: number | null;
  /** The 30 minutes of extra time (rates already scaled to them), not the 90. */
  extraTime: boolean;
}

export interface GameStateModel {
  /** Leads beyond ±maxLead share the end states. */
  maxLead: number;
  /**
   * ln of the multiplier on the host's / visitor's rate in each standing (standingIndex): trailing by maxLead..1,
   * level with the visitor ahead on away goals, level, level with the host ahead, leading by 1..maxLead.
   */
  homeLog: number[];
  awayLog: number[];
  /** γ: the sides' gap in log rates is (1 + γ) times the rates given. */
  strengthStretch: number;
  /** ln of the multiplier on both rates in extra time, on top of the extra-time scale the rates come with. */
  extraTimeLog: number;
  priorPrecision: number;
  /** Second legs fitted on (0: the neutral model, every multiplier 1). */
  matches: number;
  /** Extra times fitted on. */
  extraTimes: number;
  converged: boolean;
}

export interface GameStateFitOptions {
  /** Default 3. */
  maxLead?: number;
  /** Precision of the Gaussian prior on each log multiplier (1/σ²). Default 2 (σ ≈ 0.7). */
  priorPrecision?: number;
  /** Start from this model (e.g. last season's fit). */
  warmStart?: GameStateModel;
}

export const DEFAULT_GAME_STATE_MAX_LEAD = 3;
export const DEFAULT_GAME_STATE_PRIOR_PRECISION = 2;

/** Standings of a model: 2·maxLead leads and three at a level aggregate. */
export function standingCount(maxLead: number): number {
  return 2 * maxLead + 3;
}

/** Names of the standings, in the order of homeLog and awayLog. */
export function standingLabels(maxLead: number): string[] {
  const leads = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  return [
    ...leads(-maxLead, -1).map((lead) => `trailing by ${-lead}`),
    'level, visitor ahead on away goals',
    'level',
    'level, host ahead on away goals',
    ...leads(1, maxLead).map((lead) => `leading by ${lead}`),
  ];
}

/** Every multiplier 1: the naive forecast. */
export function neutralGameState(maxLead = DEFAULT_GAME_STATE_MAX_LEAD): GameStateModel {
  const zeros = new Array<number>(standingCount(maxLead)).fill(0);
  return {
    maxLead,
    homeLog: zeros,
    awayLog: [...zeros],
    strengthStretch: 0,
    extraTimeLog: 0,
    priorPrecision: DEFAULT_GAME_STATE_PRIOR_PRECISION,
    matches: 0,
    extraTimes: 0,
    converged: true,
  };
}

/** The multipliers on the host's and the visitor's rates at kick-off. */
export function gameStateMultipliers(model: GameStateModel, kickOff: KickOff): { home: number; away: number } {
  const s = standingIndex(model.maxLead, kickOff.lead, kickOff.awayGoalsLead);
  return { home: Math.exp(model.homeLog[s]), away: Math.exp(model.awayLog[s]) };
}

/**
 * Score grid of a period (90 minutes, or extra time with `homeExpected`/`awayExpected` already scaled to it) from its
 * kick-off standing. homeExpected/awayExpected of the grid are its means.
 */
export function gameStateGrid(
  model: GameStateModel,
  homeExpected: number,
  awayExpected: number,
  kickOff: KickOff,
  maxGoals: number,
): ScoreGrid {
  checkModel(model);
  const chain = buildChain(model, homeExpected, awayExpected, kickOff);
  const size = maxGoals + 1;
  const p = new Float64Array(size * size);
  forward(chain, cellStandings(chain, size, size), size, p, null);
  let sum = 0;
  let home = 0;
  let away = 0;
  for (let b = 0; b < size; b++) {
    for (let a = 0; a < size; a++) {
      const v = p[b * size + a];
      sum += v;
      home += b * v;
      away += a * v;
    }
  }
  if (!(sum > 0))
    throw new MatchdayError('INVALID_GRID', 'game-state grid has no probability mass', { field: 'rates' });
  return { maxGoals, p, truncatedMass: Math.max(0, 1 - sum), homeExpected: home / sum, awayExpected: away / sum };
}

/** Maximum-likelihood (with the prior) multipliers from past second legs. */
export function fitGameState(samples: readonly GameStateSample[], options: GameStateFitOptions = {}): GameStateModel {
  const maxLead = options.warmStart?.maxLead ?? options.maxLead ?? DEFAULT_GAME_STATE_MAX_LEAD;
  const priorPrecision = options.priorPrecision ?? DEFAULT_GAME_STATE_PRIOR_PRECISION;
  if (!(Number.isInteger(maxLead) && maxLead >= 0)) {
    throw new MatchdayError('INVALID_ARGUMENT', `maxLead must be a non-negative integer, got ${maxLead}`, {
      field: 'maxLead',
    });
  }
  if (!(priorPrecision > 0 && Number.isFinite(priorPrecision))) {
    throw new MatchdayError('INVALID_ARGUMENT', `priorPrecision must be positive and finite, got ${priorPrecision}`, {
      field: 'priorPrecision',
    });
  }
  samples.forEach(checkSample);
  const states = standingCount(maxLead);
  if (samples.length === 0) return { ...neutralGameState(maxLead), priorPrecision };

  // Parameters: homeLog, awayLog, the stretch, the extra-time multiplier.
  const stretch = 2 * states;
  const extraTime = stretch + 1;
  const x0 = new Float64Array(2 * states + 2);
  if (options.warmStart) {
    x0.set(options.warmStart.homeLog, 0);
    x0.set(options.warmStart.awayLog, states);
    x0[stretch] = options.warmStart.strengthStretch;
    x0[extraTime] = options.warmStart.extraTimeLog;
  }
  const unpack = (x: Float64Array) => ({
    homeLog: Array.from(x.subarray(0, states)),
    awayLog: Array.from(x.subarray(states, stretch)),
    strengthStretch: x[stretch],
    extraTimeLog: x[extraTime],
  });
  const neutral = neutralGameState(maxLead);
  const totalWeight = samples.reduce((sum, s) => sum + (s.weight ?? 1), 0);
  const sampleGradient = new Float64Array(2 * states + 2);
  const objective = (x: Float64Array, gradient: Float64Array): number => {
    const model = { ...neutral, ...unpack(x) };
    gradient.fill(0);
    let value = 0;
    for (const s of samples) {
      const chain = buildChain(model, s.homeExpected, s.awayExpected, s);
      const weight = s.weight ?? 1;
      sampleGradient.fill(0);
      const logP = logLikelihoodWithGradient(chain, s.homeGoals, s.awayGoals, sampleGradient);
      if (!Number.isFinite(logP)) return Infinity;
      // ln λ and ln μ move by ±γ·d/2 in every standing: ∂/∂γ = d/2·(Σ ∂/∂h − Σ ∂/∂a).
      let home = 0;
      let away = 0;
      for (let i = 0; i < states; i++) {
        home += sampleGradient[i];
        away += sampleGradient[states + i];
      }
      sampleGradient[stretch] = (Math.log(s.homeExpected / s.awayExpected) / 2) * (home - away);
      // In extra time both log rates move with its multiplier.
      sampleGradient[extraTime] = s.extraTime ? home + away : 0;
      value -= weight * logP;
      for (let i = 0; i < gradient.length; i++) gradient[i] += weight * sampleGradient[i];
    }
    for (let i = 0; i < x.length; i++) {
      value += 0.5 * priorPrecision * x[i] * x[i];
      gradient[i] = -gradient[i] + priorPrecision * x[i];
    }
    // Per (weighted) second leg, so the tolerance means the same whatever the number of samples.
    for (let i = 0; i < x.length; i++) gradient[i] /= totalWeight;
    return value / totalWeight;
  };
  const result = minimizeLbfgs(objective, x0, { gradientTolerance: 1e-7, maxIterations: 200 });
  return {
    maxLead,
    ...unpack(result.x),
    priorPrecision,
    matches: samples.filter((s) => !s.extraTime).length,
    extraTimes: samples.filter((s) => s.extraTime).length,
    converged: result.converged,
  };
}

/** The uniformized chain of one period: jump probabilities per standing and the Poisson weights of jump counts. */
interface Chain {
  maxLead: number;
  kickOff: KickOff;
  /** Probability that one uniformized event is a host goal / a visitor goal, per standing. */
  homeMove: Float64Array;
  awayMove: Float64Array;
  /** Poisson(k; Λ), k = 0..jumps − 1. */
  weights: Float64Array;
}

function buildChain(model: GameStateModel, lambda: number, mu: number, kickOff: KickOff): Chain {
  if (!(Number.isFinite(lambda) && lambda >= 0 && Number.isFinite(mu) && mu >= 0)) {
    throw new MatchdayError('INVALID_RATE', `rates must be finite and non-negative, got ${lambda}, ${mu}`, {
      field: 'rates',
    });
  }
  const { lead, awayGoalsLead } = kickOff;
  if (!Number.isInteger(lead) || !(awayGoalsLead === null || Number.isInteger(awayGoalsLead))) {
    throw new MatchdayError('INVALID_ARGUMENT', `aggregate and away-goals leads must be whole numbers, got ${lead}`, {
      field: 'lead',
    });
  }
  // A side that cannot score (extra time without goals) has no gap to stretch.
  const gap = lambda > 0 && mu > 0 ? (model.strengthStretch * Math.log(lambda / mu)) / 2 : 0;
  const period = kickOff.extraTime ? model.extraTimeLog : 0;
  const homeRate = model.homeLog.map((h) => lambda * Math.exp(h + gap + period));
  const awayRate = model.awayLog.map((a) => mu * Math.exp(a - gap + period));
  // Λ bounds every state's total rate; any Λ that does gives the exact answer.
  const uniform = Math.max(Math.max(...homeRate) + Math.max(...awayRate), 1e-12);
  return {
    maxLead: model.maxLead,
    kickOff,
    homeMove: Float64Array.from(homeRate, (r) => r / uniform),
    awayMove: Float64Array.from(awayRate, (r) => r / uniform),
    weights: poissonWeights(uniform),
  };
}

/** Poisson(k; Λ) for k = 0.. until the tail is below 1e-15. */
function poissonWeights(rate: number): Float64Array {
  const weights: number[] = [];
  let w = Math.exp(-rate);
  let total = 0;
  for (let k = 0; ; k++) {
    if (k > 0) w = (w * rate) / k;
    weights.push(w);
    total += w;
    if ((k > rate && 1 - total < 1e-15) || k > rate + 60 * Math.sqrt(rate) + 60) break;
  }
  return Float64Array.from(weights);
}

/**
 * p = Σ_k w_k v_k over the scores of `standings` (cols wide), with v_0 = 1 at 0-0 and v_{k+1} = v_k·M. Goals only go up,
 * so mass that leaves the rectangle never comes back: the rectangle up to an observed score is all its likelihood
 * needs. Keeps every v_k in `history` (k-major) when given one.
 */
function forward(
  chain: Chain,
  standings: Int32Array,
  cols: number,
  p: Float64Array,
  history: Float64Array | null,
): void {
  const { homeMove, awayMove, weights } = chain;
  const cells = standings.length;
  const rows = cells / cols;
  let v = new Float64Array(cells);
  let next = new Float64Array(cells);
  v[0] = 1;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    for (let c = 0; c < cells; c++) p[c] += w * v[c];
    if (history) history.set(v, k * cells);
    if (k === weights.length - 1) break;
    next.fill(0);
    // After k events no score beyond b + a = k holds mass.
    for (let b = 0; b < rows && b <= k; b++) {
      for (let a = 0; a < cols && a + b <= k; a++) {
        const c = b * cols + a;
        const value = v[c];
        if (value === 0) continue;
        const s = standings[c];
        const h = homeMove[s];
        const m = awayMove[s];
        next[c] += value * (1 - h - m);
        if (b + 1 < rows) next[c + cols] += value * h;
        if (a + 1 < cols) next[c + 1] += value * m;
      }
    }
    [v, next] = [next, v];
  }
}

/** ln p(homeGoals-awayGoals) and, added into `gradient`, its derivatives by homeLog (first) and awayLog (after). */
function logLikelihoodWithGradient(chain: Chain, homeGoals: number, awayGoals: number, gradient: Float64Array): number {
  const { homeMove, awayMove, weights } = chain;
  const states = homeMove.length;
  const rows = homeGoals + 1;
  const cols = awayGoals + 1;
  const cells = rows * cols;
  const observed = cells - 1;
  const jumps = weights.length;
  const history = new Float64Array(jumps * cells);
  const standings = cellStandings(chain, rows, cols);
  const p = new Float64Array(cells);
  forward(chain, standings, cols, p, history);
  const probability = p[observed];
  if (!(probability > 0)) return -Infinity;
  const g = 1 / probability;
  // Adjoint: u_k = ∂ln p/∂v_k = w_k·g·e_obs + Mᵀ u_{k+1}.
  let u = new Float64Array(cells);
  let previous = new Float64Array(cells);
  u[observed] = weights[jumps - 1] * g;
  for (let k = jumps - 2; k >= 0; k--) {
    const offset = k * cells;
    for (let b = 0; b < rows; b++) {
      for (let a = 0; a < cols; a++) {
        const c = b * cols + a;
        const s = standings[c];
        const h = homeMove[s];
        const m = awayMove[s];
        const uHome = b + 1 < rows ? u[c + cols] : 0;
        const uAway = a + 1 < cols ? u[c + 1] : 0;
        const v = history[offset + c];
        if (v !== 0) {
          // ∂/∂h_c = Σ_k v_k[c](u_{k+1}[c + host goal] − u_{k+1}[c]); h = λe^θ/Λ, so ∂h/∂θ = h.
          gradient[s] += h * v * (uHome - u[c]);
          gradient[states + s] += m * v * (uAway - u[c]);
        }
        previous[c] = (1 - h - m) * u[c] + h * uHome + m * uAway;
      }
    }
    previous[observed] += weights[k] * g;
    [u, previous] = [previous, u];
  }
  return Math.log(probability);
}

/** The standing of each score of the period (host goals b, visitor goals a: cell b·cols + a). */
function cellStandings(chain: Chain, rows: number, cols: number): Int32Array {
  const { lead, awayGoalsLead } = chain.kickOff;
  const standings = new Int32Array(rows * cols);
  for (let b = 0; b < rows; b++) {
    for (let a = 0; a < cols; a++) {
      standings[b * cols + a] = standingIndex(
        chain.maxLead,
        lead + b - a,
        awayGoalsLead === null ? null : awayGoalsLead - a,
      );
    }
  }
  return standings;
}

/** Index of a standing: the host's aggregate lead and, at a level aggregate, its lead on away goals where they count. */
function standingIndex(maxLead: number, lead: number, awayGoalsLead: number | null): number {
  const clipped = Math.max(-maxLead, Math.min(maxLead, lead));
  if (clipped < 0) return clipped + maxLead;
  if (clipped > 0) return clipped + maxLead + 2;
  // Level (or every lead, with maxLead 0): the middle standing unless away goals would settle it.
  return maxLead + 1 + (lead === 0 && awayGoalsLead !== null ? Math.sign(awayGoalsLead) : 0);
}

function checkModel(model: GameStateModel): void {
  const states = standingCount(model.maxLead);
  const vectors = [model.homeLog, model.awayLog];
  if (vectors.some((v) => v.length !== states)) {
    throw new MatchdayError(
      'INVALID_ARGUMENT',
      `a game-state model with maxLead ${model.maxLead} needs ${states} states`,
      {
        field: 'gameState',
      },
    );
  }
  const scalars = [model.strengthStretch, model.extraTimeLog];
  if (!vectors.every((v) => v.every(Number.isFinite)) || !scalars.every(Number.isFinite)) {
    throw new MatchdayError('INVALID_ARGUMENT', 'game-state multipliers must be finite', { field: 'gameState' });
  }
}

function checkSample(s: GameStateSample, index: number): void {
  const rates = [s.homeExpected, s.awayExpected].every((v) => Number.isFinite(v) && v > 0);
  const goals = [s.homeGoals, s.awayGoals].every((v) => Number.isInteger(v) && v >= 0);
  const weight = s.weight === undefined || (Number.isFinite(s.weight) && s.weight > 0);
  const awayGoalsLead = s.awayGoalsLead === null || Number.isInteger(s.awayGoalsLead);
  if (!rates || !goals || !weight || !Number.isInteger(s.lead) || !awayGoalsLead || typeof s.extraTime !== 'boolean') {
    throw new MatchdayError('INVALID_ARGUMENT', `game-state sample ${index} is not a valid second leg`, {
      field: 'samples',
    });
  }
}
