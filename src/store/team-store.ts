import { MatchdayError } from '../errors.js';
import type { TeamRef } from '../ingest/records.js';
import { TeamDirectory, type AliasGroup, type KnownTeam } from '../identity/team-directory.js';
import { searchKey, TeamNames } from '../identity/team-names.js';
import type { Db } from './database.js';

/** Where a name was met: used to tell apart same-named teams when the source gives no country. */
export interface MatchContext {
  competitionCode: string;
  date: string;
}

const NEARBY_YEARS = 6;

/**
 * Teams and their aliases: loads the directory identity/ decides with, and persists its decisions.
 * Statements are prepared once; the directory is kept in memory for the whole import.
 */
export class TeamStore {
  readonly directory: TeamDirectory;
  private readonly insertTeam;
  private readonly insertKey;
  private readonly insertGroup;
  private readonly playedIn;
  private readonly resolved = new Map<string, number>();

  constructor(private readonly db: Db) {
    this.insertTeam = db.prepare('INSERT INTO teams (name, country) VALUES (?, ?)');
    this.insertKey = db.prepare('INSERT OR IGNORE INTO team_aliases (team_id, key) VALUES (?, ?)');
    this.insertGroup = db.prepare(
      'INSERT OR IGNORE INTO alias_groups (source, canonical, country, names) VALUES (?, ?, ?, ?)',
    );
    this.playedIn = db.prepare(`SELECT 1 FROM competitions c WHERE c.code = ? AND (
        EXISTS (SELECT 1 FROM matches m WHERE m.home_team_id = ? AND m.competition_id = c.id AND m.date BETWEEN ? AND ?) OR
        EXISTS (SELECT 1 FROM matches m WHERE m.away_team_id = ? AND m.competition_id = c.id AND m.date BETWEEN ? AND ?))`);
    this.directory = loadTeamDirectory(db);
  }

  /** Records alias knowledge; returns how many groups were new. */
  addAliasGroups(groups: AliasGroup[]): number {
    let added = 0;
    for (const group of groups) {
      const result = this.insertGroup.run(group.source, group.canonical, group.country, JSON.stringify(group.names));
      if (result.changes > 0) {
        this.directory.addAliasGroup(group);
        this.resolved.clear();
        added++;
      }
    }
    return added;
  }

  /**
   * The team id for a source's name, creating the team on first sight.
   * A name without a country that several teams share (old European Cup files write `Rangers FC`) resolves among
   * the teams that played this competition within a few years of the match; if that still leaves several, it throws
   * MatchdayError 'AMBIGUOUS_TEAM' naming the candidates rather than merging with the wrong club.
   */
  resolve(ref: TeamRef, fallbackCountry: string | null, context?: MatchContext): { teamId: number; created: boolean } {
    // The same spelling comes back on every row of a file: remember what it resolved to (not for context-dependent names).
    const memoKey = `${ref.country ?? fallbackCountry ?? ''}|${ref.name}`;
    const remembered = this.resolved.get(memoKey);
    if (remembered !== undefined) return { teamId: remembered, created: false };
    const result = this.resolveUncached(ref, fallbackCountry, context);
    if (ref.country !== null || fallbackCountry !== null) this.resolved.set(memoKey, result.teamId);
    return result;
  }

  private resolveUncached(
    ref: TeamRef,
    fallbackCountry: string | null,
    context?: MatchContext,
  ): { teamId: number; created: boolean } {
    let resolution = this.directory.resolve(ref, fallbackCountry);
    if (resolution.kind === 'ambiguous' && ref.country === null && context && resolution.teamIds.length > 0) {
      const played = resolution.teamIds.filter((id) => this.playedNearby(id, context));
      if (played.length === 1) resolution = { kind: 'known', teamId: played[0], newKeys: [] };
    }
    switch (resolution.kind) {
      case 'known':
        for (const key of resolution.newKeys) {
          this.insertKey.run(resolution.teamId, key);
          this.directory.addTeamKey(resolution.teamId, key);
        }
        return { teamId: resolution.teamId, created: false };
      case 'new': {
        const teamId = Number(this.insertTeam.run(resolution.name, resolution.country).lastInsertRowid);
        for (const key of resolution.keys) this.insertKey.run(teamId, key);
        this.directory.addTeam({ id: teamId, name: resolution.name, country: resolution.country }, resolution.keys);
        return { teamId, created: true };
      }
      case 'ambiguous':
        throw new MatchdayError(
          'AMBIGUOUS_TEAM',
          `ambiguous team name: could be ${resolution.candidates.join(' or ')}; add an alias override`,
          { team: ref.name },
        );
    }
  }

