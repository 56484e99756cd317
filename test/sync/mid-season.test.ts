/**
 * The whole loop a user runs mid-season, on the compiled bin against a local server with the real 2023-24 Premier
 * League cut at 1 March 2024: sync (results so far + the fixtures file), the next round's fixtures with forecasts,
 * its previews, then a sync a fortnight later bringing the results — shown beside the forecasts stored beforehand.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { describeWithSharedData } from '../shared-data.js';
import { tempDir } from '../temp-dir.js';
import { fixturesFile, seasonPath, seasonRows, sharedSeasonFile, SourceServer } from './source-server.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const run = promisify(execFile);

/** The bin, asynchronously: the source server answers from this process. */
async function matchday(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface FixtureJson {
  id: number;
  date: string;
  home: { name: string };
  away: { name: string };
  forecast: { result: { home: number; draw: number; away: number }; dataBefore: string } | null;
  storedAsPreMatch: boolean;
}

const pair = (f: FixtureJson) => `${f.date} ${f.home.name} v ${f.away.name}`;

describeWithSharedData('mid-season: sync, fixtures and previews, then the results beside the stored forecasts', () => {
  const server = new SourceServer();
  const dir = tempDir('mid-season');
  const db = path.join(dir, 'matchday.db');
  const season = sharedSeasonFile('E0', '2023-24');
  const lastSeason = sharedSeasonFile('E0', '2022-23');
  const laLiga = sharedSeasonFile('SP1', '2023-24');
  let mirror = '';
  const sync = (today: string) =>
    matchday([
      'sync',
      '--competitions',
      'eng.1',
      '--seasons',
      '2022-23,2023-24',
      '--mirror',
      mirror,
      '--today',
      today,
      '--delay',
      '0',
      '--db',
      db,
      '--json',
    ]);
  const fixturesUntilMarch13 = seasonRows(season, '2024-03-02', '2024-03-13');
  // Bournemouth v Luton, played on 13 March, was listed for the 12th: its result must still land on the same row.
  const listed = fixturesUntilMarch13.rows.map((row) =>
    row.replace(/^E0,13\/03\/2024,(.*),Bournemouth,Luton,/, 'E0,12/03/2024,$1,Bournemouth,Luton,'),
  );
  let firstRound: FixtureJson[] = [];
  let secondRound: FixtureJson[] = [];

  beforeAll(async () => {
    mirror = await server.start();
    server.serve(seasonPath('E0', '2022-23'), lastSeason);
    const sofar = seasonRows(season, null, '2024-02-29');
    server.serve(seasonPath('E0', '2023-24'), `${[sofar.header, ...sofar.rows].join('\n')}\n`);
    server.serve(
      '/fixtures.csv',
      fixturesFile([
        { header: fixturesUntilMarch13.header, rows: listed },
        seasonRows(laLiga, '2024-03-02', '2024-03-13'),
      ]),
    );
  });
  afterAll(() => server.close());

  it('1 March: sync imports the results so far and the coming fixtures, and stores the next round’s forecasts', async () => {
    const result = await sync('2024-03-01');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(
      report.files.map((f: { url: string; status: string; matchesAdded: number }) => [
        f.url.replace(mirror, ''),
        f.status,
        f.matchesAdded,
      ]),
    ).toEqual([
      ['/mmz4281/2223/E0.csv', 'downloaded', 380],
      ['/mmz4281/2324/E0.csv', 'downloaded', 258],
      // 21 Premier League fixtures; La Liga's rows of the same file are left out.
      ['/fixtures.csv', 'downloaded', 21],
    ]);
    expect(report.totals).toMatchObject({ fixtures: 10, forecastsStored: 10 });
  });

  it('fixtures: the next round, each with a forecast from the matches before it', async () => {
    const result = await matchday(['fixtures', '--today', '2024-03-01', '--db', db, '--json']);
    expect(result.code).toBe(0);
    firstRound = JSON.parse(result.stdout).fixtures;
    expect(firstRound.map(pair)).toEqual([
      '2024-03-02 Brentford v Chelsea',
      '2024-03-02 Everton v West Ham',
      '2024-03-02 Fulham v Brighton',
      '2024-03-02 Newcastle v Wolves',
      "2024-03-02 Nott'm Forest v Liverpool",
      '2024-03-02 Tottenham v Crystal Palace',
      '2024-03-02 Luton v Aston Villa',
      '2024-03-03 Burnley v Bournemouth',
      '2024-03-03 Man City v Man United',
      '2024-03-04 Sheffield United v Arsenal',
    ]);
    for (const f of firstRound) {
      const p = f.forecast!.result;
      // The forecaster's grid carries its 1X2, which sums to 1.
      expect(Math.abs(p.home + p.draw + p.away - 1)).toBeLessThan(1e-9);
      expect(f.forecast!.dataBefore).toBe(f.date);
      expect(f.storedAsPreMatch).toBe(true);
    }
    const sheffield = firstRound.at(-1)!.forecast!.result;
    expect(sheffield.away).toBeGreaterThan(sheffield.home);
    // A window: the round after, with the fixture listed on the 12th.
    const window = JSON.parse(
      (
        await matchday([
          'fixtures',
          '--from',
          '2024-03-09',
          '--to',
          '2024-03-13',
          '--today',
          '2024-03-01',
          '--db',
          db,
          '--json',
        ])
      ).stdout,
    );
    secondRound = window.fixtures;
    expect(secondRound).toHaveLength(11);
    expect(secondRound.map(pair)).toContain('2024-03-12 Bournemouth v Luton');
  });

  it('preview --from/--to writes a preview per fixture and an index with the same forecasts', async () => {
    const out = path.join(dir, 'round');
    const result = await matchday([
      'preview',
      '--from',
      '2024-03-02',
      '--to',
      '2024-03-04',
      '--today',
      '2024-03-01',
      '--out',
      out,
      '--db',
      db,
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`10 previews of 10 fixtures and ${path.join(out, 'index.md')}\n`);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(11);
    expect(files).toContain('2024-03-04-sheffield-united-arsenal.md');
    const index = readFileSync(path.join(out, 'index.md'), 'utf8');
    const sheffield = firstRound.at(-1)!.forecast!.result;
    const pct = (p: number) => `${(100 * p).toFixed(0)}%`;
    expect(index).toContain(
      `| 2024-03-04 20:00 | Premier League | [Sheffield United v Arsenal](2024-03-04-sheffield-united-arsenal.md) | ${pct(sheffield.home)} | ${pct(sheffield.draw)} | ${pct(sheffield.away)} |`,
    );
    expect(readFileSync(path.join(out, '2024-03-04-sheffield-united-arsenal.md'), 'utf8')).toMatch(
      /^# Sheffield United v Arsenal/,
    );
  });

  it('14 March: the results arrive on the fixtures’ own rows, and the stored forecasts stand beside them', async () => {
    const sofar = seasonRows(season, null, '2024-03-13');
    server.serve(seasonPath('E0', '2023-24'), `${[sofar.header, ...sofar.rows].join('\n')}\n`);
    server.serve('/fixtures.csv', fixturesFile([seasonRows(season, '2024-03-16', '2024-03-31')]));
    const result = await sync('2024-03-14');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(
      report.files.map((f: { status: string; matchesAdded: number; matchesUpdated: number }) => [
        f.status,
        f.matchesAdded,
        f.matchesUpdated,
      ]),
    ).toEqual([
      ['not-modified', 0, 0],
      // The 21 results fill in the 21 fixtures: nothing new is added.
      ['downloaded', 0, 21],
      // The fixtures to the end of March.
      ['downloaded', 14, 0],
    ]);
    const matches = JSON.parse(
      (
        await matchday([
          'matches',
          '--team',
          'Arsenal',
          '--competition',
          'eng.1',
          '--season',
          '2023-24',
          '--db',
          db,
          '--json',
        ])
      ).stdout,
    ).matches;
    const atSheffield = matches.find((m: { date: string }) => m.date === '2024-03-04');
    expect(atSheffield.score.ft).toEqual([0, 6]);
    expect(atSheffield.id).toBe(firstRound.at(-1)!.id);
    // Stored on 1 March, not recomputed: the very numbers `fixtures` printed then.
    expect(atSheffield.preMatchForecast).toMatchObject({
      madeAt: expect.stringMatching(/^2024-03-01T/),
      dataBefore: '2024-03-04',
      result: firstRound.at(-1)!.forecast!.result,
      outcome: 'away',
      outcomeProbability: firstRound.at(-1)!.forecast!.result.away,
    });
    expect(atSheffield.preMatchForecast.scoreProbability).toBeGreaterThan(0);
    expect(atSheffield.preMatchForecast.scoreProbability).toBeLessThan(0.05);
    // A match imported as played never had a forecast stored.
    expect(matches.find((m: { date: string }) => m.date === '2024-02-24').preMatchForecast).toBeNull();
    const text = (
      await matchday(['matches', '--team', 'Arsenal', '--competition', 'eng.1', '--season', '2023-24', '--db', db])
    ).stdout;
    expect(text).toMatch(/2024-03-04.*Sheffield United.*0-6.*Arsenal.*gave the score \d+\.\d%, the away win \d+\.\d%/);

    // The rearranged fixture: same row, moved to the day it was played, with its result.
    const moved = secondRound.find((f) => f.home.name === 'Bournemouth' && f.away.name === 'Luton')!;
    const bournemouth = JSON.parse(
      (
        await matchday([
          'matches',
          '--team',
          'Luton',
          '--competition',
          'eng.1',
          '--season',
          '2023-24',
          '--db',
          db,
          '--json',
        ])
      ).stdout,
    ).matches.filter((m: { home: { name: string } }) => m.home.name === 'Bournemouth');
    expect(
      bournemouth.map((m: { id: number; date: string; score: { ft: number[] } }) => [m.id, m.date, m.score.ft]),
    ).toEqual([[moved.id, '2024-03-13', [4, 3]]]);
  });

  it('the web app: upcoming fixtures with their stored forecasts on the home page, the stored forecast on a match page', async () => {
    const database = openDatabase(db, { readonly: true });
    const app = createApp(new ServerContext({ db: database, today: () => '2024-03-14' }));
    const home = await (await app.request('/')).text();
    // The next round stored by the sync of 14 March: the four league matches of the FA Cup quarter-final weekend.
    expect(home.match(/data-testid="stored-forecast"/g)).toHaveLength(4);
    const sheffield = firstRound.at(-1)!;
    const ids = JSON.parse(
      (
        await matchday([
          'matches',
          '--team',
          'Arsenal',
          '--competition',
          'eng.1',
          '--season',
          '2023-24',
          '--db',
          db,
          '--json',
        ])
      ).stdout,
    ).matches.find((m: { date: string }) => m.date === '2024-03-04');
    const page = (await (await app.request(`/matches/2024-03-04/${ids.home.id}/${ids.away.id}`)).text()).replace(
      /\s+/g,
      ' ',
    );
    const pct = (p: number) => `${Math.round(100 * p)}%`;
    expect(page).toContain(`data-testid="pre-match-away">${pct(sheffield.forecast!.result.away)}</b>`);
    expect(page).toMatch(
      /Beforehand the model gave the final score 0-6 <b>[\d.<]+%<\/b> and a Arsenal win <b>\d+%<\/b>/,
    );
    database.close();
  });
});
