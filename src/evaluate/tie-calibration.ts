/**
 * Are tie forecasts calibrated? Every completed two-legged tie is forecast as of the day before its second leg with
 * only earlier matches, by the naive model (the goal model's rates as they are) and by the game-state model (rates
 * that follow the running aggregate, forecast/game-state; fitted walk-forward: a season's ties use the multipliers
 * fitted on the second legs of earlier seasons only). Reported: reliability tables by predicted probability, Brier score and
 * log loss of P(the first leg's host goes through), and how often trailing sides came back.
 *
 * One model fit serves every tie whose second leg falls within `reuseDays` of the fit date and whose first leg was
 * before it, so the run fits a few hundred times instead of once per tie.
 */
import { MatchdayError } from '../errors.js';
import { fitGameState, type GameStateModel, type GameStateSample } from '../forecast/game-state.js';
import type { SavedModel } from '../forecast/match-model.js';
import { reconstructTies, type ReconstructedTie, type TieRules } from '../history/ties.js';
import type { Db } from '../store/database.js';
import { continentalCodes } from '../store/tie-queries.js';
import { reliabilityTable, type ReliabilityBin, type ReliabilityTable } from './calibration.js';
import { meanDifference, meanWithError, type MeanWithError } from './metrics.js';
import { TieForecaster, type TieForecasterOptions } from './tie-forecaster.js';

export interface TieCalibrationOptions extends TieForecasterOptions {
  /** Competitions whose ties are forecast. Default: the continental competitions. */
  tieCompetitions?: string[];
  /** Only these seasons' ties (the game-state model then learns only from them too). */
  seasons?: string[];
  /** Reuse a model fit for second legs up to this many days after its date. Default 6. */
  reuseDays?: number;
  /** Reliability bins over P(A through). Default 10. */
  bins?: number;
  onProgress?: (done: number, total: number) => void;
}

/** One tie as the calibration saw it. */
export interface CalibratedTie {
  tieId: number;
  competition: string;
  season: string;
  round: string | null;
  firstLegDate: string;
  secondLegDate: string;
  /** The date the model was fitted before (≤ the second leg's date, after the first leg's). */
  modelBefore: string;
  a: string;
  b: string;
  firstLeg: [number, number];
  secondLeg: [number, number];
  /** The model's expected second-leg goals, B home and A away, before any game-state multiplier. */
  homeExpected: number;
  awayExpected: number;
  /** P(A through): naive and game-state. */
  naive: number;
  gameState: number;
  aThrough: boolean;
}

export interface ModelScores {
  /** Mean (p − outcome)² of P(A through). */
  brier: MeanWithError;
  logLoss: MeanWithError;
  reliability: ReliabilityTable;
}

/** Ties grouped by the first leg's margin from its host's side (A), clamped to ±4. */
export interface ComebackRow {
  firstLegMargin: number;
  ties: number;
  aThrough: number;
  naiveMean: number;
  gameStateMean: number;
}

export interface TieCalibrationReport {
  ties: CalibratedTie[];
  naive: ModelScores;
  gameState: ModelScores;
  /** Game-state minus naive, paired over the same ties (negative: game state better). */
  difference: { brier: MeanWithError; logLoss: MeanWithError };
  byFirstLegMargin: ComebackRow[];
  /** The game-state model each season used (fitted on the second legs of earlier seasons). */
  gameStateBySeason: { season: string; before: string; model: GameStateModel }[];
  /** The multipliers fitted on every tie of the run: what a forecast after the run's last season uses. */
  gameStateAll: GameStateModel;
  extraTimeScale: { first: number; last: number };
  shootouts: { secondLegs: number; homeWins: number };
  fits: number;
  seconds: number;
}

/**
 * Completed ties with a known winner, played (not awarded) legs under known rules and a second leg whose 90 minutes
 * are recorded (UEFA Cup history gives some only after extra time).
 */
export function calibrationTies(
  db: Db,
  options: Pick<TieCalibrationOptions, 'tieCompetitions' | 'seasons'>,
): ReconstructedTie[] {
  const competitions = options.tieCompetitions ?? continentalCodes(db);
  return reconstructTies(db, { competitions, seasons: options.seasons }).filter(
    (t) =>
      t.progress === 'completed' &&
      t.winner !== null &&
      !t.awarded &&
      t.rules !== null &&
      t.secondLeg.score.ft !== null,
  );
}

