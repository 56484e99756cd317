import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MatchdayError } from '../errors.js';
import { parseTieCalibration, type TieCalibrationArtifact } from './tie-calibration.js';

/** The calibration shipped with matchday (written by bench/tie-calibration.ts): game-state models and reliability bins. */
export const BUILT_IN_TIE_CALIBRATION = fileURLToPath(new URL('../../config/tie-calibration.json', import.meta.url));

export function readTieCalibration(file: string = BUILT_IN_TIE_CALIBRATION): TieCalibrationArtifact {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MatchdayError('CALIBRATION_FILE', `cannot read: ${(error as Error).message}`, { file });
  }
  return parseTieCalibration(text, file);
}
