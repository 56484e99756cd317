import type { FixtureModel } from '../forecast/fixture-forecast.js';
import { findTeam, searchTeams } from '../history/team-lookup.js';
import type { TeamCandidate, TeamDirectory } from '../identity/team-directory.js';
import { dataVersion, type Db } from '../store/database.js';
import { loadTeamDirectory } from '../store/team-store.js';
import { MatchdayError } from '../errors.js';
import type { Dossier } from '../preview/dossier.js';
import { ClosestTeams, type ClosestTeam } from './closest-teams.js';
import { FixtureForecasts } from './fixture-forecasts.js';
import { LruCache } from './lru-cache.js';
import { BracketForecasts } from './bracket-forecasts.js';
import { MatchPreviews } from './match-previews.js';
import { TiePricer } from '../knockout/tie-pricer.js';
import { TieOutlooks } from './tie-outlook.js';

export interface ServerOptions {
  /** Opened read-only: the server never writes. */
  db: Db;
  /** A model saved by `matchday fit --out` (see FixtureForecasts for when it answers). */
  savedModel?: FixtureModel;
  /** Fitted models kept in memory. Default 32. */
  modelCacheSize?: number;
  /** Dossiers (team news, line-ups, venue, quotes) for the previews of their fixtures. */
  dossiers?: Dossier[];
  /** Today as YYYY-MM-DD: the default fixture date. Tests fix it. */
  today?: () => string;
}

/**
 * What every request shares: the read-only database, the team directory (loading it takes half a second), team
 * look-ups, fitted models and every other cache. When another process commits to the database (an import, a sync),
 * the next request finds its data_version changed and everything derived from the database is built again: the
 * server sees new teams and matches without a restart.
 */
export class ServerContext {
  readonly db: Db;
  readonly dossiers: readonly Dossier[];
  readonly today: () => string;
  private readonly options: ServerOptions;
  private version: number;
  private state: DerivedState;
  /** Caches pages keep (server.cache): emptied with the rest when the database changes. */
  private readonly caches: LruCache<unknown, unknown>[] = [];

  constructor(options: ServerOptions) {
    if (!options.db.readonly) {
      throw new MatchdayError('DB_NOT_READONLY', 'the server opens its database read-only', { file: options.db.name });
    }
    this.db = options.db;
    this.options = options;
    this.today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    this.dossiers = options.dossiers ?? [];
    this.version = dataVersion(this.db);
    this.state = this.derive();
  }

  get forecasts(): FixtureForecasts {
    return this.state.forecasts;
  }

  get ties(): TieOutlooks {
    return this.state.ties;
  }

  get previews(): MatchPreviews {
    return this.state.previews;
  }

  get brackets(): BracketForecasts {
    return this.state.brackets;
  }

  /** Builds everything derived from the database again when another process has committed since; true if so. */
  refreshIfChanged(): boolean {
    const version = dataVersion(this.db);
    if (version === this.version) return false;
    this.version = version;
    this.state = this.derive();
    for (const cache of this.caches) cache.clear();
    return true;
  }

  /** A cache of at most `capacity` entries that the server empties when the database changes. */
  cache<K, V>(capacity: number): LruCache<K, V> {
    const cache = new LruCache<K, V>(capacity);
    this.caches.push(cache as LruCache<unknown, unknown>);
    return cache;
  }

  /** The one team a name means (throws MatchdayError UNKNOWN_TEAM / AMBIGUOUS_TEAM as findTeam does). */
  findTeam(query: string): TeamCandidate {
    const { teams, directory } = this.state;
    return teams.getOrCreate(query, () => findTeam(this.db, query, directory));
  }

  searchTeams(query: string, limit = 20): TeamCandidate[] {
    return searchTeams(this.db, query, limit, this.state.directory);
  }

  /** Team names spelt nearest to a name that finds nothing (`Liverpol` → Liverpool). */
  nearestSpellings(query: string, count: number): ClosestTeam[] {
    return this.state.closest.find(query, count);
  }

  private derive(): DerivedState {
    const { db, savedModel, modelCacheSize } = this.options;
    const directory = loadTeamDirectory(db);
    const teams = new LruCache<string, TeamCandidate>(5000);
    const find = (query: string) => teams.getOrCreate(query, () => findTeam(db, query, directory));
    // One pricer for every tie and bracket the server shows, as `matchday tie` and the preview price them.
    const pricer = new TiePricer(db);
    return {
      directory,
      teams,
      closest: new ClosestTeams(db),
      ties: new TieOutlooks(db, pricer),
      brackets: new BracketForecasts(db, pricer),
      previews: new MatchPreviews(
        db,
        this.dossiers.map((dossier) => ({
          dossier,
          homeId: find(dossier.fixture.home).teamId,
          awayId: find(dossier.fixture.away).teamId,
        })),
      ),
      forecasts: new FixtureForecasts(db, savedModel ?? null, modelCacheSize ?? 32),
    };
  }
}

/** Everything the server derives from the database, built again when it changes. */
interface DerivedState {
  directory: TeamDirectory;
  teams: LruCache<string, TeamCandidate>;
  closest: ClosestTeams;
  ties: TieOutlooks;
  brackets: BracketForecasts;
  previews: MatchPreviews;
  forecasts: FixtureForecasts;
}
