import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ServerContext } from '../../src/server/server-context.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { tempDir } from '../temp-dir.js';

/** A made-up national cup the shipped registry does not know, created by a generic CSV import: a two-legged final. */
function cupDatabase() {
  const dir = tempDir('imported-competition');
  const header =
    'date,home,away,home_goals,away_goals,competition,competition_name,competition_kind,country,season,round,leg';
  const rows = [
    '2024-05-01,Alpha,Beta,2,0,zz.cup,Zedland Cup,cup,ZZZ,2024,Final,1',
    '2024-05-08,Beta,Alpha,1,1,zz.cup,Zedland Cup,cup,ZZZ,2024,Final,2',
  ];
  const csv = path.join(dir, 'cup.csv');
  writeFileSync(csv, `${[header, ...rows].join('\n')}\n`);
  const file = path.join(dir, 'cup.db');
  const writable = openDatabase(file);
  importPaths(writable, [csv]);
  writable.close();
  return openDatabase(file, { readonly: true });
}

describe('the API asked about a competition an import created', () => {
  const db = cupDatabase();
  const server = new ServerContext({ db, today: () => '2024-06-01', workers: 0 });
  const app = createApp(server);
  afterAll(async () => {
    await server.close();
    db.close();
  });

  it('takes its code (the database knows it, the shipped registry does not)', async () => {
    const response = await app.request('/api/precedent?competitions=zz.cup');
    expect(response.status).toBe(200);
    // Its one tie: Alpha won the first leg of the final 2-0 and went through (1-1 in the second).
    expect(await response.json()).toMatchObject({
      count: 1,
      through: { total: 1, ninetyMinutes: 1 },
      ties: [{ competition: 'zz.cup', season: '2024', round: 'Final', firstLegWinner: { name: 'Alpha' } }],
    });
  });

  it('still refuses a name no registry knows, naming the parameter', async () => {
    const response = await app.request('/api/precedent?competitions=Zedland%20Shield&firstLeg=2-0');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('unknown competition Zedland Shield'), parameter: 'competitions' },
    });
  });
});
