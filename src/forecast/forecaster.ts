/**
 * The forecaster: matchday's one model, behind `predict`, previews, the server, the library and the backtest
 * (`matchday backtest` scores exactly what it says). Fitted on the matches before a date, it gives each fixture a
 * full score grid whose 1X2 is the ensemble's and whose goal totals are the goal model's; every market reads it.
 *
 * 1. Goals: Dixon-Coles, 4-year window, ξ 0.002/day, prior 3 toward the team's league mean.
 * 2. Shots: a Poisson model of shots on target + 0.35 × shots off target (ξ 0.015, prior 10), its log-rates
 *    mapped onto goals by regression; the blend's log-rates are 0.6 × goals + 0.4 × shots.
 * 3. Market: a Poisson model of the goals each past match's 1X2 prices expected (ξ 0.01, prior 1), its log-rates
 *    mapped onto goals by regression; half the blend's log-rates where it knows both teams. Only matches before
 *    the fit date: the fixture's own prices are never read.
 * 4. Elo: ClubElo form, K = 4 over 8 years, an ordered logit from rating difference to 1X2; 15 % of the pool.
 * 5. The pooled 1X2 is stretched ×1.05 on the ordered-logit scale and its draw band widened by 0.02.
 * 6. Superiority shifts: what is left to play for in the league table, and club stature over a century.
 * 7. The score grid: the blend's Dixon-Coles grid tilted to that 1X2, keeping its expected total goals.
 * Every constant was chosen on the seasons 2016-22 (docs/backtest.md).
 */
import type { Competition } from '../competitions/competition.js';
import { seasonStartYear } from '../competitions/seasons.js';
import { clubStatures } from '../history/club-stature.js';
import type { ForecastHistory } from '../history/forecast-history.js';
import { yearsBefore } from '../history/fit-scope.js';
import { leagueFormat, type LeagueFormat } from '../history/league-format.js';
import { leagueTable, type LeagueTable, type TableMatch } from '../history/league-table.js';
import { dixonColesScoreGrid } from '../models/dixon-coles.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { TeamInfo } from '../store/match-queries.js';
import {
  blendLogRates,
  eloOutcomes,
  fitEloPart,
  fitGoalPart,
  fitMarketPart,
  fitShotPart,
  memberRows,
  RatedGoals,
  type EloPart,
  type GoalPart,
  type IndexedProxy,
  type MarketPart,
  type ShotPart,
} from './forecaster-members.js';
import { gridOutcomeProbabilities, NO_RATING } from './goal-model-forecaster.js';
import { summariseGrid } from './grid-summary.js';
import { firstOnOrAfter, type Fixture, type HistoryMatch, type Probabilities1x2 } from './match-forecaster.js';
import { applyTilt, outcomeGrid, type GridTilt } from './outcome-grid.js';
import { shiftOutcomes, stretchOutcomes } from './outcome-stretch.js';
import type { ShotProxyOptions } from './shot-blend-forecaster.js';
import {
  STAKES,
  stakesShift,
  STATURE,
  statureShift,
  type StakesOptions,
  type StatureOptions,
} from './superiority-shifts.js';
import { MatchdayError } from '../errors.js';

export interface ForecasterConstants {
  /** The goal model: years of history, time decay per day, prior precision toward the league mean. */
  goals: { windowYears: number; xi: number; priorStrength: number };
  /** The shot model (on the goal model's years). */
  shots: ShotProxyOptions & { xi: number; priorStrength: number };
  /** Weight of the goal model's log-rates against the shot model's in the blend. */
  goalWeight: number;
  /** The market model: its weight in the blend's log-rates (0: left out), time decay per day and prior precision. */
  market: { weight: number; xi: number; priorStrength: number };
  /** Elo's share of the pool (0: left out), its K and years of ratings. */
  elo: { weight: number; k: number; historyYears: number };
  /** The outcome stretch of the pooled forecast and the widening of its draw band. */
  stretch: number;
  drawWidening: number;
  /** The superiority shifts (null: left out). */
  stakes: StakesOptions | null;
  stature: StatureOptions | null;
  /** Largest score per side in the grid. */
  maxGoals: number;
}

/**
 * Tuned on 2016-22 (docs/backtest.md). The shots decay fast (half-life ~46 days) and an off-target shot counts
 * 0.35 of one on target. The Elo is slow (K = 4): alone it is worse than K = 15, but the blend already follows
 * form through its time decay and what a slow Elo adds is the clubs' long-run standing. The draw widening
 * restores the draws the stretch and the shifts take away.
 */
