import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { competitionCode, idParameter, isoDate, season, teamName } from '../api/parameters.js';
import { teamPairParameters } from '../api/api-error.js';
import type { ServerContext } from '../server-context.js';
import { CompetitionPage } from './competition-page.js';
import { ENHANCE_SCRIPT } from './enhance-script.js';
import { errorPage } from './error-page.js';
import { HomePage } from './home-page.js';
import type { Html } from './layout.js';
import { MatchPage } from './match-page.js';

const HTML = { 'Content-Type': 'text/html; charset=UTF-8' };

/** The server-rendered pages (outside the OpenAPI document: they are for people). */
export function registerPages(app: OpenAPIHono, server: ServerContext): void {
  const home = new HomePage(server);
  const matches = new MatchPage(server);
  const competitions = new CompetitionPage(server);
  // A page depends on its address, today and the database: the server empties this cache when the database changes.
  // Kept encoded: encoding a 200 kB page again costs more than serving it.
  // A page is 20–200 kB.
  const rendered = server.cache<string, { page: Uint8Array<ArrayBuffer>; status: ContentfulStatusCode } | null>(
    (value) => (value ? value.page.byteLength : 0) + 200,
  );
  const renderedPage = async (
    c: Context,
    render: () => Promise<{ page: Html | string; status: ContentfulStatusCode } | null>,
  ): Promise<{ page: Uint8Array<ArrayBuffer>; status: ContentfulStatusCode } | null> => {
    const query = new URLSearchParams(Object.entries(c.req.query()).sort(([a], [b]) => a.localeCompare(b)));
    const key = `${server.today()} ${c.req.path}?${query}`;
    const cached = rendered.get(key);
    if (cached !== undefined) return cached;
    const result = await render();
    const value = result && { page: new TextEncoder().encode((await result.page).toString()), status: result.status };
    rendered.set(key, value);
    return value;
  };

  app.get('/', (c) => c.html(home.render((c.req.query('q') ?? '').slice(0, 200))));

  app.get('/teams/:id', async (c) => {
    const id = idParameter.safeParse(c.req.param('id'));
    const seasonQuery = season.safeParse(c.req.query('season'));
    const result = id.success
      ? await renderedPage(c, async () => {
          const page = await server.work.teamPage({
            teamId: id.data,
            season: seasonQuery.success ? seasonQuery.data : undefined,
            today: server.today(),
          });
          return page === null ? null : { page, status: 200 };
        })
      : null;
    return result
      ? c.body(result.page, result.status, HTML)
      : c.html(errorPage('No such team', `There is no team ${c.req.param('id')}.`), 404);
  });

  app.get('/matches/:date/:home/:away', async (c) => {
    const date = isoDate.safeParse(c.req.param('date'));
    const homeId = idParameter.safeParse(c.req.param('home'));
    const awayId = idParameter.safeParse(c.req.param('away'));
    const result =
      date.success && homeId.success && awayId.success
        ? await renderedPage(c, () =>
            matches.render({ date: date.data, homeId: homeId.data, awayId: awayId.data, query: c.req.query() }),
          )
        : null;
    return result
      ? c.body(result.page, result.status, HTML)
      : c.html(errorPage('No such fixture', 'The address names no date and two different teams.'), 404);
  });

  // A fixture by team names (the home page's search): on to its page by ids, the one address of a fixture.
  app.get('/fixture', (c) => {
    const home = teamName.safeParse(c.req.query('home'));
    const away = teamName.safeParse(c.req.query('away'));
    const date = isoDate.safeParse(c.req.query('date') || server.today());
    if (!home.success || !away.success || !date.success) {
      return c.html(errorPage('Bad fixture', 'Give a home team, an away team and a date YYYY-MM-DD.'), 400);
    }
    const { home: homeTeam, away: awayTeam } = teamPairParameters(server, home.data, away.data);
    return c.redirect(`/matches/${date.data}/${homeTeam.teamId}/${awayTeam.teamId}`, 303);
  });

  app.get('/competitions/:code/:season', async (c) => {
    const code = competitionCode.safeParse(c.req.param('code'));
    const seasonParam = season.safeParse(c.req.param('season'));
    const asOf = isoDate.optional().safeParse(c.req.query('asOf') || undefined);
    if (!asOf.success) return c.html(errorPage('Bad date', 'asOf: must be a date YYYY-MM-DD'), 400);
    const page =
      code.success && seasonParam.success ? await competitions.render(code.data, seasonParam.data, asOf.data) : null;
    return page
      ? c.html(page)
      : c.html(errorPage('No such competition', 'No matches of that competition in that season.'), 404);
  });

  app.get('/favicon.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(FAVICON_SVG);
  });
  // Browsers ask for /favicon.ico whatever the page links: send them to the one icon.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  app.get('/assets/enhance.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(ENHANCE_SCRIPT);
  });
}

/** The site's icon: a ball on the pitch's green. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1b7a3a"/>' +
  '<circle cx="16" cy="16" r="9" fill="#fff" stroke="#111" stroke-width="2"/>' +
  '<path d="M16 11l4 3-1.5 4.5h-5L12 14z" fill="#111"/></svg>';
