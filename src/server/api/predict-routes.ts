import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_MODEL_OPTIONS } from '../../forecast/match-model.js';
import type { FixtureRequest } from '../fixture-forecasts.js';
import type { ServerContext } from '../server-context.js';
import { ApiError, teamPairParameters } from './api-error.js';
import { competitionList, flag, isoDate, modelFamily, modelNumber, strengthShift, teamName } from './parameters.js';
import { errorResponses, ForecastSchema } from './schemas.js';

/** What a fixture forecast is asked with, in the API and in the match page's what-if form alike. */
export const FixtureQuery = z.object({
  home: teamName.openapi({ example: 'Atalanta' }),
  away: teamName.openapi({ example: 'Liverpool' }),
  date: isoDate
    .optional()
    .openapi({ description: 'fixture date; the model uses only matches before it (default: today)' }),
  neutral: flag.default(false).openapi({ description: 'played at a neutral venue' }),
  model: modelFamily.default('ensemble').openapi({
    description: 'ensemble (the forecaster, as `matchday predict`) or a single goal model or rating system',
  }),
  competition: competitionList.optional().openapi({
    description: "the fixture's competition when the database has no such fixture (the first code counts)",
  }),
  competitions: competitionList
    .optional()
    .openapi({ description: "single models: history to fit on (default: both teams' leagues + UEFA competitions)" }),
  xi: modelNumber('xi')
    .default(DEFAULT_MODEL_OPTIONS.xi)
    .openapi({ description: 'single models: time-decay rate per day' }),
  prior: modelNumber('prior')
    .default(DEFAULT_MODEL_OPTIONS.priorStrength)
    .openapi({ description: 'single models: prior precision toward the league mean' }),
  homeShift: strengthShift.default(0).openapi({ description: "what-if: change of the home team's log strength" }),
  awayShift: strengthShift.default(0).openapi({ description: "what-if: change of the away team's log strength" }),
});

export type FixtureQuery = z.infer<typeof FixtureQuery>;

/** A validated query → the forecasts' request (teams resolved; unknown names → 404 with the closest). */
export function fixtureRequest(server: ServerContext, query: FixtureQuery): FixtureRequest {
  // Elo and pi-ratings map a rating difference to a grid: they have no attack and defence to shift.
  for (const parameter of ['homeShift', 'awayShift'] as const) {
    if (query[parameter] !== 0 && (query.model === 'elo' || query.model === 'pi')) {
      throw new ApiError('BAD_PARAMETER', `${parameter}: strength shifts need a goal model, not ${query.model}`, {
        parameter,
      });
    }
  }
  return {
    ...teamPairParameters(server, query.home, query.away),
    date: query.date ?? server.today(),
    neutral: query.neutral,
    ...(query.competition && { competition: query.competition[0] }),
    ...(query.model !== 'ensemble' && {
      model: { family: query.model, xi: query.xi, priorStrength: query.prior },
      competitions: query.competitions,
    }),
    homeShift: query.homeShift,
    awayShift: query.awayShift,
  };
}

const predictRoute = createRoute({
  method: 'get',
  path: '/api/predict',
  summary:
    'Forecast a fixture: expected goals, 1X2, scorelines and every market from one score grid (as `matchday predict`)',
  request: { query: FixtureQuery },
  responses: {
    200: { description: 'the forecast', content: { 'application/json': { schema: ForecastSchema } } },
    ...errorResponses,
  },
});

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function registerPredictRoutes(app: OpenAPIHono, server: ServerContext): void {
  // Finished responses by the request as resolved (team ids, the date defaulted): a repeat does no model or grid
  // work and no serialising. Emptied when the database changes.
  const responses = server.cache<string, Uint8Array<ArrayBuffer>>((body) => body.byteLength + 200);
  app.openapi(predictRoute, async (c) => {
    const request = fixtureRequest(server, c.req.valid('query'));
    const key = JSON.stringify(request);
    let body = responses.get(key);
    if (body === undefined) {
      const version = server.version;
      body = new TextEncoder().encode(JSON.stringify(await server.work.forecast(request)));
      if (server.version === version) responses.set(key, body);
    }
    // The schema's type is the forecast's: the cached bytes are its JSON.
    return c.body(body, 200, JSON_HEADERS) as never;
  });
}