export const FORECASTER: ForecasterConstants = {
  goals: { windowYears: 4, xi: 0.002, priorStrength: 3 },
  shots: { xi: 0.015, priorStrength: 10, offTargetWeight: 0.35 },
  goalWeight: 0.6,
  market: { weight: 0.5, xi: 0.01, priorStrength: 1 },
  elo: { weight: 0.15, k: 4, historyYears: 8 },
  stretch: 1.05,
  drawWidening: 0.02,
  stakes: STAKES,
  stature: STATURE,
  maxGoals: 10,
};

/** Years of matches before the fit date the forecaster reads (its longest member window). */
export function forecasterHistoryYears(constants: ForecasterConstants = FORECASTER): number {
  return Math.max(constants.goals.windowYears, constants.elo.weight > 0 ? constants.elo.historyYears : 0);
}

/** A what-if: added to a team's log attack and log defence (negative = weaker, e.g. a key player missing). */
export interface StrengthShift {
  homeShift?: number;
  awayShift?: number;
}

export interface MatchForecast {
  /** Home win, draw, away win: the grid's own, exactly as its markets give them (`markets.result`). */
  probabilities: Probabilities1x2;
  /** Scores 0..maxGoals a side, summing to 1; its expected goals are `grid.homeExpected` and `grid.awayExpected`. */
  grid: ScoreGrid;
  /** How the forecast was put together (without a what-if). */
  parts: {
    /** The goals + shots blend's 1X2, and its Dixon-Coles rates (whose grid is tilted into the forecast's). */
    blend: Probabilities1x2;
    blendRates: { home: number; away: number; rho: number };
    /** Elo's 1X2 (null when a team has no rating). */
    elo: Probabilities1x2 | null;
    pooled: Probabilities1x2;
    stretched: Probabilities1x2;
    /** The superiority shifts on the ordered-logit scale (0 where they do not apply). */
    stakesShift: number;
    statureShift: number;
    /** The forecast's 1X2, which the grid was tilted to. */
    outcomes: Probabilities1x2;
    tilt: GridTilt;
  };
}

export type ForecastOutcome = MatchForecast | { skipped: string };

/** A team the forecaster knows, with the league its prior comes from. */
export interface ForecasterTeam {
  id: number;
  name: string;
  group: string;
}

