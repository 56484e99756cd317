import { MatchdayError } from '../errors.js';
import type { TeamCandidate } from '../identity/team-directory.js';
import type { TeamNames } from '../identity/team-names.js';
import type { Db } from '../store/database.js';
import { matchCounts } from '../store/match-queries.js';
import { loadTeamNames } from '../store/team-store.js';

/** What finding a team reads: the teams' names (a loaded TeamDirectory answers the same). */
export type TeamSearch = Pick<TeamNames, 'search'>;

/** How much more history the best-known exact match needs before a bare name means it (`Inter` → Internazionale). */
const DOMINANCE = 3;

/** A fixture or a tie is between two teams: the same team twice is a MatchdayError naming the second. */
export function checkTwoTeams(
  first: { teamId: number; name: string },
  second: { teamId: number; name: string },
  field = 'away',
): void {
  if (first.teamId === second.teamId) {
    throw new MatchdayError('SAME_TEAM', `${second.name} is named twice: a match needs two different teams`, { field });
  }
}

/**
 * The one team a user means by `query` (`Liverpool`, `Liverpool (ENG)`, `Man City`).
 * Exact name keys win. Several exact matches in different countries resolve to the club with by far the most
 * matches in the database (Inter → Internazionale, not Inter Turku); otherwise it is an error that lists them,
 * as is a name with only partial matches. A long-running reader (the server) passes the directory it keeps loaded.
 */
export function findTeam(db: Db, query: string, directory: TeamSearch = loadTeamNames(db, [query])): TeamCandidate {
  const { country, name } = splitCountry(query);
  const candidates = directory.search(name).filter((c) => !country || c.country === country);
  const exact = candidates.filter((c) => c.score === 1);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) {
    const counts = matchCounts(
      db,
      exact.map((c) => c.teamId),
    );
    const ranked = [...exact].sort((a, b) => (counts.get(b.teamId) ?? 0) - (counts.get(a.teamId) ?? 0));
    if ((counts.get(ranked[0].teamId) ?? 0) >= DOMINANCE * Math.max(1, counts.get(ranked[1].teamId) ?? 0))
      return ranked[0];
    throw new MatchdayError(
      'AMBIGUOUS_TEAM',
      `several teams are called that: ${ranked.map(describe).join(', ')}; add the country, e.g. "${ranked[0].name} (${ranked[0].country})"`,
      { team: query },
    );
  }
  if (candidates.length === 1) return candidates[0];
  const closest = candidates.slice(0, 5).map(describe);
  throw new MatchdayError(
    'UNKNOWN_TEAM',
    closest.length ? `no team of that name; closest: ${closest.join(', ')}` : 'no team of that name',
    { team: query },
  );
}

export function searchTeams(
  db: Db,
  query: string,
  limit = 20,
  directory: TeamSearch = loadTeamNames(db, [query]),
): TeamCandidate[] {
  return directory.search(query, limit);
}

function splitCountry(query: string): { name: string; country: string | null } {
  const match = /^(.*?)\s*\(([A-Z]{2,4})\)\s*$/.exec(query);
  return match ? { name: match[1], country: match[2] } : { name: query, country: null };
}

function describe(c: TeamCandidate): string {
  return `${c.name} (${c.country ?? '?'})`;
}
