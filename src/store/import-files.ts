import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';
import { detectFormat, formatById, type SourceFormat } from '../ingest/formats.js';
import { rejectImplausible } from '../ingest/plausibility.js';
import type { ClubRecord, MatchRecord, RowError, StadiumRecord, TeamRef } from '../ingest/records.js';
import type { AliasGroup } from '../identity/team-directory.js';
import { parseNeutralVenues } from '../ingest/neutral-venues.js';
import { defineCompetitions, registryOf } from './competition-store.js';
import { DATABASE_LOCKED, dataVersion, immediateTransaction, type Db } from './database.js';
import { MatchWriter } from './match-writer.js';
import { refreshSeasonSummaries } from './season-summaries.js';
import { applyNeutralVenues } from './neutral-venues.js';
import { TeamStore } from './team-store.js';
import { VenueStore } from './venue-store.js';

/** The project's own alias overrides, read before every import (config/team-aliases.yaml). */
export const BUILT_IN_ALIASES = fileURLToPath(new URL('../../config/team-aliases.yaml', import.meta.url));
/** Matches at neutral grounds no source marks, applied to the stored matches after every import. */
export const BUILT_IN_NEUTRAL_VENUES = fileURLToPath(new URL('../../config/neutral-venues.yaml', import.meta.url));