/** What the fit saw. */
export interface ForecasterData {
  competitions: string[];
  /** First date the history could reach (fit date minus the longest window). */
  from: string;
  /** The fit date: matches strictly before it were used. */
  before: string;
  matches: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** A league season the forecaster was fitted in the middle of: its matches so far, format and club statures. */
export interface ForecasterSeason {
  competition: string;
  season: string;
  format: LeagueFormat | null;
  /** home team id, away team id, home goals, away goals — in date order. */
  matches: [number, number, number, number][];
  /** [team id, stature]; empty when the stature shift is off or the competition is no league. */
  statures: [number, number][];
}

/** A fitted forecaster as plain data: what `matchday fit --model ensemble --out` writes. */
export interface ForecasterState {
  fitDate: string;
  constants: ForecasterConstants;
  data: ForecasterData;
  teams: ForecasterTeam[];
  goals: GoalPart | { failed: string };
  shots: ShotPart | null;
  market: MarketPart | null;
  elo: EloPart | { failed: string } | null;
  /** The league seasons current at the fit date (a fresh fit reads any season from its history). */
  seasons: ForecasterSeason[];
}

/** Where the shifts read a league season from: the history of a fresh fit, or a saved forecaster's seasons. */
interface SeasonSource {
  table(competition: string, season: string, homeTeamId: number, awayTeamId: number): LeagueTable | null;
  /** The club statures of the teams in a league season (null: no stature there). */
  statures(competition: string, season: string, teams: readonly number[]): ReadonlyMap<number, number> | null;
}

/** Fits every member on the history (each on its own years) and returns the fitted forecaster. */
export function fitForecaster(history: ForecastHistory, constants: ForecasterConstants = FORECASTER): Forecaster {
  const { date, teams } = history;
  const whole = history.within ?? { matches: history.matches, start: 0 };
  const rows = memberRows(whole.matches, constants.shots);
  // Each member fits the matches of its last years before the fit date: `since(years)` .. `end` − 1 of the rows.
  const since = (years: number): number => whole.start + firstOnOrAfter(history.matches, yearsBefore(date, years));
  const end = whole.start + history.matches.length;
  const goalStart = since(constants.goals.windowYears);
  const attempt = <T>(fit: () => T): T | { failed: string } => {
    try {
      return fit();
    } catch (error) {
      if (!(error instanceof MatchdayError)) throw error;
      return { failed: error.message };
    }
  };
  const goals = attempt(() => fitGoalPart(rows.matches, goalStart, end, date, teams, constants.goals));
  const shots = attempt(() => fitShotPart(rows.shots, goalStart, end, date, teams, constants.shots));
  const market =
    constants.market.weight > 0
      ? attempt(() => fitMarketPart(rows.market, goalStart, end, date, teams, constants.market))
      : null;
  const elo =
    constants.elo.weight > 0
      ? attempt(() => fitEloPart(rows.matches, since(constants.elo.historyYears), end, date, constants.elo.k))
      : null;
  const state: ForecasterState = {
    fitDate: date,
    constants,
    data: {
      // The scope's competitions with matches in the window (a scope names every continental competition held).
      competitions: history.competitions.filter((code) => history.matches.some((m) => m.competition === code)),
      from: yearsBefore(date, forecasterHistoryYears(constants)),
      before: date,
      matches: history.matches.length,
      firstDate: history.matches[0]?.date ?? null,
      lastDate: history.matches.at(-1)?.date ?? null,
    },
    teams: 'failed' in goals ? [] : forecasterTeams(goals, teams),
    goals,
    // A shot model that cannot be fitted leaves the blend to the goal model, as for a team without shots.
    shots: shots !== null && 'failed' in shots ? null : shots,
    market: market !== null && 'failed' in market ? null : market,
    elo,
    seasons: [],
  };
  return new Forecaster(state, historySeasons(history, constants));
}

/** A fitted forecaster. Forecasts are pure functions of its state and the fixture. */
export class Forecaster {
  private readonly goals: RatedGoals | null;
  private readonly shots: IndexedProxy | null;
  private readonly market: IndexedProxy | null;
  private readonly elo: { part: EloPart; indexOf: Map<number, number> } | null;

  constructor(
    readonly state: ForecasterState,
    private readonly seasons: SeasonSource,
  ) {
    const indexed = <P extends { teamIds: number[] }>(part: P) => ({
      part,
      indexOf: new Map(part.teamIds.map((id, i) => [id, i])),
    });
    this.goals = 'failed' in state.goals ? null : new RatedGoals(state.goals);
    this.shots = state.shots ? indexed(state.shots) : null;
    this.market = state.market ? indexed(state.market) : null;
    this.elo = state.elo && !('failed' in state.elo) ? indexed(state.elo) : null;
  }

  get fitDate(): string {
    return this.state.fitDate;
  }

  /** The fixture's forecast; a what-if moves the grid's rates (and so its 1X2), not the parts. */
  forecast(fixture: Fixture, whatIf: StrengthShift = {}): ForecastOutcome {
    const c = this.state.constants;
    const goalPart = this.state.goals;
    if (!this.goals || 'failed' in goalPart) {
      return { skipped: `fit failed: ${'failed' in goalPart ? goalPart.failed : 'no goal model'}` };
    }
    const logRates = blendLogRates(this.goals, { shots: this.shots, market: this.market }, fixture, {
      goalWeight: c.goalWeight,
      marketWeight: c.market.weight,
    });
    if (!logRates) return { skipped: NO_RATING };
    const blendRates = { home: Math.exp(logRates[0]), away: Math.exp(logRates[1]), rho: goalPart.model.params.rho };
    const blendGrid = dixonColesScoreGrid(blendRates.home, blendRates.away, blendRates.rho, c.maxGoals);
    const blend = gridOutcomeProbabilities(blendGrid);
    const elo = this.elo ? eloOutcomes(this.elo, fixture) : null;
    const pooled: Probabilities1x2 = elo
      ? ([0, 1, 2].map((k) => (1 - c.elo.weight) * blend[k] + c.elo.weight * elo[k]) as Probabilities1x2)
      : blend;
    const stretched = stretchOutcomes(pooled, c.stretch, c.drawWidening);
    const stakes = this.stakesShiftOf(fixture);
    const stature = this.statureShiftOf(fixture);
    const shift = stakes + stature;
    const outcomes = shift === 0 ? stretched : shiftOutcomes(stretched, shift);
    const tilted = outcomeGrid(outcomes, blendGrid);
    let grid = tilted.grid;
    // A what-if moves the blend's rates (attack and defence shifted together) and its grid keeps the forecast's tilt.
    const strength = (whatIf.homeShift ?? 0) - (whatIf.awayShift ?? 0);
    if (strength !== 0) {
      const shifted = dixonColesScoreGrid(
        blendRates.home * Math.exp(strength),
        blendRates.away * Math.exp(-strength),
        blendRates.rho,
        c.maxGoals,
      );
      grid = applyTilt(shifted, tilted.tilt);
    }
    const result = summariseGrid(grid);
    return {
      // The grid's own sums, as every market of it reads them (it sums to 1 to rounding).
      probabilities: [result.homeWin, result.draw, result.awayWin],
      grid,
      parts: {
        blend,
        blendRates,
        elo,
        pooled,
        stretched,
        stakesShift: stakes,
        statureShift: stature,
        outcomes,
        tilt: tilted.tilt,
      },
    };
  }