  private playedNearby(teamId: number, context: MatchContext): boolean {
    const year = Number(context.date.slice(0, 4));
    const from = `${year - NEARBY_YEARS}${context.date.slice(4)}`;
    const to = `${year + NEARBY_YEARS}${context.date.slice(4)}`;
    return this.playedIn.get(context.competitionCode, teamId, from, to, teamId, from, to) !== undefined;
  }

  /**
   * Forgets in-memory state written by a transaction that rolled back, by reloading from the database.
   * Cheap compared with an import, and keeps the directory the single source of truth for resolution.
   */
  static reload(db: Db): TeamStore {
    return new TeamStore(db);
  }
}

/** All teams, their name keys and the alias knowledge, read into memory (read-only use too). */
export function loadTeamDirectory(db: Db): TeamDirectory {
  const directory = new TeamDirectory();
  addAliasGroups(db, directory);
  forEachTeam(db, (team, keys) => directory.addTeam(team, keys));
  return directory;
}

/**
 * The teams and their name keys without the alias knowledge: all that finding a team by name reads. Given the texts
 * a command will search for, only the keys those searches can find, and their teams: a search matches a key whose
 * spelling equals, starts with or contains the text's search key, and a spelling only drops letters from its key, so
 * the search key's letters appear in that order in every key it can match. Resolving a fixture's two names then
 * reads a few dozen of the 12,000 keys; the searches answer the same.
 */
export function loadTeamNames(db: Db, searches?: readonly string[]): TeamNames {
  const names = new TeamNames();
  if (searches === undefined) {
    forEachTeam(db, (team, keys) => names.add(team, keys));
    return names;
  }
  // Keys are lower-case letters, digits and spaces (team-name-key), so no character of a pattern needs escaping.
  const patterns = searches.map((text) => `%${[...searchKey(text)].join('%')}%`);
  if (patterns.length === 0) return names;
  const keys = keysByTeam(
    db
      .prepare(`SELECT team_id, key FROM team_aliases WHERE ${patterns.map(() => 'key LIKE ?').join(' OR ')}`)
      .raw()
      .all(...patterns) as [number, string][],
  );
  const teams = db
    .prepare('SELECT id, name, country FROM teams WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...keys.keys()])) as KnownTeam[];
  for (const team of teams) names.add(team, keys.get(team.id)!);
  return names;
}

function addAliasGroups(db: Db, directory: TeamDirectory): void {
  for (const row of db.prepare('SELECT source, canonical, country, names FROM alias_groups').all() as {
    source: string;
    canonical: string;
    country: string | null;
    names: string;
  }[]) {
    directory.addAliasGroup({ ...row, names: JSON.parse(row.names) as string[] });
  }
}

function forEachTeam(db: Db, add: (team: KnownTeam, keys: string[]) => void): void {
  const keys = keysByTeam(db.prepare('SELECT team_id, key FROM team_aliases').raw().all() as [number, string][]);
  for (const team of db.prepare('SELECT id, name, country FROM teams').all() as KnownTeam[]) {
    add(team, keys.get(team.id) ?? []);
  }
}

function keysByTeam(rows: readonly [teamId: number, key: string][]): Map<number, string[]> {
  const keys = new Map<number, string[]>();
  for (const [teamId, key] of rows) {
    const list = keys.get(teamId);
    if (list) list.push(key);
    else keys.set(teamId, [key]);
  }
  return keys;
}
