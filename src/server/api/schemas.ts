/** Response schemas for the OpenAPI document: the fields clients rely on; objects may carry more. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'UNKNOWN_TEAM' }),
      message: z.string(),
      parameter: z.string().optional().openapi({ example: 'home' }),
      closest: z.array(z.object({ id: z.number(), name: z.string(), country: z.string().nullable() })).optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: {
    description: 'a parameter is missing or invalid (named in `error.parameter`)',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  404: {
    description: 'an unknown team or id; `error.closest` lists the nearest team names',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  422: {
    description: 'a valid request the data cannot answer (e.g. no history before the date)',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

export const TeamSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    country: z.string().nullable(),
    matches: z.number(),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    aliases: z.array(z.string()),
    score: z.number().optional().openapi({ description: 'name similarity to the search (1 = exact)' }),
  })
  .openapi('Team');

const Pair = z.tuple([z.number(), z.number()]).nullable();

export const MatchSchema = z
  .looseObject({
    id: z.number(),
    competition: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
    season: z.string(),
    date: z.string(),
    home: z.object({ id: z.number(), name: z.string() }),
    away: z.object({ id: z.number(), name: z.string() }),
    neutral: z.boolean(),
    round: z.string().nullable(),
    leg: z.number().nullable(),
    status: z.string(),
    score: z.object({ ht: Pair, ft: Pair, et: Pair, pens: Pair }),
  })
  .openapi('Match');

const Probability = z.number().min(0).max(1);

export const ForecastSchema = z
  .looseObject({
    date: z.string(),
    home: z.object({ id: z.number(), name: z.string(), group: z.string().optional() }),
    away: z.object({ id: z.number(), name: z.string(), group: z.string().optional() }),
    neutral: z.boolean(),
    model: z.object({ family: z.string(), data: z.object({ matches: z.number(), before: z.string() }) }),
    expectedGoals: z.object({ home: z.number(), away: z.number() }),
    markets: z.object({
      result: z.object({ home: Probability, draw: Probability, away: Probability }),
    }),
  })
  .openapi('Forecast');

/** A loosely described object: documented by the CLI's `--json` output of the same command. */
export const looseObject = (name: string, description: string) => z.looseObject({}).openapi(name, { description });
