import type { Db } from '../store/database.js';
import { listTeams } from '../store/match-queries.js';

export interface ClosestTeam {
  id: number;
  name: string;
  country: string | null;
}

/**
 * The team names nearest a misspelt one (`Liverpol` → Liverpool), for a 404 to suggest when the team directory's
 * name keys find nothing: edit distance between lower-cased names, against the whole name and its words.
 */
export class ClosestTeams {
  private readonly teams: (ClosestTeam & { key: string; words: string[]; matches: number })[];

  constructor(db: Db) {
    this.teams = listTeams(db).map((t) => {
      const key = t.name.toLowerCase();
      return { id: t.id, name: t.name, country: t.country, key, words: key.split(/\s+/), matches: t.matches };
    });
  }

  find(query: string, count: number): ClosestTeam[] {
    const wanted = query.toLowerCase().trim();
    if (wanted.length === 0) return [];
    const scored = this.teams.map((team) => {
      const distance = Math.min(
        editDistance(wanted, team.key),
        ...team.words.map((word) => editDistance(wanted, word)),
      );
      return { team, score: distance / Math.max(wanted.length, 1) };
    });
    return scored
      .filter((s) => s.score <= 0.5)
      .sort((a, b) => a.score - b.score || b.team.matches - a.team.matches)
      .slice(0, count)
      .map(({ team }) => ({ id: team.id, name: team.name, country: team.country }));
  }
}

/** Levenshtein distance with one row of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
