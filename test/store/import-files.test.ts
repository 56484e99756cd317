import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrown } from '../ingest/parse-helpers.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';

function write(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('importPaths with another writer', () => {
  it('fails with one clear line when another process holds the write lock past the busy timeout', () => {
    const dir = testTempDir('locked');
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    const dbFile = path.join(dir, 'm.db');
    const holder = openDatabase(dbFile);
    const importer = openDatabase(dbFile);
    importer.pragma('busy_timeout = 20');
    holder.exec('BEGIN IMMEDIATE');
    const error = thrown(() => importPaths(importer, [file]));
    holder.exec('ROLLBACK');
    expect(error.code).toBe('DB_LOCKED');
    expect(error.message).toBe(
      `${dbFile}: database is locked by another import (waited 0 s); try again when it has finished`,
    );
    expect(importPaths(importer, [file]).totals).toMatchObject({ imported: 2, matchesAdded: 1 });
    holder.close();
    importer.close();
  });
});

describe('importPaths on invalid rows', () => {
  /** 50,000 rows with five problems each (date, both teams, both goals) after one good row. */
  function manyBadRows(dir: string): string {
    const bad = Array.from({ length: 50_000 }, () => 'E0,1x/08/2023,,,x,y,A');
    return write(dir, 'bad.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A', ...bad]);
  }

  it('imports the one good row among 50,000 bad ones with --skip-invalid, counting rejected rows, not problems', () => {
    const file = manyBadRows(testTempDir('many-bad'));
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [file], { skipInvalid: true });
    const report = summary.files.find((f) => f.file === file)!;
    expect(report).toMatchObject({ status: 'imported', added: 1 });
    expect(report.rejectedRows).toHaveLength(250_000);
    expect(report.rejectedRows[4]).toEqual({
      file,
      line: 3,
      field: 'FTAG',
      message: "'y' is not a non-negative whole number",
    });
    expect(summary.totals.rejectedRows).toBe(50_000);
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(1);
  });

  it('rejects the file without --skip-invalid, naming the first bad row and how many more there are', () => {
    const file = manyBadRows(testTempDir('many-bad'));
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [file]);
    expect(summary.files.find((f) => f.file === file)!.error).toBe(
      `${file}:3, field Date: '1x/08/2023' is not a date (dd/mm/yy or dd/mm/yyyy) (and 49999 more invalid rows; --skip-invalid imports the valid ones)`,
    );
    expect(summary.totals).toMatchObject({ rejected: 1, rejectedRows: 0 });
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(0);
  });

  it('says "1 more invalid row" when one other row is bad, however many problems it has', () => {
    const dir = testTempDir('two-bad');
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,x,3,A', 'E0,12/08/2023,,,y,z,A']);
    const summary = importPaths(openDatabase(':memory:'), [file]);
    expect(summary.files.find((f) => f.file === file)!.error).toBe(
      `${file}:2, field FTHG: 'x' is not a non-negative whole number (and 1 more invalid row; --skip-invalid imports the valid ones)`,
    );
  });
});

/** Row counts of every table. */
function tableSizes(db: Db): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
}

describe('importPaths: a file that fails while it is being written', () => {
  /** Two clubs an override file says are both called `Rovers`. */
  function twoRovers(dir: string): string {
    const file = path.join(dir, 'rovers.yaml');
    writeFileSync(
      file,
      '- { country: ENG, name: Rovers North, aliases: [Rovers] }\n- { country: ENG, name: Rovers South, aliases: [Rovers] }\n',
    );
    return file;
  }

  it.each([
    [
      'a row whose two teams are one',
      'E0,12/08/2023,Man City FC,Man City,1,1,D',
      ':3: home and away resolve to one team (Man City FC v Man City)',
    ],
    [
      'a row with a name two clubs claim',
      'E0,12/08/2023,Rovers,Arsenal,1,1,D',
      ':3, team Rovers: ambiguous team name: could be rovers north (ENG) or rovers south (ENG); add an alias override',
    ],
  ])('rolls back the rows before %s: no row in any table, no team or competition left in memory', (_, row, error) => {
    const dir = testTempDir('write-fails');
    const db = openDatabase(':memory:');
    importPaths(db, [twoRovers(dir)]);
    const before = tableSizes(db);
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A', row]);

    const summary = importPaths(db, [file]);
    expect(summary.files.find((f) => f.file === file)).toMatchObject({
      status: 'rejected',
      error: `${file}${error}`,
      added: 0,
      teamsCreated: 0,
    });
    expect(summary.totals).toMatchObject({ rejected: 1, matchesAdded: 0, teamsCreated: 0 });
    expect(tableSizes(db)).toEqual(before);

    // The same teams and competition again, from a good file: created anew, not taken from what was rolled back.
    const good = write(dir, 'good.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    expect(importPaths(db, [good]).totals).toMatchObject({ imported: 1, matchesAdded: 1, teamsCreated: 2 });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('SELECT name FROM teams ORDER BY name').pluck().all()).toEqual(['Burnley', 'Man City']);
  });

  it('rolls back a file that fails after an earlier file in the same import was written, keeping that one', () => {
    const dir = testTempDir('write-fails');
    const first = write(dir, 'a.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    const second = write(dir, 'b.csv', [
      HEADER,
      'E0,12/08/2023,Arsenal,Luton,2,0,H',
      'E0,13/08/2023,Luton,Luton FC,0,0,D',
    ]);
    const third = write(dir, 'c.csv', [HEADER, 'E0,14/08/2023,Arsenal,Burnley,1,0,H']);
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [first, second, third]);
    expect(summary.files.slice(1).map((f) => f.status)).toEqual(['imported', 'rejected', 'imported']);
    expect(summary.totals).toMatchObject({ matchesAdded: 2, teamsCreated: 3 });
    expect(db.prepare('SELECT name FROM teams ORDER BY name').pluck().all()).toEqual([
      'Arsenal',
      'Burnley',
      'Man City',
    ]);
    expect(db.prepare('SELECT path FROM imported_files WHERE path LIKE ? ORDER BY path').pluck().all('%.csv')).toEqual([
      first,
      third,
    ]);
  });

  it('with --skip-invalid, leaves out the row that fails and imports the others', () => {
    const dir = testTempDir('write-fails');
    const db = openDatabase(':memory:');
    const file = write(dir, 'e0.csv', [
      HEADER,
      'E0,11/08/2023,Burnley,Man City,0,3,A',
      'E0,12/08/2023,Rovers,Arsenal,1,1,D',
      'E0,13/08/2023,Arsenal,Burnley,2,0,H',
    ]);
    const summary = importPaths(db, [twoRovers(dir), file], { skipInvalid: true });
    const report = summary.files.find((f) => f.file === file)!;
    expect(report).toMatchObject({ status: 'imported', added: 2 });
    expect(report.rejectedRows).toEqual([
      {
        file,
        line: 3,
        field: 'team',
        message:
          'team Rovers: ambiguous team name: could be rovers north (ENG) or rovers south (ENG); add an alias override',
      },
    ]);
    expect(summary.totals.rejectedRows).toBe(1);
  });
});
