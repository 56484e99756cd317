/**
 * Tie forecasts as of a date from the database: the goal model fitted on the matches before it (top-flight leagues
 * plus the continental competitions, a few years back), the extra-time scale fitted on the extra times before it,
 * and the pure tie maths of forecast/tie-forecast. Fits are cached by date, so a walk-forward calibration over
 * thousands of ties fits each date once. Match history is read once and sliced in memory.
 */
import { MatchdayError } from '../errors.js';
import { EUROPE_GROUP, fitHistoryFromRows } from '../history/fit-history.js';
import { DEFAULT_HISTORY_YEARS, yearsBefore } from '../history/fit-scope.js';
import type { TieRules, TieScoreState, TieTeam } from '../history/ties.js';
import type { GameStateModel } from '../forecast/game-state.js';
import {
  DEFAULT_MODEL_OPTIONS,
  fitMatchModel,
  predictWithModel,
  type ModelOptions,
  type SavedModel,
} from '../forecast/match-model.js';
import {
  fitExtraTimeScale,
  forecastTie,
  SAME_RATE_EXTRA_TIME_SCALE,
  type TieForecastResult,
} from '../forecast/tie-forecast.js';
import type { Db } from '../store/database.js';
import { latestLeague, resultRows, teamInfo, type ResultRow, type TeamInfo } from '../store/match-queries.js';
import { continentalCodes, extraTimeRows, topFlightAndContinentalCodes } from '../store/tie-queries.js';

export interface TieForecasterOptions {
  model?: ModelOptions;
  /** Years of matches before the date the model is fitted on. Default 4. */
  historyYears?: number;
  /** Competitions the model is fitted on. Default: every top-flight league and continental competition. */
  competitions?: string[];
  /** P(the second leg's host wins a shoot-out / replay / coin toss). Default 0.5 (see docs/ties.md). */
  penaltyHomeWin?: number;
}

/** What a tie forecast needs besides the database: the teams, the tie so far and its rules. */
export interface TieForecastRequest {
  /** Hosted the first leg. */
  a: TieTeam;
  /** Hosts the second leg. */
  b: TieTeam;
  state: TieScoreState;
  rules: TieRules;
  /** The second leg is at a neutral ground. */
  neutral: boolean;
  /** The model and the extra-time scale use only matches strictly before this date. */
  before: string;
}

export interface SecondLegRates {
  homeExpected: number;
  awayExpected: number;
  rho: number;
  teamsFromPrior: string[];
}

export class TieForecaster {
  readonly options: Required<Omit<TieForecasterOptions, 'competitions'>> & { competitions: string[] };
  private readonly rows: ResultRow[];
  private readonly teams: Map<number, TeamInfo>;
  private readonly models = new Map<string, SavedModel>();
  private readonly continentalGoals: { dates: string[]; goals: Float64Array };
  private readonly extraTimes: { dates: string[]; goals: Float64Array };

  constructor(
    private readonly db: Db,
    options: TieForecasterOptions = {},
  ) {
    this.options = {
      model: options.model ?? DEFAULT_MODEL_OPTIONS,
      historyYears: options.historyYears ?? DEFAULT_HISTORY_YEARS,
      competitions: options.competitions ?? topFlightAndContinentalCodes(db),
      penaltyHomeWin: options.penaltyHomeWin ?? 0.5,
    };
    const family = this.options.model.family;
    if (family !== 'dixon-coles' && family !== 'poisson') {
      throw new MatchdayError('BAD_OPTION', `tie forecasts use a dixon-coles or poisson model, not ${family}`, {
        field: 'model',
      });
    }
    this.rows = resultRows(db, { competitions: this.options.competitions });
    const ids = new Set<number>();
    for (const r of this.rows) ids.add(r.homeTeamId).add(r.awayTeamId);
    this.teams = teamInfo(db, [...ids]);
    const continental = new Set(continentalCodes(db));
    const europe = resultRows(db, { competitions: [...continental] });
    this.continentalGoals = cumulative(europe.map((r) => [r.date, r.homeGoals + r.awayGoals]));
    this.extraTimes = cumulative(
      extraTimeRows(db, { competitions: [...continental] }).map((r) => [r.date, r.et[0] + r.et[1] - r.ft[0] - r.ft[1]]),
    );
  }

