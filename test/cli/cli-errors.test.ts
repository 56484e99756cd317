import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { smallLeagueDatabase } from '../server/small-league.js';
import { tempDir } from '../temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

function matchday(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
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
    [
      'no memory for caches',
      ['serve', '--cache-mb', '0'],
      'field cache-mb: --cache-mb must be a whole number from 1 to 1000000, got 0',
    ],
  ])('%s', (_, args, message) => {
    const result = matchday([...args, '--db', file]);
    expect(errorLine(result.stderr)).toBe(`error ${message}\n`);
    expect(result.code).toBe(1);
  });
});

/** A billion laughs: ten anchors, each nine of the one before (9^10 strings once expanded). */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

describe('matchday ends with one line where the machine or a file fails it (compiled bin)', () => {
  const { db, file } = smallLeagueDatabase();
  db.close();
  const dir = tempDir('cli-errors');
  const bomb = path.join(dir, 'bomb.yaml');
  writeFileSync(bomb, aliasBomb());
  const bombMessage = `error ${bomb}: Excessive alias count indicates a resource exhaustion attack (at most 50 alias expansions)\n`;

  it.each([
    ['a dossier', ['preview', 'Alpha', 'Beta', '--date', '2024-02-01', '--dossier', bomb]],
    ['an alias file', ['import', bomb, '--format', 'alias-overrides', '--json']],
    ['a competitions file', ['import', bomb, '--format', 'competitions', '--json']],
  ])('refuses an alias bomb in %s', (_, args) => {
    const result = matchday([...args, '--db', file]);
    if (args.includes('--json')) {
      // import reports a rejected file in its summary and goes on with the others.
      const files: { file: string; error: string | null }[] = JSON.parse(result.stdout).files;
      expect(files.find((f) => f.file === bomb)?.error).toBe(bombMessage.slice('error '.length, -1));
    } else {
      expect(errorLine(result.stderr)).toBe(bombMessage);
      expect(result.code).toBe(1);
    }
  });

  it('says a port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = matchday(['serve', '--port', String(port), '--db', file]);
      expect(errorLine(result.stderr)).toBe(`error 127.0.0.1:${port} is in use by another program\n`);
      expect(result.code).toBe(1);
    } finally {
      taken.close();
    }
  });

  it('says a host is not an address of this machine', () => {
    // 192.0.2.0/24 is reserved for documentation: never a local address.
    const result = matchday(['serve', '--host', '192.0.2.1', '--port', '0', '--db', file]);
    expect(errorLine(result.stderr)).toBe('error 192.0.2.1:0 is not an address of this machine\n');
    expect(result.code).toBe(1);
  });

  it('says the database is locked when another process holds it past the busy timeout', () => {
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const result = matchday(['teams', '--db', file], { MATCHDAY_BUSY_TIMEOUT: '0.1' });
      expect(errorLine(result.stderr)).toBe(`error ${file}: database is locked by another process; try again\n`);
      expect(result.code).toBe(1);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('stops quietly when the reader of its output has gone (EPIPE)', async () => {
    const child = spawn(process.execPath, [BIN, 'precedent', '--db', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // as `| head` does once it has its lines
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