export interface ImportOptions {
  /** Force one format for every file instead of detecting it from the content. */
  format?: string;
  /** Import a file's valid rows and list the rejected ones, instead of rejecting the whole file. */
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export type FileStatus = 'imported' | 'unchanged' | 'rejected' | 'skipped';

export interface FileReport {
  file: string;
  format: string | null;
  status: FileStatus;
  added: number;
  enriched: number;
  unchanged: number;
  /** Club / stadium entries read from an alias source. */
  aliases: number;
  teamsCreated: number;
  /** Values another source had already stored differently for the same match (kept in the conflicts table). */
  conflicts: number;
  rejectedRows: RowError[];
  /** Cells left out of matches that were still imported (e.g. an impossible bookmaker price). */
  warnings: RowError[];
  /** Why a file was rejected or skipped. */
  error: string | null;
}

export interface ImportSummary {
  files: FileReport[];
  totals: {
    files: number;
    imported: number;
    unchanged: number;
    rejected: number;
    skipped: number;
    matchesAdded: number;
    matchesEnriched: number;
    matchesUnchanged: number;
    teamsCreated: number;
    rejectedRows: number;
    warnings: number;
    conflicts: number;
    seconds: number;
  };
}

/**
 * Imports files and folders (recursively) into the database. Each file is one transaction: a file with a bad row
 * (unless skipInvalid) or an ambiguous team leaves the database as it was. Alias sources (club lists) are read
 * before match files so that names resolve to one team whatever the source. A file already imported with the same
 * content is not read again.
 *
 * Another import may write to the same database at the same time: each file's transaction holds the write lock from
 * its start (the other waits, or fails with DB_LOCKED after the busy timeout), checks there whether the file is
 * already imported, and first reads the teams and competitions again if the other process has committed since.
 */
export function importPaths(db: Db, inputs: string[], options: ImportOptions = {}): ImportSummary {
  const started = performance.now();
  const explicit = new Set(inputs.map((p) => path.resolve(p)));
  const files = [BUILT_IN_ALIASES, ...inputs.flatMap((p) => listFiles(p))];
  // --format is about the user's files: the project's alias file is always read as what it is.
  const formatOf = (file: string) => (file === BUILT_IN_ALIASES ? undefined : options.format);
  const planned = files.map((file) => ({ file, ...plan(file, explicit.has(path.resolve(file)), formatOf(file)) }));
  // Alias sources first: a club list read after the matches could no longer unite teams already created apart.
  planned.sort((a, b) => rank(a.format) - rank(b.format));

  // The version before the reads: a commit by another process while they run is then caught up with, not missed.
  let seenVersion = dataVersion(db);
  const stores: Stores = {
    db,
    teams: new TeamStore(db),
    venues: new VenueStore(db),
    writer: new MatchWriter(db),
    registry: registryOf(db),
  };
  // In-memory teams, competitions and their ids are stale once another process has committed: read them again.
  const catchUp = (): void => {
    const version = dataVersion(db);
    if (version === seenVersion) return;
    seenVersion = version;
    reloadFromDatabase(stores);
  };
  const alreadyImported = db.prepare('SELECT sha256 FROM imported_files WHERE path = ?').pluck();
  // A file that changed (a season file a week on, a new fixtures list) no longer says what its old version said.
  const forgetSources = db.prepare('DELETE FROM match_sources WHERE file = ?');
  const recordImported = db.prepare(
    'INSERT OR REPLACE INTO imported_files (path, sha256, format, records, imported_at) VALUES (?, ?, ?, ?, ?)',
  );

  const reports: FileReport[] = [];
  planned.forEach((item, index) => {
    options.onProgress?.(index, planned.length, item.file);
    const report = emptyReport(item.file, item.format?.id ?? null);
    reports.push(report);
    if (!item.format) {
      report.status = item.skipReason ? 'skipped' : 'rejected';
      report.error = item.skipReason ?? item.error ?? 'unknown format';
      return;
    }
    try {
      const bytes = readFileSync(item.file);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const format = item.format;
      report.status = immediateTransaction(db, (): FileStatus => {
        catchUp();
        const importedSha = alreadyImported.get(item.file);
        if (importedSha === sha) return 'unchanged';
        const text = decodeUtf8(bytes, item.file);
        const conflictsBefore = stores.writer.conflicts;
        if (importedSha !== undefined) forgetSources.run(item.file);
        importText(format, text, item.file, report, stores, options.skipInvalid ?? false);
        report.conflicts = stores.writer.conflicts - conflictsBefore;
        recordImported.run(
          item.file,
          sha,
          format.id,
          report.added + report.enriched + report.unchanged + report.aliases,
          new Date().toISOString(),
        );
        return 'imported';
      });
    } catch (error) {
      if (!(error instanceof MatchdayError) || error.code === DATABASE_LOCKED) throw error;
      report.status = 'rejected';
      report.error = error.message;
      report.added = report.enriched = report.unchanged = report.aliases = report.teamsCreated = report.conflicts = 0;
      report.warnings = [];
      reloadFromDatabase(stores);
    }
  });
  const neutralVenues = parseNeutralVenues(readFileSync(BUILT_IN_NEUTRAL_VENUES, 'utf8'), BUILT_IN_NEUTRAL_VENUES);
  immediateTransaction(db, () => {
    // Every import, over every stored match: an entry applies whichever file (and whichever import) brought its match.
    applyNeutralVenues(db, stores.teams.directory, neutralVenues);
    // Ties are derived from the legs: pairing them once at the end sees legs that came from different files.
    stores.writer.linkTies();
    refreshSeasonSummaries(db);
  });
  options.onProgress?.(planned.length, planned.length, '');

  const count = (status: FileStatus) => reports.filter((r) => r.status === status).length;
  return {
    files: reports,
    totals: {
      files: reports.length,
      imported: count('imported'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      skipped: count('skipped'),
      matchesAdded: sum(reports, (r) => r.added),
      matchesEnriched: sum(reports, (r) => r.enriched),
      matchesUnchanged: sum(reports, (r) => r.unchanged),
      teamsCreated: sum(reports, (r) => r.teamsCreated),
      rejectedRows: sum(reports, (r) => rowCount(r.rejectedRows)),
      warnings: sum(reports, (r) => r.warnings.length),
      conflicts: sum(reports, (r) => r.conflicts),
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/**
 * Reads again from the database what the stores keep in memory: after a rolled-back transaction (which built state the
 * database no longer has) or another process's commit (which wrote state the memory does not have yet).
 */
function reloadFromDatabase(stores: Stores): void {
  stores.teams = TeamStore.reload(stores.db);
  stores.writer.clearCache();
  stores.registry = registryOf(stores.db);
}

interface Stores {
  db: Db;
  teams: TeamStore;
  venues: VenueStore;
  writer: MatchWriter;
  /** The registry as the database extends it, updated as competition files are read and competitions created. */
  registry: CompetitionRegistry;
}

function importText(
  format: SourceFormat,
  text: string,
  file: string,
  report: FileReport,
  stores: Stores,
  skipInvalid: boolean,
): void {
  switch (format.kind) {
    case 'competitions':
      report.aliases = defineCompetitions(stores.db, format.parse(text, file));
      stores.registry = registryOf(stores.db);
      return;
    case 'clubs':
      report.aliases = stores.teams.addAliasGroups(format.parse(text, file).map(toAliasGroup));
      return;
    case 'stadiums':
      report.aliases = stores.venues.addStadiums(format.parse(text, file) as StadiumRecord[]);
      return;
    case 'matches': {
      const today = new Date().toISOString().slice(0, 10);
      const parsed = rejectImplausible(format.parse(text, file, stores.registry), today);
      if (parsed.errors.length > 0 && !skipInvalid) throw rowErrorToException(parsed.errors);
      // Not push(...errors): a file can have more rejected rows than a call has room for arguments.
      report.rejectedRows = parsed.errors;
      report.warnings = parsed.warnings ?? [];
      for (const record of parsed.records) {
        try {
          writeRecord(record, report, stores);
        } catch (error) {
          if (!(error instanceof MatchdayError) || !skipInvalid) throw locate(error, record);
          report.rejectedRows.push({ file, line: record.source.line, field: 'team', message: error.message });
        }
      }
      warnAboutCreatedCompetitions(parsed.records, report, stores);
      if (parsed.records.length === 0 && parsed.errors.length === 0) {
        // A file with headings but no match yet (a round still to be played) is valid, just empty.
        report.warnings.push({ file, line: 1, field: null, message: 'no matches in file' });
      }
    }
  }
}

/**
 * Once per competition: the file named one the registry does not know, and matchday created it from what the file
 * says. Later files find it in the registry.
 */
function warnAboutCreatedCompetitions(records: readonly MatchRecord[], report: FileReport, stores: Stores): void {
  const created = stores.writer.createdCompetitions.splice(0);
  for (const competition of created) {
    const first = records.find((r) => r.competition.code === competition.code);
    report.warnings.push({
      file: report.file,
      line: first?.source.line ?? 1,
      field: 'competition',
      message:
        `new competition ${competition.code} ("${competition.name}") created from this file; its format is not ` +
        'known until a competitions YAML names it (docs/competitions.md)',
    });
  }
  stores.registry = stores.registry.with(created);
}

function writeRecord(record: MatchRecord, report: FileReport, { teams, writer }: Stores): void {
  const country = record.competition.country;
  const context = { competitionCode: record.competition.code, date: record.date };
  const resolve = (ref: TeamRef): number => {
    const { teamId, created } = teams.resolve(ref, country, context);
    if (created) report.teamsCreated++;
    return teamId;
  };
  const home = resolve(record.home);
  const away = resolve(record.away);
  if (home === away) {
    // Where: added by the caller (locate), as for every error of a row being written.
    throw new MatchdayError(
      'SAME_TEAM',
      `home and away resolve to one team (${record.home.name} v ${record.away.name})`,
    );
  }
  const outcome = writer.write(record, home, away);
  report[outcome]++;
}

function locate(error: unknown, record: MatchRecord): unknown {
  if (!(error instanceof MatchdayError)) return error;
  return new MatchdayError(error.code, error.message.replace(/^team [^:]+: /, ''), {
    ...error.location,
    file: record.source.file,
    line: record.source.line,
  });
}

/** How many rows the errors are about: a row with two problems is one rejected row. */
function rowCount(errors: RowError[]): number {
  return new Set(errors.map((e) => `${e.file}:${e.line}`)).size;
}

function rowErrorToException(errors: RowError[]): MatchdayError {
  const first = errors[0];
  const others = rowCount(errors) - 1;
  const more =
    others > 0
      ? ` (and ${others} more invalid row${others === 1 ? '' : 's'}; skipping invalid rows imports the valid ones)`
      : '';
  return new MatchdayError('INVALID_ROW', `${first.message}${more}`, {
    file: first.file,
    line: first.line,
    field: first.field ?? undefined,
  });
}

function toAliasGroup(club: ClubRecord): AliasGroup {
  return { canonical: club.name, country: club.country, names: club.aliases, source: club.source.format };
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    throw new MatchdayError('ENCODING', 'not valid UTF-8 (convert the file to UTF-8)', { file, line });
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest invalid prefix; a cut inside a valid multi-byte sequence is tolerated by `stream`.
  // A fresh decoder for each prefix: a streaming one would read each prefix as the continuation of the one before.
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  return low;
}

function listFiles(input: string): string[] {
  let stat;
  try {
    stat = statSync(input);
  } catch {
    throw new MatchdayError('NOT_FOUND', 'no such file or folder', { file: input });
  }
  if (!stat.isDirectory()) return [input];
  return readdirSync(input, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(path.join(input, entry.name)));
}

interface Plan {
  format: SourceFormat | null;
  skipReason?: string;
  error?: string;
}

/** Which format a file is. Inside a folder, files of no known format are skipped; named explicitly, they are an error. */
function plan(file: string, explicit: boolean, forcedFormat: string | undefined): Plan {
  if (forcedFormat) {
    const format = formatById(forcedFormat);
    if (!format) throw new MatchdayError('UNKNOWN_FORMAT', `unknown format ${forcedFormat}`);
    return { format };
  }
  let head: string;
  try {
    head = readFileSync(file).subarray(0, 4096).toString('utf8');
  } catch (error) {
    return { format: null, error: `cannot read: ${(error as Error).message}` };
  }
  if (head.trim() === '') return { format: null, error: `${file}: empty file` };
  const format = detectFormat(head, file);
  if (format) return { format };
  return explicit
    ? {
        format: null,
        error: `${file}: unknown format (not football-data, Football.TXT, engsoccerdata, footballcsv or generic CSV; name the format to read it as one)`,
      }
    : { format: null, skipReason: 'not a match or club file' };
}

/** Competition definitions first, then club and stadium lists, then matches. */
function rank(format: SourceFormat | null): number {
  if (!format) return 4;
  return { competitions: 0, clubs: 1, stadiums: 2, matches: 3 }[format.kind];
}

function emptyReport(file: string, format: string | null): FileReport {
  return {
    file,
    format,
    status: 'imported',
    added: 0,
    enriched: 0,
    unchanged: 0,
    aliases: 0,
    teamsCreated: 0,
    conflicts: 0,
    rejectedRows: [],
    warnings: [],
    error: null,
  };
}

function sum(reports: FileReport[], pick: (r: FileReport) => number): number {
  return reports.reduce((total, r) => total + pick(r), 0);
}
