import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerContext } from '../server-context.js';
import { competitionCode, isoDate, season } from './parameters.js';
import { errorResponses, looseObject } from './schemas.js';

const bracketRoute = createRoute({
  method: 'get',
  path: '/api/bracket',
  summary:
    "A knockout competition's remaining rounds as of a date: pairings and each team's chances (as `matchday bracket`)",
  request: {
    query: z.object({
      competition: competitionCode,
      season: season,
      asOf: isoDate.optional().openapi({ description: "the bracket before this day's matches (default: today)" }),
    }),
  },
  responses: {
    200: {
      description: 'rounds, ties with scores and odds, every team’s chance of each round and of winning',
      content: { 'application/json': { schema: looseObject('Bracket', 'as `matchday bracket --json`') } },
    },
    ...errorResponses,
  },
});

export function registerBracketRoutes(app: OpenAPIHono, server: ServerContext): void {
  app.openapi(bracketRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await server.work.bracket(q.competition, q.season, q.asOf ?? server.today()), 200);
  });
}
