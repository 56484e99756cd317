/** Where a problem was found: a file and line, a field, a team. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
  team?: string;
}

/**
 * Every error code matchday gives, each with what it means for a request: 400 the request is wrong, 404 it names
 * something the data does not have, 422 it is valid but the data or a model cannot answer it, 503 the machine is busy
 * (try again), 500 the machine or matchday failed. The server answers with these statuses (server/api/api-error.ts);
 * the CLI prints the code with --json. A code is stable: scripts and tests key on it.
 */
export const ERROR_STATUS = {
  // The request is wrong.
  BAD_OPTION: 400,
  BAD_PARAMETER: 400,
  BAD_RANGE: 400,
  BAD_TIE: 400,
  SAME_TEAM: 400,
  DATE_BEFORE_DATA: 400,
  DATE_AFTER_DATA: 400,
  UNKNOWN_COMPETITION: 400,
  UNKNOWN_RULES: 400,
  UNKNOWN_FORMAT: 400,
  FIRST_LEG_NOT_PLAYED: 400,
  TIE_DECIDED: 400,
  INVALID_ARGUMENT: 400,
  INVALID_OPTION: 400,
  INVALID_DATE: 400,
  INVALID_SCORE: 400,
  INVALID_ODDS: 400,
  INVALID_LINE: 400,
  INVALID_PROBABILITY: 400,
  INVALID_RATE: 400,
  INVALID_COMPETITION: 400,
  FIT_OPTIONS_INVALID: 400,
  RANDOM_INVALID_PARAMETER: 400,
  NO_DATE: 400,
  // It names what the data does not have.
  NOT_FOUND: 404,
  UNKNOWN_TEAM: 404,
  AMBIGUOUS_TEAM: 404,
  UNKNOWN_VENUE: 404,
  UNKNOWN_COUNTRY: 404,
  NO_MATCHES: 404,
  NO_BRACKET: 404,
  NO_TIE: 404,
  NO_TIES: 404,
  NO_VENUE: 404,
  NO_FORECAST: 404,
  NO_COMPETITION: 404,
  NO_COMPETITIONS: 404,
  PREVIEW_UNKNOWN_MATCH: 404,
  PREVIEW_UNKNOWN_TEAM: 404,
  URI_TOO_LONG: 414,
  // Valid, but the data, a file or a model cannot answer it.
  NO_HISTORY: 422,
  NO_MODEL: 422,
  NO_PREVIEW: 422,
  NO_SOURCE: 422,
  NO_TICKETING_RULE: 422,
  MODEL_UNKNOWN_TEAM: 422,
  MODEL_UNKNOWN_GROUP: 422,
  MODEL_INVALID_RATE: 422,
  MODEL_FILE: 422,
  CALIBRATION_FILE: 422,
  DOSSIER_FILE: 422,
  DOSSIER_MISMATCH: 422,
  INVALID_DOSSIER: 422,
  INVALID_YAML: 422,
  INVALID_OVERRIDE: 422,
  INVALID_ROW: 422,
  ALIAS_WITHOUT_ENTRY: 422,
  NOT_OPENFOOTBALL_FILE: 422,
  FORMAT: 422,
  ENCODING: 422,
  EMPTY: 422,
  SYNC_CACHE: 422,
  FIT_NO_MATCHES: 422,
  FIT_DATA_INVALID: 422,
  FIT_FAILED: 422,
  FIT_NON_FINITE: 422,
  OPTIMISER_NON_FINITE_START: 422,
  INVALID_RATING_INPUT: 422,
  INVALID_GRID: 422,
  INVALID_RHO: 422,
  INVALID_FORECAST: 422,
  OUT_OF_GRID: 422,
  IMPLIED_PROBABILITY_FAILED: 422,
  SIMULATION_FAILED: 422,
  BRACKET_NOT_DRAWN: 422,
  BRACKET_NOT_FIXED: 422,
  INVALID_BRACKET: 422,
  PREVIEW_UNPLAYED: 422,
  PREVIEW_NO_VERDICT: 422,
  PREVIEW_FACT_ID: 422,
  INVALID_PREVIEW: 422,
  INSIGHTS_BAD_INPUT: 422,
  INSIGHTS_BAD_TIE: 422,
  INSIGHTS_NOTABILITY: 422,
  INSIGHTS_NO_SCORE: 422,
  BACKTEST_INPUT: 422,
  BACKTEST_EMPTY: 422,
  BACKTEST_FAILED: 422,
  // The machine is busy: another process holds the database; the client may try again.
  DB_LOCKED: 503,
  SERVER_CLOSED: 503,
  // A request past its time budget: its work goes on and is kept, so asking again soon is fast.
  REQUEST_TIMEOUT: 503,
  // The machine or matchday failed.
  INTERNAL: 500,
  DB_OPEN: 500,
  DB_SCHEMA: 500,
  DB_NOT_READONLY: 500,
  DB_CORRUPT: 500,
  DB_NOT_A_DATABASE: 500,
  DB_READONLY: 500,
  DB_FULL: 500,
  PERMISSION_DENIED: 500,
  ADDRESS_IN_USE: 500,
  ADDRESS_UNAVAILABLE: 500,
  HOST_NOT_FOUND: 500,
} as const satisfies Record<string, 400 | 404 | 414 | 422 | 500 | 503>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one error type matchday throws on bad input or a failed computation.
 * `code` is stable (for --json and tests); the message names where it happened.
 */
export class MatchdayError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
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
const SYSTEM_ERRORS: Record<string, { code: ErrorCode; message: string; addressed?: boolean }> = {
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
