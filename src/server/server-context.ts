import { DEFAULT_MODEL_OPTIONS, type SavedModel } from '../forecast/match-model.js';
import { findTeam, searchTeams } from '../history/team-lookup.js';
import type { TeamCandidate, TeamDirectory } from '../identity/team-directory.js';
import type { Db } from '../store/database.js';
import { loadTeamDirectory } from '../store/team-store.js';
import { MatchdayError } from '../errors.js';
import { FixtureForecasts } from './fixture-forecasts.js';
import { LruCache } from './lru-cache.js';

export interface ServerOptions {
  /** Opened read-only: the server never writes. */
  db: Db;
  /** A model saved by `matchday fit --out` (see FixtureForecasts for when it answers). */
  savedModel?: SavedModel;
  /** Fitted models kept in memory. Default 32. */
  modelCacheSize?: number;
  /** Today as YYYY-MM-DD: the default fixture date. Tests fix it. */
  today?: () => string;
}

/**
 * What every request shares: the read-only database, the team directory loaded once (loading it takes half a
 * second), team look-ups and fitted models kept in memory. The database does not change under a running server
 * (it is opened read-only; re-start it after an import).
 */
export class ServerContext {
  readonly db: Db;
  readonly forecasts: FixtureForecasts;
  readonly today: () => string;
  private readonly directory: TeamDirectory;
  private readonly teams = new LruCache<string, TeamCandidate>(5000);

  constructor(options: ServerOptions) {
    if (!options.db.readonly) {
      throw new MatchdayError('DB_NOT_READONLY', 'the server opens its database read-only', { file: options.db.name });
    }
    this.db = options.db;
    this.today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    this.directory = loadTeamDirectory(options.db);
    this.forecasts = new FixtureForecasts(
      options.db,
      options.savedModel ?? null,
      DEFAULT_MODEL_OPTIONS,
      options.modelCacheSize ?? 32,
    );
  }

  /** The one team a name means (throws MatchdayError UNKNOWN_TEAM / AMBIGUOUS_TEAM as findTeam does). */
  findTeam(query: string): TeamCandidate {
    return this.teams.getOrCreate(query, () => findTeam(this.db, query, this.directory));
  }

  searchTeams(query: string, limit = 20): TeamCandidate[] {
    return searchTeams(this.db, query, limit, this.directory);
  }
}
