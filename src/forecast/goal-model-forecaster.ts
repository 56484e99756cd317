import { fitGoalModel } from '../models/fit-goal-model.js';
import type { FitGoalModelOptions, FittedGoalModel, GoalModelFamily, TeamStrength } from '../models/goal-model.js';
import { predictScoreGridFromStrengths, priorTeamStrength, teamStrength } from '../models/predict-score-grid.js';
import type { ScoreGrid } from '../models/score-grid.js';
import { summariseGrid } from './grid-summary.js';
import type { Fixture, FixturePredictor, HistoryMatch, MatchForecaster, Probabilities1x2 } from './match-forecaster.js';
import { windowFitData } from './window-fit-data.js';

export interface GoalModelForecasterOptions {
  family: GoalModelFamily;
  /** Time decay per day. */
  xi: number;
  /** Prior precision toward the team's league mean. */
  priorStrength: number;
  /** Years of history each fit uses. */
  historyYears: number;
  /** Optimiser tolerance on ‖∇‖∞ per unit weight (fitGoalModel's default when omitted). */
  gradientTolerance?: FitGoalModelOptions['gradientTolerance'];
}

/** A goal model fitted on the history before a date, with the teams it knows by database id. */
export interface FittedGoalModelForDate {
  model: FittedGoalModel;
  /** Team index in the model by database id. */
  indexOf: Map<number, number>;
  /** Group index in the model by group label (a league code, or `continental`). */
  groupOf: Map<string, number>;
}

/**
 * Fits goal models on successive dates, each fit starting from the previous one's parameters (mapped by team
 * id), which makes weekly refits a few L-BFGS iterations each.
 */
export class GoalModelFitter {
  private previous: FittedGoalModelForDate | null = null;

  constructor(private readonly options: Omit<GoalModelForecasterOptions, 'historyYears'>) {}

  fit(history: readonly HistoryMatch[], date: string): FittedGoalModelForDate {
    const fitHistory = windowFitData(history, date);
    const indexOf = new Map(fitHistory.teamIds.map((id, i) => [id, i]));
    const warmStart = this.previous ? remapWarmStart(this.previous, fitHistory.teamIds) : undefined;
    const model = fitGoalModel(fitHistory.data, { ...this.options, warmStart });
    const groupOf = new Map([...new Set(fitHistory.groupLabels)].map((label, i) => [label, i]));
    this.previous = { model, indexOf, groupOf };
    return this.previous;
  }
}

/**
 * The previous fit's parameters laid out for the new team list; a team new to the history starts at the mean
 * of the previous fit's teams.
 */
function remapWarmStart(previous: FittedGoalModelForDate, teamIds: readonly number[]): FittedGoalModel {
  const { model, indexOf } = previous;
  const start = priorTeamStrength(model);
  const strength = teamIds.map((id) => {
    const index = indexOf.get(id);
    return index === undefined ? start : teamStrength(model, index);
  });
  return {
    ...model,
    params: {
      ...model.params,
      attack: strength.map((s) => s.attack),
      defence: strength.map((s) => s.defence),
    },
  } as FittedGoalModel;
}

/** The strength of a fixture's team: fitted, or its competition's prior mean when the history never saw it. */
export function fixtureTeamStrength(
  fitted: FittedGoalModelForDate,
  teamId: number,
  competition: string,
): TeamStrength | null {
  const index = fitted.indexOf.get(teamId);
  if (index !== undefined) return teamStrength(fitted.model, index);
  const group = fitted.groupOf.get(competition);
  return group === undefined ? null : priorTeamStrength(fitted.model, group);
}

/** Home win, draw and away win of a score grid, conditional on the score lying inside it. */
export function gridOutcomeProbabilities(grid: ScoreGrid): Probabilities1x2 {
  const summary = summariseGrid(grid, true);
  return [summary.homeWin, summary.draw, summary.awayWin];
}

export function goalModelForecaster(options: GoalModelForecasterOptions): MatchForecaster {
  const fitter = new GoalModelFitter(options);
  return {
    historyYears: options.historyYears,
    fit(history, date): FixturePredictor {
      const fitted = fitter.fit(history, date);
      return {
        predict(fixture: Fixture) {
          const home = fixtureTeamStrength(fitted, fixture.homeTeamId, fixture.competition);
          const away = fixtureTeamStrength(fitted, fixture.awayTeamId, fixture.competition);
          if (!home || !away) return { skipped: 'team without history and no prior for its competition' };
          const grid = predictScoreGridFromStrengths(fitted.model, home, away, { neutral: fixture.neutral });
          return { probabilities: gridOutcomeProbabilities(grid) };
        },
      };
    },
  };
}
