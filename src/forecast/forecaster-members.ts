/**
 * The forecaster's members, each fitted from scratch on the history before the fit date (no warm start, so a
 * fit depends on its history and date alone: `predict` and the backtest give the same numbers to the last bit),
 * and each held as plain data — what a model file stores.
 */
import { fitHistoryFromRows } from '../history/fit-history.js';
import { fitGoalModel } from '../models/fit-goal-model.js';
import type { FittedDixonColes, FittedPoisson, TeamStrength } from '../models/goal-model.js';
import { priorTeamStrength, teamStrength } from '../models/predict-score-grid.js';
import { fitRateCalibration, type RateCalibration } from '../models/rate-calibration.js';
import { runElo, CLUBELO_OPTIONS } from '../models/ratings/elo.js';
import { fitOrderedLogit, outcomeProbabilities, type OrderedLogit } from '../models/ratings/outcome-mapping.js';
import { burnInWeights, DEFAULT_BURN_IN_DAYS, mappingInput } from '../models/ratings/rating-fit.js';
import type { ResultRow, TeamInfo } from '../store/match-queries.js';
import { BACKTEST_GRADIENT_TOLERANCE } from './goal-model-forecaster.js';
import type { Fixture, HistoryMatch, Probabilities1x2 } from './match-forecaster.js';
import { MatchdayError } from '../errors.js';
import { impliedPoissonRates } from './implied-goals.js';
import { proxyRow, shotProxyRows, type ShotProxyOptions } from './shot-blend-forecaster.js';

/** Dixon-Coles on goals, with the teams it knows by database id and its groups (leagues) by label. */
export interface GoalPart {
  model: FittedDixonColes;
  teamIds: number[];
  /** Group label of each group index (a league code, `europe:CCC`). */
  groups: string[];
}

/** Elo ratings after the history, by team id, and the ordered logit that maps a difference to 1X2. */
export interface EloPart {
  teamIds: number[];
  ratings: number[];
  mapping: OrderedLogit;
}

export interface GoalOptions {
  xi: number;
  priorStrength: number;
}

export function fitGoalPart(
  matches: readonly HistoryMatch[],
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): GoalPart {
  const window = fitHistoryFromRows(matches, date, teams);
  const model = fitGoalModel(window.data, {
    family: 'dixon-coles',
    xi: options.xi,
    priorStrength: options.priorStrength,
    gradientTolerance: BACKTEST_GRADIENT_TOLERANCE,
  });
  return { model: withoutComponents(model), teamIds: window.teamIds, groups: [...new Set(window.groupLabels)] };
}

/**
 * Poisson on a proxy of goals — the shot-based chance count, or the goals the market expected — with teams by id
 * and their connected component, its log-rates mapped onto goals by regression.
 */
export interface ProxyPart {
  model: FittedPoisson;
  teamIds: number[];
  /** Component of each team: rates compare only inside one (leagues that never meet in the data). */
  component: number[];
  calibration: RateCalibration;
}

/** The shot model: shots on target plus a share of those off target. */
export type ShotPart = ProxyPart;

/**
 * The market model: the goals each past match's 1X2 prices expected (read back into λ, μ by the odds inverse).
 * What the prices knew of the teams before those matches — line-ups, injuries, transfers — none of it from the
 * fixture forecast.
 */
export type MarketPart = ProxyPart;

/** A proxy's rows (the matches with one) and the goals scored in each. */
interface ProxyRows {
  rows: ResultRow[];
  homeGoals: number[];
  awayGoals: number[];
}

/** The shot model on the matches with recorded shots (null when there are none). */
export function fitShotPart(
  matches: readonly HistoryMatch[],
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: ShotProxyOptions & GoalOptions,
): ShotPart | null {
  return fitProxyPart(cachedShotProxyRows(matches, options), date, teams, options);
}

/** The market model on the matches with a 1X2 book (null when there are none). */
export function fitMarketPart(
  matches: readonly HistoryMatch[],
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): MarketPart | null {
  return fitProxyPart(cachedMarketRows(matches), date, teams, options);
}

