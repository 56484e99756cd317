import { listMatches } from '../../app/list-matches.js';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listTeams } from '../../store/match-queries.js';
import type { ServerContext } from '../server-context.js';
import { teamParameter } from './api-error.js';
import { season, teamName, wholeNumber, isoDate } from './parameters.js';
import { errorResponses, MatchSchema, TeamSchema } from './schemas.js';

const teamsRoute = createRoute({
  method: 'get',
  path: '/api/teams',
  summary: 'Teams, or the candidates for a name (as `matchday teams`)',
  request: {
    query: z.object({
      search: teamName
        .optional()
        .openapi({ description: 'teams whose names look like this, best first', example: 'Liverpool' }),
      limit: wholeNumber(1, 100).default(20).openapi({ description: 'with search: at most this many' }),
    }),
  },
  responses: {
    200: {
      description: 'teams',
      content: { 'application/json': { schema: z.object({ teams: z.array(TeamSchema) }) } },
    },
    400: errorResponses[400],
  },
});

const matchesRoute = createRoute({
  method: 'get',
  path: '/api/matches',
  summary: "A team's matches across competitions and sources, or a competition's season (as `matchday matches`)",
  request: {
    query: z.object({
      team: teamName.optional().openapi({ example: 'Atalanta' }),
      competition: z.string().optional().openapi({ description: 'code or name', example: 'europa-league' }),
      season: season.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
  },
  responses: {
    200: {
      description: 'matches in kick-off order with goals and provenance',
      content: {
        'application/json': {
          schema: z.object({
            team: z.object({ id: z.number(), name: z.string(), country: z.string().nullable() }).nullable(),
            count: z.number(),
            matches: z.array(MatchSchema),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerTeamsRoutes(app: OpenAPIHono, server: ServerContext): void {
  app.openapi(teamsRoute, (c) => {
    const { search, limit } = c.req.valid('query');
    const candidates = search ? server.searchTeams(search, limit) : null;
    const teams = listTeams(
      server.db,
      candidates?.map((candidate) => candidate.teamId),
    );
    if (!candidates) return c.json({ teams }, 200);
    const rank = new Map(candidates.map((candidate, i) => [candidate.teamId, i]));
    teams.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    return c.json({ teams: teams.map((t) => ({ ...t, score: candidates[rank.get(t.id)!].score })) }, 200);
  });

  app.openapi(matchesRoute, (c) => {
    const query = c.req.valid('query');
    // The team as the API finds it: an unknown name is a 404 listing the closest.
    const team = query.team ? teamParameter(server, query.team, 'team') : undefined;
    return c.json(listMatches(server.db, { ...query, team }), 200);
  });
}
