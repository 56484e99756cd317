import { defaultDatabasePath, openDatabase, type Db } from '../store/database.js';
import type { CommonOptions } from './output.js';

/** The database a command works on: --db, then MATCHDAY_DB, then the default path. */
export function openCommandDatabase(options: CommonOptions, mode: { readonly?: boolean } = {}): Db {
  return openDatabase(options.db ?? defaultDatabasePath(), mode);
}