/** Poisson on the proxy, and the regression of goals on its log-rates weighted by the same time decay. */
function fitProxyPart(
  proxy: ProxyRows,
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): ProxyPart | null {
  if (proxy.rows.length === 0) return null;
  const window = fitHistoryFromRows(proxy.rows, date, teams);
  const fitted = fitGoalModel(window.data, {
    family: 'poisson',
    xi: options.xi,
    priorStrength: options.priorStrength,
    gradientTolerance: BACKTEST_GRADIENT_TOLERANCE,
  });
  const component = new Array<number>(window.teamIds.length).fill(-1);
  fitted.diagnostics.components.forEach((c, k) => c.teams.forEach((t) => (component[t] = k)));
  const model = withoutComponents(fitted);
  const n = proxy.rows.length;
  const homeEta = new Float64Array(n);
  const awayEta = new Float64Array(n);
  const weights = new Float64Array(n);
  const { homeTeam, awayTeam, neutral, ageDays } = window.data;
  for (let i = 0; i < n; i++) {
    [homeEta[i], awayEta[i]] = logRates(
      model,
      teamStrength(model, homeTeam[i]),
      teamStrength(model, awayTeam[i]),
      neutral[i] === 1,
    );
    weights[i] = Math.exp(-options.xi * ageDays![i]);
  }
  const calibration = fitRateCalibration({
    homeEta,
    awayEta,
    homeGoals: proxy.homeGoals,
    awayGoals: proxy.awayGoals,
    weights,
  });
  return { model, teamIds: window.teamIds, component, calibration };
}

/** A match's chance-count row by off-target weight: a backtest fits each match's shots a few hundred times. */
const proxyRows = new Map<number, WeakMap<HistoryMatch, ResultRow>>();

/** shotProxyRows, each row made once per match (same rows, same numbers). */
function cachedShotProxyRows(matches: readonly HistoryMatch[], options: ShotProxyOptions): ProxyRows {
  let cache = proxyRows.get(options.offTargetWeight);
  if (!cache) proxyRows.set(options.offTargetWeight, (cache = new WeakMap()));
  const proxy: ProxyRows = { rows: [], homeGoals: [], awayGoals: [] };
  for (const m of matches) {
    if (!m.shots) continue;
    let row = cache.get(m);
    if (!row) cache.set(m, (row = shotProxyRows([m], options).rows[0]));
    proxy.rows.push(row);
    proxy.homeGoals.push(m.homeGoals);
    proxy.awayGoals.push(m.awayGoals);
  }
  return proxy;
}

/**
 * A match's market-expected goals, solved once per match (same row, same numbers for every fit that reads it);
 * null for a book no Poisson rates can meet (a draw priced near zero).
 */
const marketRows = new WeakMap<HistoryMatch, ResultRow | null>();

function cachedMarketRows(matches: readonly HistoryMatch[]): ProxyRows {
  const proxy: ProxyRows = { rows: [], homeGoals: [], awayGoals: [] };
  for (const m of matches) {
    if (!m.odds) continue;
    let row = marketRows.get(m);
    if (row === undefined) marketRows.set(m, (row = marketRow(m, m.odds)));
    if (!row) continue;
    proxy.rows.push(row);
    proxy.homeGoals.push(m.homeGoals);
    proxy.awayGoals.push(m.awayGoals);
  }
  return proxy;
}

/**
 * Fit data holds whole goals: the expected goals are counted in tenths (the regression onto goals takes the
 * scale out), which also tells the fit how much less noisy they are than goals.
 */
const MARKET_SCALE = 10;

function marketRow(m: HistoryMatch, [home, , away]: [number, number, number]): ResultRow | null {
  let implied: { lambda: number; mu: number };
  try {
    implied = impliedPoissonRates(home, away);
  } catch (error) {
    if (error instanceof MatchdayError) return null;
    throw error;
  }
  return proxyRow(m, Math.round(MARKET_SCALE * implied.lambda), Math.round(MARKET_SCALE * implied.mu));
}

/** ClubElo-form Elo of constant K over the history, the ordered logit fitted after a year's burn-in. */
export function fitEloPart(matches: readonly HistoryMatch[], date: string, k: number): EloPart {
  const window = fitHistoryFromRows(matches, date);
  const run = runElo(window.data, { ...CLUBELO_OPTIONS, k });
  const weights = burnInWeights(window.data, DEFAULT_BURN_IN_DAYS);
  const mapping = fitOrderedLogit(mappingInput(window.data, run.difference, weights)).model;
  return { teamIds: window.teamIds, ratings: Array.from(run.ratings), mapping };
}

/** Goal and shot parts with their team and group look-ups built once. */
export class RatedGoals {
  private readonly indexOf: Map<number, number>;
  private readonly groupOf: Map<string, number>;

