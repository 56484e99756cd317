/**
 * Where every leg's score grid comes from: one interface, fixture → the forecaster's 90-minute grid, as of one
 * date. Ties (tie-model) and brackets read their legs only through it: from the goal model fitted for ties
 * (goalModelLegGrids; tie-pricer fits it, and the tie calibration is fitted on its grids), or from a saved model
 * (fixtureModelLegGrids: the forecaster or a single model a user loads with --model-file). Pure.
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
    source: { family: saved.options.family, data: saved.data },
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
  return {
    source: { family: model.family, data: model.data },
    grid: (leg) => {
      const home = teamOf(leg.home);
      const away = teamOf(leg.away);
      const { grid } = model.grid(
        { home, away, neutral: leg.neutral },
        { homeShift: leg.homeShift, awayShift: leg.awayShift },
      );
      const known = new Set(model.teams.map((t) => t.id));
      const teamsFromPrior = [home, away].filter((t) => !known.has(t.id)).map((t) => t.name);
      const knownTeams = ((leagueTeams.has(home.id) ? 1 : 0) + (leagueTeams.has(away.id) ? 1 : 0)) as KnownTeams;
      return { grid, teamsFromPrior, knownTeams };
    },
  };
}
