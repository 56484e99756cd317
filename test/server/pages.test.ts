import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parseDossier } from '../../src/preview/dossier.js';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { listTeams } from '../../src/store/match-queries.js';
import { describeWithSharedData } from '../shared-data.js';
import { smallLeagueDatabase } from './small-league.js';

interface BracketJson {
  method: string;
  rounds: { name: string }[];
  teams: { win: number; reach: Record<string, number> }[];
}

const DOSSIER = path.resolve(import.meta.dirname, '../../examples/atalanta-liverpool-2024-04-18.dossier.yaml');

const page = async (app: ReturnType<typeof createApp>, url: string) => {
  const response = await app.request(url);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    html: await response.text(),
    location: response.headers.get('location'),
  };
};

/** The page with every run of white space as one space, as a browser lays it out. */
const flat = (html: string) => html.replace(/\s+/g, ' ');

/** The text of the element marked `data-testid="id"`. */
const testId = (html: string, id: string) => new RegExp(`data-testid="${id}">([^<]*)<`).exec(html)?.[1];

describe('pages', () => {
  const { db } = smallLeagueDatabase();
  const app = createApp(new ServerContext({ db, today: () => '2024-03-01' }));
  const ids = new Map(listTeams(db).map((t) => [t.name, t.id]));
  afterAll(() => db.close());

  it('home: search finds teams and a fixture; recent matches are listed', async () => {
    const home = await page(app, '/?q=Alpha+v+Beta');
    expect(home.status).toBe(200);
    expect(home.type).toContain('text/html');
    expect(home.html).toContain('Recent matches');
    expect(home.html).toContain(`/teams/${ids.get('Alpha')}`);
    expect(home.html).toContain(`/matches/2024-01-01/${ids.get('Alpha')}/${ids.get('Beta')}`);
    expect(home.html).toContain('2024-01-12');
  });

  it('team page: form strip, rating chart and the season’s results', async () => {
    const team = await page(app, `/teams/${ids.get('Gamma')}`);
    expect(team.status).toBe(200);
    expect(team.html).toMatch(/<ol class="form-strip" aria-label="Form: [WDL]( [WDL]){5}">/);
    expect(team.html).toContain('id="rating-chart"');
    expect(team.html).toContain('<title id="rating-chart-title">Gamma: Elo rating over time</title>');
    expect((await page(app, '/teams/99999')).status).toBe(404);
  });

  it('match page: the 1X2 bar, scoreline heatmap and totals chart, each an accessible SVG', async () => {
    const match = await page(app, `/matches/2024-01-12/${ids.get('Delta')}/${ids.get('Gamma')}`);
    expect(match.status).toBe(200);
    for (const id of ['result-bar', 'scoreline-heatmap', 'totals-chart']) {
      expect(match.html).toContain(
        `<svg aria-describedby="${id}-desc" aria-labelledby="${id}-title" id="${id}" role="img"`,
      );
    }
    const shares = ['p-home', 'p-draw', 'p-away'].map((id) => Number.parseFloat(testId(match.html, id) ?? 'NaN'));
    expect(shares.every(Number.isFinite)).toBe(true);
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(98);
    expect(match.html).toContain('id="preview"');
  });

  it('the what-if form changes the numbers, and a bad what-if is a 400 that still shows the page', async () => {
    const url = `/matches/2024-01-12/${ids.get('Delta')}/${ids.get('Gamma')}`;
    const base = await page(app, url);
    const weaker = await page(app, `${url}?homeShift=-0.3&awayShift=0.3`);
    expect(weaker.html).toContain('data-testid="what-if-active"');
    expect(Number.parseFloat(testId(weaker.html, 'p-home')!)).toBeLessThan(
      Number.parseFloat(testId(base.html, 'p-home')!),
    );
    const bad = await page(app, `${url}?homeShift=5`);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('homeShift: must be between -1 and 1');
  });

  it('a fixture by names leads to its page by ids; unknown teams are a 404', async () => {
    const found = await page(app, '/fixture?home=Alpha&away=Gamma&date=2024-02-10');
    expect(found.status).toBe(303);
    expect(found.location).toBe(`/matches/2024-02-10/${ids.get('Alpha')}/${ids.get('Gamma')}`);
    expect((await page(app, '/fixture?home=Alpha&away=Omega&date=2024-02-10')).status).toBe(404);
    expect((await page(app, `/matches/2024-02-10/${ids.get('Alpha')}/${ids.get('Alpha')}`)).status).toBe(404);
  });

  it('escapes what a request carries', async () => {
    const result = await page(app, '/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(result.html).not.toContain('<script>alert(1)</script>');
    expect(result.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describeWithSharedData('pages and API over the shared data: Atalanta v Liverpool, 18 April 2024', () => {
  const db = openDatabase(inject('sharedDb'), { readonly: true });
  const dossier = parseDossier(readFileSync(DOSSIER, 'utf8'), DOSSIER);
  const server = new ServerContext({ db, today: () => '2024-04-18', dossiers: [dossier] });
  const app = createApp(server);
  afterAll(() => db.close());
  const atalanta = () => server.findTeam('Atalanta').teamId;
  const liverpool = () => server.findTeam('Liverpool').teamId;

  it('the match page shows the final score, the forecast and the tie split the preview also gives', async () => {
    const match = await page(app, `/matches/2024-04-18/${atalanta()}/${liverpool()}`);
    expect(match.status).toBe(200);
    expect(match.html).toContain('Atalanta 0-1 Liverpool');
    expect(match.html).toContain('id="tie-chart"');
    const through = Number.parseFloat(testId(match.html, 'through-home')!);
    // The chart and the preview's table give the same chance: Atalanta about 90% after the 3-0 win at Anfield.
    expect(through).toBeGreaterThan(85);
    const table = /Atalanta<\/th><td class="num">(\d+\.\d)%/.exec(match.html);
    expect(Number(table?.[1])).toBeCloseTo(through, 0);
    expect(match.html).toContain('Liverpool need to win by 3 to force extra time');
    expect(flat(match.html)).toMatch(/The winners play .*SL Benfica.* or .*Olympique Marseille.* in the semi-finals/);
  });

  it("the match page's preview has the dossier's team news and line-ups, and the venue API its crowd", async () => {
    const match = await page(app, `/matches/2024-04-18/${atalanta()}/${liverpool()}`);
    expect(match.html).toContain('<h3 id="team-news-title">Team news</h3>');
    expect(match.html).toContain('id="possible-line-ups"');
    const venue = await app.request('/api/venue?name=Stadio%20di%20Bergamo');
    expect(venue.status).toBe(200);
    const body = (await venue.json()) as { venue: { name: string; capacity: number }; competition: string };
    expect(body.venue).toMatchObject({ name: 'Gewiss Stadium', capacity: 16000 });
    expect(body.competition).toBe('uefa.el');
  });

  it('a first leg shows the bracket’s odds for the whole tie', async () => {
    const first = await page(app, `/matches/2024-04-11/${liverpool()}/${atalanta()}`);
    const sentence =
      /Before the first leg, the bracket's model gives Liverpool (\d+)% and Atalanta (\d+)% to go through/.exec(
        flat(first.html),
      );
    expect(sentence).not.toBeNull();
    const [liverpoolShare, atalantaShare] = [Number(sentence![1]), Number(sentence![2])];
    expect(liverpoolShare).toBeGreaterThan(atalantaShare);
    expect(liverpoolShare + atalantaShare).toBeGreaterThanOrEqual(99);
    expect(liverpoolShare + atalantaShare).toBeLessThanOrEqual(101);
  });

  it("a what-if page's numbers are all the changed match's: no preview, stored forecast or bracket odds of the match as it is", async () => {
    const url = `/matches/2024-04-11/${liverpool()}/${atalanta()}`;
    const asItIs = await page(app, url);
    expect(asItIs.html).toContain('class="preview"');
    expect(flat(asItIs.html)).toContain("Before the first leg, the bracket's model gives");
    const whatIf = await page(app, `${url}?homeShift=-0.2`);
    expect(whatIf.status).toBe(200);
    expect(whatIf.html).toContain('data-testid="what-if-active"');
    expect(whatIf.html).toContain('data-testid="preview-elsewhere"');
    expect(whatIf.html).not.toContain('class="preview"');
    expect(flat(whatIf.html)).not.toContain("the bracket's model");
    // The 1X2 shown is the what-if forecast's, as the API gives it.
    const api = (await (
      await app.request('/api/predict?home=Liverpool&away=Atalanta&date=2024-04-11&homeShift=-0.2')
    ).json()) as { markets: { result: { home: number; draw: number; away: number } } };
    expect(Number.parseFloat(testId(whatIf.html, 'p-home')!)).toBeCloseTo(100 * api.markets.result.home, 0);
    expect(Number.parseFloat(testId(whatIf.html, 'p-away')!)).toBeCloseTo(100 * api.markets.result.away, 0);
  });

  it('a what-if first leg turns the tie round', async () => {
    const url = `/matches/2024-04-18/${atalanta()}/${liverpool()}`;
    const turned = await page(app, `${url}?firstLegHome=2&firstLegAway=0`);
    expect(Number.parseFloat(testId(turned.html, 'through-home')!)).toBeLessThan(30);
  });

  it('the Europa League 2023-24 bracket before the quarter-finals: exact odds that add up', async () => {
    const response = await app.request('/api/bracket?competition=europa-league&season=2023-24&asOf=2024-04-11');
    expect(response.status).toBe(200);
    const bracket = (await response.json()) as BracketJson;
    expect(bracket.method).toBe('exact');
    expect(bracket.rounds.map((r: { name: string }) => r.name)).toEqual([
      'Knockout round play-offs',
      'Round of 16',
      'Quarter-finals',
      'Semi-finals',
      'Final',
    ]);
    expect(bracket.teams).toHaveLength(8);
    expect(bracket.teams.reduce((sum: number, t: { win: number }) => sum + t.win, 0)).toBeCloseTo(1, 9);
    expect(
      bracket.teams.reduce((sum: number, t: { reach: Record<string, number> }) => sum + t.reach.Final, 0),
    ).toBeCloseTo(2, 9);
    const page = await app.request('/competitions/uefa.el/2023-24?asOf=2024-04-11');
    const html = await page.text();
    expect(html).toContain('id="champion-chart"');
    // Later rounds name their slots by the tie that feeds them, not "winner of winner of …".
    expect(flat(html)).toMatch(/Winner of QF 1 \([^()<]+ v [^()<]+\)/);
    expect(flat(html)).toContain('Winner of SF 1');
    expect(html.toLowerCase()).not.toContain('winner of winner of');
    expect(flat(html)).toMatch(
      />Semi-finals<\/th> ?<th scope="col" class="num">Final<\/th> ?<th scope="col" class="num">Winner</,
    );
  });

  it('predict resolves names across the data and a misspelt one suggests the club', async () => {
    const ok = await app.request('/api/predict?home=Atalanta&away=Liverpool&date=2024-04-18');
    const forecast = (await ok.json()) as { model: { data: { competitions: string[]; lastDate: string } } };
    // The forecaster's scope: each team's league with its neighbouring tiers, and the continental competitions.
    expect(forecast.model.data.competitions).toEqual(['eng.1', 'eng.2', 'it.1', 'uefa.cl', 'uefa.conf', 'uefa.el']);
    expect(forecast.model.data.lastDate < '2024-04-18').toBe(true);
    const misspelt = await app.request('/api/predict?home=Atalanta&away=Liverpol&date=2024-04-18');
    expect(misspelt.status).toBe(404);
    const { error } = (await misspelt.json()) as { error: { closest: { name: string }[] } };
    expect(error.closest[0].name).toBe('Liverpool');
  });
});
