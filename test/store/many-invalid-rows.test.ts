import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';

/**
 * A file with more rejected rows than a function call has room for arguments (kept apart from the quick tests that
 * the mutation runs repeat for every mutant).
 */
describe('importPaths on 50,000 invalid rows', () => {
  /** 50,000 rows with five problems each (date, both teams, both goals) after one good row. */
  function manyBadRows(dir: string): string {
    const bad = Array.from({ length: 50_000 }, () => 'E0,1x/08/2023,,,x,y,A');
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, `${[HEADER, 'E0,11/08/2023,Burnley,Man City,0,3,A', ...bad].join('\n')}\n`);
    return file;
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
      `${file}:3, field Date: '1x/08/2023' is not a date (dd/mm/yy or dd/mm/yyyy) (and 49999 more invalid rows; skipping invalid rows imports the valid ones)`,
    );
    expect(summary.totals).toMatchObject({ rejected: 1, rejectedRows: 0 });
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(0);
  });
});
