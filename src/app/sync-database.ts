/**
 * `matchday sync`: fetch the public files of the competitions and seasons asked for into the cache (only what changed,
 * see sync/http-download.ts), import them, and store the forecasts of each synced competition's next round so that
 * they can be shown beside the results when those arrive.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Competition } from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';
import { competitionsWithMatches, registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import { importPaths, type FileReport, type ImportSummary } from '../store/import-files.js';
import { CacheIndex } from '../sync/cache-index.js';
import { splitFixtures } from '../sync/fixtures-split.js';
import { Downloader, writeAtomically, type DownloadOptions } from '../sync/http-download.js';
import { mirrorUrl } from '../sync/mirror.js';
import { planSourceFiles, type SourceFile, type SourceName } from '../sync/source-plan.js';
import { forecastFixtures, selectFixtures } from './upcoming-fixtures.js';

export interface SyncRequest {
  /** Competition codes; empty = every competition the database has matches of that the registry has a source for. */
  competitions: readonly string[];
  seasons: readonly string[];
  sources: readonly SourceName[];
  dryRun: boolean;
  /** Serve every source URL from this scheme and host instead (the path is kept). */
  mirror: string | null;
  cacheDir: string;
  today: string;
  /** `made_at` of the forecasts stored. */
  madeAt: string;
  download?: Partial<DownloadOptions>;
  onProgress?: (done: number, total: number, item: string) => void;
}

export type SyncStatus = 'downloaded' | 'not-modified' | 'missing' | 'failed' | 'planned';

export interface SyncedFile {
  url: string;
  /** The URL requested (a mirror's, or the source's own). */
  requested: string;
  /** The file in the cache. */
  file: string;
  source: SourceName;
  role: SourceFile['role'];
  competitions: string[];
  season: string | null;
  status: SyncStatus;
  /** Bytes downloaded (0 when nothing was transferred). */
  bytes: number;
  attempts: number;
  error: string | null;
  matchesAdded: number;
  /** Stored matches the file filled in (a result for a fixture, a new date, odds) or moved. */
  matchesUpdated: number;
  /** Why the import rejected the file, if it did. */
  importError: string | null;
}

export interface SyncReport {
  files: SyncedFile[];
  /** Set when no request reached any server: nothing was imported. */
  offline: string | null;
  imported: ImportSummary['totals'] | null;
  /** Fixtures of the synced competitions' next rounds, and how many of their forecasts were stored. */
  fixtures: number;
  forecastsStored: number;
}

export async function syncDatabase(db: Db, request: SyncRequest): Promise<SyncReport> {
  const registry = registryOf(db);
  const competitions = chosenCompetitions(db, registry, request);
  const plan = planSourceFiles(registry, {
    competitions,
    seasons: request.seasons,
    sources: request.sources,
    today: request.today,
  });
  const cache = new CacheIndex(request.cacheDir);
  const files: SyncedFile[] = plan.map((file) => ({
    ...file,
    requested: mirrorUrl(file.url, request.mirror),
    file: cache.pathOf(file.url),
    status: 'planned',
    bytes: 0,
    attempts: 0,
    error: null,
    matchesAdded: 0,
    matchesUpdated: 0,
    importError: null,
  }));
  const report: SyncReport = { files, offline: null, imported: null, fixtures: 0, forecastsStored: 0 };
  if (request.dryRun) return report;

  const downloader = new Downloader(request.download);
  let reachedAServer = false;
  for (const [index, file] of files.entries()) {
    request.onProgress?.(index, files.length + 1, file.requested);
    const result = await downloader.download(file.requested, file.file, cache.validatorsFor(file.url, file.requested));
    file.status = result.status;
    file.attempts = result.attempts;
    reachedAServer ||= result.status !== 'failed' || !result.unreachable;
    if (result.status === 'downloaded') {
      file.bytes = result.bytes;
      cache.record(file.url, {
        fetchedFrom: file.requested,
        ...result.validators,
        bytes: result.bytes,
        downloadedAt: new Date().toISOString(),
      });
    } else if (result.status === 'failed') file.error = result.error;
  }
  if (files.length > 0 && !reachedAServer) {
    // Offline: nothing new can come in; the database is left exactly as it was.
    report.offline = files[0].error;
    return report;
  }

  request.onProgress?.(files.length, files.length + 1, 'importing');
  const toImport = new Map<SyncedFile, string[]>(files.map((f) => [f, importFilesOf(f, registry, request.cacheDir)]));
  const summary = importPaths(db, [...toImport.values()].flat());
  const byPath = new Map(summary.files.map((r) => [r.file, r]));
  for (const [file, paths] of toImport) {
    const reports = paths.map((p) => byPath.get(p)).filter((r): r is FileReport => r !== undefined);
    file.matchesAdded = reports.reduce((n, r) => n + r.added, 0);
    file.matchesUpdated = reports.reduce((n, r) => n + r.enriched, 0);
    file.importError = reports.find((r) => r.error !== null && r.status === 'rejected')?.error ?? null;
  }
  report.imported = summary.totals;

  const fixtures = selectFixtures(db, { competitions: competitions.map((c) => c.code), today: request.today });
  const forecasts = forecastFixtures(db, fixtures, { madeAt: request.madeAt });
  report.fixtures = fixtures.length;
  report.forecastsStored = forecasts.filter((f) => f.stored).length;
  request.onProgress?.(files.length + 1, files.length + 1, '');
  return report;
}

function chosenCompetitions(db: Db, registry: CompetitionRegistry, request: SyncRequest): Competition[] {
  const hasSource = (c: Competition) =>
    c.sources.footballData !== null || c.sources.footballDataExtra !== null || c.sources.openfootball !== null;
  if (request.competitions.length > 0) {
    return request.competitions.map((code) => {
      const competition = registry.get(code)!;
      if (!hasSource(competition)) {
        throw new MatchdayError(
          'NO_SOURCE',
          `${code} has no public source in the registry (config/competitions.yaml)`,
          {
            field: 'competitions',
          },
        );
      }
      return competition;
    });
  }
  const stored = competitionsWithMatches(db)
    .map((code) => registry.get(code))
    .filter((c): c is Competition => c !== undefined && hasSource(c));
  if (stored.length === 0) {
    throw new MatchdayError(
      'NO_COMPETITIONS',
      'the database holds no competition with a public source yet: name them, e.g. matchday sync --competitions eng.1,es.1',
      { field: 'competitions' },
    );
  }
  return stored;
}

/** The files an import reads for a synced file: the file itself, or a fixtures file's one file per competition. */
function importFilesOf(file: SyncedFile, registry: CompetitionRegistry, cacheDir: string): string[] {
  if (!existsSync(file.file)) return [];
  if (file.role === 'results') return [file.file];
  const parts = splitFixtures(readFileSync(file.file, 'utf8'), registry, file.competitions);
  return file.competitions.flatMap((code) => {
    const target = path.join(cacheDir, 'fixtures', file.source, `${code}.csv`);
    const text = parts.get(code);
    if (text === undefined) {
      rmSync(target, { force: true });
      return [];
    }
    writeAtomically(target, text);
    return [target];
  });
}
