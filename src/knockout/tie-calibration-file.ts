/**
 * The tie calibration as a file: what bench/tie-calibration.ts fits and writes (config/tie-calibration.json) and
 * every forecast reads — per period, the leg calibration and the game-state model fitted only on ties whose second
 * legs came before it, plus the calibration run's scores and tables. Reads the shipped file once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MatchdayError } from '../errors.js';
import type { CalibrationRow } from './calibration-table.js';
import type { GameStateModel } from './game-state.js';
import type { LegCalibrations } from './leg-calibration.js';
import type { TiePricerSettings } from './tie-pricer.js';

export const TIE_CALIBRATION_FORMAT_VERSION = 3;

/** The shipped calibration (bench/tie-calibration.ts --write config/tie-calibration.json). */
export const BUILT_IN_TIE_CALIBRATION = fileURLToPath(new URL('../../config/tie-calibration.json', import.meta.url));

/** What a forecast as of a date on or after `before` uses: fitted on the ties whose second legs came before it. */
export interface FittedTieModel {
  before: string;
  /** By how many of a leg's teams the forecaster knows from league play (0, 1, 2). */
  legs: LegCalibrations;
  gameState: GameStateModel;
}

/** Mean Brier score and log loss of P(the first leg's host goes through). */
export interface ModelScores {
  brier: number;
  logLoss: number;
}

export interface TieCalibrationArtifact {
  matchday: 'tie-calibration';
  formatVersion: number;
  createdAt: string;
  command: string;
  ties: number;
  competitions: string[];
  secondLegs: { first: string; last: string };
  /** How the legs' grids were fitted, and how much older ties count (weight e^{−years/recencyYears}). */
  settings: TiePricerSettings & { recencyYears: number };
  scores: { naive: ModelScores; calibrated: ModelScores };
  /** By the first leg's result, every tie forecast walk-forward. */
  table: CalibrationRow[];
  /** One model per season of ties, each fitted before that season's first second leg. */
  bySeason: (FittedTieModel & { season: string })[];
  /** Fitted on every tie of the run: for forecasts after its last second leg. */
  latest: FittedTieModel;
  extraTimeScale: { first: number; last: number };
  shootouts: { secondLegs: number; homeWins: number };
}

/** The model a forecast as of `before` may use — the latest fitted entirely on earlier ties; null before the first. */
export function calibrationBefore(before: string, artifact: TieCalibrationArtifact): FittedTieModel | null {
  if (artifact.latest.before <= before) return artifact.latest;
  let chosen: FittedTieModel | null = null;
  for (const entry of artifact.bySeason) if (entry.before <= before) chosen = entry;
  return chosen;
}

let shipped: TieCalibrationArtifact | undefined;

/** The calibration shipped with matchday, read once. */
export function shippedTieCalibration(): TieCalibrationArtifact {
  return (shipped ??= readTieCalibration(BUILT_IN_TIE_CALIBRATION));
}

export function readTieCalibration(file: string): TieCalibrationArtifact {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MatchdayError('CALIBRATION_FILE', `cannot read: ${(error as Error).message}`, { file });
  }
  return parseTieCalibration(text, file);
}

/** Reads a calibration artifact, checking it is one and of a version this matchday reads. */
export function parseTieCalibration(text: string, file: string): TieCalibrationArtifact {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MatchdayError('CALIBRATION_FILE', `not JSON: ${(error as Error).message}`, { file });
  }
  const artifact = value as Partial<TieCalibrationArtifact>;
  if (artifact?.matchday !== 'tie-calibration') {
    throw new MatchdayError('CALIBRATION_FILE', 'not a tie calibration (written by bench/tie-calibration.ts)', {
      file,
    });
  }
  if (artifact.formatVersion !== TIE_CALIBRATION_FORMAT_VERSION) {
    throw new MatchdayError(
      'CALIBRATION_FILE',
      `calibration format version ${artifact.formatVersion}; this matchday reads ${TIE_CALIBRATION_FORMAT_VERSION}`,
      { file },
    );
  }
  if (!Array.isArray(artifact.bySeason) || !artifact.latest || !Array.isArray(artifact.table)) {
    throw new MatchdayError('CALIBRATION_FILE', 'the calibration has no fitted models', { file });
  }
  return artifact as TieCalibrationArtifact;
}
