import type { FixtureModel } from '../forecast/fixture-forecast.js';
import { findTeam, searchTeams } from '../history/team-lookup.js';
import type { TeamCandidate, TeamDirectory } from '../identity/team-directory.js';
import type { Db } from '../store/database.js';
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
 * What every request shares: the read-only database, the team directory loaded once (loading it takes half a
 * second), team look-ups and fitted models kept in memory. The database does not change under a running server
 * (it is opened read-only; re-start it after an import).
 */
export class ServerContext {
  readonly db: Db;
  readonly forecasts: FixtureForecasts;
  readonly ties: TieOutlooks;
  readonly previews: MatchPreviews;
  readonly brackets: BracketForecasts;
  readonly dossiers: readonly Dossier[];
  readonly today: () => string;
  private readonly directory: TeamDirectory;
  private readonly teams = new LruCache<string, TeamCandidate>(5000);
  private readonly closest: ClosestTeams;

  constructor(options: ServerOptions) {
    if (!options.db.readonly) {
      throw new MatchdayError('DB_NOT_READONLY', 'the server opens its database read-only', { file: options.db.name });
    }
    this.db = options.db;
    this.today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    this.directory = loadTeamDirectory(options.db);
    this.closest = new ClosestTeams(options.db);
    this.dossiers = options.dossiers ?? [];
    // One pricer for every tie and bracket the server shows, as `matchday tie` and the preview price them.
    const pricer = new TiePricer(options.db);
    this.ties = new TieOutlooks(options.db, pricer);
    this.brackets = new BracketForecasts(options.db, pricer);
    this.previews = new MatchPreviews(
      options.db,
      (options.dossiers ?? []).map((dossier) => ({
        dossier,
        homeId: this.findTeam(dossier.fixture.home).teamId,
        awayId: this.findTeam(dossier.fixture.away).teamId,
      })),
    );
    this.forecasts = new FixtureForecasts(options.db, options.savedModel ?? null, options.modelCacheSize ?? 32);
  }

  /** The one team a name means (throws MatchdayError UNKNOWN_TEAM / AMBIGUOUS_TEAM as findTeam does). */
  findTeam(query: string): TeamCandidate {
    return this.teams.getOrCreate(query, () => findTeam(this.db, query, this.directory));
  }

  searchTeams(query: string, limit = 20): TeamCandidate[] {
    return searchTeams(this.db, query, limit, this.directory);
  }

  /** Team names spelt nearest to a name that finds nothing (`Liverpol` → Liverpool). */
  nearestSpellings(query: string, count: number): ClosestTeam[] {
    return this.closest.find(query, count);
  }
}
