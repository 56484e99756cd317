/**
 * Query parameters shared by the API routes and the pages' forms: one zod schema per kind of value, each reading
 * with the reader the CLI and the library use (app/request-values.ts), so all three accept and refuse the same.
 */
import { z } from '@hono/zod-openapi';
import { NUMBER_LIMITS } from '../../app/request-checks.js';
import {
  PREDICT_MODELS,
  readCompetitions,
  readDate,
  readScore,
  readSeason,
  readWholeNumber,
  type PredictModel,
  type Read,
} from '../../app/request-values.js';
import { CompetitionRegistry } from '../../competitions/registry.js';

/** A query string read by a shared reader: its value, or its problem as the parameter's issue. */
function read<T>(reader: (text: string) => Read<T>) {
  return z.string().transform((text, ctx): T => {
    const result = reader(text);
    if ('value' in result) return result.value;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });
}

export const isoDate = read(readDate).openapi({ type: 'string', example: '2024-04-18', format: 'date' });

export const season = read(readSeason).openapi({ type: 'string', example: '2023-24' });

export const teamName = z
  .string()
  .trim()
  .min(1, { message: 'must name a team' })
  .max(100, { message: 'must be at most 100 characters' });

/** `true` / `false` / `1` / `0`, as a form's checkbox or a URL writes them. */
export const flag = z
  .enum(['true', 'false', '1', '0', 'on'])
  .transform((text) => text === 'true' || text === '1' || text === 'on')
  .openapi({ type: 'boolean', example: 'true' });

/**
 * Comma-separated competition codes or names → codes. The schemas are static, so names are read with the registry
 * as shipped; a code it lacks (`zz.1`, `fd.x1`: a competition a user's import created) is passed on as given, for
 * the database's registry to find or refuse where the request is answered.
 */
export const competitionList = read((text): Read<string[]> => {
  const codes: string[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const shipped = readCompetitions(part, CompetitionRegistry.builtIn());
    if ('value' in shipped) codes.push(...shipped.value);
    else if (COMPETITION_CODE.test(part)) codes.push(part);
    else return shipped;
  }
  return { value: [...new Set(codes)] };
}).openapi({
  type: 'string',
  example: 'eng.1,it.1,uefa.el',
});

/** How a competition code is written: a country or body, a dot, a name (`eng.1`, `uefa.el`, `fd.x1`). */
const COMPETITION_CODE = /^[a-z0-9]+(\.[a-z0-9-]+)+$/;

/** A competition code or name (`uefa.el`, `europa-league`) → its code. */
export const competitionCode = competitionList
  .transform((codes) => codes[0])
  .openapi({ type: 'string', example: 'uefa.el' });

/** `0-3` → [0, 3]. */
export const score = read(readScore).openapi({ type: 'string', example: '0-3' });

export const modelFamily = z.enum(PREDICT_MODELS as unknown as [PredictModel, ...PredictModel[]]).openapi({
  example: 'ensemble',
});

/** A what-if shift of a team's log attack and defence: −0.1 ≈ a tenth fewer goals scored, a tenth more conceded. */
export const strengthShift = z.coerce
  .number()
  .min(-1, { message: 'must be between -1 and 1' })
  .max(1, { message: 'must be between -1 and 1' })
  .openapi({ type: 'number', example: -0.1 });

/** A model fit's number (`xi`, `prior`) within the bounds the CLI and the library enforce. */
export const modelNumber = (field: keyof typeof NUMBER_LIMITS) => {
  const { min, max } = NUMBER_LIMITS[field];
  const message = `must be a number from ${min} to ${max}`;
  return z.coerce.number({ message }).min(min, { message }).max(max, { message });
};

export const wholeNumber = (min: number, max: number) =>
  read((text) => readWholeNumber(text, min, max)).openapi({ type: 'integer', minimum: min, maximum: max });

/** Path ids: positive whole numbers. */
export const idParameter = z.coerce.number().int().positive({ message: 'must be a positive whole number' });
