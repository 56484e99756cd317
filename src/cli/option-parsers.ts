import { checkDateOrder, checkNumber, isIsoDate, NUMBER_LIMITS } from '../app/request-checks.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';

/** `YYYY-MM-DD` that is a real date. */
export function parseDate(text: string, field: string): string {
  if (!isIsoDate(text)) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be a date YYYY-MM-DD, got ${text}`, { field });
  }
  return text;
}

export function parseNumber(text: string, field: string, min = -Infinity): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) {
    throw new MatchdayError(
      'BAD_OPTION',
      `--${field} must be a number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${text}`,
      { field },
    );
  }
  return value;
}

/** `--from` and `--to` (either may be absent), the first not after the second. */
export function parseDateRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const range = {
    ...(from !== undefined && { from: parseDate(from, 'from') }),
    ...(to !== undefined && { to: parseDate(to, 'to') }),
  };
  if (range.from !== undefined && range.to !== undefined) {
    checkDateOrder(range.from, range.to, { from: 'from', to: 'to' });
  }
  return range;
}

/** A model fit's number (`--xi`, `--prior`) within the bounds the library enforces too. */
export function parseModelNumber(text: string, field: keyof typeof NUMBER_LIMITS): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be a number, got ${text}`, { field });
  }
  return checkNumber(value, field, NUMBER_LIMITS[field]);
}

/** A whole number from min to max (`--port 99999` is not a port). */
export function parseWholeNumber(text: string, field: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be a whole number from ${min} to ${max}, got ${text}`, {
      field,
    });
  }
  return value;
}

/**
 * Comma-separated competition codes, names or aliases → codes. Give the database's registry (store/registryOf) so
 * competitions a user named or an import created are found too.
 */
/** Competition codes for names, codes or aliases, each once (`uefa-cup,europa-league` is one competition). */
export function parseCompetitions(text: string, registry = CompetitionRegistry.builtIn()): string[] {
  const codes = text.split(',').map((part) => {
    const found = registry.find(part.trim());
    if (!found)
      throw new MatchdayError('UNKNOWN_COMPETITION', `unknown competition ${part.trim()}`, { field: 'competitions' });
    return found.code;
  });
  return [...new Set(codes)];
}

export function parseCompetition(text: string, registry = CompetitionRegistry.builtIn()): string {
  return parseCompetitions(text, registry)[0];
}

/** `0-3` → [0, 3]. */
export function parseScore(text: string, field: string): [number, number] {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) throw new MatchdayError('BAD_OPTION', `--${field} must be a score like 0-3, got ${text}`, { field });
  return [Number(match[1]), Number(match[2])];
}
