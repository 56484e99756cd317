import { MatchdayError } from '../errors.js';
import type { TeamCandidate } from '../identity/team-directory.js';
import type { Db } from '../store/database.js';
import { loadTeamDirectory } from '../store/team-store.js';

/**
 * The one team a user means by `query` (`Liverpool`, `Liverpool (ENG)`, `Man City`).
 * Exact name keys win; several exact matches in different countries, or only partial matches, are an error
 * that lists the closest names.
 */
export function findTeam(db: Db, query: string): TeamCandidate {
  const { country, name } = splitCountry(query);
  const candidates = loadTeamDirectory(db)
    .search(name)
    .filter((c) => !country || c.country === country);
  const exact = candidates.filter((c) => c.score === 1);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) {
    throw new MatchdayError(
      'AMBIGUOUS_TEAM',
      `several teams are called that: ${exact.map(describe).join(', ')}; add the country, e.g. "${exact[0].name} (${exact[0].country})"`,
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

export function searchTeams(db: Db, query: string, limit = 20): TeamCandidate[] {
  return loadTeamDirectory(db).search(query, limit);
}

function splitCountry(query: string): { name: string; country: string | null } {
  const match = /^(.*?)\s*\(([A-Z]{2,4})\)\s*$/.exec(query);
  return match ? { name: match[1], country: match[2] } : { name: query, country: null };
}

function describe(c: TeamCandidate): string {
  return `${c.name} (${c.country ?? '?'})`;
}
