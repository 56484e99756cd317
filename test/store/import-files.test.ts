import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrown } from '../ingest/parse-helpers.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { BUILT_IN_ALIASES, importPaths } from '../../src/store/import-files.js';
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
  it('says "1 more invalid row" when one other row is bad, however many problems it has', () => {
    const dir = testTempDir('two-bad');
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,x,3,A', 'E0,12/08/2023,,,y,z,A']);
    const summary = importPaths(openDatabase(':memory:'), [file]);
    expect(summary.files.find((f) => f.file === file)!.error).toBe(
      `${file}:2, field FTHG: 'x' is not a non-negative whole number (and 1 more invalid row; skipping invalid rows imports the valid ones)`,
    );
    const three = write(dir, 'e1.csv', [HEADER, 'E0,11/08/2023,,Man City,0,3,A', 'E0,12/08/2023,,,y,z,A', 'X,,,,,,']);
    expect(importPaths(openDatabase(':memory:'), [three]).files[1].error).toBe(
      `${three}:2, field HomeTeam: no home team (and 2 more invalid rows; skipping invalid rows imports the valid ones)`,
    );
  });

  it('with --skip-invalid, takes a file of bad rows only for rejected rows, not for a file with no matches', () => {
    const dir = testTempDir('all-bad');
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,x,3,A']);
    const report = importPaths(openDatabase(':memory:'), [file], { skipInvalid: true }).files[1];
    expect(report).toMatchObject({ status: 'imported', added: 0, warnings: [] });
    expect(report.rejectedRows.map((e) => e.line)).toEqual([2]);
  });
});