  /** The goal model fitted on the matches strictly before `before` (cached per date). */
  modelBefore(before: string): SavedModel {
    const cached = this.models.get(before);
    if (cached) return cached;
    const from = yearsBefore(before, this.options.historyYears);
    const slice = this.rows.slice(firstIndexAtOrAfter(this.rows, from), firstIndexAtOrAfter(this.rows, before));
    const history = fitHistoryFromRows(slice, before, this.teams);
    const saved = fitMatchModel(history, this.options.model, {
      competitions: this.options.competitions,
      from,
      before,
    });
    this.models.set(before, saved);
    return saved;
  }

  /** Extra-time goals relative to 90-minute goals in the continental competitions before the date. */
  extraTimeScaleBefore(before: string): number {
    const extra = countBefore(this.extraTimes, before);
    const ninety = countBefore(this.continentalGoals, before);
    // No continental match yet: nothing to measure, the prior (the same rate per minute) is all there is.
    if (ninety.count === 0 || ninety.sum === 0) return SAME_RATE_EXTRA_TIME_SCALE;
    return fitExtraTimeScale({
      extraTimeMatches: extra.count,
      extraTimeGoals: extra.sum,
      ninetyMinuteGoalsPerMatch: ninety.sum / ninety.count,
    });
  }

  /** The model's expected goals for the second leg: B at home to A. */
  secondLegRates(
    saved: SavedModel,
    request: Pick<TieForecastRequest, 'a' | 'b' | 'neutral' | 'before'>,
  ): SecondLegRates {
    const { grid, teamsFromPrior } = predictWithModel(
      saved,
      this.fixtureTeam(saved, request.b, request.before),
      this.fixtureTeam(saved, request.a, request.before),
      { neutral: request.neutral },
    );
    const model = saved.model;
    const rho = 'family' in model && model.family === 'dixon-coles' ? model.params.rho : 0;
    return { homeExpected: grid.homeExpected, awayExpected: grid.awayExpected, rho, teamsFromPrior };
  }

  /** The tie forecast as of `request.before`, naive (gameState null) or with game-state multipliers. */
  forecast(
    request: TieForecastRequest,
    gameState: GameStateModel | null,
    rates: SecondLegRates = this.secondLegRates(this.modelBefore(request.before), request),
  ): TieForecastResult {
    return forecastTie({
      names: { a: request.a.name, b: request.b.name },
      state: request.state,
      rules: request.rules,
      homeExpected: rates.homeExpected,
      awayExpected: rates.awayExpected,
      rho: rates.rho,
      extraTimeScale: this.extraTimeScaleBefore(request.before),
      penaltyHomeWin: this.options.penaltyHomeWin,
      gameState,
    });
  }

  /**
   * A team as the model sees it; a team it never saw gets the prior of its league, else of its country's teams in
   * Europe, else of the pooled small European countries.
   */
  private fixtureTeam(saved: SavedModel, team: TieTeam, before: string): { id: number; name: string; group: string } {
    const league = latestLeague(this.db, team.id, before);
    if (league) return { ...team, group: league };
    const country = this.teams.get(team.id)?.country ?? teamInfo(this.db, [team.id]).get(team.id)?.country;
    const group = `${EUROPE_GROUP}:${country ?? 'unknown'}`;
    return { ...team, group: saved.groups.includes(group) ? group : EUROPE_GROUP };
  }
}

function cumulative(entries: [string, number][]): { dates: string[]; goals: Float64Array } {
  entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const goals = new Float64Array(entries.length + 1);
  entries.forEach(([, g], i) => (goals[i + 1] = goals[i] + g));
  return { dates: entries.map(([d]) => d), goals };
}

function countBefore(series: { dates: string[]; goals: Float64Array }, before: string): { count: number; sum: number } {
  let lo = 0;
  let hi = series.dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.dates[mid] < before) lo = mid + 1;
    else hi = mid;
  }
  return { count: lo, sum: series.goals[lo] };
}

function firstIndexAtOrAfter(rows: readonly ResultRow[], date: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