  /** The fixture's score grid (throws MatchdayError when the forecaster cannot price it). */
  scoreGrid(fixture: Fixture, whatIf: StrengthShift = {}): ScoreGrid {
    const outcome = this.forecast(fixture, whatIf);
    if ('skipped' in outcome) throw new MatchdayError('NO_FORECAST', outcome.skipped);
    return outcome.grid;
  }

  /** The state with the league seasons current at the fit date, for a model file. */
  save(): ForecasterState {
    return { ...this.state, seasons: this.state.seasons.length > 0 ? this.state.seasons : this.currentSeasons() };
  }

  private stakesShiftOf(fixture: Fixture): number {
    const options = this.state.constants.stakes;
    if (!options || fixture.season === undefined) return 0;
    const table = this.seasons.table(fixture.competition, fixture.season, fixture.homeTeamId, fixture.awayTeamId);
    return table ? stakesShift(table, fixture.homeTeamId, fixture.awayTeamId, options) : 0;
  }

  private statureShiftOf(fixture: Fixture): number {
    const options = this.state.constants.stature;
    if (!options || fixture.season === undefined) return 0;
    const statures = this.seasons.statures(fixture.competition, fixture.season, [
      fixture.homeTeamId,
      fixture.awayTeamId,
    ]);
    return statures ? statureShift(statures, fixture.homeTeamId, fixture.awayTeamId, options) : 0;
  }

  private currentSeasons(): ForecasterSeason[] {
    if (!(this.seasons instanceof HistorySeasons)) return [];
    return this.seasons.current();
  }
}

/** A forecaster from its saved state (seasons from the state, not from history). */
export function forecasterFromState(state: ForecasterState): Forecaster {
  return new Forecaster(state, savedSeasons(state));
}

function forecasterTeams(goals: GoalPart, teams: ReadonlyMap<number, TeamInfo>): ForecasterTeam[] {
  const groupOf = goals.model.prior.teamGroup;
  return goals.teamIds.map((id, i) => ({
    id,
    name: teams.get(id)?.name ?? `team ${id}`,
    group: goals.groups[groupOf ? groupOf[i] : 0],
  }));
}

function historySeasons(history: ForecastHistory, constants: ForecasterConstants): HistorySeasons {
  return new HistorySeasons(history, constants);
}

/** League seasons read from a fresh fit's history, each worked out once when first asked for. */
class HistorySeasons implements SeasonSource {
  private readonly seasonMatches = new Map<string, HistoryMatch[] | null>();
  private readonly tables = new Map<string, LeagueTable | null>();
  private readonly statureCache = new Map<string, Map<number, number>>();

  constructor(
    private readonly history: ForecastHistory,
    private readonly constants: ForecasterConstants,
  ) {}

  /** The league matches of a season in the history (null when it has none). */
  private matchesOf(competition: string, season: string): HistoryMatch[] | null {
    const key = seasonKey(competition, season);
    let matches = this.seasonMatches.get(key);
    if (matches === undefined) {
      // A season's matches are all dated from the 1st of January of its first year on.
      const all = this.history.matches;
      const found = all
        .slice(firstOnOrAfter(all, `${seasonStartYear(season)}-01-01`))
        .filter((m) => m.kind === 'league' && m.competition === competition && m.season === season);
      this.seasonMatches.set(key, (matches = found.length > 0 ? found : null));
    }
    return matches;
  }

