/** Where a problem was found: a file and line, a field, a team. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
  team?: string;
}

/**
 * The one error type matchday throws on bad input or a failed computation.
 * `code` is stable (for --json and tests); the message names where it happened.
 */
export class MatchdayError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;

  constructor(code: string, message: string, location: ErrorLocation = {}) {
    super(formatMessage(message, location));
    this.name = 'MatchdayError';
    this.code = code;
    this.location = location;
  }
}

function formatMessage(message: string, loc: ErrorLocation): string {
  const where: string[] = [];
  if (loc.file) where.push(loc.line !== undefined ? `${loc.file}:${loc.line}` : loc.file);
  if (loc.field) where.push(`field ${loc.field}`);
  if (loc.team) where.push(`team ${loc.team}`);
  return where.length > 0 ? `${where.join(', ')}: ${message}` : message;
}

/** Failures of the machine rather than of matchday, each as one line: what happened (and where, when known). */
const SYSTEM_ERRORS: Record<string, { code: string; message: string; addressed?: boolean }> = {
  SQLITE_BUSY: { code: 'DB_LOCKED', message: 'database is locked by another process; try again' },
  SQLITE_LOCKED: { code: 'DB_LOCKED', message: 'database is locked; try again' },
  SQLITE_CORRUPT: { code: 'DB_CORRUPT', message: 'database file is corrupt' },
  SQLITE_NOTADB: { code: 'DB_NOT_A_DATABASE', message: 'not a SQLite database' },
  SQLITE_READONLY: { code: 'DB_READONLY', message: 'database is read-only' },
  SQLITE_FULL: { code: 'DB_FULL', message: 'disk is full' },
  EADDRINUSE: { code: 'ADDRESS_IN_USE', message: 'is in use by another program', addressed: true },
  EADDRNOTAVAIL: { code: 'ADDRESS_UNAVAILABLE', message: 'is not an address of this machine', addressed: true },
  ENOTFOUND: { code: 'HOST_NOT_FOUND', message: 'names no known host', addressed: true },
  EACCES: { code: 'PERMISSION_DENIED', message: 'permission denied' },
};

/**
 * An error from SQLite or the operating system that matchday cannot prevent (a locked database, a port in use) as a
 * one-line MatchdayError naming `where` (the database file, the address) when given; null for anything else, which
 * is a bug.
 */
export function systemErrorOf(error: unknown, where?: string): MatchdayError | null {
  if (error instanceof MatchdayError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX) mean what their primary code means.
  const known = SYSTEM_ERRORS[code] ?? SYSTEM_ERRORS[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')];
  if (!known) return null;
  if (known.addressed) return new MatchdayError(known.code, `${where ?? 'the address'} ${known.message}`);
  return new MatchdayError(known.code, known.message, where ? { file: where } : {});
}
