import type { CompetitionRegistry } from '../competitions/registry.js';

/** What the scope of a fixture is worked out from: the registry, the competitions with data, the teams' leagues. */
export interface ScopeLookups {
  registry: CompetitionRegistry;
  /** Competitions with played matches. */
  held: ReadonlySet<string>;
  /** The league a team last played in within the forecaster's years before the fit date (null: none). */
  latestLeague(teamId: number): string | null;
}

/**
 * The competitions a fixture's forecaster is fitted on, sorted: a rule of the fixture alone, so that `predict`,
 * the server and the backtest fit the same model for it.
 *  - A league match: the league, with the leagues one tier above and below in its country (a promoted or
 *    relegated team arrives with its record).
 *  - Any other match (a cup, a continental tie, a friendly): each team's latest league with its neighbours, and
 *    the continental competitions when the fixture is one or the teams' leagues are in different countries (the
 *    European matches put the leagues on one scale).
 * Only competitions with data count; a fixture whose teams have no league falls back on its own competition.
 */
export function forecastScope(
  fixture: { competition: string; homeTeamId: number; awayTeamId: number },
  lookups: ScopeLookups,
): string[] {
  const { registry, held } = lookups;
  const scope = new Set<string>();
  const addLeague = (code: string): void => {
    if (held.has(code)) scope.add(code);
    const league = registry.get(code);
    if (!league?.country || league.tier === null) return;
    for (const neighbour of registry.ofCountry(league.country, 'league')) {
      if (neighbour.tier !== null && Math.abs(neighbour.tier - league.tier) === 1 && held.has(neighbour.code)) {
        scope.add(neighbour.code);
      }
    }
  };
  const competition = registry.get(fixture.competition);
  if (competition?.kind === 'league') addLeague(competition.code);
  else {
    const leagues = [lookups.latestLeague(fixture.homeTeamId), lookups.latestLeague(fixture.awayTeamId)].filter(
      (code): code is string => code !== null,
    );
    leagues.forEach(addLeague);
    const countries = new Set(leagues.map((code) => registry.get(code)?.country ?? code));
    if (competition?.kind === 'continental' || countries.size > 1) {
      for (const c of registry.competitions) if (c.kind === 'continental' && held.has(c.code)) scope.add(c.code);
    }
  }
  if (scope.size === 0 && held.has(fixture.competition)) scope.add(fixture.competition);
  return [...scope].sort();
}