  table(competition: string, season: string, homeTeamId: number, awayTeamId: number): LeagueTable | null {
    const key = seasonKey(competition, season);
    const format = this.format(competition, season);
    const matches = format ? this.matchesOf(competition, season) : null;
    if (!matches || !format) return null;
    let table = this.tables.get(key);
    if (table === undefined) this.tables.set(key, (table = leagueTable(matches, format)));
    // A side yet to play this season joins a table of its own (its size is what sets the matches left).
    const has = (id: number) => table!.rows.some((r) => r.teamId === id);
    return table && has(homeTeamId) && has(awayTeamId) ? table : leagueTable(matches, format, [homeTeamId, awayTeamId]);
  }

  statures(competition: string, season: string, teams: readonly number[]): ReadonlyMap<number, number> | null {
    const options = this.constants.stature;
    if (!options || !hasStature(this.history.competition(competition))) return null;
    // Kept per club (a club's stature depends on its own seasons only): a fit is asked about a few clubs at a time.
    const key = seasonKey(competition, season);
    let known = this.statureCache.get(key);
    if (!known) this.statureCache.set(key, (known = new Map()));
    const missing = teams.filter((team) => !known.has(team));
    if (missing.length > 0) {
      const found = clubStatures(this.history.records, competition, season, options.seasons, missing);
      for (const team of missing) known.set(team, found.get(team) ?? 0);
    }
    return known;
  }

  /** The latest season of each league in the history, as a model file keeps it. */
  current(): ForecasterSeason[] {
    const latest = new Map<string, string>();
    for (const m of this.history.matches) if (m.kind === 'league') latest.set(m.competition, m.season);
    return [...latest].map(([competition, season]) => {
      const matches = this.matchesOf(competition, season) ?? [];
      const teams = [...new Set(matches.flatMap((m) => [m.homeTeamId, m.awayTeamId]))].sort((a, b) => a - b);
      return {
        competition,
        season,
        format: this.format(competition, season),
        matches: matches.map(
          (m) => [m.homeTeamId, m.awayTeamId, m.homeGoals, m.awayGoals] as [number, number, number, number],
        ),
        statures: [...(this.statures(competition, season, teams) ?? [])].sort((a, b) => a[0] - b[0]),
      };
    });
  }

  private format(competition: string, season: string): LeagueFormat | null {
    const c = this.history.competition(competition);
    return c ? leagueFormat(c, season) : null;
  }
}

function savedSeasons(state: ForecasterState): SeasonSource {
  const byKey = new Map(state.seasons.map((s) => [seasonKey(s.competition, s.season), s]));
  const matchesOf = (s: ForecasterSeason): TableMatch[] =>
    s.matches.map(([homeTeamId, awayTeamId, homeGoals, awayGoals]) => ({
      homeTeamId,
      awayTeamId,
      homeGoals,
      awayGoals,
    }));
  return {
    table(competition, season, homeTeamId, awayTeamId) {
      const saved = byKey.get(seasonKey(competition, season));
      if (!saved?.format || saved.matches.length === 0) return null;
      const matches = matchesOf(saved);
      const table = leagueTable(matches, saved.format);
      const has = (id: number) => table!.rows.some((r) => r.teamId === id);
      return table && has(homeTeamId) && has(awayTeamId)
        ? table
        : leagueTable(matches, saved.format, [homeTeamId, awayTeamId]);
    },
    statures(competition, season) {
      const saved = byKey.get(seasonKey(competition, season));
      return saved && state.constants.stature && saved.statures.length > 0 ? new Map(saved.statures) : null;
    },
  };
}

/**
 * Stature is a top flight's: below it a season "elsewhere" is as often a season above as below, and a club down
 * from the top flight would count as small. On the lower tiers of England and Germany 2008-16 the shift cost RPS
 * in three leagues of four (docs/backtest.md), so it applies to top flights and to leagues of unknown tier only.
 */
function hasStature(competition: Competition | undefined): boolean {
  return competition?.kind === 'league' && (competition.tier === null || competition.tier === 1);
}

function seasonKey(competition: string, season: string): string {
  return `${competition} ${season}`;
}
