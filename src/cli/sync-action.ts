import path from 'node:path';
import pc from 'picocolors';
import { syncDatabase, type SyncReport } from '../app/sync-database.js';
import { instantOn } from '../app/upcoming-fixtures.js';
import { normaliseSeason, parseSeason, seasonLabel } from '../competitions/seasons.js';
import { MatchdayError } from '../errors.js';
import { registryOf } from '../store/competition-store.js';
import { defaultDatabasePath } from '../store/database.js';
import { parseMirror } from '../sync/mirror.js';
import { SOURCES, type SourceName } from '../sync/source-plan.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDate, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { progressBar } from './progress.js';

export interface SyncOptions extends CommonOptions {
  competitions?: string;
  seasons?: string;
  source?: string;
  dryRun?: boolean;
  mirror?: string;
  cache?: string;
  delay: string;
  timeout: string;
  retries: string;
  today?: string;
}

/** `matchday sync`, loaded when the command runs (start-up and --help stay fast). */
export function runSyncCommand(options: SyncOptions): Promise<void> {
  return runCommand(options, async () => {
    const dbPath = options.db ?? defaultDatabasePath();
    const mirror = options.mirror ?? process.env.MATCHDAY_MIRROR ?? null;
    if (mirror !== null) parseMirror(mirror);
    const today = options.today ? parseDate(options.today, 'today') : new Date().toISOString().slice(0, 10);
    const db = openCommandDatabase(options);
    const bar = progressBar(!options.json, 'sync');
    let report: SyncReport;
    try {
      report = await syncDatabase(db, {
        competitions: options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : [],
        seasons: options.seasons ? parseSeasons(options.seasons) : [],
        sources: options.source ? parseSources(options.source) : [],
        dryRun: options.dryRun ?? false,
        mirror,
        cacheDir: options.cache ?? path.join(path.dirname(path.resolve(dbPath)), 'cache'),
        today,
        madeAt: instantOn(today),
        download: {
          politenessMs: parseNumber(options.delay, 'delay', 0),
          timeoutMs: parseNumber(options.timeout, 'timeout', 1) * 1000,
          attempts: 1 + Math.floor(parseNumber(options.retries, 'retries', 0)),
        },
        onProgress: (done, total, item) => bar.update(done, total, item),
      });
    } finally {
      bar.stop();
      db.close();
    }
    if (options.json) printJson(jsonReport(report));
    if (report.offline !== null) {
      // One line, whatever the number of files: every one failed for the same reason.
      process.stderr.write(
        `${pc.red('error')} offline: ${report.offline}; nothing was downloaded and the database is as it was\n`,
      );
      process.exitCode = 1;
      return;
    }
    if (!options.json) printReport(report);
    if (report.files.some((f) => f.status === 'failed' || f.importError !== null)) process.exitCode = 1;
  });
}

/** `2023-24,2024-25`, `2019-20..2023-24` or `2020..2024` → season labels. */
export function parseSeasons(text: string): string[] {
  return text.split(',').flatMap((part) => {
    const [first, last] = part.split('..').map((s) => s.trim());
    const from = normaliseSeason(first);
    const to = last === undefined ? from : normaliseSeason(last);
    if (from === null || to === null) {
      throw new MatchdayError(
        'BAD_OPTION',
        `--seasons: '${part}' is not a season (2023-24 or 2024) or a range of them`,
        {
          field: 'seasons',
        },
      );
    }
    const start = parseSeason(from)!;
    const end = parseSeason(to)!;
    if (end.startYear < start.startYear) {
      throw new MatchdayError('BAD_OPTION', `--seasons: '${part}' ends before it starts`, { field: 'seasons' });
    }
    const labels: string[] = [];
    for (let year = start.startYear; year <= end.startYear; year++) labels.push(seasonLabel(year, start.calendar));
    return labels;
  });
}

function parseSources(text: string): SourceName[] {
  return text.split(',').map((part) => {
    const name = part.trim() as SourceName;
    if (!SOURCES.includes(name)) {
      throw new MatchdayError('BAD_OPTION', `--source must be ${SOURCES.join(', ')}; got ${part}`, { field: 'source' });
    }
    return name;
  });
}

function jsonReport(report: SyncReport) {
  return {
    offline: report.offline,
    files: report.files.map((f) => ({
      url: f.requested,
      source: f.source,
      role: f.role,
      competitions: f.competitions,
      season: f.season,
      file: f.file,
      status: f.status,
      bytes: f.bytes,
      attempts: f.attempts,
      error: f.error,
      matchesAdded: f.matchesAdded,
      matchesUpdated: f.matchesUpdated,
      importError: f.importError,
    })),
    totals: {
      files: report.files.length,
      downloaded: report.files.filter((f) => f.status === 'downloaded').length,
      notModified: report.files.filter((f) => f.status === 'not-modified').length,
      missing: report.files.filter((f) => f.status === 'missing').length,
      failed: report.files.filter((f) => f.status === 'failed').length,
      bytes: report.files.reduce((n, f) => n + f.bytes, 0),
      matchesAdded: report.files.reduce((n, f) => n + f.matchesAdded, 0),
      matchesUpdated: report.files.reduce((n, f) => n + f.matchesUpdated, 0),
      fixtures: report.fixtures,
      forecastsStored: report.forecastsStored,
    },
  };
}

const STATUS_COLOUR: Record<string, (text: string) => string> = {
  downloaded: pc.green,
  'not-modified': pc.dim,
  missing: pc.yellow,
  failed: pc.red,
  planned: (text) => text,
};

function printReport(report: SyncReport): void {
  if (report.files.length === 0) {
    process.stdout.write('nothing to sync: no file of these competitions and seasons in the registry\n');
    return;
  }
  printTable(
    ['status', 'url', 'bytes', 'added', 'updated'],
    report.files.map((f) => [
      STATUS_COLOUR[f.status](f.status),
      f.requested,
      f.bytes,
      f.matchesAdded,
      f.matchesUpdated,
    ]),
  );
  for (const f of report.files) {
    if (f.error) process.stderr.write(`${pc.red('failed')} ${f.requested}: ${f.error}\n`);
    if (f.importError) process.stderr.write(`${pc.red('rejected')} ${f.importError}\n`);
  }
  const json = jsonReport(report).totals;
  if (report.files.every((f) => f.status === 'planned')) {
    process.stdout.write(`dry run: ${json.files} files would be requested; nothing was fetched or changed\n`);
    return;
  }
  process.stdout.write(
    `${json.downloaded} downloaded (${json.bytes} bytes), ${json.notModified} not modified, ${json.missing} missing, ` +
      `${json.failed} failed; ${json.matchesAdded} matches added, ${json.matchesUpdated} updated; ` +
      `${json.forecastsStored} of ${json.fixtures} next-round forecasts stored\n`,
  );
}
