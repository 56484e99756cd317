import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallLeagueDatabase } from '../server/small-league.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

function matchday(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The one line a failing command prints, without its colour. */
const errorLine = (stderr: string) => stderr.replace(/\x1b\[\d+m/g, ''); // eslint-disable-line no-control-regex

describe('matchday rejects bad input with one line and exit 1 (compiled bin)', () => {
  // A four-team league played 2024-01-01..2024-01-12.
  const { db, file } = smallLeagueDatabase();
  db.close();

  it.each([
    [
      'the same team twice in predict',
      ['predict', 'Alpha', 'Alpha', '--date', '2024-02-01'],
      'field away: Alpha is named twice: a match needs two different teams',
    ],
    [
      'the same team twice in a tie with a given first leg',
      ['tie', 'Alpha', 'Alpha', '--first-leg', '3-0', '--as-of', '2024-02-01', '--competition', 'uefa.el'],
      'field teamB: Alpha is named twice: a match needs two different teams',
    ],
    [
      'a date after the data',
      ['predict', 'Alpha', 'Beta', '--date', '2100-01-01'],
      'field date: 2100-01-01 is after the data: the last played match in the database is on 2024-01-12, ' +
        'and a forecast is fitted on the 4 years before its date',
    ],
    [
      'a fit date before the data',
      ['predict', 'Alpha', 'Beta', '--date', '2024-02-01', '--fit-date', '2023-06-01'],
      'field fitDate: 2023-06-01 is before the data: the first played match in the database is on 2024-01-01',
    ],
    [
      "a single model's date after the data",
      ['predict', 'Alpha', 'Beta', '--date', '2100-01-01', '--model', 'poisson'],
      'field date: 2100-01-01 is after the data: the last played match in the database is on 2024-01-12, ' +
        'and a forecast is fitted on the 4 years before its date',
    ],
    [
      'a reversed range',
      ['fit', '--model', 'poisson', '--from', '2024-02-01', '--to', '2024-01-01'],
      'field from: 2024-02-01 is after to 2024-01-01: the range is reversed',
    ],
    [
      'an absurd prior',
      ['predict', 'Alpha', 'Beta', '--date', '2024-02-01', '--model', 'poisson', '--prior', '1e308'],
      'field prior: must be a number from 0 to 1000000, got 1e+308',
    ],
    [
      'a negative decay',
      ['fit', '--model', 'poisson', '--xi', '-0.5', '--to', '2024-01-31'],
      'field xi: must be a number from 0 to 1, got -0.5',
    ],
    [
      'a decay that is not a number',
      ['predict', 'Alpha', 'Beta', '--date', '2024-02-01', '--model', 'poisson', '--xi', 'Infinity'],
      'field xi: --xi must be a number, got Infinity',
    ],
    [
      'a port that does not exist',
      ['serve', '--port', '99999'],
      'field port: --port must be a whole number from 0 to 65535, got 99999',
    ],
  ])('%s', (_, args, message) => {
    const result = matchday([...args, '--db', file]);
    expect(errorLine(result.stderr)).toBe(`error ${message}\n`);
    expect(result.code).toBe(1);
  });
});
