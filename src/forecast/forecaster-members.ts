/**
 * The forecaster's members, each fitted from scratch on the history before the fit date (no warm start, so a
 * fit depends on its history and date alone: `predict` and the backtest give the same numbers to the last bit),
 * and each held as plain data — what a model file stores.
 */
import { FitRows } from '../history/fit-history.js';
import { fitGoalModel } from '../models/fit-goal-model.js';
import type { FittedDixonColes, FittedPoisson, TeamStrength } from '../models/goal-model.js';
import { timeDecayWeights } from '../models/pair-table.js';
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

/** Dixon-Coles on the matches start..end − 1 of the rows, as of the fit date. */
export function fitGoalPart(
  matches: FitRows,
  start: number,
  end: number,
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): GoalPart {
  const window = matches.fitHistory(start, end, date, teams);
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

/**
 * The rows every member fits, built once per list of matches: the matches themselves (goals, Elo) and each proxy's
 * rows. A backtest's source gives every fit of a scope the scope's one list, so its hundreds of fits share them.
 */
export interface MemberRows {
  matches: FitRows;
  shots: ProxyRows;
  market: ProxyRows;
}

/** A proxy's rows (the matches with one), the goals scored in each, and where each window of matches starts in them. */
export interface ProxyRows {
  rows: FitRows;
  homeGoals: Int32Array;
  awayGoals: Int32Array;
  /** Proxy rows among the first i matches, i = 0 .. the matches' length. */
  before: Int32Array;
}

/** Member rows by list of matches, then by the shots' off-target weight (a tuning run varies it). */
const memberRowsOf = new WeakMap<readonly HistoryMatch[], Map<number, MemberRows>>();

/** The member rows of a date-ordered list of matches (kept while the list is). */
export function memberRows(matches: readonly HistoryMatch[], shots: ShotProxyOptions): MemberRows {
  let byWeight = memberRowsOf.get(matches);
  if (!byWeight) memberRowsOf.set(matches, (byWeight = new Map()));
  let rows = byWeight.get(shots.offTargetWeight);
  if (!rows) {
    rows = {
      matches: new FitRows(matches),
      shots: proxyRows(matches, (m) => (m.shots ? shotProxyRows([m], shots).rows[0] : null)),
      market: proxyRows(matches, (m) => (m.odds ? marketRow(m, m.odds) : null)),
    };
    byWeight.set(shots.offTargetWeight, rows);
  }
  return rows;
}

function proxyRows(matches: readonly HistoryMatch[], proxyOf: (m: HistoryMatch) => ResultRow | null): ProxyRows {
  const rows: ResultRow[] = [];
  const homeGoals: number[] = [];
  const awayGoals: number[] = [];
  const before = new Int32Array(matches.length + 1);
  matches.forEach((m, i) => {
    const row = proxyOf(m);
    if (row) {
      rows.push(row);
      homeGoals.push(m.homeGoals);
      awayGoals.push(m.awayGoals);
    }
    before[i + 1] = rows.length;
  });
  return {
    rows: new FitRows(rows),
    homeGoals: Int32Array.from(homeGoals),
    awayGoals: Int32Array.from(awayGoals),
    before,
  };
}

/** The shot model on the matches start..end − 1 that have recorded shots (null when none has). */
export function fitShotPart(
  shots: ProxyRows,
  start: number,
  end: number,
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): ShotPart | null {
  return fitProxyPart(shots, start, end, date, teams, options);
}

/** The market model on the matches start..end − 1 that have a 1X2 book (null when none has). */
export function fitMarketPart(
  market: ProxyRows,
  start: number,
  end: number,
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): MarketPart | null {
  return fitProxyPart(market, start, end, date, teams, options);
}

/** Poisson on the proxy, and the regression of goals on its log-rates weighted by the same time decay. */
function fitProxyPart(
  proxy: ProxyRows,
  matchStart: number,
  matchEnd: number,
  date: string,
  teams: ReadonlyMap<number, TeamInfo>,
  options: GoalOptions,
): ProxyPart | null {
  const start = proxy.before[matchStart];
  const end = proxy.before[matchEnd];
  if (end === start) return null;
  const window = proxy.rows.fitHistory(start, end, date, teams);
  const fitted = fitGoalModel(window.data, {
    family: 'poisson',
    xi: options.xi,
    priorStrength: options.priorStrength,
    gradientTolerance: BACKTEST_GRADIENT_TOLERANCE,
  });
  const component = new Array<number>(window.teamIds.length).fill(-1);
  fitted.diagnostics.components.forEach((c, k) => c.teams.forEach((t) => (component[t] = k)));
  const model = withoutComponents(fitted);
  const n = end - start;
  const homeEta = new Float64Array(n);
  const awayEta = new Float64Array(n);
  const { homeTeam, awayTeam, neutral, ageDays } = window.data;
  // logRates of each match, written out: no strength objects or pairs per match (this runs over every proxy match
  // of every fit).
  const { attack, defence, homeAdvantage } = model.params;
  for (let i = 0; i < n; i++) {
    const h = homeTeam[i];
    const a = awayTeam[i];
    homeEta[i] = (neutral[i] === 1 ? 0 : homeAdvantage) + attack[h] - defence[a];
    awayEta[i] = attack[a] - defence[h];
  }
  const weights = timeDecayWeights(ageDays, options.xi, n);
  const calibration = fitRateCalibration({
    homeEta,
    awayEta,
    homeGoals: proxy.homeGoals.subarray(start, end),
    awayGoals: proxy.awayGoals.subarray(start, end),
    weights,
  });
  return { model, teamIds: window.teamIds, component, calibration };
}

/**
 * Fit data holds whole goals: the expected goals are counted in tenths (the regression onto goals takes the
 * scale out), which also tells the fit how much less noisy they are than goals.
 */
const MARKET_SCALE = 10;

/** A match's market-expected goals as a row; null for a book no Poisson rates can meet (a draw priced near zero). */
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

/** ClubElo-form Elo of constant K over the matches start..end − 1, the ordered logit fitted after a year's burn-in. */
export function fitEloPart(matches: FitRows, start: number, end: number, date: string, k: number): EloPart {
  const window = matches.fitHistory(start, end, date, new Map());
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
