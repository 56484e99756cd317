import { readFileSync } from 'node:fs';
import { MatchdayError } from '../errors.js';
import { parseSavedModel, type SavedModel } from '../forecast/match-model.js';

/** A model saved by `matchday fit --out`, read and checked (for `predict --model-file` and `serve --model-file`). */
export function readModelFile(file: string): SavedModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MatchdayError('MODEL_FILE', `cannot read: ${(error as Error).message}`, { file });
  }
  return parseSavedModel(text, file);
}
