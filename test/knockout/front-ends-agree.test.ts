import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { priceTie } from '../../src/app/price-tie.js';
import { preparePreview } from '../../src/preview/prepare-preview.js';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { hasSharedData } from '../shared-data.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

interface Split {
  total: number;
  ninetyMinutes: number;
  extraTime: number;
  penalties: number;
}

/**
 * One tie, every front end, one answer: Atalanta v Liverpool, Europa League quarter-final second leg, 18 April 2024
 * (Liverpool lost the first leg 0-3 at Anfield), as of the day before. `matchday tie --json`, the library's priceTie,
 * the API's /api/tie and the match page set it up in app/price-tie.ts; the preview prices it through the same
 * knockout/tie-pricer with the same legs, extra-time rate, calibration and rules: every number is the same to the
 * last bit.
 */
describe.skipIf(!hasSharedData)('the CLI, the API and the preview give the same tie numbers', () => {
  const cli = () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'tie', 'Atalanta', 'Liverpool', '--competition', 'europa-league', '--season', '2023-24', '--json'].concat([
        '--db',
        inject('sharedDb'),
      ]),
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as {
      asOf: string;
      teams: (Split & { name: string; through: number })[];
      extraTime: number;
      penalties: number;
      model: { extraTimeScale: number; kind: string };
    };
  };

  it('Atalanta v Liverpool, second leg 2024-04-18, as of 2024-04-17', async () => {
    const fromCli = cli();
    expect(fromCli.asOf).toBe('2024-04-17');
    const [atalanta, liverpool] = fromCli.teams;
    expect([atalanta.name, liverpool.name]).toEqual(['Atalanta', 'Liverpool']);

    const db = openDatabase(inject('sharedDb'), { readonly: true });
    try {
      // The library: the CLI's JSON is priceTie's outlook, as it is.
      const fromLibrary = priceTie(db, {
        teamA: 'Atalanta',
        teamB: 'Liverpool',
        competition: 'europa-league',
        season: '2023-24',
      });
      expect(fromLibrary).toEqual(fromCli);
      // Asked as the API asks (the first leg's score given, its host named first): the same numbers.
      const given = priceTie(db, {
        teamA: 'Liverpool',
        teamB: 'Atalanta',
        firstLeg: [0, 3],
        asOf: '2024-04-17',
        competition: 'uefa.el',
      });
      expect(given.teams.map((t) => t.through)).toEqual([liverpool.through, atalanta.through]);
      expect(given.tie.source).toBe('given');

      const server = new ServerContext({ db, today: () => '2024-04-18' });
      const app = createApp(server);
      // The match page's tie section.
      const team = (name: string) => {
        const found = server.findTeam(name);
        return { id: found.teamId, name: found.name };
      };
      const page = server.ties.secondLeg({
        competitionCode: 'uefa.el',
        season: '2023-24',
        date: '2024-04-18',
        home: team('Atalanta'),
        away: team('Liverpool'),
        neutral: false,
        firstLeg: { hostGoals: 0, visitorGoals: 3 },
      });
      expect(page?.home.total).toBe(atalanta.through);
      expect(page?.away.total).toBe(liverpool.through);
      expect(page?.result.extraTime).toBe(fromCli.extraTime);
      const response = await app.request(
        '/api/tie?home=Atalanta&away=Liverpool&firstLeg=0-3&date=2024-04-18&competition=uefa.el',
      );
      expect(response.status).toBe(200);
      // The same tie named the other way round (Atalanta hosting the first leg) is not this tie: a 400 saying so.
      const reversed = await app.request(
        '/api/tie?home=Liverpool&away=Atalanta&firstLeg=3-0&date=2024-04-18&competition=uefa.el',
      );
      expect(reversed.status).toBe(400);
      expect(((await reversed.json()) as { error: unknown }).error).toEqual({
        code: 'BAD_TIE',
        message: 'field firstLeg: Liverpool hosted the first leg of the uefa.el 2023-24 tie, not Atalanta',
        parameter: 'firstLeg',
      });
      const fromApi = (await response.json()) as {
        home: Split;
        away: Split;
        extraTime: number;
        penalties: number;
        extraTimeScale: number;
        model: { kind: string };
      };
      const preview = preparePreview(db, {
        home: 'Atalanta',
        away: 'Liverpool',
        date: '2024-04-18',
        competition: 'uefa.el',
      });
      const fromPreview = preview.tie!;

      // The CLI lists through/in 90'/extra time/penalties; the API the same as total/…; the preview in its own words.
      expect(fromApi.home).toMatchObject({
        total: atalanta.through,
        ninetyMinutes: atalanta.ninetyMinutes,
        extraTime: atalanta.extraTime,
        penalties: atalanta.penalties,
      });
      expect(fromApi.away).toMatchObject({
        total: liverpool.through,
        ninetyMinutes: liverpool.ninetyMinutes,
        extraTime: liverpool.extraTime,
        penalties: liverpool.penalties,
      });
      expect(fromPreview.home).toEqual({
        total: atalanta.through,
        inNormalTime: atalanta.ninetyMinutes,
        inExtraTime: atalanta.extraTime,
        onPenalties: atalanta.penalties,
      });
      expect(fromPreview.away.total).toBe(liverpool.through);
      expect(fromApi.extraTime).toBe(fromCli.extraTime);
      expect(fromApi.penalties).toBe(fromCli.penalties);
      expect(fromApi.extraTimeScale).toBe(fromCli.model.extraTimeScale);
      expect(fromPreview.description).toContain(`extra time at ${fromCli.model.extraTimeScale.toFixed(3)}`);
      expect(fromApi.model.kind).toBe('calibrated');
      expect(fromCli.model.kind).toBe('calibrated');
      // Atalanta 3-0 up: a long way ahead, not a certainty.
      expect(atalanta.through).toBeGreaterThan(0.8);
      expect(atalanta.through).toBeLessThan(0.99);
    } finally {
      db.close();
    }
  });
});
