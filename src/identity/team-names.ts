import type { KnownTeam, TeamCandidate } from './team-directory.js';
import { teamKeys, transliterationKey } from './team-name-key.js';

/**
 * Teams found by what a user types (`Liverpool`, `Man City`): every team's name keys, each kept with the spelling
 * searches compare (its transliteration, the strict key's `=` dropped), worked out once as the key is added.
 */
export class TeamNames {
  private readonly teams = new Map<number, KnownTeam>();
  /** key → its spelling and the teams with that key, in the order the keys were first added. */
  private readonly keys = new Map<string, { spelled: string; ids: Set<number> }>();

  add(team: KnownTeam, keys: Iterable<string>): void {
    this.teams.set(team.id, team);
    for (const key of keys) this.addKey(team.id, key);
  }

  addKey(teamId: number, key: string): void {
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { spelled: transliterationKey(key.startsWith('=') ? key.slice(1) : key), ids: new Set() };
      this.keys.set(key, entry);
    }
    entry.ids.add(teamId);
  }

  /** Teams whose names look like `text` (transliterations alike), best first: exact key, then prefix, then containment. */
  search(text: string, limit = 20): TeamCandidate[] {
    const wanted = searchKey(text);
    const scores = new Map<number, number>();
    for (const { spelled, ids } of this.keys.values()) {
      const score = spelled === wanted ? 1 : spelled.startsWith(wanted) ? 0.8 : spelled.includes(wanted) ? 0.6 : 0;
      if (score === 0) continue;
      for (const id of ids) scores.set(id, Math.max(scores.get(id) ?? 0, score));
    }
    return [...scores]
      .map(([teamId, score]) => {
        const team = this.teams.get(teamId)!;
        return { teamId, score, name: team.name, country: team.country };
      })
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, limit);
  }
}

/**
 * What a search compares with each key's spelling: the text's loose key, transliterations folded. Every team has its
 * loose key, so an equal loose key is an exact match; the strict keys serve prefixes.
 */
export function searchKey(text: string): string {
  return transliterationKey(teamKeys(text)[1]);
}