export function calibrateTies(db: Db, options: TieCalibrationOptions = {}): TieCalibrationReport {
  const started = Date.now();
  const ties = calibrationTies(db, options);
  if (ties.length === 0) throw new MatchdayError('NO_TIES', 'no completed ties to calibrate on');
  const forecaster = new TieForecaster(db, options);
  const reuseDays = options.reuseDays ?? 6;

  const samples: (GameStateSample & { date: string })[] = [];
  const gameStateBySeason: TieCalibrationReport['gameStateBySeason'] = [];
  const results: CalibratedTie[] = [];
  let fit: { before: string; model: SavedModel } | null = null;
  let fits = 0;
  let season: { name: string; model: GameStateModel } | null = null;
  const scales: number[] = [];
  let shootouts = 0;
  let shootoutHomeWins = 0;

  for (const tie of ties) {
    const second = tie.secondLeg.date;
    if (!fit || fit.before <= tie.firstLeg.date || daysBetween(fit.before, second) > reuseDays) {
      fit = { before: second, model: forecaster.modelBefore(second) };
      fits++;
    }
    if (!season || season.name !== tie.season) {
      const before = seasonStart(tie.season);
      const model = fitGameState(
        samples.filter((s) => s.date < before),
        season ? { warmStart: season.model } : {},
      );
      season = { name: tie.season, model };
      gameStateBySeason.push({ season: tie.season, before, model });
    }
    const request = {
      a: tie.a,
      b: tie.b,
      state: tie.stateBeforeSecondLeg!,
      rules: tie.rules as TieRules,
      neutral: tie.secondLeg.neutral,
      before: fit.before,
    };
    const rates = forecaster.secondLegRates(fit.model, request);
    const naive = forecaster.forecast(request, null, rates);
    const gameState = forecaster.forecast(request, season.model, rates);
    scales.push(naive.extraTimeScale);
    const firstLeg = tie.firstLeg.score.ft!;
    const secondLeg = tie.secondLeg.score.ft!;
    results.push({
      tieId: tie.tieId,
      competition: tie.competition.code,
      season: tie.season,
      round: tie.round,
      firstLegDate: tie.firstLeg.date,
      secondLegDate: second,
      modelBefore: fit.before,
      a: tie.a.name,
      b: tie.b.name,
      firstLeg,
      secondLeg,
      homeExpected: rates.homeExpected,
      awayExpected: rates.awayExpected,
      naive: naive.a.total,
      gameState: gameState.a.total,
      aThrough: tie.winner === 'A',
    });
    samples.push({
      date: second,
      lead: firstLeg[1] - firstLeg[0],
      homeExpected: rates.homeExpected,
      awayExpected: rates.awayExpected,
      homeGoals: secondLeg[0],
      awayGoals: secondLeg[1],
    });
    const pens = tie.secondLeg.score.pens;
    if (pens && pens[0] !== pens[1]) {
      shootouts++;
      if (pens[0] > pens[1]) shootoutHomeWins++;
    }
    options.onProgress?.(results.length, ties.length);
  }

  const bins = options.bins ?? 10;
  const naive = scoreModel(results, (r) => r.naive, 'naive', bins);
  const gameState = scoreModel(results, (r) => r.gameState, 'game state', bins);
  return {
    ties: results,
    naive,
    gameState,
    difference: {
      brier: meanDifference(
        results.map((r) => brier(r.gameState, r.aThrough)),
        results.map((r) => brier(r.naive, r.aThrough)),
      ),
      logLoss: meanDifference(
        results.map((r) => logLoss(r.gameState, r.aThrough)),
        results.map((r) => logLoss(r.naive, r.aThrough)),
      ),
    },
    byFirstLegMargin: comebackRows(results),
    gameStateBySeason,
    gameStateAll: fitGameState(samples, { warmStart: season?.model }),
    extraTimeScale: { first: scales[0], last: scales[scales.length - 1] },
    shootouts: { secondLegs: shootouts, homeWins: shootoutHomeWins },
    fits,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The first day of a European season (July 1st): `2023-24` → `2023-07-01`. */
export function seasonStart(season: string): string {
  return `${season.slice(0, 4)}-07-01`;
}

/** The game-state model a forecast as of `before` may use: the latest one fitted entirely on earlier ties. */
export function gameStateFor(
  bySeason: readonly { before: string; model: GameStateModel }[],
  latest: { before: string; model: GameStateModel },
  before: string,
): GameStateModel {
  if (latest.before <= before) return latest.model;
  let chosen: GameStateModel | null = null;
  for (const entry of bySeason) if (entry.before <= before) chosen = entry.model;
  if (!chosen) throw new MatchdayError('NO_GAME_STATE', `no game-state model fitted before ${before}`);
  return chosen;
}

/** The reliability bin a forecast falls in (bins cover [0, 1] in equal widths). */
export function binOf(table: ReliabilityTable, probability: number): ReliabilityBin | null {
  return (
    table.bins.find((b) => probability >= b.lower && (probability < b.upper || (b.upper === 1 && probability <= 1))) ??
    null
  );
}

function scoreModel(
  results: readonly CalibratedTie[],
  predicted: (r: CalibratedTie) => number,
  label: string,
  bins: number,
): ModelScores {
  const p = results.map(predicted);
  const o = results.map((r) => r.aThrough);
  return {
    brier: meanWithError(p.map((x, i) => brier(x, o[i]))),
    logLoss: meanWithError(p.map((x, i) => logLoss(x, o[i]))),
    reliability: reliabilityTable(p, o, { label, bins }),
  };
}

function comebackRows(results: readonly CalibratedTie[]): ComebackRow[] {
  const rows = new Map<number, ComebackRow>();
  for (const r of results) {
    const margin = Math.max(-4, Math.min(4, r.firstLeg[0] - r.firstLeg[1]));
    const row = rows.get(margin) ?? { firstLegMargin: margin, ties: 0, aThrough: 0, naiveMean: 0, gameStateMean: 0 };
    row.ties++;
    row.aThrough += r.aThrough ? 1 : 0;
    row.naiveMean += r.naive;
    row.gameStateMean += r.gameState;
    rows.set(margin, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, naiveMean: row.naiveMean / row.ties, gameStateMean: row.gameStateMean / row.ties }))
    .sort((x, y) => x.firstLegMargin - y.firstLegMargin);
}

function brier(p: number, happened: boolean): number {
  return (p - (happened ? 1 : 0)) ** 2;
}

/** −ln of the probability given to what happened, floored at 1e-12 so a confident miss is finite. */
function logLoss(p: number, happened: boolean): number {
  return -Math.log(Math.max(1e-12, happened ? p : 1 - p));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

export const TIE_CALIBRATION_FORMAT_VERSION = 1;

/**
 * What a calibration run leaves for `matchday tie`: the reliability tables and scores (where a new forecast sits
 * against history) and the walk-forward game-state models (so a forecast as of a date uses only earlier ties).
 * Written by bench/tie-calibration.ts; summary numbers only, no match data.
 */
export interface TieCalibrationArtifact {
  matchday: 'tie-calibration';
  formatVersion: number;
  createdAt: string;
  command: string;
  ties: number;
  competitions: string[];
  secondLegs: { first: string; last: string };
  model: TieForecaster['options'];
  scores: {
    naive: { brier: MeanWithError; logLoss: MeanWithError };
    gameState: { brier: MeanWithError; logLoss: MeanWithError };
    difference: TieCalibrationReport['difference'];
  };
  reliability: { naive: ReliabilityTable; gameState: ReliabilityTable };
  byFirstLegMargin: ComebackRow[];
  gameState: {
    bySeason: { season: string; before: string; model: GameStateModel }[];
    /** Fitted on every tie of the run: for forecasts after its last second leg. */
    latest: { before: string; model: GameStateModel };
  };
  extraTimeScale: TieCalibrationReport['extraTimeScale'];
  shootouts: TieCalibrationReport['shootouts'];
}

export function calibrationArtifact(
  report: TieCalibrationReport,
  model: TieForecaster['options'],
  command: string,
): TieCalibrationArtifact {
  const last = report.ties[report.ties.length - 1].secondLegDate;
  return {
    matchday: 'tie-calibration',
    formatVersion: TIE_CALIBRATION_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    command,
    ties: report.ties.length,
    competitions: [...new Set(report.ties.map((t) => t.competition))].sort(),
    secondLegs: { first: report.ties[0].secondLegDate, last },
    model,
    scores: {
      naive: { brier: report.naive.brier, logLoss: report.naive.logLoss },
      gameState: { brier: report.gameState.brier, logLoss: report.gameState.logLoss },
      difference: report.difference,
    },
    reliability: { naive: report.naive.reliability, gameState: report.gameState.reliability },
    byFirstLegMargin: report.byFirstLegMargin,
    gameState: {
      bySeason: report.gameStateBySeason,
      latest: { before: dayAfter(last), model: report.gameStateAll },
    },
    extraTimeScale: report.extraTimeScale,
    shootouts: report.shootouts,
  };
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
  if (artifact?.matchday !== 'tie-calibration' || !artifact.gameState || !artifact.reliability) {
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
  return artifact as TieCalibrationArtifact;
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
