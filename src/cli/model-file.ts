import { readFileSync } from 'node:fs';
import { MatchdayError } from '../errors.js';
import type { FixtureModel } from '../forecast/fixture-forecast.js';
import { parseModelFile } from '../forecast/model-file.js';

/** A model saved by `matchday fit --out` (the forecaster or a single model), read and checked. */
export function readModelFile(file: string): FixtureModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MatchdayError('MODEL_FILE', `cannot read: ${(error as Error).message}`, { file });
  }
  return parseModelFile(text, file);
}
