import { MatchdayError } from '../errors.js';
import { forecasterModel, savedFixtureModel, type FixtureModel } from './fixture-forecast.js';
import { forecasterFromState, type Forecaster, type ForecasterState } from './forecaster.js';
import { parseSavedModel } from './match-model.js';

/**
 * Model files: `matchday fit --model ensemble --out` saves the forecaster (every member's fitted parameters, its
 * constants, and the league seasons current at the fit date — tables and club statures — so it predicts offline);
 * `fit --model <family>` saves a single goal model or rating system. `--model-file` reads either.
 */
/** 2: the market member (`market`, `constants.market`). */
export const FORECASTER_FILE_VERSION = 2;

export interface ForecasterFile extends ForecasterState {
  matchday: 'forecaster';
  formatVersion: number;
}

export function forecasterFile(forecaster: Forecaster): ForecasterFile {
  return { matchday: 'forecaster', formatVersion: FORECASTER_FILE_VERSION, ...forecaster.save() };
}

/** A model file's text as a fixture model: the forecaster, or a single model saved by `fit --model <family>`. */
export function parseModelFile(text: string, file: string): FixtureModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MatchdayError('MODEL_FILE', `not JSON: ${(error as Error).message}`, { file });
  }
  if ((value as { matchday?: unknown } | null)?.matchday !== 'forecaster') {
    return savedFixtureModel(parseSavedModel(text, file));
  }
  return forecasterModel(forecasterFromState(checkForecasterFile(value as Partial<ForecasterFile>, file)));
}

function checkForecasterFile(saved: Partial<ForecasterFile>, file: string): ForecasterState {
  if (saved.formatVersion !== FORECASTER_FILE_VERSION) {
    throw new MatchdayError(
      'MODEL_FILE',
      `forecaster file version ${saved.formatVersion}; this matchday reads ${FORECASTER_FILE_VERSION}`,
      { file, field: 'formatVersion' },
    );
  }
  const missing = (['fitDate', 'constants', 'data', 'teams', 'goals', 'seasons'] as const).find(
    (field) => saved[field] === undefined || saved[field] === null,
  );
  if (missing || saved.market === undefined) {
    const field = missing ?? 'market';
    throw new MatchdayError('MODEL_FILE', `forecaster file without ${field}`, { file, field });
  }
  if (!Array.isArray(saved.teams) || !Array.isArray(saved.seasons)) {
    throw new MatchdayError('MODEL_FILE', 'forecaster file: teams and seasons must be lists', { file, field: 'teams' });
  }
  return saved as ForecasterState;
}

/**
 * `--model-file`'s one meaning, in `predict`, `preview` and `serve` alike: a saved model answers for fixtures on or
 * after the day after its last match (its `before` date); for an earlier fixture it has seen the result, so the
 * forecast is fitted on the database as it would be without the file.
 */
export function savedModelAnswers(model: FixtureModel, date: string): boolean {
  return model.data.before <= date;
}
