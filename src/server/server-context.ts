import type { FixtureModel } from '../forecast/fixture-forecast.js';
import { findTeam, searchTeams } from '../history/team-lookup.js';
import type { TeamCandidate, TeamDirectory } from '../identity/team-directory.js';
import { dataVersion, type Db } from '../store/database.js';
import { loadTeamDirectory } from '../store/team-store.js';
import { MatchdayError } from '../errors.js';
import type { Dossier } from '../preview/dossier.js';
import { ClosestTeams, type ClosestTeam } from './closest-teams.js';
import { availableParallelism } from 'node:os';
import { ByteBudget, type SizedCache } from './byte-budget.js';
import { DatabaseWork, InlineRunner, type JobRunner } from './database-work.js';
import { FixtureForecasts } from './fixture-forecasts.js';
import { LruCache } from './lru-cache.js';
import { ServerWork } from './server-work.js';
import { WorkerPool } from './worker-pool.js';
import { TiePricer } from '../knockout/tie-pricer.js';
import { TieOutlooks } from './tie-outlook.js';

export interface ServerOptions {
  /** Opened read-only: the server never writes. */
  db: Db;
  /** A model saved by `matchday fit --out` (see FixtureForecasts for when it answers). */
  savedModel?: FixtureModel;
  /**
   * Memory for caches, in bytes (`serve --cache-mb`; default 256 MB): rendered pages, encoded responses, previews
   * and brackets share three quarters of it, least recently used first out; the fitted models each worker keeps,
   * the rest (at MODEL_BYTES a model).
   */
  cacheBytes?: number;
  /** Dossiers (team news, line-ups, venue, quotes) for the previews of their fixtures. */
  dossiers?: Dossier[];
  /** Today as YYYY-MM-DD: the default fixture date. Tests fix it. */
  today?: () => string;
  /**
   * Worker threads for model fits, brackets, tie second legs, previews and team pages. Default: one per CPU but one (at least one) when this
   * module is compiled; 0 (everything on the server's thread) when it runs as TypeScript source, where a worker
   * cannot load the `.ts` worker file.
   */
  workers?: number;
  /** The compiled worker script. Default: `server-worker.js` beside this module. */
  workerScript?: URL;
  /** Longest a request waits for its answer, in milliseconds (default 30 s); then a 503 asks to try again. */
  requestBudgetMs?: number;
}

export const DEFAULT_REQUEST_BUDGET_MS = 30_000;

export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;
/**
 * A fitted forecaster's memory, estimated: the heap grew by about 2 MB a forecaster fitted on five leagues' and
 * the European competitions' history (its teams, ratings, members' parameters, fixture set-ups).
 */
export const MODEL_BYTES = 2 * 1024 * 1024;

/**
 * What every request shares: the read-only database, the team directory (loading it takes half a second), team
 * look-ups, the caches in one byte budget, and the worker threads that do the heavy work. When another process
 * commits to the database (an import, a sync), the next request finds its data_version changed and everything
 * derived from the database is built again (the workers notice it themselves): the server sees new teams and matches
 * without a restart.
 */
export class ServerContext {
  readonly db: Db;
  readonly dossiers: readonly Dossier[];
  readonly today: () => string;
  /** Model fits, brackets and previews: on worker threads, shared while in flight, kept. */
  readonly work: ServerWork;
  private readonly options: ServerOptions;
  private dataVersion: number;
  private state: DerivedState;
  private readonly budget: ByteBudget;
  /** Caches of the budget (server.cache): emptied with the rest when the database changes. */
  private readonly caches: SizedCache<unknown, unknown>[] = [];

  constructor(options: ServerOptions) {
    if (!options.db.readonly) {
      throw new MatchdayError('DB_NOT_READONLY', 'the server opens its database read-only', { file: options.db.name });
    }
    this.db = options.db;
    this.options = options;
    this.today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    this.dossiers = options.dossiers ?? [];
    const cacheBytes = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
    if (!(Number.isFinite(cacheBytes) && cacheBytes >= 1024 * 1024)) {
      throw new MatchdayError('BAD_OPTION', `cache size ${cacheBytes} bytes: give at least 1 MB`, {
        field: 'cacheBytes',
      });
    }
    this.budget = new ByteBudget(Math.floor(cacheBytes * 0.75));
    this.dataVersion = dataVersion(this.db);
    this.state = this.derive();
    const saved = options.savedModel ? new FixtureForecasts(this.db, options.savedModel, 1) : null;
    this.work = new ServerWork(this.runner(cacheBytes * 0.25), this, saved);
  }

  /** Longest a request waits for its answer, in milliseconds. */
  get requestBudgetMs(): number {
    return this.options.requestBudgetMs ?? DEFAULT_REQUEST_BUDGET_MS;
  }

  /** Ties as /api/tie prices them (the match page's second legs are priced on the workers). */
  get ties(): TieOutlooks {
    return this.state.ties;
  }

  /** The database's data_version as last seen: it changes when another process commits. */
  get version(): number {
    return this.dataVersion;
  }

  /** Bytes held by the server's caches (pages, responses, previews, brackets). */
  get cachedBytes(): number {
    return this.budget.usedBytes;
  }

  /** Builds everything derived from the database again when another process has committed since; true if so. */
  refreshIfChanged(): boolean {
    const version = dataVersion(this.db);
    if (version === this.dataVersion) return false;
    this.dataVersion = version;
    this.state = this.derive();
    for (const cache of this.caches) cache.clear();
    return true;
  }

  /**
   * A cache in the server's byte budget (an entry costs `sizeOf(value)` bytes), emptied when the database changes.
   */
  cache<K, V>(sizeOf: (value: V) => number): SizedCache<K, V> {
    const cache = this.budget.cache<K, V>(sizeOf);
    this.caches.push(cache as SizedCache<unknown, unknown>);
    return cache;
  }

  /** Stops the worker threads. */
  close(): Promise<void> {
    return this.work.close();
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

  /** Worker threads, or this thread from TypeScript source; each keeps as many fitted models as its share allows. */
  private runner(modelBytes: number): JobRunner {
    const { workerScript } = this.options;
    const compiled = import.meta.url.endsWith('.js') || workerScript !== undefined;
    const workers = this.options.workers ?? (compiled ? Math.max(1, availableParallelism() - 1) : 0);
    const modelCacheSize = Math.max(1, Math.floor(modelBytes / Math.max(1, workers) / MODEL_BYTES));
    if (workers === 0) {
      return new InlineRunner(new DatabaseWork(this.db, { dossiers: this.dossiers, modelCacheSize }));
    }
    return new WorkerPool(
      workerScript ?? new URL('./server-worker.js', import.meta.url),
      { file: this.db.name, dossiers: this.dossiers, modelCacheSize },
      workers,
    );
  }

  private derive(): DerivedState {
    const { db } = this;
    const directory = loadTeamDirectory(db);
    return {
      directory,
      teams: new LruCache<string, TeamCandidate>(5000),
      closest: new ClosestTeams(db),
      ties: new TieOutlooks(db, new TiePricer(db)),
    };
  }
}

/** Everything the server derives from the database, built again when it changes. */
interface DerivedState {
  directory: TeamDirectory;
  teams: LruCache<string, TeamCandidate>;
  closest: ClosestTeams;
  ties: TieOutlooks;
}
