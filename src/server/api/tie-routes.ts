import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { seasonOfDate } from '../../competitions/competition.js';
import { CompetitionRegistry } from '../../competitions/registry.js';
import type { ServerContext } from '../server-context.js';
import { ApiError, teamPairParameters } from './api-error.js';
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
    const seasonOfTie = q.season ?? seasonOfDate(CompetitionRegistry.builtIn().get(q.competition)!, q.date);
    const outlook = await server.work.secondLeg({
      competitionCode: q.competition,
      season: seasonOfTie,
      date: q.date,
      home: { id: home.teamId, name: home.name },
      away: { id: away.teamId, name: away.name },
      neutral: q.neutral,
      firstLeg: { hostGoals: q.firstLeg[0], visitorGoals: q.firstLeg[1] },
      homeShift: q.homeShift,
      awayShift: q.awayShift,
    });
    if (!outlook) {
      throw new ApiError(
        400,
        'UNKNOWN_RULES',
        `competition: matchday does not know how a level tie is settled in ${q.competition}`,
        {
          parameter: 'competition',
        },
      );
    }
    const { result, priced } = outlook;
    return c.json(
      {
        date: q.date,
        competition: q.competition,
        season: seasonOfTie,
        home: outlook.home,
        away: outlook.away,
        extraTime: result.extraTime,
        penalties: result.penalties,
        needs: outlook.needs,
        mostLikelySecondLegScores: result.mostLikelySecondLegScores,
        rules: result.rules,
        secondLegExpected: result.secondLegExpected,
        extraTimeScale: outlook.extraTimeScale,
        penaltyHomeWin: result.penaltyHomeWin,
        model: { kind: result.model, ...priced.grids, teamsFromPrior: priced.teamsFromPrior },
      },
      200,
    );
  });
}
