import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { smallLeagueDatabase } from './small-league.js';

/** The JSON API over a four-team league (January 2024), through app.request(): no socket. */
describe('JSON API', () => {
  const { db, file } = smallLeagueDatabase();
  const app = createApp(new ServerContext({ db, today: () => '2024-03-01' }));
  afterAll(() => db.close());

  const get = async (url: string) => {
    const response = await app.request(url);
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text,
      body: () => JSON.parse(text),
    };
  };

  it('lists teams and searches them best first', async () => {
    const all = await get('/api/teams');
    expect(all.status).toBe(200);
    expect(all.body().teams.map((t: { name: string }) => t.name)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    const found = (await get('/api/teams?search=alp')).body();
    expect(found.teams.map((t: { name: string }) => t.name)).toEqual(['Alpha']);
    expect(found.teams[0].matches).toBe(6);
  });

  it("gives a team's matches with provenance", async () => {
    const result = (await get('/api/matches?team=Gamma')).body();
    expect(result.team.name).toBe('Gamma');
    expect(result.count).toBe(6);
    expect(
      result.matches.every((m: { home: { name: string }; away: { name: string } }) =>
        [m.home.name, m.away.name].includes('Gamma'),
      ),
    ).toBe(true);
    expect(result.matches[0].sources[0]).toMatchObject({ format: 'generic-csv' });
  });

  it('predicts a fixture from the matches before its date, every probability from one grid', async () => {
    const response = await get('/api/predict?home=Alpha&away=Beta&date=2024-02-01');
    expect(response.status).toBe(200);
    const forecast = response.body();
    expect(forecast.date).toBe('2024-02-01');
    expect(forecast.model.data.matches).toBe(12);
    expect(forecast.model.data.before).toBe('2024-02-01');
    const { home, draw, away } = forecast.markets.result;
    expect(home + draw + away + forecast.markets.truncatedMass).toBeCloseTo(1, 12);
  });

  it("uses today (the server's) when no date is given, and only matches before it", async () => {
    const forecast = (await get('/api/predict?home=Alpha&away=Beta')).body();
    expect(forecast.date).toBe('2024-03-01');
    const early = (await get('/api/predict?home=Alpha&away=Beta&date=2024-01-07')).body();
    expect(early.model.data.matches).toBe(6);
  });

  it('moves the numbers with a what-if strength shift and a neutral venue', async () => {
    const base = (await get('/api/predict?home=Alpha&away=Beta&date=2024-02-01')).body();
    const weaker = (await get('/api/predict?home=Alpha&away=Beta&date=2024-02-01&homeShift=-0.2')).body();
    const neutral = (await get('/api/predict?home=Alpha&away=Beta&date=2024-02-01&neutral=true')).body();
    expect(weaker.markets.result.home).toBeLessThan(base.markets.result.home);
    // The forecaster's grid moves with the blend's rates (×e^−0.2 at home, ×e^0.2 away) under the forecast's tilt.
    expect(weaker.expectedGoals.home).toBeLessThan(base.expectedGoals.home * Math.exp(-0.1));
    expect(weaker.expectedGoals.away).toBeGreaterThan(base.expectedGoals.away * Math.exp(0.1));
    expect(weaker.ensemble).toEqual(base.ensemble);
    expect(neutral.neutral).toBe(true);
    expect(neutral.expectedGoals.home).not.toBeCloseTo(base.expectedGoals.home, 6);
  });

  it.each([
    ['/api/predict?home=Alpha&away=Beta&date=2024-02-30', 'date'],
    ['/api/predict?home=Alpha&away=Beta&date=tomorrow', 'date'],
    ['/api/predict?away=Beta', 'home'],
    ['/api/predict?home=Alpha&away=Beta&homeShift=2', 'homeShift'],
    ['/api/predict?home=Alpha&away=Beta&model=magic', 'model'],
    ['/api/predict?home=Alpha&away=Beta&model=elo&awayShift=0.1', 'awayShift'],
    ['/api/predict?home=Alpha&away=Beta&neutral=perhaps', 'neutral'],
    ['/api/predict?home=Alpha&away=Beta&competitions=eng.1,nowhere', 'competitions'],
    ['/api/predict?home=Alpha&away=Beta&xi=-1', 'xi'],
    ['/api/teams?limit=0', 'limit'],
    ['/api/matches?competition=eng.1', 'team'],
    ['/api/matches?team=Alpha&season=2023-25', 'season'],
    ['/api/matches?team=Alpha&competition=nowhere', 'competition'],
    ['/api/precedent?firstLegScore=three-nil', 'firstLegScore'],
    ['/api/precedent?rounds=final', 'rounds'],
    ['/api/tie?home=Alpha&away=Beta&firstLeg=1-0&date=2024-02-01&competition=eng.1', 'competition'],
    ['/api/tie?home=Alpha&away=Beta&firstLeg=1:0&date=2024-02-01&competition=uefa.el', 'firstLeg'],
    ['/api/preview?home=Alpha&away=Beta&date=2024-02-01&format=pdf', 'format'],
    ['/api/venue?name=', 'name'],
    ['/api/venue?name=Anfield&capacity=lots', 'capacity'],
    ['/api/bracket?competition=uefa.el&season=2023', 'season'],
    ['/api/bracket?competition=uefa.el&season=2023-24&asOf=2024-4-1', 'asOf'],
    ['/api/bracket?season=2023-24', 'competition'],
  ])('answers %s with a 400 naming %s', async (url, parameter) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/json');
    const { error } = response.body();
    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain(parameter);
  });

  it.each([
    [
      '/api/predict?home=Alpha&away=Alpha&date=2024-02-01',
      {
        code: 'SAME_TEAM',
        parameter: 'away',
        message: 'field away: Alpha is named twice: a match needs two different teams',
      },
    ],
    [
      '/api/tie?home=Alpha&away=Alpha&firstLeg=1-0&date=2024-02-01&competition=uefa.el',
      {
        code: 'SAME_TEAM',
        parameter: 'away',
        message: 'field away: Alpha is named twice: a match needs two different teams',
      },
    ],
    [
      '/api/predict?home=Alpha&away=Beta&date=2100-01-01',
      {
        code: 'DATE_AFTER_DATA',
        parameter: 'date',
        message:
          'field date: 2100-01-01 is after the data: the last played match in the database is on 2024-01-12, ' +
          'and a forecast is fitted on the 4 years before its date',
      },
    ],
    [
      '/api/predict?home=Alpha&away=Beta&date=2024-01-01&model=poisson',
      {
        code: 'DATE_BEFORE_DATA',
        parameter: 'date',
        message: 'field date: 2024-01-01 is before the data: the first played match in the database is on 2024-01-01',
      },
    ],
    [
      '/api/matches?team=Alpha&from=2024-02-01&to=2024-01-01',
      {
        code: 'BAD_RANGE',
        parameter: 'from',
        message: 'field from: 2024-02-01 is after to 2024-01-01: the range is reversed',
      },
    ],
    [
      '/api/predict?home=Alpha&away=Beta&date=2024-02-01&model=poisson&prior=1e308',
      { code: 'BAD_PARAMETER', parameter: 'prior', message: 'prior: must be a number from 0 to 1000000' },
    ],
  ])('answers %s with a 400 saying what is wrong', async (url, error) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(response.body().error).toEqual(error);
  });

  it('answers an unknown team with a 404 listing the closest names', async () => {
    const misspelt = await get('/api/predict?home=Alpha&away=Betta&date=2024-02-01');
    expect(misspelt.status).toBe(404);
    const { error } = misspelt.body();
    expect(error).toMatchObject({ code: 'UNKNOWN_TEAM', parameter: 'away' });
    expect(error.closest.map((t: { name: string }) => t.name)).toContain('Beta');
    expect(error.message).toContain('Beta');
    const matches = await get('/api/matches?team=Omega');
    expect(matches.status).toBe(404);
    expect(matches.body().error.parameter).toBe('team');
  });

  it('forecasts a tie before its second leg, the two sides adding up to one', async () => {
    const response = await get(
      '/api/tie?home=Alpha&away=Beta&firstLeg=1-0&date=2024-02-01&competition=uefa.el&season=2023-24',
    );
    expect(response.status).toBe(200);
    const tie = response.body();
    expect(tie.home.total + tie.away.total).toBeCloseTo(1, 9);
    for (const side of [tie.home, tie.away]) {
      expect(side.ninetyMinutes + side.extraTime + side.penalties).toBeCloseTo(side.total, 12);
    }
    expect(tie.rules.awayGoals).toBe(false);
    // Beta won the first leg at home 1-0, so Alpha (hosting the second leg) trails by one.
    expect(tie.needs).toMatch(/^Alpha need/);
    const harder = (await get('/api/tie?home=Alpha&away=Beta&firstLeg=3-0&date=2024-02-01&competition=uefa.el')).body();
    expect(harder.home.total).toBeLessThan(tie.home.total);
  });

  it('finds no precedent in a league without ties', async () => {
    const result = (await get('/api/precedent?minMargin=2')).body();
    expect(result.count).toBe(0);
    expect(result.query.minMargin).toBe(2);
  });

  it('writes a preview of a stored fixture as JSON, Markdown and HTML', async () => {
    const json = await get('/api/preview?home=Delta&away=Gamma&date=2024-01-12');
    expect(json.status).toBe(200);
    const preview = json.body();
    expect(preview.fixture).toMatchObject({ home: 'Delta', away: 'Gamma', date: '2024-01-12' });
    expect(preview.sections.length).toBeGreaterThan(0);
    const md = await get('/api/preview?home=Delta&away=Gamma&date=2024-01-12&format=md');
    expect(md.type).toContain('text/markdown');
    expect(md.text).toContain('Delta v Gamma');
    const page = await get('/api/preview?home=Delta&away=Gamma&date=2024-01-12&format=html');
    expect(page.type).toContain('text/html');
    expect(page.text).toContain('<article>');
    const unstored = await get('/api/preview?home=Alpha&away=Beta&date=2024-05-01');
    expect(unstored.status).toBe(400);
    expect(unstored.body().error.parameter).toBe('competition');
  });

  it('answers a league (no bracket) and a season without matches with a 404', async () => {
    const league = await get('/api/bracket?competition=eng.1&season=2023-24');
    expect(league.status).toBe(404);
    expect(league.body().error).toMatchObject({ code: 'NO_BRACKET', parameter: 'competition' });
    const empty = await get('/api/bracket?competition=uefa.el&season=1999-00');
    expect(empty.status).toBe(404);
    expect(empty.body().error).toMatchObject({ code: 'NO_MATCHES', parameter: 'season' });
  });

  it('answers an unknown ground with a 404', async () => {
    const response = await get('/api/venue?name=Nowhere%20Park');
    expect(response.status).toBe(404);
    expect(response.body().error).toMatchObject({ code: 'UNKNOWN_VENUE', parameter: 'name' });
  });

  it('estimates the away allocation of a ground given only its capacity, by the competition’s rule', async () => {
    const response = await get('/api/venue?name=Nowhere%20Park&capacity=20000&competition=uefa.el');
    expect(response.status).toBe(200);
    const { venue, sentences } = response.body();
    expect(venue).toMatchObject({ name: 'Nowhere Park', capacity: 20000, capacityFrom: 'given', registry: null });
    expect(venue.crowd.ruleAllocation).toBeGreaterThan(0);
    expect(sentences.length).toBeGreaterThan(0);
  });

  it('describes every endpoint in the OpenAPI document', async () => {
    const document = (await get('/openapi.json')).body();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/bracket',
        '/api/matches',
        '/api/precedent',
        '/api/predict',
        '/api/preview',
        '/api/teams',
        '/api/tie',
        '/api/venue',
      ].sort(),
    );
    const predict = document.paths['/api/predict'].get;
    expect(predict.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['home', 'away', 'date', 'neutral', 'homeShift', 'awayShift']),
    );
    expect(Object.keys(predict.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
  });

  it('only reads: other methods find no route, and a writable database is refused', async () => {
    const post = await app.request('/api/predict?home=Alpha&away=Beta', { method: 'POST' });
    expect(post.status).toBe(404);
    const writable = openDatabase(file);
    expect(() => new ServerContext({ db: writable })).toThrow('read-only');
    writable.close();
  });

  it('passes a hostile name to SQL only as a bound parameter', async () => {
    const response = await get(`/api/matches?team=${encodeURIComponent("Alpha'; DROP TABLE matches; --")}`);
    expect(response.status).toBe(404);
    expect((await get('/api/matches?team=Alpha')).body().count).toBe(6);
  });
});
