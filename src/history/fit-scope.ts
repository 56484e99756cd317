import type { Db } from '../store/database.js';
import { competitionCodes, latestLeague } from '../store/match-queries.js';

/** Which history a fixture's model is fitted on when the user does not say. */
export interface FitScope {
  competitions: string[];
  from: string;
  before: string;
}

/** Years of history before the fixture a default fit uses (time decay makes older matches count little). */
export const DEFAULT_HISTORY_YEARS = 4;

/**
 * The leagues the two teams last played in plus every continental competition played in those years: the European
 * matches put the leagues on one scale (Atalanta and Liverpool through the clubs they met in Europe).
 */
export function defaultFitScope(db: Db, teamIds: number[], before: string): FitScope {
  const leagues = teamIds.map((id) => latestLeague(db, id, before)).filter((code): code is string => code !== null);
  const from = yearsBefore(before, DEFAULT_HISTORY_YEARS);
  const continental = competitionCodes(db, 'continental', { from, before });
  const competitions = [...new Set([...leagues, ...continental])].sort();
  return { competitions, from, before };
}

export function yearsBefore(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
}
