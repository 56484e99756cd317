import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Dossier } from '../../preview/dossier.js';
import { outnumberedSentence, ruleSentence, venueOnTheDay } from '../../preview/write-crowd.js';
import { countVenues, findVenues, venueNameKey } from '../../store/venue-queries.js';
import type { ServerContext } from '../server-context.js';
import { ApiError } from './api-error.js';
import { competitionCode, wholeNumber } from './parameters.js';
import { errorResponses, looseObject } from './schemas.js';

const venueRoute = createRoute({
  method: 'get',
  path: '/api/venue',
  summary:
    'A ground on matchday: its names, normal and current capacity, away allocation and crowd ratio (as `matchday venue`)',
  request: {
    query: z.object({
      name: z
        .string()
        .trim()
        .min(1, { message: 'must name a ground' })
        .max(200)
        .openapi({ description: 'official, sponsor or competition name', example: 'Stadio di Bergamo' }),
      competition: competitionCode.optional().openapi({ description: 'for its ticketing rule' }),
      capacity: wholeNumber(1, 200_000).optional().openapi({ description: 'seats for this match' }),
      awayAllocation: wholeNumber(1, 200_000).optional().openapi({ description: 'away tickets as announced' }),
    }),
  },
  responses: {
    200: {
      description: 'the ground on the day, with the crowd estimate and the sentences a preview writes about it',
      content: { 'application/json': { schema: looseObject('Venue', 'as `matchday venue --json`') } },
    },
    ...errorResponses,
  },
});

/** The names a dossier gives its venue, as keys. */
function dossierVenueKeys(dossier: Dossier): Set<string> {
  const venue = dossier.venue;
  const names = venue ? [venue.name, venue.officialName, venue.competitionName] : [];
  return new Set(names.filter((n): n is string => n !== undefined).map(venueNameKey));
}

export function registerVenueRoutes(app: OpenAPIHono, server: ServerContext, dossiers: readonly Dossier[]): void {
  app.openapi(venueRoute, (c) => {
    const q = c.req.valid('query');
    // A dossier the server was started with describes this ground on its matchday: its figures count.
    const dossier = dossiers.find((d) => dossierVenueKeys(d).has(venueNameKey(q.name))) ?? null;
    const names = [q.name, ...(dossier ? [...dossierVenueKeys(dossier)] : [])];
    const registry = findVenues(server.db, names)[0] ?? null;
    if (!registry && !dossier && q.capacity === undefined) {
      throw new ApiError(
        'UNKNOWN_VENUE',
        `name: ${q.name} is not in the venue registry (${countVenues(server.db)} grounds); give capacity`,
        { parameter: 'name' },
      );
    }
    const competition = q.competition ?? dossier?.fixture.competition ?? null;
    const venue = venueOnTheDay({
      name: q.name,
      competition,
      registry,
      dossier,
      ...(q.capacity !== undefined && { capacity: q.capacity }),
      ...(q.awayAllocation !== undefined && { awayAllocation: q.awayAllocation }),
    });
    const teams = { home: dossier?.fixture.home ?? null, away: dossier?.fixture.away ?? null };
    const sentences = venue.crowd
      ? [ruleSentence(venue.crowd, venue.announcedBy), outnumberedSentence(venue.crowd, teams)].filter(
          (s): s is string => s !== null,
        )
      : [];
    return c.json({ competition, venue, sentences, dossier: dossier?.file ?? null }, 200);
  });
}
