/**
 * The model a fixture is forecast with when none is given: fitted on the matches before its date in the two teams'
 * leagues plus the continental competitions (or the competitions asked for). Shared by `matchday predict` and the
 * server, which caches what it fits by `fixtureModelKey`. The database is read only through history/ and store/.
 */
import { buildFitHistory } from '../history/fit-history.js';
import { defaultFitScope, type FitScope } from '../history/fit-scope.js';
import type { Db } from '../store/database.js';
import { latestLeague } from '../store/match-queries.js';
import { fitMatchModel, type FixtureTeam, type ModelOptions, type SavedModel } from '../forecast/match-model.js';

/** The history a fixture's model is fitted on: the default scope, with `competitions` replacing its list if given. */
export function fixtureFitScope(db: Db, teamIds: number[], date: string, competitions?: string[]): FitScope {
  const scope = defaultFitScope(db, teamIds, date);
  return competitions && competitions.length > 0 ? { ...scope, competitions: [...competitions].sort() } : scope;
}

export function fitFixtureModel(db: Db, scope: FitScope, options: ModelOptions): SavedModel {
  return fitMatchModel(buildFitHistory(db, scope), options, scope);
}

/** Same key, same fitted model: the history's scope and the model options. */
export function fixtureModelKey(scope: FitScope, options: ModelOptions): string {
  return [
    scope.competitions.join(','),
    scope.from,
    scope.before,
    options.family,
    options.xi,
    options.priorStrength,
  ].join('|');
}

/** A team as the forecast names it, with the league it last played in before the date (its prior if unseen). */
export function fixtureTeam(db: Db, team: { teamId: number; name: string }, date: string): FixtureTeam {
  return { id: team.teamId, name: team.name, group: latestLeague(db, team.teamId, date) ?? undefined };
}
