import type { OpenAPIHono } from '@hono/zod-openapi';
import { competitionCode, idParameter, isoDate, season, teamName } from '../api/parameters.js';
import { teamParameter } from '../api/api-error.js';
import type { ServerContext } from '../server-context.js';
import { CompetitionPage } from './competition-page.js';
import { ENHANCE_SCRIPT } from './enhance-script.js';
import { errorPage } from './error-page.js';
import { HomePage } from './home-page.js';
import { MatchPage } from './match-page.js';
import { TeamPage } from './team-page.js';

/** The server-rendered pages (outside the OpenAPI document: they are for people). */
export function registerPages(app: OpenAPIHono, server: ServerContext): void {
  const home = new HomePage(server);
  const teams = new TeamPage(server);
  const matches = new MatchPage(server);
  const competitions = new CompetitionPage(server);

  app.get('/', (c) => c.html(home.render((c.req.query('q') ?? '').slice(0, 200))));

  app.get('/teams/:id', (c) => {
    const id = idParameter.safeParse(c.req.param('id'));
    const seasonQuery = season.safeParse(c.req.query('season'));
    const page = id.success ? teams.render(id.data, seasonQuery.success ? seasonQuery.data : undefined) : null;
    return page ? c.html(page) : c.html(errorPage('No such team', `There is no team ${c.req.param('id')}.`), 404);
  });

  app.get('/matches/:date/:home/:away', async (c) => {
    const date = isoDate.safeParse(c.req.param('date'));
    const homeId = idParameter.safeParse(c.req.param('home'));
    const awayId = idParameter.safeParse(c.req.param('away'));
    const result =
      date.success && homeId.success && awayId.success
        ? await matches.render({ date: date.data, homeId: homeId.data, awayId: awayId.data, query: c.req.query() })
        : null;
    return result
      ? c.html(result.page, result.status)
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
    const homeTeam = teamParameter(server, home.data, 'home');
    const awayTeam = teamParameter(server, away.data, 'away');
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

  app.get('/assets/enhance.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(ENHANCE_SCRIPT);
  });
}
