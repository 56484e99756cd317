/**
 * Where every leg's score grid comes from: one interface, fixture → the forecaster's 90-minute grid, as of one
 * date. Ties (tie-model) and brackets read their legs only through it: from a fitted or saved fixture model
 * (fixtureModelLegGrids: the forecaster tie-pricer fits, or a model a user loads with --model-file), or from a single
 * goal model (goalModelLegGrids). The tie calibration is fitted on the grids of the legs it is used with. Pure.
 */
import { EUROPE_GROUP } from '../history/fit-history.js';
import type { FixtureModel } from '../forecast/fixture-forecast.js';
import type { FixtureTeam, SavedModel } from '../forecast/match-model.js';
import { predictWithModel } from '../forecast/match-model.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { KnownTeams } from './leg-calibration.js';
import type { TieTeam } from './tie-reconstruction.js';

/** One leg: `home` hosts (both listed the same way when `neutral`). */
export interface LegFixture {
  home: TieTeam;
  away: TieTeam;
  neutral: boolean;
  /** What-ifs: added to a team's log attack and log defence (a key player missing: negative). */
  homeShift?: number;
  awayShift?: number;
}

export interface LegGrid {
  grid: ScoreGrid;
  /** Teams the forecaster had no history for (their numbers come from a prior). */
  teamsFromPrior: string[];
  /** How many of the two it rates from their own league's matches (the tie calibration differs by it). */
  knownTeams: KnownTeams;
}

/** What the grids come from, for reports. */
export interface LegGridSource {
  family: string;
  data: SavedModel['data'];
  /** Whether the model's fits converged (null: a rating system, nothing to converge). */
  converged: boolean | null;
}

export interface LegGrids {
  readonly source: LegGridSource;
  grid(leg: LegFixture): LegGrid;
}

/**
 * Legs from a saved goal model. `groupOf` names the league a team's prior comes from when the model never saw it
 * (its latest league before the date, else its country's European group).
 */
export function goalModelLegGrids(saved: SavedModel, groupOf: (team: TieTeam) => string | undefined): LegGrids {
  const team = (t: TieTeam): FixtureTeam => ({ id: t.id, name: t.name, group: groupOf(t) });
  // A team the model fitted, grouped by a league it played in (not by its country's European matches).
  const leagueTeams = new Set(saved.teams.filter((t) => !t.group.startsWith(EUROPE_GROUP)).map((t) => t.id));
  return {
    source: {
      family: saved.options.family,
      data: saved.data,
      converged: 'diagnostics' in saved.model ? saved.model.diagnostics.converged : null,
    },
    grid: (leg) => {
      const { grid, teamsFromPrior } = predictWithModel(saved, team(leg.home), team(leg.away), {
        neutral: leg.neutral,
        homeShift: leg.homeShift,
        awayShift: leg.awayShift,
      });
      const knownTeams = ((leagueTeams.has(leg.home.id) ? 1 : 0) +
        (leagueTeams.has(leg.away.id) ? 1 : 0)) as KnownTeams;
      return { grid, teamsFromPrior, knownTeams };
    },
  };
}

/** Legs from a fitted or saved fixture model (the forecaster or a single model); `teamOf` names a team as it knows it. */
export function fixtureModelLegGrids(model: FixtureModel, teamOf: (team: TieTeam) => FixtureTeam): LegGrids {
  const leagueTeams = new Set(model.teams.filter((t) => !t.group.startsWith(EUROPE_GROUP)).map((t) => t.id));
  const known = new Set(model.teams.map((t) => t.id));
  return {
    source: { family: model.family, data: model.data, converged: model.converged },
    grid: (leg) => {
      const home = teamOf(leg.home);
      const away = teamOf(leg.away);
      // No competition of its own: a team the model never saw takes its own league's prior, and no table shifts.
      const { grid } = model.grid(
        { home, away, neutral: leg.neutral, competition: '' },
        { homeShift: leg.homeShift, awayShift: leg.awayShift },
      );
      const teamsFromPrior = [home, away].filter((t) => !known.has(t.id)).map((t) => t.name);
      const knownTeams = ((leagueTeams.has(home.id) ? 1 : 0) + (leagueTeams.has(away.id) ? 1 : 0)) as KnownTeams;
      return { grid, teamsFromPrior, knownTeams };
    },
  };
}
