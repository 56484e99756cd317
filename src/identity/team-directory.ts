import type { TeamRef } from '../ingest/records.js';
import { displayTeamName, identityCountry, teamKeys, transliterationKey } from './team-name-key.js';
import { TeamNames } from './team-names.js';

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
  | { kind: 'ambiguous'; candidates: string[]; teamIds: number[] };

export interface TeamCandidate {
  teamId: number;
  name: string;
  country: string | null;
  /** 1 for an exact key match, lower for partial matches. */
  score: number;
}

const ANY_COUNTRY = '*';

/** One club as the alias groups describe it: groups from several sources united by a shared strict name. */
interface Club {
  country: string | null;
  /** Strict keys of the groups' canonical names. */
  canonicals: Set<string>;
  keys: Set<string>;
  /** Named by an alias override file: its claims win over the club lists'. */
  override: boolean;
}

/** The `source` of alias groups from override files. */
export const OVERRIDE_SOURCE = 'alias-overrides';

/**
 * In-memory index of teams and alias knowledge. A name resolves by its strict key, then its loose key
 * (team-name-key.ts), within its country: to a team only when exactly one team (or one club of the alias groups)
 * claims it; otherwise it is ambiguous and the caller must report it rather than guess.
 * When neither key is known, the keys' transliterations (`Muenchen` = `München`) are tried, and taken only when
 * they lead to exactly one team or club: a fallback that merges what is unmistakable and otherwise changes nothing
 * (a new team, as before), so it can neither take a name from a team its own keys found nor make a name ambiguous.
 * Pure: store/ loads it and persists what it decides.
 */
export class TeamDirectory {
  private readonly teamsById = new Map<number, KnownTeam>();
  /** `${country}|${key}` → team ids claiming that key. */
  private readonly teamKeys = new Map<string, Set<number>>();
  private readonly clubs: Club[] = [];
  /** `${country}|${key}` → clubs naming that key. */
  private readonly clubKeys = new Map<string, Set<Club>>();
  /** The same two indexes by the keys' transliterations. */
  private readonly teamTransliterations = new Map<string, Set<number>>();
  private readonly clubTransliterations = new Map<string, Set<Club>>();
  /** What `search` reads: the teams' keys alone. */
  private readonly names = new TeamNames();

  addTeam(team: KnownTeam, keys: Iterable<string>): void {
    this.teamsById.set(team.id, team);
    this.names.add(team, []);
    for (const key of keys) this.addTeamKey(team.id, key);
  }

  addTeamKey(teamId: number, key: string): void {
    const team = this.teamsById.get(teamId);
    if (!team) throw new Error(`team ${teamId} is not in the directory`);
    this.names.addKey(teamId, key);
    for (const s of slots(team.country, key)) addTo(this.teamKeys, s, teamId);
    for (const s of slots(team.country, transliterationKey(key))) addTo(this.teamTransliterations, s, teamId);
  }

  addAliasGroup(group: AliasGroup): void {
    const names = [group.canonical, ...group.names];
    const country = identityCountry(group.country);
    const strict = names.map((n) => teamKeys(n)[0]);
    const canonical = strict[0];
    // Groups from several sources describe one club when one's canonical name is a name of the other
    // (`Atalanta` and `Atalanta Bergamo | Atalanta`); two clubs that merely share a nickname stay apart.
    const same = this.clubs.filter(
      (c) => c.country === country && (c.keys.has(canonical) || strict.some((k) => c.canonicals.has(k))),
    );
    const club = same[0] ?? { country, canonicals: new Set<string>(), keys: new Set<string>(), override: false };
    if (same.length === 0) this.clubs.push(club);
    for (const other of same.slice(1)) this.mergeClub(club, other);
    club.canonicals.add(canonical);
    club.override ||= group.source === OVERRIDE_SOURCE;
    for (const key of names.flatMap(teamKeys)) this.addClubKey(club, key);
  }

  private addClubKey(club: Club, key: string): void {
    club.keys.add(key);
    for (const s of slots(club.country, key)) addTo(this.clubKeys, s, club);
    for (const s of slots(club.country, transliterationKey(key))) addTo(this.clubTransliterations, s, club);
  }

  /** A group that names two known clubs shows they are one: fold `other` into `club`. */
  private mergeClub(club: Club, other: Club): void {
    for (const key of other.keys) {
      for (const s of slots(other.country, key)) this.clubKeys.get(s)?.delete(other);
      for (const s of slots(other.country, transliterationKey(key))) this.clubTransliterations.get(s)?.delete(other);
      this.addClubKey(club, key);
    }
    for (const c of other.canonicals) club.canonicals.add(c);
    club.override ||= other.override;
    this.clubs.splice(this.clubs.indexOf(other), 1);
  }

