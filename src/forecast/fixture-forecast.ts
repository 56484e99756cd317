import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { Forecaster, MatchForecast } from './forecaster.js';
import type { Forecasts } from './forecasts.js';
import { computeMarkets, type Markets } from './markets.js';
import type { Fixture } from './match-forecaster.js';
import { predictWithModel, type FixtureTeam, type ModelTeam, type SavedModel } from './match-model.js';

/** What a fitted model saw. */
export interface ModelData {
  competitions: string[];
  from: string | null;
  /** Matches strictly before this date were used. */
  before: string;
  matches: number;
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * A fitted model as `predict`, previews and the server use it: the forecaster (the default), or a single goal model
 * or rating system saved by `matchday fit --model <family>`. Every market of a fixture comes from its grid.
 */
export interface FixtureModel {
  /** `ensemble` for the forecaster, else the family. */
  family: string;
  data: ModelData;
  /** Whether every fit converged (null for a rating system). */
  converged: boolean | null;
  /** The teams the model knows, by database id (a saved model's teams are matched by name). */
  teams: readonly ModelTeam[];
  /** The fixture's grid; throws MatchdayError when the model cannot price it. */
  grid(fixture: ModelFixture, options: StrengthShifts): ModelGrid;
}

export interface ModelGrid {
  grid: ScoreGrid;
  /** The Dixon-Coles ρ of the goal model under the grid (0 for other families): what tie pricing builds on. */
  rho: number;
  ensemble: EnsembleParts | null;
}

/** A fixture as a fitted model is asked about it: the teams with the leagues their priors come from. */
export interface ModelFixture {
  home: FixtureTeam;
  away: FixtureTeam;
  neutral: boolean;
  /** The fixture's competition and league season, when known (the forecaster's shifts read the league table). */
  competition?: string;
  season?: string;
}

export interface StrengthShifts {
  /** What-if: add to a team's log attack and log defence (negative = weaker, e.g. a key player missing). */
  homeShift?: number;
  awayShift?: number;
}

/** How the forecaster's 1X2 was put together (API and JSON output). */
export type EnsembleParts = Omit<MatchForecast['parts'], 'tilt' | 'blendRates'>;

/** The forecaster as a fixture model. */
export function forecasterModel(forecaster: Forecaster): FixtureModel {
  const { state } = forecaster;
  const goals = state.goals;
  const converged =
    'failed' in goals ? false : goals.model.diagnostics.converged && (state.shots?.model.diagnostics.converged ?? true);
  return {
    family: 'ensemble',
    data: state.data,
    converged,
    teams: state.teams,
    grid(fixture, options) {
      const outcome = forecaster.forecast(forecasterFixture(fixture), options);
      if ('skipped' in outcome) {
        throw new MatchdayError('NO_FORECAST', `${fixture.home.name} v ${fixture.away.name}: ${outcome.skipped}`);
      }
      const { blend, blendRates, elo, pooled, stretched, stakesShift, statureShift, outcomes } = outcome.parts;
      return {
        grid: outcome.grid,
        rho: blendRates.rho,
        ensemble: { blend, elo, pooled, stretched, stakesShift, statureShift, outcomes },
      };
    },
  };
}

/** A fixture as the forecaster takes it (a fixture without a competition is asked about in the home team's league). */
export function forecasterFixture(fixture: ModelFixture): Fixture {
  return {
    homeTeamId: fixture.home.id,
    awayTeamId: fixture.away.id,
    neutral: fixture.neutral,
    competition: fixture.competition ?? fixture.home.group ?? fixture.away.group ?? '',
    ...(fixture.season !== undefined && { season: fixture.season }),
    ...(fixture.home.group !== undefined && { homeLeague: fixture.home.group }),
    ...(fixture.away.group !== undefined && { awayLeague: fixture.away.group }),
  };
}

/**
 * The forecaster's forecast of a fixture fitted as of `fitDate` — what `predict` says (fitDate = the fixture's
 * date), what the server shows and what the backtest scores. Fits are kept by `forecasts`.
 */
export function forecastWithForecaster(
  forecasts: Forecasts,
  fixture: ModelFixture,
  fitDate: string,
  options: StrengthShifts = {},
): FixtureForecast {
  return forecastFixture(forecasterModel(forecasts.forecaster(forecasterFixture(fixture), fitDate)), fixture, options);
}

/** A goal model or rating system saved by `matchday fit --out` as a fixture model. */
export function savedFixtureModel(saved: SavedModel): FixtureModel {
  const model = saved.model;
  return {
    family: saved.options.family,
    data: saved.data,
    converged: 'diagnostics' in model ? model.diagnostics.converged : null,
    teams: saved.teams,
    grid(fixture, options) {
      const { grid } = predictWithModel(saved, fixture.home, fixture.away, { ...options, neutral: fixture.neutral });
      const rho = 'family' in model && model.family === 'dixon-coles' ? model.params.rho : 0;
      return { grid, rho, ensemble: null };
    },
  };
}

/** Everything `predict` reports for one fixture: the model used, expected goals and every market from one grid. */
export interface FixtureForecast {
  home: FixtureTeam;
  away: FixtureTeam;
  neutral: boolean;
  model: {
    family: string;
    data: ModelData;
    converged: boolean | null;
    teamsFromPrior: string[];
  };
  expectedGoals: { home: number; away: number };
  /** The Dixon-Coles ρ of the goal model under the grid (0 for other families). */
  rho: number;
  markets: Markets;
  /** The forecaster's parts: the goals + shots blend, Elo, the pool, the stretch and the shifts (null for others). */
  ensemble: EnsembleParts | null;
}

export function forecastFixture(
  model: FixtureModel,
  fixture: ModelFixture,
  options: StrengthShifts = {},
): FixtureForecast {
  const { grid, rho, ensemble } = model.grid(fixture, options);
  const known = new Set(model.teams.map((t) => t.id));
  return {
    home: fixture.home,
    away: fixture.away,
    neutral: fixture.neutral,
    model: {
      family: model.family,
      data: model.data,
      converged: model.converged,
      teamsFromPrior: [fixture.home, fixture.away].filter((t) => !known.has(t.id)).map((t) => t.name),
    },
    expectedGoals: { home: grid.homeExpected, away: grid.awayExpected },
    rho,
    markets: computeMarkets(grid),
    ensemble,
  };
}
