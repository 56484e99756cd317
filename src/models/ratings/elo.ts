import { MatchdayError } from '../../errors.js';
import type { FitData } from '../fit-data.js';
import {
  burnInWeights,
  checkTeamIndex,
  chronologicalOrder,
  DEFAULT_BURN_IN_DAYS,
  mappingInput,
  type RatingFitOptions,
  type TuningResult,
} from './rating-fit.js';
import {
  fitOrderedLogit,
  fitOutcomeMapping,
  ratingForecast,
  type OutcomeMapping,
  type RatingForecast,
} from './outcome-mapping.js';

/**
 * Elo ratings in the ClubElo form: the expected result of the home side is 1 / (1 + 10^(−(dr + HFA)/400)),
 * and after the match it takes K · F · (result − expected) points from the away side, where result is 1 / ½ / 0
 * and F = |goal difference|^exponent for a win (ClubElo: the square root), 1 for a draw.
 */
export interface EloOptions {
  /** Points exchanged per unit of surprise (ClubElo's weight index). */
  readonly k: number;
  /**
   * Elo points added to the home side's rating difference in the expected result, so a home win moves ratings
   * less than an away win; none at neutral venues; may be negative. Forecasts take their home advantage from
   * the fitted outcome mapping instead.
   */
  readonly homeAdvantage: number;
  /** F = |goal difference|^exponent for a decided match; 0 ignores the margin. */
  readonly goalDifferenceExponent: number;
  /** Rating of a team before its first match. */
  readonly initialRating: number;
}

/** ClubElo's published constants (K = 20, square-root margin) with a typical home advantage; tune on data. */
export const CLUBELO_OPTIONS: EloOptions = {
  k: 20,
  homeAdvantage: 65,
  goalDifferenceExponent: 0.5,
  initialRating: 1500,
};

export interface EloRun {
  /** Ratings of each match's teams just before it, in input order (what a forecast of that match may use). */
  readonly preHome: Float64Array;
  readonly preAway: Float64Array;
  /** preHome − preAway: the x of the outcome mapping (which fits its own home advantage). */
  readonly difference: Float64Array;
  /** Every team's rating after the last match. */
  readonly ratings: Float64Array;
}

/** Expected result (win = 1, draw = ½) of the side whose rating difference, home advantage included, is `difference`. */
export function eloExpectedResult(difference: number): number {
  return 1 / (1 + 10 ** (-difference / 400));
}

/** Runs Elo over the matches in date order. `initialRatings` (per team) overrides `options.initialRating`. */
export function runElo(
  data: FitData,
  options: EloOptions = CLUBELO_OPTIONS,
  initialRatings?: ArrayLike<number>,
): EloRun {
  checkEloOptions(options);
  const n = data.homeTeam.length;
  const ratings = new Float64Array(data.teamCount).fill(options.initialRating);
  if (initialRatings) {
    if (initialRatings.length !== data.teamCount) {
      throw new MatchdayError(
        'INVALID_RATING_INPUT',
        `initialRatings has ${initialRatings.length} entries for ${data.teamCount} teams`,
        { field: 'initialRatings' },
      );
    }
    for (let t = 0; t < data.teamCount; t++) ratings[t] = initialRatings[t];
  }
  const preHome = new Float64Array(n);
  const preAway = new Float64Array(n);
  const difference = new Float64Array(n);
  // |goal difference|^exponent, worked out once per margin.
  const marginFactors: number[] = [1];
  for (const i of chronologicalOrder(data)) {
    const h = data.homeTeam[i];
    const a = data.awayTeam[i];
    const dr = ratings[h] - ratings[a] + (data.neutral[i] ? 0 : options.homeAdvantage);
    preHome[i] = ratings[h];
    preAway[i] = ratings[a];
    difference[i] = ratings[h] - ratings[a];
    const goalDifference = data.homeGoals[i] - data.awayGoals[i];
    const result = goalDifference > 0 ? 1 : goalDifference === 0 ? 0.5 : 0;
    const margin = Math.abs(goalDifference);
    let marginFactor = marginFactors[margin];
    if (marginFactor === undefined) marginFactors[margin] = marginFactor = margin ** options.goalDifferenceExponent;
    const exchanged = options.k * marginFactor * (result - eloExpectedResult(dr));
    ratings[h] += exchanged;
    ratings[a] -= exchanged;
  }
  return { preHome, preAway, difference, ratings };
}

