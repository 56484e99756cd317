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
