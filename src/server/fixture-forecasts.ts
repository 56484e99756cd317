import { forecastFixture, type FixtureForecast } from '../forecast/fixture-forecast.js';
import { fitFixtureModel, fixtureFitScope, fixtureModelKey, fixtureTeam } from '../forecast/fixture-model.js';
import type { FixtureTeam, ModelOptions, SavedModel } from '../forecast/match-model.js';
import type { FitScope } from '../history/fit-scope.js';
import type { Db } from '../store/database.js';
import { LruCache } from './lru-cache.js';

/** A fixture between two known teams, as the API and the pages ask for it. */
export interface FixtureRequest {
  home: { teamId: number; name: string };
  away: { teamId: number; name: string };
  /** The model sees only matches before this date. */
  date: string;
  neutral: boolean;
  model: ModelOptions;
  /** History to fit on instead of the teams' leagues + continental competitions. */
  competitions?: string[];
  /** What-ifs: added to a team's log attack and log defence. */
  homeShift?: number;
  awayShift?: number;
}

export interface FixtureModel {
  saved: SavedModel;
  home: FixtureTeam;
  away: FixtureTeam;
}

export type DatedForecast = { date: string } & FixtureForecast;

/** Fixture set-ups are a few SQL look-ups each; a busy predict endpoint asks for the same fixtures again and again. */
const SETUP_CACHE_SIZE = 10_000;

/**
 * Forecasts for the server. Fitting takes a second or two, so fitted models are kept (LRU) by what they were
 * fitted on: every fixture on a date between teams of the same leagues shares one. A model loaded at start-up
 * (`serve --model-file`) answers fixtures on or after the last day of its data when the request asks for the
 * default model and history, so it never sees a match played on or after the fixture.
 */
export class FixtureForecasts {
  private readonly models: LruCache<string, SavedModel>;
  private readonly setups = new LruCache<string, { scope: FitScope; home: FixtureTeam; away: FixtureTeam }>(
    SETUP_CACHE_SIZE,
  );

  constructor(
    private readonly db: Db,
    private readonly savedModel: SavedModel | null,
    private readonly defaultOptions: ModelOptions,
    modelCacheSize: number,
  ) {
    this.models = new LruCache(modelCacheSize);
  }

  get cachedModels(): number {
    return this.models.size;
  }

  forecast(request: FixtureRequest): DatedForecast {
    const { saved, home, away } = this.model(request);
    return {
      date: request.date,
      ...forecastFixture(saved, home, away, {
        neutral: request.neutral,
        homeShift: request.homeShift,
        awayShift: request.awayShift,
      }),
    };
  }

  /** The fitted model for a fixture and the two teams as it names them. */
  model(request: FixtureRequest): FixtureModel {
    const key = [request.home.teamId, request.away.teamId, request.date, request.competitions?.join(',') ?? ''].join(
      '|',
    );
    const setup = this.setups.getOrCreate(key, () => ({
      scope: fixtureFitScope(this.db, [request.home.teamId, request.away.teamId], request.date, request.competitions),
      home: fixtureTeam(this.db, request.home, request.date),
      away: fixtureTeam(this.db, request.away, request.date),
    }));
    return { saved: this.savedFor(setup.scope, request), home: setup.home, away: setup.away };
  }

  private savedFor(scope: FitScope, request: FixtureRequest): SavedModel {
    const asksDefault =
      request.competitions === undefined &&
      request.model.family === this.defaultOptions.family &&
      request.model.xi === this.defaultOptions.xi &&
      request.model.priorStrength === this.defaultOptions.priorStrength;
    if (this.savedModel && asksDefault && this.savedModel.data.before <= request.date) return this.savedModel;
    return this.models.getOrCreate(fixtureModelKey(scope, request.model), () =>
      fitFixtureModel(this.db, scope, request.model),
    );
  }
}
