import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { findFixtureMatch } from '../../history/preview-history.js';
import { renderHtml } from '../../preview/render-html.js';
import { renderMarkdown } from '../../preview/render-markdown.js';
import { listTeams } from '../../store/match-queries.js';
import type { ServerContext } from '../server-context.js';
import { ApiError, teamPairParameters } from './api-error.js';
import { competitionCode, isoDate, teamName } from './parameters.js';
import { errorResponses, looseObject } from './schemas.js';

const previewRoute = createRoute({
  method: 'get',
  path: '/api/preview',
  summary:
    'The match preview: facts with receipts, verdict, data analysis (as `matchday preview`, without a dossier unless the server was given one)',
  request: {
    query: z.object({
      home: teamName.openapi({ example: 'Atalanta' }),
      away: teamName.openapi({ example: 'Liverpool' }),
      date: isoDate,
      competition: competitionCode.optional().openapi({ description: "default: the stored fixture's" }),
      format: z.enum(['json', 'md', 'html']).default('json'),
    }),
  },
  responses: {
    200: {
      description: 'the preview: JSON (the Preview object), Markdown or a standalone HTML page',
      content: {
        'application/json': {
          schema: looseObject('Preview', 'the Preview document (see src/preview/preview-document.ts)'),
        },
        'text/markdown': { schema: z.string() },
        'text/html': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});

export function registerPreviewRoutes(app: OpenAPIHono, server: ServerContext): void {
  app.openapi(previewRoute, async (c) => {
    const q = c.req.valid('query');
    const { home, away } = teamPairParameters(server, q.home, q.away);
    const competition =
      q.competition ?? findFixtureMatch(server.db, home.teamId, away.teamId, q.date)?.competition.code;
    if (!competition) {
      throw new ApiError('BAD_PARAMETER', 'competition: the fixture is not in the data; say which competition', {
        parameter: 'competition',
      });
    }
    const countries = new Map(listTeams(server.db, [home.teamId, away.teamId]).map((t) => [t.id, t.country]));
    const outcome = await server.work.preview({
      home: { id: home.teamId, name: home.name, country: countries.get(home.teamId) ?? null },
      away: { id: away.teamId, name: away.name, country: countries.get(away.teamId) ?? null },
      date: q.date,
      competitionCode: competition,
    });
    if ('problem' in outcome) throw new ApiError('NO_PREVIEW', outcome.problem);
    if (q.format === 'md')
      return c.text(renderMarkdown(outcome.preview), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    if (q.format === 'html') return c.html(renderHtml(outcome.preview), 200);
    return c.json(outcome.preview, 200);
  });
}
