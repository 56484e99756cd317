import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { findMatches } from '../../src/store/match-queries.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';

describe('a fixtures file that changes from week to week', () => {
  it('moves a fixture the new version dates differently instead of adding it again, and keeps provenance current', () => {
    const file = path.join(testTempDir('fixtures'), 'fixtures.csv');
    const db = openDatabase(':memory:');
    writeFileSync(
      file,
      [HEADER, 'E0,09/03/2024,Arsenal,Brentford,,,', 'E0,09/03/2024,Wolves,Fulham,,,', ''].join('\n'),
    );
    importPaths(db, [file]);
    // A week on: Arsenal v Brentford moved to the 10th and listed first; Wolves v Fulham played, so gone.
    writeFileSync(
      file,
      [HEADER, 'E0,10/03/2024,Arsenal,Brentford,,,', 'E0,16/03/2024,Burnley,Brentford,,,', ''].join('\n'),
    );
    const summary = importPaths(db, [file]);
    expect(summary.totals).toMatchObject({ matchesAdded: 1, matchesEnriched: 1 });
    const matches = findMatches(db, {});
    expect(matches.map((m) => [m.id, m.date, m.home.name, m.away.name, m.status])).toEqual([
      [2, '2024-03-09', 'Wolves', 'Fulham', 'scheduled'],
      [1, '2024-03-10', 'Arsenal', 'Brentford', 'scheduled'],
      [3, '2024-03-16', 'Burnley', 'Brentford', 'scheduled'],
    ]);
    // The file's lines say what its new version says; Wolves v Fulham is no longer in it.
    const sources = db.prepare('SELECT match_id, line FROM match_sources ORDER BY line').all();
    expect(sources).toEqual([
      { match_id: 1, line: 2 },
      { match_id: 3, line: 3 },
    ]);
    db.close();
  });
});
