import { MatchdayError } from '../errors.js';
import type { TeamRef } from '../ingest/records.js';
import { TeamDirectory, type AliasGroup, type KnownTeam } from '../identity/team-directory.js';
import { TeamNames } from '../identity/team-names.js';
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
 * The teams and their name keys without the alias knowledge: all that finding a team by name reads, at a fraction
 * of the directory's load — a preview resolves two names.
 */
export function loadTeamNames(db: Db): TeamNames {
  const names = new TeamNames();
  forEachTeam(db, (team, keys) => names.add(team, keys));
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
  const keys = new Map<number, string[]>();
  for (const { team_id, key } of db.prepare('SELECT team_id, key FROM team_aliases').all() as {
    team_id: number;
    key: string;
  }[]) {
    const list = keys.get(team_id);
    if (list) list.push(key);
    else keys.set(team_id, [key]);
  }
  for (const team of db.prepare('SELECT id, name, country FROM teams').all() as KnownTeam[]) {
    add(team, keys.get(team.id) ?? []);
  }
}
