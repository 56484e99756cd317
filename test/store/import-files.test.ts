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
