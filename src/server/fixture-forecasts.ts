import {
  forecastFixture,
  forecastWithForecaster,
  savedFixtureModel,
  type FixtureForecast,
  type FixtureModel,
} from '../forecast/fixture-forecast.js';
import { fitFixtureModel, fixtureFitScope, fixtureModelKey } from '../app/fixture-model.js';
import { Forecasts } from '../forecast/forecasts.js';
import { savedModelAnswers } from '../forecast/model-file.js';
import type { ModelOptions, SavedModel } from '../forecast/match-model.js';
import { lookUpFixture, type LookedUpFixture } from '../history/fixture-lookup.js';
import { storeForecastSource } from '../history/forecast-history.js';
import { checkDateInData } from '../app/request-checks.js';
import type { Db } from '../store/database.js';
import { playedDateRange } from '../store/match-queries.js';
import { LruCache } from './lru-cache.js';

/** A fixture between two known teams, as the API and the pages ask for it. */
export interface FixtureRequest {
  home: { teamId: number; name: string };
  away: { teamId: number; name: string };
  /** The fixture's date: the forecaster is fitted on the matches before it, as `predict` fits it. */
  date: string;
  neutral: boolean;
  /** The fixture's competition when the database has no such fixture (a tie's, say). */
  competition?: string;
  /** A single model instead of the forecaster (the default). */
  model?: ModelOptions;
  /** Single models: history to fit on instead of the teams' leagues + continental competitions. */
  competitions?: string[];
  /** What-ifs: added to a team's log attack and log defence. */
  homeShift?: number;
  awayShift?: number;
}

export type DatedForecast = { date: string } & FixtureForecast;

/** Fixture set-ups are a few SQL look-ups each; a busy predict endpoint asks for the same fixtures again and again. */
const SETUP_CACHE_SIZE = 10_000;

/**
 * Forecasts for the server, from the forecaster as `matchday predict` gives them. Fitting takes a fraction of a
 * second, so fitted forecasters are kept by what they were fitted on (one per scope and fit date: every fixture of
 * a league on a date shares one). A model loaded at start-up (`serve --model-file`) answers fixtures on or after
 * the day it was fitted for when the request asks for the default, so it never sees a match played on or after
 * the fixture.
 */
export class FixtureForecasts {
  private readonly forecasts: Forecasts;
  private readonly singleModels: LruCache<string, SavedModel>;
  private readonly setups = new LruCache<string, LookedUpFixture>(SETUP_CACHE_SIZE);
  /** The played matches' first and last dates, read once: a fit date outside them is a 400, not a failed fit. */
  private dataRange: ReturnType<typeof playedDateRange> | undefined;

  constructor(
    private readonly db: Db,
    private readonly savedModel: FixtureModel | null,
    modelCacheSize: number,
  ) {
    this.forecasts = new Forecasts(storeForecastSource(db), undefined, modelCacheSize);
    this.singleModels = new LruCache(modelCacheSize);
  }

  /** Fitted models kept in memory. */
  get cachedModels(): number {
    return this.forecasts.size + this.singleModels.size;
  }

  /** Whether the model loaded at start-up answers the request: a forecast with no fitting. */
  usesSavedModel(request: FixtureRequest): boolean {
    return (
      this.savedModel !== null &&
      request.model === undefined &&
      request.competitions === undefined &&
      savedModelAnswers(this.savedModel, request.date)
    );
  }

  forecast(request: FixtureRequest): DatedForecast {
    const fixture = this.fixture(request);
    const shifts = { homeShift: request.homeShift, awayShift: request.awayShift };
    const useSaved = this.usesSavedModel(request);
    if (request.model || !useSaved) {
      this.dataRange ??= playedDateRange(this.db);
      checkDateInData(this.dataRange, request.date, 'date');
    }
    if (request.model) {
      return { date: request.date, ...forecastFixture(this.singleModel(request, request.model), fixture, shifts) };
    }
    return {
      date: request.date,
      ...(useSaved
        ? forecastFixture(this.savedModel!, fixture, shifts)
        : forecastWithForecaster(this.forecasts, fixture, request.date, shifts)),
    };
  }

  /** The fixture as the database knows it (its stored competition and season), with the request's venue. */
  private fixture(request: FixtureRequest): LookedUpFixture {
    const key = [request.home.teamId, request.away.teamId, request.date, request.competition ?? ''].join('|');
    const stored = this.setups.getOrCreate(key, () =>
      lookUpFixture(this.db, request.home, request.away, request.date, {
        ...(request.competition !== undefined && { competition: request.competition }),
      }),
    );
    return { ...stored, neutral: request.neutral };
  }

  private singleModel(request: FixtureRequest, options: ModelOptions): FixtureModel {
    const scope = fixtureFitScope(
      this.db,
      [request.home.teamId, request.away.teamId],
      request.date,
      request.competitions,
    );
    return savedFixtureModel(
      this.singleModels.getOrCreate(fixtureModelKey(scope, options), () => fitFixtureModel(this.db, scope, options)),
    );
  }
}
