import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { tempDir } from '../temp-dir.js';

export const TEAMS = ['Alpha', 'Beta', 'Gamma', 'Delta'];

/**
 * A four-team double round robin in January 2024 (generic CSV), imported into a fresh database and reopened
 * read-only, as the server opens it.
 */
export function smallLeagueDatabase(): { db: Db; file: string } {
  const dir = tempDir('server');
  const rows = ['date,home,away,home_goals,away_goals,competition'];
  let day = 1;
  for (const home of TEAMS) {
    for (const away of TEAMS) {
      if (home === away) continue;
      const goals = (home.length + 2 * away.length + day) % 4;
      rows.push(`2024-01-${String(day++).padStart(2, '0')},${home},${away},${goals},${(goals + day) % 3},eng.1`);
    }
  }
  const csv = path.join(dir, 'league.csv');
  writeFileSync(csv, `${rows.join('\n')}\n`);
  const file = path.join(dir, 'league.db');
  const writable = openDatabase(file);
  importPaths(writable, [csv]);
  writable.close();
  return { db: openDatabase(file, { readonly: true }), file };
}
