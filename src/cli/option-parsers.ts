import { MatchdayError } from '../errors.js';
import { CompetitionRegistry } from '../competitions/registry.js';

/** `YYYY-MM-DD` that is a real date. */
export function parseDate(text: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
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
