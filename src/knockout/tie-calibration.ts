/**
 * Are tie forecasts calibrated, and the fit that makes them so. Every completed tie with a known winner is
 * forecast as of its second leg's date from earlier matches only (tie-pricer):
 *
 * - forecastPastTies: as the product would have (the calibration it ships) — `matchday tie-calibration`;
 * - fitTieCalibration: walk-forward, refitting the calibration (leg-calibration on earlier first legs, game-state
 *   on earlier second legs, older ties weighted down) before each season — what bench/tie-calibration.ts writes
 *   to config/tie-calibration.json.
 *
 * One fit of the legs' model serves every leg played within `reuseDays` after its date (and, for a second leg, after the
 * first leg), so a run fits a few hundred times instead of once per tie.
 */
import { MatchdayError } from '../errors.js';
import { calibrationTable, type CalibrationRow, type ForecastOutcome } from './calibration-table.js';
import { fitGameState, type GameStateModel, type GameStateSample, type KickOff } from './game-state.js';
import { calibratedRates, fitLegCalibrations, type KnownTeams, type LegSample } from './leg-calibration.js';
import {
  TIE_CALIBRATION_FORMAT_VERSION,
  type FittedTieModel,
  type ModelScores,
  type TieCalibrationArtifact,
} from './tie-calibration-file.js';
import { extraTimeKickOff, secondLegKickOff, SecondLegPricing, type TieModelConstants } from './tie-model.js';
import type { LegGrids } from './leg-grids.js';
import type { TiePricer } from './tie-pricer.js';
import type { ReconstructedTie } from './tie-reconstruction.js';

/** Older ties count less in a fit: weight e^{−years before the fit date / RECENCY_YEARS}. */
export const RECENCY_YEARS = 15;

