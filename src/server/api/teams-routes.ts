import { checkDateOrder } from '../../app/request-checks.js';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { CompetitionRegistry } from '../../competitions/registry.js';
import { findMatches, goalsOfMatches, listTeams, sourcesOfMatches } from '../../store/match-queries.js';
import type { ServerContext } from '../server-context.js';
import { ApiError, teamParameter } from './api-error.js';
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
    let competitionCode: string | undefined;
    if (query.competition) {
      const competition = CompetitionRegistry.builtIn().find(query.competition);
      if (!competition) {
        throw new ApiError('UNKNOWN_COMPETITION', `competition: unknown competition ${query.competition}`, {
          parameter: 'competition',
        });
      }
      competitionCode = competition.code;
    }
    // Without a team, a whole competition's history is too much for one response: one season at a time.
    if (!query.team && !(competitionCode && query.season)) {
      throw new ApiError('BAD_PARAMETER', 'team: give a team, or a competition and a season', {
        parameter: 'team',
      });
    }
    if (query.from && query.to) checkDateOrder(query.from, query.to, { from: 'from', to: 'to' });
    const team = query.team ? teamParameter(server, query.team, 'team') : null;
    const matches = findMatches(server.db, {
      teamId: team?.teamId,
      competitionCode,
      season: query.season,
      from: query.from,
      to: query.to,
    });
    const ids = matches.map((m) => m.id);
    const goals = goalsOfMatches(server.db, ids);
    const sources = sourcesOfMatches(server.db, ids);
    return c.json(
      {
        team: team ? { id: team.teamId, name: team.name, country: team.country } : null,
        count: matches.length,
        matches: matches.map((m) => ({ ...m, goals: goals.get(m.id) ?? [], sources: sources.get(m.id) ?? [] })),
      },
      200,
    );
  });
}