/** Elo ratings after the training matches plus the outcome mapping fitted on them. */
export interface EloModel {
  readonly kind: 'elo';
  readonly options: EloOptions;
  readonly ratings: Float64Array;
  readonly mapping: OutcomeMapping;
  /** Team names by index, from the data, so a saved model says who is who. */
  readonly teamNames?: readonly string[];
}

export function fitElo(data: FitData, options: EloOptions = CLUBELO_OPTIONS, fit: RatingFitOptions = {}): EloModel {
  const run = runElo(data, options);
  const weights = burnInWeights(data, fit.burnInDays ?? DEFAULT_BURN_IN_DAYS);
  const mapping = fitOutcomeMapping(mappingInput(data, run.difference, weights));
  return { kind: 'elo', options, ratings: run.ratings, mapping, teamNames: data.teamNames };
}

/** The mapping's x for a fixture: home minus away rating. */
export function eloDifference(model: EloModel, home: number, away: number): number {
  checkTeamIndex(home, model.ratings.length, 'home');
  checkTeamIndex(away, model.ratings.length, 'away');
  return model.ratings[home] - model.ratings[away];
}

export function predictElo(
  model: EloModel,
  home: number,
  away: number,
  neutral = false,
  maxGoals = 10,
): RatingForecast {
  return ratingForecast(model.mapping, eloDifference(model, home, away), neutral, maxGoals);
}

/** Candidate values for each tuned constant; constants not listed keep the base options' value. */
export interface EloTuningGrid {
  readonly k: readonly number[];
  readonly homeAdvantage: readonly number[];
  readonly goalDifferenceExponent?: readonly number[];
}

/**
 * Grid search for the Elo constants that maximise the fitted outcome mapping's likelihood on the training
 * data. Each match is scored on its pre-match ratings, so the criterion is out-of-sample for the ratings.
 */
export function tuneElo(
  data: FitData,
  grid: EloTuningGrid,
  base: EloOptions = CLUBELO_OPTIONS,
  fit: RatingFitOptions = {},
): TuningResult<EloOptions> {
  const weights = burnInWeights(data, fit.burnInDays ?? DEFAULT_BURN_IN_DAYS);
  const exponents = grid.goalDifferenceExponent ?? [base.goalDifferenceExponent];
  let best: TuningResult<EloOptions> | null = null;
  let evaluated = 0;
  for (const k of grid.k) {
    for (const homeAdvantage of grid.homeAdvantage) {
      for (const goalDifferenceExponent of exponents) {
        const options = { ...base, k, homeAdvantage, goalDifferenceExponent };
        const run = runElo(data, options);
        const ll = fitOrderedLogit(mappingInput(data, run.difference, weights)).logLikelihood;
        evaluated++;
        if (best === null || ll > best.outcomeLogLikelihood) best = { options, outcomeLogLikelihood: ll, evaluated };
      }
    }
  }
  if (best === null) throw new MatchdayError('INVALID_ARGUMENT', 'Elo tuning grid is empty', { field: 'grid' });
  return { ...best, evaluated };
}

function checkEloOptions(options: EloOptions): void {
  const { k, homeAdvantage, goalDifferenceExponent, initialRating } = options;
  if (!(k > 0) || !Number.isFinite(k))
    throw new MatchdayError('INVALID_ARGUMENT', `Elo K must be positive, got ${k}`, { field: 'k' });
  if (!Number.isFinite(homeAdvantage))
    throw new MatchdayError('INVALID_ARGUMENT', `Elo home advantage must be finite, got ${homeAdvantage}`, {
      field: 'homeAdvantage',
    });
  if (!(goalDifferenceExponent >= 0) || !Number.isFinite(goalDifferenceExponent)) {
    throw new MatchdayError('INVALID_ARGUMENT', `goal-difference exponent must be ≥ 0, got ${goalDifferenceExponent}`, {
      field: 'goalDifferenceExponent',
    });
  }
  if (!Number.isFinite(initialRating))
    throw new MatchdayError('INVALID_ARGUMENT', `initial rating must be finite, got ${initialRating}`, {
      field: 'initialRating',
    });
}