export interface TieRunOptions {
  /** Reuse a fit of the legs' model for legs up to this many days after its date. Default 6; 0 fits each date. */
  reuseDays?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Completed ties the data knows the winner of, with played (not awarded) legs under known rules and the first leg's
 * 90 minutes recorded. A second leg the data gives only after extra time (the UEFA Cup history's shoot-outs before
 * 2000-01) counts: leaving those out would leave out the ties that went to penalties.
 */
export function calibrationTies(ties: readonly ReconstructedTie[]): ReconstructedTie[] {
  return ties.filter(
    (t) =>
      t.progress === 'completed' && t.winner !== null && !t.awarded && t.rules !== null && t.firstLeg.score.ft !== null,
  );
}

/** One tie as a run saw it. */
export interface ForecastTie extends ForecastOutcome {
  tieId: number;
  competition: string;
  season: string;
  round: string | null;
  a: string;
  b: string;
  firstLegDate: string;
  secondLegDate: string;
  /** Its 90 minutes; null when the data gives only the score after extra time. */
  secondLeg: [number, number] | null;
  /** The date the goal model was fitted before (after the first leg, on or before the second). */
  modelBefore: string;
  /** The forecaster's expected goals for the first leg (A home) and the second (B home). */
  firstLegExpected: { home: number; away: number };
  secondLegExpected: { home: number; away: number };
  /** How the second leg started for B: the aggregate, and away goals where they count. */
  secondLegKickOff: KickOff;
  /** The extra time played, where the data gives the second leg's 90 minutes and its score after extra time. */
  extraTime: { kickOff: KickOff; scale: number; goals: [number, number] } | null;
  /** How many of the two teams the forecaster knows from league play, as of each leg. */
  firstLegKnownTeams: KnownTeams;
  secondLegKnownTeams: KnownTeams;
  /** P(A through) of the naive forecast (probabilityA is the calibrated one). */
  naive: number;
}

export interface UnpricedTie {
  tieId: number;
  competition: string;
  season: string;
  a: string;
  b: string;
  reason: string;
}

export interface TieRunReport {
  ties: ForecastTie[];
  table: CalibrationRow[];
  naiveTable: CalibrationRow[];
  scores: { naive: ModelScores; calibrated: ModelScores };
  /** Ties left out because the legs' model could not price a leg. */
  unpriced: UnpricedTie[];
  fits: number;
  /** Fits of the legs' model that did not converge (their grids are used as they are). */
  fitsNotConverged: number;
  seconds: number;
}

/** Every tie priced as the pricer's calibration prices it, as of its second leg. */
export function forecastPastTies(
  pricer: TiePricer,
  ties: readonly ReconstructedTie[],
  options: TieRunOptions = {},
): TieRunReport {
  const started = Date.now();
  const fits = new ModelFits(pricer, options.reuseDays ?? 6);
  const unpriced: UnpricedTie[] = [];
  const results = calibrationTies(ties).flatMap((tie, i, all) => {
    const result = unlessUnpriced(tie, unpriced, () =>
      forecastTie(tie, fits, pricer.constantsBefore(tie.secondLeg.date), false),
    );
    options.onProgress?.(i + 1, all.length);
    return result;
  });
  return report(results, unpriced, fits, started);
}

export interface CalibrationFitReport extends TieRunReport {
  bySeason: (FittedTieModel & { season: string })[];
  latest: FittedTieModel;
  extraTimeScale: { first: number; last: number };
  shootouts: { secondLegs: number; homeWins: number };
  /** Of the leg calibrations and game-state models fitted (every season's and the latest), how many did not converge. */
  calibrationFits: { fits: number; notConverged: number };
}

/** Refits the calibration walk-forward: each season's ties forecast with models fitted on earlier ties only. */
export function fitTieCalibration(
  pricer: TiePricer,
  ties: readonly ReconstructedTie[],
  options: TieRunOptions = {},
): CalibrationFitReport {
  const started = Date.now();
  const selected = calibrationTies(ties);
  if (selected.length === 0) throw new MatchdayError('NO_TIES', 'no completed ties to calibrate on');
  const fits = new ModelFits(pricer, options.reuseDays ?? 6);
  const done: ForecastTie[] = [];
  const bySeason: CalibrationFitReport['bySeason'] = [];
  let previous: FittedTieModel | null = null;
  const scales: number[] = [];
  let shootouts = 0;
  let shootoutHomeWins = 0;
  let seen = 0;
  const unpriced: UnpricedTie[] = [];
  for (const season of seasonsInOrder(selected)) {
    const seasonTies = selected.filter((t) => t.season === season);
    const before = seasonTies[0].secondLeg.date;
    const fitted = fitModels(done, before, previous);
    bySeason.push({ season, ...fitted });
    previous = fitted;
    for (const tie of seasonTies) {
      const base = pricer.constantsBefore(tie.secondLeg.date, true);
      const constants = { ...base, legs: fitted.legs, gameState: fitted.gameState };
      const forecast = unlessUnpriced(tie, unpriced, () => forecastTie(tie, fits, constants, true));
      options.onProgress?.(++seen, selected.length);
      if (forecast.length === 0) continue;
      done.push(...forecast);
      scales.push(base.extraTimeScale);
      const pens = tie.secondLeg.score.pens;
      if (pens && pens[0] !== pens[1]) {
        shootouts++;
        if (pens[0] > pens[1]) shootoutHomeWins++;
      }
    }
  }
  const last = done[done.length - 1].secondLegDate;
  const latest = fitModels(done, dayAfter(last), previous);
  const converged = [...bySeason, latest].flatMap((m) => [...m.legs.map((l) => l.converged), m.gameState.converged]);
  return {
    ...report(done, unpriced, fits, started),
    bySeason,
    latest,
    extraTimeScale: { first: scales[0], last: scales[scales.length - 1] },
    shootouts: { secondLegs: shootouts, homeWins: shootoutHomeWins },
    calibrationFits: { fits: converged.length, notConverged: converged.filter((c) => !c).length },
  };
}

/** The artifact bench/tie-calibration.ts writes and `matchday tie` reads. */
export function calibrationArtifact(
  report: CalibrationFitReport,
  pricer: TiePricer,
  command: string,
): TieCalibrationArtifact {
  return {
    matchday: 'tie-calibration',
    formatVersion: TIE_CALIBRATION_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    command,
    ties: report.ties.length,
    competitions: [...new Set(report.ties.map((t) => t.competition))].sort(),
    secondLegs: { first: report.ties[0].secondLegDate, last: report.ties[report.ties.length - 1].secondLegDate },
    settings: { ...pricer.settings, recencyYears: RECENCY_YEARS },
    scores: report.scores,
    table: report.table,
    bySeason: report.bySeason,
    latest: report.latest,
    extraTimeScale: report.extraTimeScale,
    shootouts: report.shootouts,
  };
}

/**
 * The leg calibration and game state fitted on the ties whose second legs came before `before`: the first legs for
 * the calibration, the second legs (at the calibrated rates) for the game state, older ties weighted down.
 */
function fitModels(done: readonly ForecastTie[], before: string, warm: FittedTieModel | null): FittedTieModel {
  const earlier = done.filter((t) => t.secondLegDate < before);
  const weight = (t: ForecastTie) => Math.exp(-yearsBetween(t.secondLegDate, before) / RECENCY_YEARS);
  const legs = fitLegCalibrations(
    earlier.map((t): LegSample => ({
      knownTeams: t.firstLegKnownTeams,
      homeExpected: t.firstLegExpected.home,
      awayExpected: t.firstLegExpected.away,
      homeGoals: t.firstLeg[0],
      awayGoals: t.firstLeg[1],
      weight: weight(t),
    })),
  );
  // The game state is fitted on second legs whose 90 minutes the data has, and on their extra times.
  const samples = earlier.flatMap((t): GameStateSample[] => {
    if (!t.secondLeg) return [];
    const rates = calibratedRates(legs[t.secondLegKnownTeams], t.secondLegExpected.home, t.secondLegExpected.away);
    const period = (kickOff: KickOff, scale: number, [homeGoals, awayGoals]: [number, number]): GameStateSample => ({
      ...kickOff,
      homeExpected: rates.home * scale,
      awayExpected: rates.away * scale,
      homeGoals,
      awayGoals,
      weight: weight(t),
    });
    const ninety = period(t.secondLegKickOff, 1, t.secondLeg);
    return t.extraTime ? [ninety, period(t.extraTime.kickOff, t.extraTime.scale, t.extraTime.goals)] : [ninety];
  });
  const gameState: GameStateModel = fitGameState(samples, warm ? { warmStart: warm.gameState } : {});
  return { before, legs, gameState };
}

/** One tie priced with these constants (and naive), from the legs' grids as of their dates. */
function forecastTie(
  tie: ReconstructedTie,
  fits: ModelFits,
  constants: TieModelConstants,
  withFirstLeg: boolean,
): ForecastTie {
  const second = tie.secondLeg.date;
  const secondFit = fits.before(second, tie.firstLeg.date);
  const grids = secondFit.grids;
  const secondLeg = grids.grid({ home: tie.b, away: tie.a, neutral: tie.secondLeg.neutral });
  // The first leg's expected goals from a model fitted before it (the leg calibration is fitted on them).
  const firstLeg = withFirstLeg
    ? fits.before(tie.firstLeg.date, null).grids.grid({ home: tie.a, away: tie.b, neutral: tie.firstLeg.neutral })
    : null;
  const state = tie.stateBeforeSecondLeg!;
  const rules = tie.rules!;
  const naiveConstants = { ...constants, legs: null, gameState: null };
  return {
    tieId: tie.tieId,
    competition: tie.competition.code,
    season: tie.season,
    round: tie.round,
    a: tie.a.name,
    b: tie.b.name,
    firstLegDate: tie.firstLeg.date,
    secondLegDate: second,
    firstLeg: tie.firstLeg.score.ft!,
    secondLeg: tie.secondLeg.score.ft,
    modelBefore: secondFit.before,
    firstLegExpected: firstLeg
      ? { home: firstLeg.grid.homeExpected, away: firstLeg.grid.awayExpected }
      : { home: 0, away: 0 },
    secondLegExpected: { home: secondLeg.grid.homeExpected, away: secondLeg.grid.awayExpected },
    secondLegKickOff: secondLegKickOff(state, rules),
    extraTime: extraTimePlayed(tie, constants.extraTimeScale),
    firstLegKnownTeams: firstLeg?.knownTeams ?? secondLeg.knownTeams,
    secondLegKnownTeams: secondLeg.knownTeams,
    probabilityA: new SecondLegPricing(secondLeg, rules, constants).probabilityA(state),
    naive: new SecondLegPricing(secondLeg, rules, naiveConstants).probabilityA(state),
    aThrough: tie.winner === 'A',
  };
}

/** The goals of the second leg's extra time, where the data has its score after 90 minutes and after extra time. */
function extraTimePlayed(tie: ReconstructedTie, scale: number): ForecastTie['extraTime'] {
  const { ft, et } = tie.secondLeg.score;
  if (!ft || !et || !tie.rules?.extraTime) return null;
  return { kickOff: extraTimeKickOff(tie.rules), scale, goals: [et[0] - ft[0], et[1] - ft[1]] };
}

/** The legs' model fitted by date, each fit reused for legs up to `reuseDays` later. */
class ModelFits {
  private readonly fitted: { before: string; grids: LegGrids }[] = [];
  count = 0;
  notConverged = 0;

