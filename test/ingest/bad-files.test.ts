import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const BAD = path.resolve(import.meta.dirname, '../fixtures/bad');

/** Each bad file and the one error line it must produce (file:line, field, what is wrong). */
const CORPUS: [file: string, error: string][] = [
  ['empty.csv', 'empty.csv: empty file'],
  ['unknown-format.csv', 'unknown-format.csv: unknown format'],
  ['truncated-row.csv', 'truncated-row.csv:3, field FTAG: full-time score has only one side'],
  ['impossible-score.csv', "impossible-score.csv:3, field FTHG: '-1' is not a non-negative whole number"],
  ['impossible-date.csv', "impossible-date.csv:2, field Date: '31/02/2024' is not a date"],
  ['latin1.csv', 'latin1.csv:3: not valid UTF-8'],
  ['garbage-line.txt', 'garbage-line.txt:6, field match: cannot read team'],
  ['generic-bad-goals.csv', "generic-bad-goals.csv:3, field home_goals: 'two' is not a non-negative whole number"],
];

function counts(db: ReturnType<typeof openDatabase>) {
  return {
    matches: db.prepare('SELECT COUNT(*) FROM matches').pluck().get(),
    teams: db.prepare('SELECT COUNT(*) FROM teams').pluck().get(),
    odds: db.prepare('SELECT COUNT(*) FROM odds').pluck().get(),
  };
}

describe('bad input', () => {
  it.each(CORPUS)('%s is rejected with one clear error and the database untouched', (file, error) => {
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [path.join(BAD, file)]);
    const report = summary.files.find((f) => f.file.endsWith(file))!;
    expect(report.status).toBe('rejected');
    expect(report.error).toContain(error);
    expect(summary.totals.rejected).toBe(1);
    expect(counts(db)).toEqual({ matches: 0, teams: 0, odds: 0 });
  });

  it('--skip-invalid imports the valid rows of a file and lists the rejected ones', () => {
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [path.join(BAD, 'impossible-score.csv')], { skipInvalid: true });
    const report = summary.files.find((f) => f.file.endsWith('impossible-score.csv'))!;
    expect(report.status).toBe('imported');
    expect(report.added).toBe(1);
    expect(report.rejectedRows).toEqual([
      {
        file: path.join(BAD, 'impossible-score.csv'),
        line: 3,
        field: 'FTHG',
        message: "'-1' is not a non-negative whole number",
      },
    ]);
  });

  it('a bad file among good ones leaves the good ones imported and itself not at all', () => {
    const dir = testTempDir('mixed');
    copyFileSync(path.join(BAD, 'impossible-score.csv'), path.join(dir, 'bad.csv'));
    writeFileSync(
      path.join(dir, 'good.csv'),
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR\nE0,19/08/2023,Arsenal,Crystal Palace,1,0,H\nE0,19/08/2023,Fulham,Brentford,0,3,A\n',
    );
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [dir]);
    expect(summary.files.map((f) => [path.basename(f.file), f.status])).toEqual(
      expect.arrayContaining([
        ['bad.csv', 'rejected'],
        ['good.csv', 'imported'],
      ]),
    );
    expect(counts(db).matches).toBe(2);
    expect(counts(db).teams).toBe(4);
  });
});
