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
 * pi-ratings (Constantinou & Fenton 2013): each team has a home and an away rating, in goal-difference units.
 * A rating R stands for an expected goal difference against an average side of sign(R)·(b^(|R|/c) − 1);
 * the match's expected goal difference is that of the home side's home rating minus that of the away side's
 * away rating. The error e = |observed − expected| is damped by ψ(e) = c·log10(1 + e), so a 5-0 teaches
 * little more than a 3-0. The venue rating played moves by ±ψ·λ, the other venue rating by γ times that move.
 */
export interface PiOptions {
  /** λ: how far a result moves the rating of the venue played. */
  readonly learningRate: number;
  /** γ: the share of that move passed on to the team's rating at the other venue. */
  readonly crossVenueRate: number;
  /** b, the logarithmic base. */
  readonly base: number;
  /** c, the scale of ratings and of the error damping. */
  readonly scale: number;
}

/** The constants Constantinou & Fenton found best on the Premier League. */
export const PI_RATINGS_OPTIONS: PiOptions = { learningRate: 0.035, crossVenueRate: 0.7, base: 10, scale: 3 };

export interface PiRun {
  /** The rating each side brought to the match: the home side's home rating, the away side's away rating. */
  readonly preHome: Float64Array;
  readonly preAway: Float64Array;
  /** Expected goal difference (home minus away) from the pre-match ratings: the x of the outcome mapping. */
  readonly difference: Float64Array;
  /** Ratings after the last match. */
  readonly homeRatings: Float64Array;
  readonly awayRatings: Float64Array;
}

/** Expected goal difference against an average opponent of a side rated `rating`. */
export function piExpectedGoalDifference(rating: number, options: PiOptions = PI_RATINGS_OPTIONS): number {
  return Math.sign(rating) * (options.base ** (Math.abs(rating) / options.scale) - 1);
}

/**
 * Runs pi-ratings in date order from 0 for every team. At a neutral venue (outside the paper) each side plays
 * on the mean of its two ratings and the error moves both its ratings by ψ·λ, since neither venue applies.
 */
export function runPiRatings(data: FitData, options: PiOptions = PI_RATINGS_OPTIONS): PiRun {
  checkPiOptions(options);
  const n = data.homeTeam.length;
  const homeRatings = new Float64Array(data.teamCount);
  const awayRatings = new Float64Array(data.teamCount);
  const preHome = new Float64Array(n);
  const preAway = new Float64Array(n);
  const difference = new Float64Array(n);
  const { learningRate, crossVenueRate, scale } = options;
  for (const i of chronologicalOrder(data)) {
    const h = data.homeTeam[i];
    const a = data.awayTeam[i];
    const neutral = Boolean(data.neutral[i]);
    const homeSide = neutral ? (homeRatings[h] + awayRatings[h]) / 2 : homeRatings[h];
    const awaySide = neutral ? (homeRatings[a] + awayRatings[a]) / 2 : awayRatings[a];
    const expected = piExpectedGoalDifference(homeSide, options) - piExpectedGoalDifference(awaySide, options);
    const observed = data.homeGoals[i] - data.awayGoals[i];
    preHome[i] = homeSide;
    preAway[i] = awaySide;
    difference[i] = expected;
    // The home side's signed, damped error; the away side's is its negative.
    const error = Math.sign(observed - expected) * scale * Math.log10(1 + Math.abs(observed - expected));
    const homeMove = error * learningRate;
    if (neutral) {
      homeRatings[h] += homeMove;
      awayRatings[h] += homeMove;
      homeRatings[a] -= homeMove;
      awayRatings[a] -= homeMove;
    } else {
      homeRatings[h] += homeMove;
      awayRatings[h] += homeMove * crossVenueRate;
      awayRatings[a] -= homeMove;
      homeRatings[a] -= homeMove * crossVenueRate;
    }
  }
  return { preHome, preAway, difference, homeRatings, awayRatings };
}

