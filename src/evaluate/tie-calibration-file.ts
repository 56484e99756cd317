import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MatchdayError } from '../errors.js';
import type { GameStateModel } from '../forecast/game-state.js';
import { gameStateFor, parseTieCalibration, type TieCalibrationArtifact } from './tie-calibration.js';

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

let builtIn: TieCalibrationArtifact | undefined;

/**
 * The game-state model a forecast as of `before` may use — the latest one fitted only on earlier second legs — from
 * the shipped calibration (read once); null for a date before the first one.
 */
export function gameStateBefore(before: string, calibration?: TieCalibrationArtifact): GameStateModel | null {
  const { gameState } = calibration ?? (builtIn ??= readTieCalibration());
  try {
    return gameStateFor(gameState.bySeason, gameState.latest, before);
  } catch (error) {
    if (error instanceof MatchdayError && error.code === 'NO_GAME_STATE') return null;
    throw error;
  }
}