  /** Clubs claiming a key; an override file's claim beats the club lists'. */
  private clubsFor(key: string, country: string | null): Club[] {
    const clubs = [...(this.clubKeys.get(slot(country, key)) ?? [])];
    const overrides = clubs.filter((c) => c.override);
    return overrides.length === 1 ? overrides : clubs;
  }

  team(id: number): KnownTeam | undefined {
    return this.teamsById.get(id);
  }

  /**
   * Which team a source's name means. `fallbackCountry` is the competition's country, used when the source gives none.
   */
  resolve(ref: TeamRef, fallbackCountry: string | null): TeamResolution {
    const country = identityCountry(ref.country ?? fallbackCountry);
    const refKeys = teamKeys(ref.name);
    for (const key of refKeys) {
      const direct = this.teamsFor(key, country);
      if (direct.length === 1)
        return { kind: 'known', teamId: direct[0], newKeys: this.missingKeys(direct[0], refKeys, country) };
      if (direct.length > 1) return this.ambiguous(direct);

      const clubs = this.clubsFor(key, country);
      if (clubs.length > 1) {
        return {
          kind: 'ambiguous',
          candidates: clubs.map((c) => `${[...c.canonicals][0].slice(1)} (${c.country ?? '?'})`),
          teamIds: [],
        };
      }
      if (clubs.length === 1) return this.resolveClub(clubs[0], ref, refKeys, fallbackCountry);
    }
    for (const key of refKeys.map(transliterationKey)) {
      const teams = [...(this.teamTransliterations.get(slot(country, key)) ?? [])];
      if (teams.length === 1)
        return { kind: 'known', teamId: teams[0], newKeys: this.missingKeys(teams[0], refKeys, country) };
      const clubs = [...(this.clubTransliterations.get(slot(country, key)) ?? [])];
      if (teams.length === 0 && clubs.length === 1) return this.resolveClub(clubs[0], ref, refKeys, fallbackCountry);
    }
    return { kind: 'new', name: displayTeamName(ref.name), country: ref.country ?? fallbackCountry, keys: refKeys };
  }

  /** The team of the one club a name belongs to, or a new team carrying the club's names. */
  private resolveClub(club: Club, ref: TeamRef, refKeys: string[], fallbackCountry: string | null): TeamResolution {
    // The club was found under the name's country, so its country is that one (or any, for a name without one).
    const country = club.country;
    // Keys another club also claims would pull the wrong names onto this team.
    const ownKeys = [...club.keys].filter((k) => {
      const claims = this.clubsFor(k, country);
      return claims.length === 1 && claims[0] === club;
    });
    const allKeys = [...new Set([...refKeys, ...ownKeys])];
    const teamIds = [...new Set(ownKeys.flatMap((k) => this.teamsFor(k, country)))];
    if (teamIds.length > 1) return this.ambiguous(teamIds);
    if (teamIds.length === 1)
      return { kind: 'known', teamId: teamIds[0], newKeys: this.missingKeys(teamIds[0], allKeys, country) };
    return {
      kind: 'new',
      name: displayTeamName(ref.name),
      country: ref.country ?? fallbackCountry ?? club.country,
      keys: allKeys,
    };
  }

  /** Teams whose names look like `text` (transliterations alike), best first: exact key, then prefix, then containment. */
  search(text: string, limit = 20): TeamCandidate[] {
    return this.names.search(text, limit);
  }

  private teamsFor(key: string, country: string | null): number[] {
    return [...(this.teamKeys.get(slot(country, key)) ?? [])];
  }

  private missingKeys(teamId: number, keys: string[], country: string | null): string[] {
    return keys.filter((k) => !this.teamsFor(k, country).includes(teamId));
  }

  private ambiguous(teamIds: number[]): TeamResolution {
    return {
      kind: 'ambiguous',
      teamIds,
      candidates: teamIds.map((id) => {
        const team = this.teamsById.get(id)!;
        return `${team.name} (${team.country ?? '?'})`;
      }),
    };
  }
}

function slot(country: string | null, key: string): string {
  return `${country ?? ANY_COUNTRY}|${key}`;
}

function addTo<T>(index: Map<string, Set<T>>, slot: string, value: T): void {
  let values = index.get(slot);
  if (!values) index.set(slot, (values = new Set()));
  values.add(value);
}

/** A key is findable under its country and under "any country" (for sources that give none). */
function slots(country: string | null, key: string): string[] {
  const own = identityCountry(country);
  return own ? [slot(own, key), slot(null, key)] : [slot(null, key)];
}