describe('importPaths across files', () => {
  it('pairs the two legs of a tie that come from two files', () => {
    const dir = testTempDir('legs');
    const header = 'date,home,away,home_goals,away_goals,competition,season,round,leg,home_country,away_country';
    const first = write(dir, 'a.csv', [
      header,
      '2024-04-11,Liverpool,Atalanta,0,3,uefa.el,2023-24,Quarter-finals,1,ENG,ITA',
    ]);
    const second = write(dir, 'b.csv', [
      header,
      '2024-04-18,Atalanta,Liverpool,0,1,uefa.el,2023-24,Quarter-finals,2,ITA,ENG',
    ]);
    const db = openDatabase(':memory:');
    importPaths(db, [first, second]);
    expect(db.prepare('SELECT season, round FROM ties').raw().all()).toEqual([['2023-24', 'Quarter-finals']]);
    expect(db.prepare('SELECT date, leg, tie_id FROM matches ORDER BY date').raw().all()).toEqual([
      ['2024-04-11', 1, 1],
      ['2024-04-18', 2, 1],
    ]);
  });

  it('counts the conflicts each file brings', () => {
    const dir = testTempDir('conflicts');
    const header = 'date,home,away,home_goals,away_goals,ht_home,ht_away,competition';
    const files = ['0-0', '0-1', '0-2'].map((ht, i) =>
      write(dir, `${i}.csv`, [header, `2023-08-11,Burnley,Man City,0,3,${ht.replace('-', ',')},eng.1`]),
    );
    const summary = importPaths(openDatabase(':memory:'), files);
    expect(summary.files.slice(1).map((f) => f.conflicts)).toEqual([0, 1, 1]);
    expect(summary.totals.conflicts).toBe(2);
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

    // Again, followed in the same import by a good file with the same teams and competition: they are created anew,
    // not taken from the memory of the rolled-back transaction.
    const good = write(dir, 'good.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    const again = importPaths(db, [file, good]);
    expect(again.files.slice(-2).map((f) => f.status)).toEqual(['rejected', 'imported']);
    expect(again.totals).toMatchObject({ matchesAdded: 1, teamsCreated: 2 });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('SELECT name FROM teams ORDER BY name').pluck().all()).toEqual(['Burnley', 'Man City']);
    expect(db.prepare('SELECT DISTINCT file FROM match_sources').pluck().all()).toEqual([good]);
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

describe('importPaths: what it reads, in which order, and the summary', () => {
  /** A folder of every kind of file: club aliases, stadiums, two match formats, a bad and an empty file, a README. */
  function folder(dir: string): string {
    const data = path.join(dir, 'data');
    mkdirSync(data);
    write(data, 'a-e0.csv', [
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,B365H',
      'E0,11/08/2023,Burnley,Man City,0,3,A,0,1,0.5',
      'E0,12/08/2023,Spurs,Brentford,2,2,D,1,1,2.1',
    ]);
    write(data, 'b-mine.csv', [
      'date,home,away,home_goals,away_goals,ht_home,ht_away,referee,competition',
      '2023-08-11,Burnley,Man City,0,3,0,2,Craig Pawson,eng.1',
      '2023-08-12,Tottenham Hotspur,Brentford,2,2,1,1,,eng.1',
      '2023-08-12,Chelsea,Luton,1,0,,,,eng.1',
    ]);
    write(data, 'c-empty.csv', ['']);
    write(data, 'd-bad.csv', [HEADER, 'E0,11/08/2023,Everton,Fulham,x,1,A']);
    write(data, 'README.md', ['# my data']);
    write(data, '.hidden.csv', [HEADER, 'E0,11/08/2023,Everton,Fulham,0,1,A']);
    write(data, 'eng.stadiums.txt', ['Turf Moor, 21_944, 1883, Burnley']);
    write(data, 'spurs.yaml', ['- { country: ENG, name: Tottenham Hotspur, aliases: [Spurs] }']);
    return data;
  }

  it('reads alias lists first, then stadiums, then matches, and sums up what each file did', () => {
    const data = folder(testTempDir('folder'));
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [data]);
    const file = (name: string) => path.join(data, name);
    expect(summary.files.map((f) => [f.file, f.format, f.status, f.error])).toEqual([
      [BUILT_IN_ALIASES, 'alias-overrides', 'imported', null],
      [file('spurs.yaml'), 'alias-overrides', 'imported', null],
      [file('eng.stadiums.txt'), 'openfootball-stadiums', 'imported', null],
      [file('a-e0.csv'), 'football-data', 'imported', null],
      [file('b-mine.csv'), 'generic-csv', 'imported', null],
      [
        file('d-bad.csv'),
        'football-data',
        'rejected',
        `${file('d-bad.csv')}:2, field FTHG: 'x' is not a non-negative whole number`,
      ],
      [file('c-empty.csv'), null, 'rejected', `${file('c-empty.csv')}: empty file`],
      [file('README.md'), null, 'skipped', 'not a match or club file'],
    ]);
    expect(
      summary.files
        .slice(1, 5)
        .map((f) => [f.aliases, f.added, f.enriched, f.unchanged, f.teamsCreated, f.conflicts, f.warnings.length]),
    ).toEqual([
      [1, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0, 0],
      [0, 2, 0, 0, 4, 0, 1],
      [0, 1, 1, 1, 2, 1, 0],
    ]);
    const { seconds, ...totals } = summary.totals;
    expect(totals).toEqual({
      files: 8,
      imported: 5,
      unchanged: 0,
      rejected: 2,
      skipped: 1,
      matchesAdded: 3,
      matchesEnriched: 1,
      matchesUnchanged: 1,
      teamsCreated: 6,
      rejectedRows: 0,
      warnings: 1,
      conflicts: 1,
    });
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(
      db
        .prepare('SELECT path, format, records FROM imported_files WHERE path LIKE ? ORDER BY path')
        .raw()
        .all(`${data}%`),
    ).toEqual([
      [file('a-e0.csv'), 'football-data', 2],
      [file('b-mine.csv'), 'generic-csv', 3],
      [file('eng.stadiums.txt'), 'openfootball-stadiums', 1],
      [file('spurs.yaml'), 'alias-overrides', 1],
    ]);

    const again = importPaths(db, [data]);
    expect(again.files.map((f) => f.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'rejected',
      'rejected',
      'skipped',
    ]);
    expect(again.totals).toMatchObject({ imported: 0, unchanged: 5, matchesAdded: 0, teamsCreated: 0, conflicts: 0 });
  });

  it('rejects a file of no known format named explicitly', () => {
    const data = folder(testTempDir('folder'));
    const readme = path.join(data, 'README.md');
    expect(importPaths(openDatabase(':memory:'), [readme]).files[1]).toMatchObject({
      status: 'rejected',
      format: null,
      error: `${readme}: unknown format (not football-data, Football.TXT, engsoccerdata, footballcsv or generic CSV; name the format to read it as one)`,
    });
  });

  it('reads every file but its own alias list in the format forced with --format, and refuses one it does not know', () => {
    const dir = testTempDir('forced');
    const file = write(dir, 'mine.csv', [
      'date,home,away,home_goals,away_goals,competition',
      '2023-08-11,Burnley,Man City,0,3,eng.1',
    ]);
    const db = openDatabase(':memory:');
    const forced = importPaths(db, [file], { format: 'football-data' });
    expect(forced.files.map((f) => [f.format, f.status, f.error])).toEqual([
      ['alias-overrides', 'imported', null],
      [
        'football-data',
        'rejected',
        `${file}:1: not a football-data.co.uk file: no Div, Date, HomeTeam, AwayTeam, FTHG/FTAG column`,
      ],
    ]);
    expect(importPaths(db, [file]).files[1]).toMatchObject({ format: 'generic-csv', status: 'imported', added: 1 });
    const unknown = thrown(() => importPaths(db, [file], { format: 'football-date' }));
    expect([unknown.code, unknown.message]).toEqual(['UNKNOWN_FORMAT', 'unknown format football-date']);
  });

  it('stops on a path that does not exist', () => {
    const missing = path.join(testTempDir('missing'), 'nothing.csv');
    const error = thrown(() => importPaths(openDatabase(':memory:'), [missing]));
    expect([error.code, error.message]).toEqual(['NOT_FOUND', `${missing}: no such file or folder`]);
  });

  it('reports progress before each file and once at the end', () => {
    const dir = testTempDir('progress');
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    const calls: [number, number, string][] = [];
    importPaths(openDatabase(':memory:'), [file], {
      onProgress: (done, total, name) => calls.push([done, total, name]),
    });
    expect(calls).toEqual([
      [0, 2, BUILT_IN_ALIASES],
      [1, 2, file],
      [2, 2, ''],
    ]);
  });

  it('warns about a file with headings but no match yet, and imports it', () => {
    const dir = testTempDir('no-matches');
    const file = write(dir, 'el.txt', ['= UEFA Europa League 2023/24', '', '» Quarterfinals']);
    const report = importPaths(openDatabase(':memory:'), [file]).files[1];
    expect(report).toMatchObject({ status: 'imported', added: 0 });
    expect(report.warnings).toEqual([{ file, line: 1, field: null, message: 'no matches in file' }]);
  });

  it('keeps no warning of a rejected file', () => {
    const dir = testTempDir('rejected-warnings');
    const file = write(dir, 'e0.csv', [
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H',
      'E0,11/08/2023,Burnley,Man City,0,3,A,0.5',
      'E0,12/08/2023,Luton,Luton FC,0,0,D,2.0',
    ]);
    const summary = importPaths(openDatabase(':memory:'), [file]);
    expect(summary.files[1]).toMatchObject({ status: 'rejected', warnings: [], added: 0 });
    expect(summary.totals.warnings).toBe(0);
  });

  it('resolves a name without a country by the competition and date of its row', () => {
    const dir = testTempDir('context');
    const file = write(dir, 'cl.csv', [
      'date,home,away,home_goals,away_goals,competition,home_country,away_country',
      '1990-09-19,Rangers,Valletta,4,0,uefa.cl,SCO,MLT',
      '1991-08-10,Rangers,Glenavon,1,1,uefa.el,NIR,NIR',
      '1992-09-16,Rangers,Lyngby,2,0,uefa.cl,,DEN',
    ]);
    const db = openDatabase(':memory:');
    expect(importPaths(db, [file]).totals).toMatchObject({ rejected: 0, matchesAdded: 3 });
    expect(
      db
        .prepare('SELECT t.country FROM matches m JOIN teams t ON t.id = m.home_team_id WHERE m.date = ?')
        .pluck()
        .get('1992-09-16'),
    ).toBe('SCO');
  });
});

describe('importPaths with another connection writing between its files', () => {
  it('reads the teams the other connection created instead of creating them twice', () => {
    const dir = testTempDir('between');
    const dbFile = path.join(dir, 'm.db');
    const first = write(dir, 'a.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    const second = write(dir, 'b.csv', [HEADER, 'E0,12/08/2023,Arsenal,Luton,2,0,H']);
    const third = write(dir, 'c.csv', [
      HEADER,
      'E0,13/08/2023,Luton,Burnley,1,1,D',
      'E0,14/08/2023,Arsenal,Man City,1,0,H',
    ]);
    const db = openDatabase(dbFile);
    const other = openDatabase(dbFile);
    const summary = importPaths(db, [first, third], {
      onProgress: (done) => {
        if (done === 2) importPaths(other, [second]);
      },
    });
    expect(summary.totals).toMatchObject({ imported: 3, matchesAdded: 3, teamsCreated: 2 });
    expect(db.prepare('SELECT name FROM teams ORDER BY name').pluck().all()).toEqual([
      'Arsenal',
      'Burnley',
      'Luton',
      'Man City',
    ]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    other.close();
    db.close();
  });

  it('stops at the first file it cannot lock rather than rejecting it and going on', () => {
    const dir = testTempDir('locked');
    const dbFile = path.join(dir, 'm.db');
    const file = write(dir, 'e0.csv', [HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A']);
    const holder = openDatabase(dbFile);
    const importer = openDatabase(dbFile);
    importer.pragma('busy_timeout = 20');
    holder.exec('BEGIN IMMEDIATE');
    const error = thrown(() =>
      importPaths(importer, [file], {
        onProgress: (done) => {
          if (done === 1) holder.exec('ROLLBACK');
        },
      }),
    );
    expect(error.code).toBe('DB_LOCKED');
    expect(importer.prepare('SELECT COUNT(*) FROM imported_files').pluck().get()).toBe(0);
    holder.close();
    importer.close();
  });
});