  constructor(
    private readonly pricer: TiePricer,
    private readonly reuseDays: number,
  ) {}

  /** A fit strictly before `date` — on or after `notBefore`'s next day (the first leg must be in it) — else a new one. */
  before(date: string, after: string | null) {
    let found = this.fitted.find(
      (f) => f.before <= date && daysBetween(f.before, date) <= this.reuseDays && (after === null || f.before > after),
    );
    if (!found) {
      found = { before: date, grids: this.pricer.legGridsBefore(date) };
      this.count++;
      if (found.grids.source.converged === false) this.notConverged++;
      this.fitted.push(found);
      // Ties come in second-leg order: fits far behind the current date are done with.
      while (this.fitted.length > 0 && daysBetween(this.fitted[0].before, date) > 120) this.fitted.shift();
    }
    return found;
  }
}

/**
 * The tie's forecast, or none when the legs' model cannot price a leg (the forecaster has no prior for a team it never
 * saw whose league and country it does not know either, as `predict` has none): the tie is listed as unpriced.
 */
function unlessUnpriced(tie: ReconstructedTie, unpriced: UnpricedTie[], price: () => ForecastTie): ForecastTie[] {
  try {
    return [price()];
  } catch (error) {
    if (!(error instanceof MatchdayError) || error.code !== 'NO_FORECAST') throw error;
    unpriced.push({
      tieId: tie.tieId,
      competition: tie.competition.code,
      season: tie.season,
      a: tie.a.name,
      b: tie.b.name,
      reason: error.message,
    });
    return [];
  }
}

function report(results: ForecastTie[], unpriced: UnpricedTie[], fits: ModelFits, started: number): TieRunReport {
  if (results.length === 0) throw new MatchdayError('NO_TIES', 'no completed ties with a known winner and rules');
  const broken = results.find((r) => !Number.isFinite(r.probabilityA) || !Number.isFinite(r.naive));
  if (broken) {
    throw new MatchdayError(
      'NO_FORECAST',
      `${broken.a} v ${broken.b} (${broken.competition} ${broken.season}): P(through) is not a number`,
    );
  }
  const score = (probability: (r: ForecastTie) => number): ModelScores => {
    let brierSum = 0;
    let logLossSum = 0;
    for (const r of results) {
      brierSum += brier(probability(r), r.aThrough);
      logLossSum += logLoss(probability(r), r.aThrough);
    }
    return { brier: brierSum / results.length, logLoss: logLossSum / results.length };
  };
  return {
    ties: results,
    table: calibrationTable(results),
    naiveTable: calibrationTable(results.map((r) => ({ ...r, probabilityA: r.naive }))),
    scores: { naive: score((r) => r.naive), calibrated: score((r) => r.probabilityA) },
    unpriced,
    fits: fits.count,
    fitsNotConverged: fits.notConverged,
    seconds: (Date.now() - started) / 1000,
  };
}

function seasonsInOrder(ties: readonly ReconstructedTie[]): string[] {
  return [...new Set(ties.map((t) => t.season))];
}

export function brier(p: number, happened: boolean): number {
  return (p - (happened ? 1 : 0)) ** 2;
}

/** −ln of the probability given to what happened, floored at 1e-12 so a confident miss is finite. */
export function logLoss(p: number, happened: boolean): number {
  return -Math.log(Math.max(1e-12, happened ? p : 1 - p));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

function yearsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 365.25;
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