  constructor(readonly part: GoalPart) {
    this.indexOf = new Map(part.teamIds.map((id, i) => [id, i]));
    this.groupOf = new Map(part.groups.map((label, g) => [label, g]));
  }

  knows(teamId: number): boolean {
    return this.indexOf.has(teamId);
  }

  /** A team's strength: fitted, else the prior of its league (the fixture's, or the one the fixture names). */
  strength(teamId: number, leagues: readonly (string | undefined)[]): TeamStrength | null {
    const index = this.indexOf.get(teamId);
    if (index !== undefined) return teamStrength(this.part.model, index);
    for (const league of leagues) {
      const group = league === undefined ? undefined : this.groupOf.get(league);
      if (group !== undefined) return priorTeamStrength(this.part.model, group);
    }
    return null;
  }

  /** ln λ, ln μ of a fixture; null when a team can be neither rated nor given a prior. */
  logRates(fixture: Fixture): [home: number, away: number] | null {
    const home = this.strength(fixture.homeTeamId, [fixture.competition, fixture.homeLeague]);
    const away = this.strength(fixture.awayTeamId, [fixture.competition, fixture.awayLeague]);
    return home && away ? logRates(this.part.model, home, away, fixture.neutral) : null;
  }
}

/** A proxy part with its team look-up. */
export interface IndexedProxy {
  part: ProxyPart;
  indexOf: Map<number, number>;
}

/**
 * The blend's log-rates: the goal model's, moved toward the shot model's mapped rates by `1 − goalWeight` when
 * the shot model knows both teams in one component (else the goal model's alone); then toward the market model's
 * by its weight, where it knows both teams.
 */
export function blendLogRates(
  goals: RatedGoals,
  proxies: { shots: IndexedProxy | null; market: IndexedProxy | null },
  fixture: Fixture,
  weights: { goalWeight: number; marketWeight: number },
): [home: number, away: number] | null {
  const rates = goals.logRates(fixture);
  if (!rates) return null;
  const shots = proxies.shots ? mappedLogRates(proxies.shots, fixture) : null;
  const blended = shots ? mix(rates, shots, 1 - weights.goalWeight) : rates;
  const market = proxies.market ? mappedLogRates(proxies.market, fixture) : null;
  return market ? mix(blended, market, weights.marketWeight) : blended;
}

function mix(a: [number, number], b: [number, number], weightOfB: number): [number, number] {
  return [(1 - weightOfB) * a[0] + weightOfB * b[0], (1 - weightOfB) * a[1] + weightOfB * b[1]];
}

/** A proxy part's log-rates mapped onto goals; null unless it knows both teams in one component. */
function mappedLogRates(proxy: IndexedProxy, fixture: Fixture): [number, number] | null {
  const home = proxy.indexOf.get(fixture.homeTeamId);
  const away = proxy.indexOf.get(fixture.awayTeamId);
  if (home === undefined || away === undefined) return null;
  if (proxy.part.component[home] !== proxy.part.component[away]) return null;
  const { model, calibration } = proxy.part;
  const [h, a] = logRates(model, teamStrength(model, home), teamStrength(model, away), fixture.neutral);
  return [calibration.homeIntercept + calibration.slope * h, calibration.awayIntercept + calibration.slope * a];
}

/** Elo's 1X2 for a fixture; null when a team has no rating. */
export function eloOutcomes(
  elo: { part: EloPart; indexOf: Map<number, number> },
  fixture: Fixture,
): Probabilities1x2 | null {
  const home = elo.indexOf.get(fixture.homeTeamId);
  const away = elo.indexOf.get(fixture.awayTeamId);
  if (home === undefined || away === undefined) return null;
  const [h, d, a] = outcomeProbabilities(
    elo.part.mapping,
    elo.part.ratings[home] - elo.part.ratings[away],
    fixture.neutral,
  );
  return [h, d, a];
}

function logRates(
  model: FittedDixonColes | FittedPoisson,
  home: TeamStrength,
  away: TeamStrength,
  neutral: boolean,
): [number, number] {
  const homeAdvantage = neutral ? 0 : model.params.homeAdvantage;
  return [homeAdvantage + home.attack - away.defence, away.attack - home.defence];
}

/** A fitted model without the per-team component lists of its diagnostics (kept as counts): what a file needs. */
function withoutComponents<M extends FittedDixonColes | FittedPoisson>(model: M): M {
  const components = model.diagnostics.components.map((c) => ({ teams: [], matches: c.matches }));
  return { ...model, diagnostics: { ...model.diagnostics, components } };
}
