import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { dayBefore } from '../../app/price-tie.js';
import type { ServerContext } from '../server-context.js';
import { teamPairParameters } from './api-error.js';
import { competitionCode, flag, isoDate, score, season, strengthShift, teamName } from './parameters.js';
import { errorResponses, looseObject } from './schemas.js';

const tieRoute = createRoute({
  method: 'get',
  path: '/api/tie',
  summary: 'Who goes through a two-legged tie before its second leg, and how (90 minutes, extra time, penalties)',
  request: {
    query: z.object({
      home: teamName.openapi({ description: 'the second leg’s hosts', example: 'Atalanta' }),
      away: teamName.openapi({
        description: 'the second leg’s visitors (they hosted the first leg)',
        example: 'Liverpool',
      }),
      firstLeg: score.openapi({ description: 'the first leg’s score, its hosts’ goals first', example: '0-3' }),
      date: isoDate.openapi({ description: 'second-leg date; the model uses only matches before it' }),
      competition: competitionCode.openapi({
        description: 'decides the rules (away goals or not)',
        example: 'uefa.el',
      }),
      season: season.optional().openapi({ description: 'default: the season of the date' }),
      neutral: flag.default(false),
      homeShift: strengthShift.default(0),
      awayShift: strengthShift.default(0),
    }),
  },
  responses: {
    200: {
      description: 'P(each side through) split by how, the likely second-leg scores, what the trailing side needs',
      content: { 'application/json': { schema: looseObject('TieForecast', 'the tie forecast') } },
    },
    ...errorResponses,
  },
});

export function registerTieRoutes(app: OpenAPIHono, server: ServerContext): void {
  app.openapi(tieRoute, async (c) => {
    const q = c.req.valid('query');
    const { home, away } = teamPairParameters(server, q.home, q.away);
    const answer = await server.work.tie({
      tie: {
        teamA: away,
        teamB: home,
        teamAHostedFirstLeg: true,
        competition: q.competition,
        ...(q.season !== undefined && { season: q.season }),
        asOf: dayBefore(q.date),
        firstLeg: q.firstLeg,
        neutral: q.neutral,
        homeShift: q.homeShift,
        awayShift: q.awayShift,
      },
      date: q.date,
      competition: q.competition,
    });
    return c.json(answer, 200);
  });
}
