import { MatchdayError } from '../errors.js';
import type { FitHistory } from '../history/fit-history.js';
import { fitGoalModel } from '../models/fit-goal-model.js';
import type { FittedGoalModel, TeamStrength } from '../models/goal-model.js';
import { predictScoreGridFromStrengths, priorTeamStrength, teamStrength } from '../models/predict-score-grid.js';
import { fitElo, predictElo, type EloModel } from '../models/ratings/elo.js';
import { fitPiRatings, predictPiRatings, type PiModel } from '../models/ratings/pi-ratings.js';
import type { ScoreGrid } from '../models/score-grid.js';
import { MODEL_FAMILIES, type ModelOptions } from './model-families.js';

/**
 * One fitted model of any family with the teams it knows by database id: what `matchday fit` saves as versioned
 * JSON and `predict` loads. Pure: the CLI reads and writes the file.
 */
export { MODEL_FAMILIES, type ModelFamily } from './model-families.js';

export const SAVED_MODEL_VERSION = 1;

export interface ModelTeam {
  id: number;
  name: string;
  /** The team's main league code in the fit data (`europe:CCC` if it played no league match in it). */
  group: string;
}

export { DEFAULT_MODEL_OPTIONS, type ModelOptions } from './model-families.js';

export interface SavedModel {
  matchday: 'model';
  formatVersion: number;
  options: ModelOptions;
  data: {
    competitions: string[];
    from: string | null;
    /** Matches strictly before this date were used. */
    before: string;
    matches: number;
    firstDate: string | null;
    lastDate: string | null;
  };
  teams: ModelTeam[];
  groups: string[];
  model: FittedGoalModel | JsonRatingModel;
}

type JsonRatingModel =
  | (Omit<EloModel, 'ratings'> & { ratings: number[] })
  | (Omit<PiModel, 'homeRatings' | 'awayRatings'> & { homeRatings: number[]; awayRatings: number[] });

export function fitMatchModel(
  history: FitHistory,
  options: ModelOptions,
  scope: { competitions: string[]; from: string | null; before: string },
): SavedModel {
  if (history.matches.length === 0) {
    throw new MatchdayError(
      'NO_HISTORY',
      `no played matches before ${scope.before} in ${scope.competitions.join(', ') || 'the database'}`,
    );
  }
  const model = fitFamily(history, options);
  const groups = [...new Set(history.groupLabels)];
  return {
    matchday: 'model',
    formatVersion: SAVED_MODEL_VERSION,
    options,
    data: {
      ...scope,
      matches: history.matches.length,
      firstDate: history.matches[0]?.date ?? null,
      lastDate: history.matches.at(-1)?.date ?? null,
    },
    teams: history.teamIds.map((id, i) => ({
      id,
      name: history.data.teamNames?.[i] ?? `team ${id}`,
      group: history.groupLabels[i],
    })),
    groups,
    model,
  };
}

function fitFamily(history: FitHistory, options: ModelOptions): SavedModel['model'] {
  switch (options.family) {
    case 'elo': {
      const elo = fitElo(history.data);
      return { ...elo, ratings: [...elo.ratings] };
    }
    case 'pi': {
      const pi = fitPiRatings(history.data);
      return { ...pi, homeRatings: [...pi.homeRatings], awayRatings: [...pi.awayRatings] };
    }
    default:
      return fitGoalModel(history.data, {
        family: options.family,
        xi: options.xi,
        priorStrength: options.priorStrength,
      });
  }
}

/** A team as a fixture names it: its id, and the league to take a prior from if the model never saw it. */
export interface FixtureTeam {
  id: number;
  name: string;
  group?: string;
}

export interface ModelPrediction {
  grid: ScoreGrid;
  /** Teams the model had no history for, predicted from their league's prior (goal models) or the mean. */
  teamsFromPrior: string[];
}

/** The score grid of one fixture under a saved model. `strengthShift` adjusts a goal model's log-rates (what-ifs). */
export function predictWithModel(
  saved: SavedModel,
  home: FixtureTeam,
  away: FixtureTeam,
  options: { neutral: boolean; maxGoals?: number; homeShift?: number; awayShift?: number },
): ModelPrediction {
  const indexOf = new Map(saved.teams.map((t, i) => [t.id, i]));
  const homeIndex = indexOf.get(home.id);
  const awayIndex = indexOf.get(away.id);
  const teamsFromPrior = [home, away].filter((t) => !indexOf.has(t.id)).map((t) => t.name);
  const model = saved.model;
  const maxGoals = options.maxGoals ?? 10;
  if ('kind' in model) {
    if (homeIndex === undefined || awayIndex === undefined) {
      throw new MatchdayError(
        'MODEL_UNKNOWN_TEAM',
        `the ${model.kind} model has no rating for ${teamsFromPrior.join(' and ')}`,
        {
          team: teamsFromPrior[0],
        },
      );
    }
    const forecast =
      model.kind === 'elo'
        ? predictElo(
            { ...model, ratings: Float64Array.from(model.ratings) },
            homeIndex,
            awayIndex,
            options.neutral,
            maxGoals,
          )
        : predictPiRatings(
            {
              ...model,
              homeRatings: Float64Array.from(model.homeRatings),
              awayRatings: Float64Array.from(model.awayRatings),
            },
            homeIndex,
            awayIndex,
            options.neutral,
            maxGoals,
          );
    return { grid: forecast.grid, teamsFromPrior };
  }
  const strength = (team: FixtureTeam, index: number | undefined, shift = 0): TeamStrength => {
    const base = index !== undefined ? teamStrength(model, index) : priorFor(saved, model, team.group);
    return { attack: base.attack + shift, defence: base.defence + shift };
  };
  const grid = predictScoreGridFromStrengths(
    model,
    strength(home, homeIndex, options.homeShift),
    strength(away, awayIndex, options.awayShift),
    { neutral: options.neutral, maxGoals },
  );
  return { grid, teamsFromPrior };
}

function priorFor(saved: SavedModel, model: FittedGoalModel, group: string | undefined): TeamStrength {
  const index = group === undefined ? -1 : saved.groups.indexOf(group);
  return index >= 0 ? priorTeamStrength(model, index) : priorTeamStrength(model);
}

/** Reads a saved model's JSON, checking it is one and of a version this matchday understands. */
export function parseSavedModel(text: string, file: string): SavedModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MatchdayError('MODEL_FILE', `not JSON: ${(error as Error).message}`, { file });
  }
  const saved = value as Partial<SavedModel>;
  if (saved?.matchday !== 'model' || !saved.model || !Array.isArray(saved.teams)) {
    throw new MatchdayError('MODEL_FILE', 'not a matchday model file (written by matchday fit)', { file });
  }
  if (saved.formatVersion !== SAVED_MODEL_VERSION) {
    throw new MatchdayError(
      'MODEL_FILE',
      `model format version ${saved.formatVersion}; this matchday reads ${SAVED_MODEL_VERSION}`,
      { file },
    );
  }
  if (!saved.options || !MODEL_FAMILIES.includes(saved.options.family)) {
    throw new MatchdayError('MODEL_FILE', `unknown model family ${saved.options?.family}`, {
      file,
      field: 'options.family',
    });
  }
  return saved as SavedModel;
}
