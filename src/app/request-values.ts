/**
 * The values a user types — a date, a score, a season, competitions, a bounded number, a model's name — read once
 * for every front end. Each reader returns the value or the problem in words without a field name; the CLI says it
 * as `--flag <problem>, got <text>` (cli/option-parsers.ts), the API as `parameter: <problem>`
 * (server/api/parameters.ts), the library as `field name: <problem>, got <text>` (requireValue).
 */
import type { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError, type ErrorCode } from '../errors.js';
import { MODEL_FAMILIES, type ModelFamily } from '../forecast/model-families.js';

/** A team as a user names it (`Liverpool`, `Inter (ITA)`), or one already found. */
export type TeamRef = string | { teamId: number; name: string };

/** A value read, or why it cannot be (`includesText`: the problem already quotes what was given). */
export type Read<T> = { value: T } | { problem: string; code?: ErrorCode; includesText?: boolean };

/** The value, or a MatchdayError naming the field (the library's and the app's wording). */
export function requireValue<T>(read: Read<T>, text: string, field: string): T {
  if ('value' in read) return read.value;
  const message = read.includesText ? read.problem : `${read.problem}, got ${text}`;
  throw new MatchdayError(read.code ?? 'BAD_OPTION', message, { field });
}

/** A real calendar date `YYYY-MM-DD` (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export function readDate(text: string): Read<string> {
  return isIsoDate(text) ? { value: text } : { problem: 'must be a date YYYY-MM-DD' };
}

/** `0-3` → [0, 3]: the first team's goals first. */
export function readScore(text: string): Read<[number, number]> {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  return match ? { value: [Number(match[1]), Number(match[2])] } : { problem: 'must be a score like 0-3' };
}

/** A season across two years, `2023-24`. */
export function readSeason(text: string): Read<string> {
  if (!/^\d{4}-\d{2}$/.test(text)) return { problem: 'must be a season like 2023-24' };
  if ((Number(text.slice(0, 4)) + 1) % 100 !== Number(text.slice(5))) {
    return { problem: 'must be a season like 2023-24 (the second year follows the first)' };
  }
  return { value: text };
}

/**
 * Comma-separated competition codes, names or aliases → codes, each once (`uefa-cup,europa-league` is one). Give
 * the database's registry (store/registryOf) so competitions an import created are found too.
 */
export function readCompetitions(text: string, registry: CompetitionRegistry): Read<string[]> {
  const codes: string[] = [];
  for (const part of text.split(',')) {
    const found = registry.find(part.trim());
    if (!found)
      return { problem: `unknown competition ${part.trim()}`, code: 'UNKNOWN_COMPETITION', includesText: true };
    codes.push(found.code);
  }
  return { value: [...new Set(codes)] };
}

/** A whole number from min to max (`99999` is not a port). */
export function readWholeNumber(text: string, min: number, max: number): Read<number> {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? { value }
    : { problem: `must be a whole number from ${min} to ${max}` };
}

/**
 * The forecaster (`ensemble`) or a single model family: the one check of a model's name that `predict`, `fit`,
 * the API and the library share.
 */
export const PREDICT_MODELS = ['ensemble', ...MODEL_FAMILIES] as const;
export type PredictModel = 'ensemble' | ModelFamily;

export function readModelName(text: string, known: readonly string[] = PREDICT_MODELS): Read<PredictModel> {
  return known.includes(text)
    ? { value: text as PredictModel }
    : { problem: `unknown model ${text}; one of ${known.join(', ')}`, includesText: true };
}
