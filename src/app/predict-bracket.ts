/**
 * `matchday bracket` and /api/bracket as one function: a knockout competition's remaining rounds as of a date, with
 * each team's chance of reaching each round and of winning, its ties priced by the one tie pricer.
 */
import { MatchdayError } from '../errors.js';
import { DEFAULT_MODEL_OPTIONS, TIE_MODEL_FAMILIES, type ModelFamily } from '../forecast/model-families.js';
import { forecastBracketState, type BracketReport } from '../knockout/bracket-forecast.js';
import type { SimulationOptions } from '../knockout/bracket.js';
import { bracketTieModel, type BracketModelDescription } from '../knockout/bracket-tie-model.js';
import { readBracketState } from '../knockout/knockout-reader.js';
import { shippedTieCalibration } from '../knockout/tie-calibration-file.js';
import { legsOf, TiePricer, type TiePricerOptions } from '../knockout/tie-pricer.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import { readCompetitions, readModelName, requireValue } from './request-values.js';

export interface BracketRequest {
  /** Code or name (`uefa.el`, `europa-league`). */
  competition: string;
  season: string;
  /** The bracket before this day's matches. */
  asOf: string;
  /**
   * Price the legs with this goal model instead of the legs the shipped tie calibration was fitted on (the
   * forecaster's); calibrated only if that calibration was fitted on the goal model's legs.
   */
  model?: (typeof TIE_MODEL_FAMILIES)[number];
  /** Monte Carlo runs, seed and worker threads while a draw is still to come. */
  simulation?: SimulationOptions;
}

export type BracketForecast = BracketReport & { model: BracketModelDescription | null };

/** Give a pricer to share fitted models across many brackets (its model then decides). */
export async function predictBracket(db: Db, request: BracketRequest, pricer?: TiePricer): Promise<BracketForecast> {
  const registry = registryOf(db);
  const competition = requireValue(
    readCompetitions(request.competition, registry),
    request.competition,
    'competition',
  )[0];
  if (registry.get(competition)?.kind === 'league') {
    throw new MatchdayError('NO_BRACKET', `${competition} is a league: it has no bracket`, { field: 'competition' });
  }
  const state = readBracketState(db, competition, request.season, request.asOf);
  const odds = bracketTieModel(pricer ?? new TiePricer(db, request.model ? goalModelLegs(request.model) : {}), state);
  const report = await forecastBracketState(state, odds.model, request.simulation);
  return { ...report, model: odds.description };
}

function goalModelLegs(model: string): TiePricerOptions {
  const family = requireValue(readModelName(model, TIE_MODEL_FAMILIES), model, 'model') as ModelFamily;
  const calibrated = legsOf(shippedTieCalibration()) === 'goal-model';
  return {
    legs: 'goal-model',
    model: { ...DEFAULT_MODEL_OPTIONS, family },
    calibration: calibrated ? undefined : null,
  };
}
