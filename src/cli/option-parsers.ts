/**
 * Command-line options read by the shared readers (app/request-values.ts), each problem said as
 * `--flag <problem>, got <text>` with the field named.
 */
import { checkDateOrder, checkNumber, NUMBER_LIMITS } from '../app/request-checks.js';
import {
  readCompetitions,
  readDate,
  readModelName,
  readScore,
  readSeason,
  readWholeNumber,
  type PredictModel,
  type Read,
} from '../app/request-values.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';

/** The value, or a MatchdayError naming the option as the user typed it. */
function option<T>(read: Read<T>, text: string, field: string): T {
  if ('value' in read) return read.value;
  const message = read.includesText ? read.problem : `--${field} ${read.problem}, got ${text}`;
  throw new MatchdayError(read.code ?? 'BAD_OPTION', message, { field });
}

/** `YYYY-MM-DD` that is a real date. */
export function parseDate(text: string, field: string): string {
  return option(readDate(text), text, field);
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
  return option(readWholeNumber(text, min, max), text, field);
}

/**
 * Competition codes for names, codes or aliases, each once (`uefa-cup,europa-league` is one competition). Give the
 * database's registry (store/registryOf) so competitions a user named or an import created are found too.
 */
export function parseCompetitions(text: string, registry = CompetitionRegistry.builtIn()): string[] {
  return option(readCompetitions(text, registry), text, 'competitions');
}

export function parseCompetition(text: string, registry = CompetitionRegistry.builtIn()): string {
  return parseCompetitions(text, registry)[0];
}

/** `0-3` → [0, 3]. */
export function parseScore(text: string, field: string): [number, number] {
  return option(readScore(text), text, field);
}

/** A season across two years, `2023-24`. */
export function parseSeason(text: string, field = 'season'): string {
  return option(readSeason(text), text, field);
}

/** `--model`: the forecaster or a single model (of `known`, default all). */
export function parseModelName<T extends string = PredictModel>(text: string, known?: readonly T[]): T {
  return option(readModelName(text, known), text, 'model') as T;
}
