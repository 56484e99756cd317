import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';

function write(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function thrown(body: () => unknown): unknown {
  try {
    body();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
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
    expect(error).toBeInstanceOf(MatchdayError);
    expect((error as MatchdayError).code).toBe('DB_LOCKED');
    expect((error as MatchdayError).message).toBe(
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
