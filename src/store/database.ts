import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MatchdayError } from '../errors.js';
import { MIGRATIONS } from './schema.js';
import { refreshSeasonSummaries } from './season-summaries.js';

export type Db = Database.Database;

/**
 * Where the database lives unless told otherwise: `--db PATH`, then `MATCHDAY_DB`, then
 * `$XDG_DATA_HOME/matchday/matchday.db` (default `~/.local/share/matchday/matchday.db`).
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MATCHDAY_DB) return env.MATCHDAY_DB;
  const dataHome = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'matchday', 'matchday.db');
}

export interface OpenOptions {
  readonly?: boolean;
}

/**
 * How long a writer waits for another process's write transaction to end. An import writes one file per
 * transaction, so a second import waits for the file being written, not the whole import; generous, so that it waits
 * rather than fails on the largest files of a slow machine.
 */
const BUSY_TIMEOUT_MS = 300_000;

/** The busy timeout: `MATCHDAY_BUSY_TIMEOUT` seconds when set (a job that would rather fail than wait), else 5 min. */
function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.MATCHDAY_BUSY_TIMEOUT;
  if (text === undefined || text === '') return BUSY_TIMEOUT_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new MatchdayError('BAD_OPTION', `MATCHDAY_BUSY_TIMEOUT must be seconds ≥ 0, got ${text}`, {
      field: 'MATCHDAY_BUSY_TIMEOUT',
    });
  }
  return Math.round(seconds * 1000);
}

export const DATABASE_LOCKED = 'DB_LOCKED';

/** At most this much of the database file is memory-mapped (address space, not memory: pages are shared). */
const MMAP_BYTES = 256 * 1024 * 1024;

/** Opens (creating if needed) and migrates the database. `:memory:` works for tests. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: busyTimeoutMs(),
    });
  } catch (error) {
    throw new MatchdayError('DB_OPEN', `cannot open database: ${(error as Error).message}`, { file });
  }
  // Pages read through a memory map, not a system call each: a preview reads thousands of rows scattered over the
  // file (a team's whole history), and the calls were a quarter of that reading time.
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } else if (schemaVersion(db) !== MIGRATIONS.length) {
    const version = schemaVersion(db);
    db.close();
    if (version > MIGRATIONS.length) {
      throw new MatchdayError(
        'DB_SCHEMA',
        `database schema is version ${version}, newer than this matchday's ${MIGRATIONS.length}: update matchday`,
        { file },
      );
    }
    // A reader of a database an older matchday wrote migrates it first, as any writer would, then reads.
    migrateFile(file, version);
    return openDatabase(file, options);
  }
  return db;
}

function migrateFile(file: string, version: number): void {
  let writer: Db;
  try {
    writer = openDatabase(file);
  } catch (error) {
    const reason = error instanceof MatchdayError ? error.message : String(error);
    throw new MatchdayError(
      'DB_SCHEMA',
      `database schema is version ${version}, expected ${MIGRATIONS.length}, and it cannot be migrated: ${reason}`,
      { file },
    );
  }
  writer.close();
}

function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs `body` as a write transaction that takes the write lock at its start (BEGIN IMMEDIATE), so that what it reads
 * is still true when it writes: another process cannot commit in between. Waits for another writer up to the busy
 * timeout, then fails with one clear line instead of SQLite's SQLITE_BUSY.
 */
export function immediateTransaction<T>(db: Db, body: () => T): T {
  try {
    return db.transaction(body).immediate();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    const waited = Math.round((db.pragma('busy_timeout', { simple: true }) as number) / 1000);
    throw new MatchdayError(
      DATABASE_LOCKED,
      `database is locked by another import (waited ${waited} s); try again when it has finished`,
      { file: db.name },
    );
  }
}

/** A number that changes whenever another connection commits to the database (not when this one does). */
export function dataVersion(db: Db): number {
  let statement = dataVersionStatements.get(db);
  if (!statement) {
    statement = db.prepare('PRAGMA data_version').pluck();
    dataVersionStatements.set(db, statement);
  }
  return statement.get() as number;
}

/** Prepared once a connection: the server asks at every request, and preparing costs more than the answer. */
const dataVersionStatements = new WeakMap<Db, Database.Statement>();

function migrate(db: Db): void {
  if (schemaVersion(db) === MIGRATIONS.length) return;
  // A migration may rebuild a table that others reference; foreign keys are checked once all have run (the pragma
  // does nothing inside a transaction, so it is switched around it).
  db.pragma('foreign_keys = OFF');
  try {
    // Read the version again under the write lock: two processes opening a new database must not both migrate it.
    immediateTransaction(db, () => {
      const current = schemaVersion(db);
      if (current > MIGRATIONS.length) {
        throw new MatchdayError(
          'DB_SCHEMA',
          `database schema version ${current} is newer than this matchday (${MIGRATIONS.length})`,
        );
      }
      for (let version = current; version < MIGRATIONS.length; version++) {
        db.exec(MIGRATIONS[version]);
        db.pragma(`user_version = ${version + 1}`);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0)
          throw new MatchdayError('DB_SCHEMA', `migration ${version + 1} broke ${broken.length} references`);
      }
      // A database migrated to the season summaries has them from the start, not from its next import.
      refreshSeasonSummaries(db);
    });
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
