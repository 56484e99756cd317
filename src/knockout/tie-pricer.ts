/**
 * Ties priced as of a date from the database, the one way every front end prices them (`matchday tie`,
 * `tie-calibration`, `bracket`, the API and match page, the preview): the legs' grids from a model fitted on the
 * top-flight leagues and continental competitions in the years before the date (leg-grids) — the forecaster, or a
 * single goal model — extra time at the rate fitted on the continental extra times before it, the calibration fitted
 * on earlier ties with the same legs (the shipped config/tie-calibration.json), and the season's rules — then the
 * pure tie model (tie-model.ts).
 *
 * Reads the database (match rows, team leagues, extra times); the legs' grids are kept per date, so pricing many ties
 * of one date, or a calibration over thousands, fits each date once.
 */
import type { TieRules } from '../competitions/competition.js';
import { MatchdayError } from '../errors.js';
import { fitHistoryFromRows, EUROPE_GROUP } from '../history/fit-history.js';
import { DEFAULT_HISTORY_YEARS, yearsBefore } from '../history/fit-scope.js';
import { storeForecastSource } from '../history/forecast-history.js';
import { forecasterModel } from '../forecast/fixture-forecast.js';
import { fitForecaster, forecasterHistoryYears } from '../forecast/forecaster.js';
import { DEFAULT_MODEL_OPTIONS, fitMatchModel, type ModelOptions } from '../forecast/match-model.js';
import type { Db } from '../store/database.js';
import { latestLeague, resultRows, teamInfo, type ResultRow } from '../store/match-queries.js';
import { topFlightAndContinentalCodes } from '../store/tie-queries.js';
import { fitExtraTimeScale } from './extra-time.js';
import { readExtraTimeEvidence } from './knockout-reader.js';
import { fixtureModelLegGrids, goalModelLegGrids, type LegGrids } from './leg-grids.js';
import { calibrationBefore, shippedTieCalibration, type TieCalibrationArtifact } from './tie-calibration-file.js';
import { SecondLegPricing, type TieForecastResult, type TieModelConstants } from './tie-model.js';
import type { TieTeam } from './tie-reconstruction.js';
import type { TieState } from './two-legged-tie.js';

/** Where the legs' grids come from: the forecaster (predict's model) or a single goal model (`model`). */
export type LegModel = 'forecaster' | 'goal-model';

export interface TiePricerOptions {
  /** What the legs' grids come from. Default: what the calibration was fitted on (the shipped one's, without one). */
  legs?: LegModel;
  /** The goal model of `legs: 'goal-model'`. Default Dixon-Coles (ξ 0.002, prior 1). */
  model?: ModelOptions;
  /** Years of matches before the date the goal model is fitted on. Default 4 (the forecaster reads its own years). */
  historyYears?: number;
  /** Competitions the legs' model is fitted on. Default: every top-flight league and continental competition. */
  competitions?: string[];
  /** P(the second leg's host wins a shoot-out / replay / coin toss). Default 0.5 (docs/ties.md). */
  penaltyHomeWin?: number;
  /** The fitted tie calibration; null prices every tie naive. Default: the shipped one. */
  calibration?: TieCalibrationArtifact | null;
  /** Goal-model legs: read every fit row once up front (for many dates) instead of per date. Same numbers. */
  preload?: boolean;
}

/** The fit settings a calibration records. */
export interface TiePricerSettings {
  /** Absent in files written before the forecaster's legs: the goal model's. */
  legs?: LegModel;
  model: ModelOptions;
  historyYears: number;
  competitions: string[];
  penaltyHomeWin: number;
}

/** A tie before its second leg. */
export interface TieRequest {
  /** Hosted the first leg. */
  a: TieTeam;
  /** Hosts the second leg. */
  b: TieTeam;
  state: TieState;
  rules: TieRules;
  /** The second leg is at a neutral ground. */
  neutral: boolean;
  /** Everything is fitted on matches strictly before this date. */
  before: string;
  /** What-ifs on the second leg: added to the host's / visitor's log attack and log defence. */
  homeShift?: number;
  awayShift?: number;
}

export interface PricedTie {
  /** With the calibration (the product's forecast); the naive one when there is no calibration. */
  forecast: TieForecastResult;
  /** The forecaster's grid as it is: no calibration, no game state. */
  naive: TieForecastResult;
  grids: LegGrids['source'];
  teamsFromPrior: string[];
  constants: TieModelConstants;
}

/** Legs' grids kept (one per date). */
const GRIDS_CACHE = 16;

export class TiePricer {
  readonly settings: TiePricerSettings;
  readonly calibration: TieCalibrationArtifact | null;
  private readonly grids = new Map<string, LegGrids>();
  private rows: ResultRow[] | null = null;

