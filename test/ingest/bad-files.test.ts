import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const BAD = path.resolve(import.meta.dirname, '../fixtures/bad');

/** Each bad file and the one error line it must produce, after the file's path: line, field, what is wrong. */
const CORPUS: [file: string, error: string][] = [
  ['empty.csv', ': empty file'],
  [
    'unknown-format.csv',
    ': unknown format (not football-data, Football.TXT, engsoccerdata, footballcsv or generic CSV; name the format to read it as one)',
  ],
  ['truncated-row.csv', ":3: row has only 5 of the header's 7 cells"],
  ['cut-short.csv', ":3: last row has only 5 of the header's 7 cells: the file looks cut short"],
  ['extra-cells.csv', ':3: row has 8 cells but the header has 7'],
  ['footballcsv/2023-24/eng.1.csv', ":3: row has only 4 of the header's 5 cells"],
  ['engsoccerdata/england.csv', ':3: row has 13 cells but the header has 12'],
  ['generic-short-row.csv', ":3: row has only 4 of the header's 6 cells"],
  ['impossible-score.csv', ":3, field FTHG: '-1' is not a non-negative whole number"],
  ['implausible-score.csv', ':3, field full-time score: 31-0 is not a plausible score (more than 30 goals for a side)'],
  ['implausible-shootout.csv', ':3, field penalty score: 41-40 is not a plausible shoot-out (more than 40 for a side)'],
  ['ancient-date.csv', ':3, field date: 1849-05-01 is before 1850: not a plausible match date'],
  ['future-result.csv', ':2, field date: 2999-05-01 is in the future, but the match has a result'],
  ['unknown-score.csv', ":3, field FTHG: '?' is not a non-negative whole number"],
  ['missing-score.csv', ':3, field FTHG: no full-time score'],
  ['impossible-date.csv', ":2, field Date: '31/02/2024' is not a date (dd/mm/yy or dd/mm/yyyy)"],
  ['latin1.csv', ':3: not valid UTF-8 (convert the file to UTF-8)'],
  ['latin1-among-accents.csv', ':22: not valid UTF-8 (convert the file to UTF-8)'],
  ['garbage-line.txt', ':6, field match: cannot read team "Olympique Marseille (FRA) 2~1"'],
  ['generic-bad-goals.csv', ":3, field home_goals: 'two' is not a non-negative whole number"],
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
    expect(report.error).toBe(`${path.join(BAD, file)}${error}`);
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

  it.each([
    ['unknown-score.csv', "'?' is not a non-negative whole number"],
    ['missing-score.csv', 'no full-time score'],
  ])('--skip-invalid imports the rest of a season whose one row has no readable score (%s)', (file, message) => {
    const db = openDatabase(':memory:');
    const summary = importPaths(db, [path.join(BAD, file)], { skipInvalid: true });
    const report = summary.files.find((f) => f.file.endsWith(file))!;
    expect(report).toMatchObject({ status: 'imported', added: 2 });
    expect(report.rejectedRows[0]).toEqual({ file: path.join(BAD, file), line: 3, field: 'FTHG', message });
    expect(summary.totals.rejectedRows).toBe(1);
    expect(db.prepare('SELECT ft_home, ft_away FROM matches ORDER BY id').raw().all()).toEqual([
      [0, 3],
      [1, 1],
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
