import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';

describe('a running server and an import into its database', () => {
  it('sees the teams and matches an import adds, without a restart', async () => {
    const dir = testTempDir('refresh');
    const file = path.join(dir, 'matchday.db');
    const first = path.join(dir, 'E0-first.csv');
    writeFileSync(first, [HEADER, 'E0,10/08/2024,Alpha,Beta,1,0,H', 'E0,17/08/2024,Beta,Alpha,2,2,D'].join('\n'));
    const writer = openDatabase(file);
    importPaths(writer, [first]);

    const app = createApp(new ServerContext({ db: openDatabase(file, { readonly: true }), today: () => '2024-09-01' }));
    const search = async (name: string) => {
      const response = await app.request(`/api/teams?search=${name}`);
      return ((await response.json()) as { teams: { id: number; name: string; matches: number }[] }).teams;
    };
    expect(await search('Gamma')).toEqual([]);
    expect((await search('Alpha'))[0]).toMatchObject({ name: 'Alpha', matches: 2 });
    const homeBefore = await (await app.request('/')).text();
    expect(homeBefore).not.toContain('Gamma');
    const alphaPage = `/teams/${(await search('Alpha'))[0].id}`;
    expect(await (await app.request(alphaPage)).text()).not.toContain('Gamma');

    // Another connection (as `matchday import` in another process) commits while the server runs.
    const second = path.join(dir, 'E0-second.csv');
    writeFileSync(second, [HEADER, 'E0,24/08/2024,Alpha,Gamma,3,1,H'].join('\n'));
    importPaths(writer, [second]);
    writer.close();

    expect((await search('Gamma'))[0]).toMatchObject({ name: 'Gamma', matches: 1 });
    expect((await search('Alpha'))[0]).toMatchObject({ name: 'Alpha', matches: 3 });
    // The home page's cached listing of recent matches and the rendered team page are built again too.
    expect(await (await app.request('/')).text()).toContain('Gamma');
    expect(await (await app.request(alphaPage)).text()).toContain('Gamma');
  });
});