  constructor(
    private readonly db: Db,
    options: TiePricerOptions = {},
  ) {
    this.calibration = options.calibration === undefined ? shippedTieCalibration() : options.calibration;
    // Without a calibration (a refit) and without legs named, the shipped calibration's legs.
    const fittedOn = this.calibration ? legsOf(this.calibration) : null;
    this.settings = {
      legs: options.legs ?? fittedOn ?? legsOf(shippedTieCalibration()),
      model: options.model ?? DEFAULT_MODEL_OPTIONS,
      historyYears: options.historyYears ?? DEFAULT_HISTORY_YEARS,
      competitions: options.competitions ?? topFlightAndContinentalCodes(db),
      penaltyHomeWin: options.penaltyHomeWin ?? 0.5,
    };
    if (fittedOn && fittedOn !== this.settings.legs) {
      throw new MatchdayError(
        'BAD_OPTION',
        `the tie calibration was fitted on ${fittedOn} legs, not ${this.settings.legs} legs: refit it ` +
          '(bench/tie-calibration.ts) or price without it',
        { field: 'legs' },
      );
    }
    const family = this.settings.model.family;
    if (family === 'elo' || family === 'pi') {
      throw new MatchdayError('BAD_OPTION', `tie forecasts need a goal model, not ${family}`, { field: 'model' });
    }
    if (options.preload && this.settings.legs === 'goal-model')
      this.rows = resultRows(db, { competitions: this.settings.competitions });
  }

  /** Every leg's grid as of the date, from the legs' model fitted on the matches strictly before it (kept). */
  legGridsBefore(before: string): LegGrids {
    const cached = this.grids.get(before);
    if (cached) return cached;
    const grids = this.settings.legs === 'forecaster' ? this.forecasterLegs(before) : this.goalModelLegs(before);
    if (this.grids.size >= GRIDS_CACHE) this.grids.delete(this.grids.keys().next().value!);
    this.grids.set(before, grids);
    return grids;
  }

  /** The forecaster, fitted on the scope's matches before the date as `predict` fits it on its own scope. */
  private forecasterLegs(before: string): LegGrids {
    const { competitions } = this.settings;
    const history = storeForecastSource(this.db).history(competitions, before, forecasterHistoryYears());
    const forecaster = fitForecaster(history);
    const goals = forecaster.state.goals;
    const groups = 'failed' in goals ? [] : goals.groups;
    return fixtureModelLegGrids(forecasterModel(forecaster), (team) => ({
      id: team.id,
      name: team.name,
      group: this.groupOf(groups, team, before),
    }));
  }

  private goalModelLegs(before: string): LegGrids {
    const from = yearsBefore(before, this.settings.historyYears);
    const competitions = this.settings.competitions;
    const rows = this.rows
      ? this.rows.slice(firstIndexAtOrAfter(this.rows, from), firstIndexAtOrAfter(this.rows, before))
      : resultRows(this.db, { competitions, from, before });
    const teams = teamInfo(this.db, distinctTeams(rows));
    const saved = fitMatchModel(fitHistoryFromRows(rows, before, teams), this.settings.model, {
      competitions,
      from,
      before,
    });
    return goalModelLegGrids(saved, (team) => this.groupOf(saved.groups, team, before));
  }

  /** Extra-time goals relative to 90-minute goals in the continental competitions before the date. */
  extraTimeScaleBefore(before: string): number {
    return fitExtraTimeScale(readExtraTimeEvidence(this.db, before));
  }

  /** The tie model's constants as of the date; `naive` leaves out the calibration. */
  constantsBefore(before: string, naive = false): TieModelConstants {
    const fitted = naive || !this.calibration ? null : calibrationBefore(before, this.calibration);
    return {
      extraTimeScale: this.extraTimeScaleBefore(before),
      penaltyHomeWin: this.settings.penaltyHomeWin,
      legs: fitted?.legs ?? null,
      gameState: fitted?.gameState ?? null,
    };
  }

  /** The tie before its second leg, as every front end shows it. `grids` replaces the default legs (a saved model). */
  price(request: TieRequest, grids: LegGrids = this.legGridsBefore(request.before)): PricedTie {
    const leg = grids.grid({
      home: request.b,
      away: request.a,
      neutral: request.neutral,
      homeShift: request.homeShift,
      awayShift: request.awayShift,
    });
    const names = { a: request.a.name, b: request.b.name };
    const constants = this.constantsBefore(request.before);
    const naiveConstants = { ...constants, legs: null, gameState: null };
    return {
      forecast: new SecondLegPricing(leg, request.rules, constants).forecast(request.state, names),
      naive: new SecondLegPricing(leg, request.rules, naiveConstants).forecast(request.state, names),
      grids: grids.source,
      teamsFromPrior: leg.teamsFromPrior,
      constants,
    };
  }

  /**
   * A team as the model groups it: a team it never saw gets the prior of its league, else of its country's teams in
   * Europe, else of the pooled small European countries.
   */
  private groupOf(groups: readonly string[], team: TieTeam, before: string): string {
    const league = latestLeague(this.db, team.id, before);
    if (league) return league;
    const group = `${EUROPE_GROUP}:${teamInfo(this.db, [team.id]).get(team.id)?.country ?? 'unknown'}`;
    return groups.includes(group) ? group : EUROPE_GROUP;
  }
}

/** The legs a calibration was fitted on (a file written before the forecaster's legs: the goal model's). */
export function legsOf(calibration: TieCalibrationArtifact): LegModel {
  return calibration.settings.legs ?? 'goal-model';
}

function distinctTeams(rows: readonly ResultRow[]): number[] {
  const ids = new Set<number>();
  for (const r of rows) ids.add(r.homeTeamId).add(r.awayTeamId);
  return [...ids];
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