/** pi-ratings after the training matches plus the outcome mapping fitted on them. */
export interface PiModel {
  readonly kind: 'pi';
  readonly options: PiOptions;
  readonly homeRatings: Float64Array;
  readonly awayRatings: Float64Array;
  readonly mapping: OutcomeMapping;
  /** Team names by index, from the data, so a saved model says who is who. */
  readonly teamNames?: readonly string[];
}

export function fitPiRatings(
  data: FitData,
  options: PiOptions = PI_RATINGS_OPTIONS,
  fit: RatingFitOptions = {},
): PiModel {
  const run = runPiRatings(data, options);
  const weights = burnInWeights(data, fit.burnInDays ?? DEFAULT_BURN_IN_DAYS);
  const mapping = fitOutcomeMapping(mappingInput(data, run.difference, weights));
  return {
    kind: 'pi',
    options,
    homeRatings: run.homeRatings,
    awayRatings: run.awayRatings,
    mapping,
    teamNames: data.teamNames,
  };
}

/** The mapping's x for a fixture: expected goal difference from the venue ratings (their means if neutral). */
export function piDifference(model: PiModel, home: number, away: number, neutral = false): number {
  checkTeamIndex(home, model.homeRatings.length, 'home');
  checkTeamIndex(away, model.homeRatings.length, 'away');
  const { homeRatings, awayRatings, options } = model;
  const homeSide = neutral ? (homeRatings[home] + awayRatings[home]) / 2 : homeRatings[home];
  const awaySide = neutral ? (homeRatings[away] + awayRatings[away]) / 2 : awayRatings[away];
  return piExpectedGoalDifference(homeSide, options) - piExpectedGoalDifference(awaySide, options);
}

export function predictPiRatings(
  model: PiModel,
  home: number,
  away: number,
  neutral = false,
  maxGoals = 10,
): RatingForecast {
  return ratingForecast(model.mapping, piDifference(model, home, away, neutral), neutral, maxGoals);
}

export interface PiTuningGrid {
  readonly learningRate: readonly number[];
  readonly crossVenueRate: readonly number[];
}

/** Grid search for λ and γ maximising the fitted outcome mapping's likelihood on pre-match ratings. */
export function tunePiRatings(
  data: FitData,
  grid: PiTuningGrid,
  base: PiOptions = PI_RATINGS_OPTIONS,
  fit: RatingFitOptions = {},
): TuningResult<PiOptions> {
  const weights = burnInWeights(data, fit.burnInDays ?? DEFAULT_BURN_IN_DAYS);
  let best: TuningResult<PiOptions> | null = null;
  let evaluated = 0;
  for (const learningRate of grid.learningRate) {
    for (const crossVenueRate of grid.crossVenueRate) {
      const options = { ...base, learningRate, crossVenueRate };
      const run = runPiRatings(data, options);
      const ll = fitOrderedLogit(mappingInput(data, run.difference, weights)).logLikelihood;
      evaluated++;
      if (best === null || ll > best.outcomeLogLikelihood) best = { options, outcomeLogLikelihood: ll, evaluated };
    }
  }
  if (best === null) throw new MatchdayError('INVALID_ARGUMENT', 'pi-ratings tuning grid is empty', { field: 'grid' });
  return { ...best, evaluated };
}

function checkPiOptions(options: PiOptions): void {
  const { learningRate, crossVenueRate, base, scale } = options;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new MatchdayError('INVALID_ARGUMENT', `pi-ratings learning rate must be positive, got ${learningRate}`, {
      field: 'learningRate',
    });
  }
  if (!(crossVenueRate >= 0 && crossVenueRate <= 1)) {
    throw new MatchdayError(
      'INVALID_ARGUMENT',
      `pi-ratings cross-venue rate must be in [0, 1], got ${crossVenueRate}`,
      { field: 'crossVenueRate' },
    );
  }
  if (!(base > 1) || !Number.isFinite(base))
    throw new MatchdayError('INVALID_ARGUMENT', `pi-ratings base must be > 1, got ${base}`, { field: 'base' });
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new MatchdayError('INVALID_ARGUMENT', `pi-ratings scale must be positive, got ${scale}`, { field: 'scale' });
}
