import type { TeamRef } from '../ingest/records.js';
import { displayTeamName, teamNameKey } from './team-name-key.js';

/** A team matchday already knows. */
export interface KnownTeam {
  id: number;
  name: string;
  country: string | null;
}

/** Names one source says belong to one club (an openfootball clubs entry, an engsoccerdata name group, an override). */
export interface AliasGroup {
  canonical: string;
  country: string | null;
  names: string[];
  source: string;
}

export type TeamResolution =
  | { kind: 'known'; teamId: number; newKeys: string[] }
  | { kind: 'new'; name: string; country: string | null; keys: string[] }
  | { kind: 'ambiguous'; candidates: string[] };

export interface TeamCandidate {
  teamId: number;
  name: string;
  country: string | null;
  /** 1 for an exact key match, lower for partial matches. */
  score: number;
}

const ANY_COUNTRY = '*';

/**
 * In-memory index of teams and alias knowledge. Resolution is by (name key, country): a name resolves to a team
 * only when exactly one team (or one alias group) claims it in that country; otherwise it is ambiguous and the
 * caller must report it rather than guess. Pure: store/ loads it and persists what it decides.
 */
export class TeamDirectory {
  private readonly teamsById = new Map<number, KnownTeam>();
  /** `${country}|${key}` → team ids claiming that key. */
  private readonly teamKeys = new Map<string, Set<number>>();
  /** `${country}|${key}` → alias groups naming that key. */
  private readonly groupKeys = new Map<string, AliasGroup[]>();

  addTeam(team: KnownTeam, keys: Iterable<string>): void {
    this.teamsById.set(team.id, team);
    for (const key of keys) this.addTeamKey(team.id, key);
  }

  addTeamKey(teamId: number, key: string): void {
    const team = this.teamsById.get(teamId);
    if (!team) throw new Error(`team ${teamId} is not in the directory`);
    for (const country of [team.country ?? ANY_COUNTRY, ANY_COUNTRY]) {
      const slot = `${country}|${key}`;
      let ids = this.teamKeys.get(slot);
      if (!ids) this.teamKeys.set(slot, (ids = new Set()));
      ids.add(teamId);
    }
  }

  addAliasGroup(group: AliasGroup): void {
    const keys = new Set([group.canonical, ...group.names].map(teamNameKey));
    for (const key of keys) {
      for (const country of [group.country ?? ANY_COUNTRY, ANY_COUNTRY]) {
        const slot = `${country}|${key}`;
        const groups = this.groupKeys.get(slot);
        if (groups) groups.push(group);
        else this.groupKeys.set(slot, [group]);
      }
    }
  }

  team(id: number): KnownTeam | undefined {
    return this.teamsById.get(id);
  }

  get teamCount(): number {
    return this.teamsById.size;
  }

  /**
   * Which team a source's name means. `fallbackCountry` is the competition's country, used when the source gives none.
   * Overrides and alias groups take part through addAliasGroup; a key that two alias groups in one country claim
   * for different clubs is ambiguous.
   */
  resolve(ref: TeamRef, fallbackCountry: string | null): TeamResolution {
    const country = ref.country ?? fallbackCountry;
    const key = teamNameKey(ref.name);
    const direct = this.teamsFor(key, country);
    if (direct.length === 1) return { kind: 'known', teamId: direct[0], newKeys: [] };
    if (direct.length > 1) return { kind: 'ambiguous', candidates: direct.map((id) => this.describe(id)) };

    const groups = this.groupsFor(key, country);
    const groupKeys = distinctClubs(groups);
    if (groupKeys.length > 1) {
      return { kind: 'ambiguous', candidates: groupKeys.map((g) => `${g.canonical} (${g.country ?? '?'})`) };
    }
    if (groupKeys.length === 1) {
      const allKeys = [...new Set(groups.flatMap((g) => [g.canonical, ...g.names].map(teamNameKey)))];
      const teamIds = new Set(allKeys.flatMap((k) => this.teamsFor(k, country)));
      if (teamIds.size > 1) {
        return { kind: 'ambiguous', candidates: [...teamIds].map((id) => this.describe(id)) };
      }
      const clubCountry = country ?? groupKeys[0].country;
      if (teamIds.size === 1) {
        const [teamId] = teamIds;
        return { kind: 'known', teamId, newKeys: allKeys.filter((k) => !this.teamsFor(k, clubCountry).includes(teamId)) };
      }
      return { kind: 'new', name: displayTeamName(ref.name), country: clubCountry, keys: allKeys };
    }
    return { kind: 'new', name: displayTeamName(ref.name), country, keys: [key] };
  }

  /** Teams whose names look like `text`, best first: exact key, then prefix, then containment. */
  search(text: string, limit = 20): TeamCandidate[] {
    const wanted = teamNameKey(text);
    const scores = new Map<number, number>();
    for (const [slot, ids] of this.teamKeys) {
      if (!slot.startsWith(`${ANY_COUNTRY}|`)) continue;
      const key = slot.slice(2);
      const score = key === wanted ? 1 : key.startsWith(wanted) ? 0.8 : key.includes(wanted) ? 0.6 : 0;
      if (score === 0) continue;
      for (const id of ids) scores.set(id, Math.max(scores.get(id) ?? 0, score));
    }
    return [...scores]
      .map(([teamId, score]) => ({ teamId, score, name: this.teamsById.get(teamId)!.name, country: this.teamsById.get(teamId)!.country }))
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, limit);
  }

  private teamsFor(key: string, country: string | null): number[] {
    return [...(this.teamKeys.get(`${country ?? ANY_COUNTRY}|${key}`) ?? [])];
  }

  private groupsFor(key: string, country: string | null): AliasGroup[] {
    return this.groupKeys.get(`${country ?? ANY_COUNTRY}|${key}`) ?? [];
  }

  private describe(id: number): string {
    const team = this.teamsById.get(id)!;
    return `${team.name} (${team.country ?? '?'})`;
  }
}

/**
 * Alias groups from several sources usually describe the same club; they are one club when their name keys overlap
 * beyond the key being resolved. Two groups sharing only that key (two `Sporting`s) are two clubs.
 */
function distinctClubs(groups: AliasGroup[]): AliasGroup[] {
  const clubs: { keys: Set<string>; group: AliasGroup }[] = [];
  for (const group of groups) {
    const keys = new Set([group.canonical, ...group.names].map(teamNameKey));
    const same = clubs.find(
      (c) => c.group.country === group.country && (c.keys.has(teamNameKey(group.canonical)) || keys.has(teamNameKey(c.group.canonical))),
    );
    if (same) for (const k of keys) same.keys.add(k);
    else clubs.push({ keys, group });
  }
  return clubs.map((c) => c.group);
}
