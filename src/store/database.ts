import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MatchdayError } from '../errors.js';
import { MIGRATIONS } from './schema.js';

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

/** Opens (creating if needed) and migrates the database. `:memory:` works for tests. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new MatchdayError('DB_OPEN', `cannot open database: ${(error as Error).message}`, { file });
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } else if (schemaVersion(db) !== MIGRATIONS.length) {
    throw new MatchdayError(
      'DB_SCHEMA',
      `database schema is version ${schemaVersion(db)}, expected ${MIGRATIONS.length}: open it once read-write to migrate`,
      { file },
    );
  }
  return db;
}

function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new MatchdayError(
      'DB_SCHEMA',
      `database schema version ${current} is newer than this matchday (${MIGRATIONS.length})`,
    );
  }
  if (current === MIGRATIONS.length) return;
  // A migration may rebuild a table that others reference; foreign keys are checked once all have run.
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[version]);
        db.pragma(`user_version = ${version + 1}`);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0)
          throw new MatchdayError('DB_SCHEMA', `migration ${version + 1} broke ${broken.length} references`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
