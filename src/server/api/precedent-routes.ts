import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { findPrecedents } from '../../knockout/knockout-reader.js';
import { DEFAULT_PRECEDENT_QUERY, type PrecedentQuery } from '../../knockout/precedents.js';
import type { ServerContext } from '../server-context.js';
import { competitionList, isoDate, score, season, wholeNumber } from './parameters.js';
import { errorResponses, looseObject } from './schemas.js';

const seasonList = z
  .string()
  .transform((text, ctx) => {
    const seasons: string[] = [];
    for (const part of text.split(',')) {
      const parsed = season.safeParse(part.trim());
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `must be seasons like 2022-23,2023-24, got ${part}` });
        return z.NEVER;
      }
      seasons.push(parsed.data);
    }
    return seasons;
  })
  .openapi({ type: 'string', example: '2021-22,2022-23,2023-24' });

const precedentRoute = createRoute({
  method: 'get',
  path: '/api/precedent',
  summary: 'How two-legged ties went after a first leg like this one (as `matchday precedent`)',
  request: {
    query: z.object({
      competitions: competitionList.optional(),
      rounds: z.enum(['knockout', 'qualifying', 'all']).default(DEFAULT_PRECEDENT_QUERY.rounds),
      seasons: seasonList.optional(),
      firstLegWinner: z.enum(['home', 'away', 'either']).default('either'),
      minMargin: wholeNumber(1, 20).default(DEFAULT_PRECEDENT_QUERY.minMargin),
      maxMargin: wholeNumber(1, 20).optional(),
      firstLegScore: score.optional(),
      before: isoDate.optional(),
      outcome: z.enum(['through', 'eliminated', 'all']).default('all'),
    }),
  },
  responses: {
    200: {
      description: 'counts, outcome split and the ties themselves',
      content: { 'application/json': { schema: looseObject('PrecedentResult', 'as `matchday precedent --json`') } },
    },
    ...errorResponses,
  },
});

export function registerPrecedentRoutes(app: OpenAPIHono, server: ServerContext): void {
  app.openapi(precedentRoute, (c) => {
    const q = c.req.valid('query');
    const query: PrecedentQuery = {
      competitions: q.competitions ?? [],
      rounds: q.rounds,
      seasons: q.seasons ?? [],
      firstLegWinner: q.firstLegWinner,
      minMargin: q.minMargin,
      maxMargin: q.maxMargin ?? null,
      firstLegScore: q.firstLegScore ?? null,
      before: q.before ?? null,
      outcome: q.outcome,
    };
    return c.json(findPrecedents(server.db, query), 200);
  });
}
