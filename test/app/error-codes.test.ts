import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictFixture } from '../../src/app/predict.js';
import { priceTie } from '../../src/app/price-tie.js';
import { ERROR_STATUS, MatchdayError, type ErrorCode } from '../../src/errors.js';
import { errorResponseOf } from '../../src/server/api/api-error.js';
import { smallLeagueDatabase } from '../server/small-league.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** Codes written in the sources: given to MatchdayError or ApiError, or put in an error body. */
function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:MatchdayError|ApiError)\(\s*'([^']+)'|error: \{\s*code: '([^']+)'/g)) {
      found.set(m[1] ?? m[2], path.relative(SRC, file));
    }
  }
  return found;
}

describe('one typed set of error codes, each with its HTTP status', () => {
  it('every code the sources use has a status, and is written one way (UPPER_SNAKE)', () => {
    const codes = codesInSources();
    expect(codes.size).toBeGreaterThan(50);
    for (const [code, file] of codes) {
      expect(ERROR_STATUS, `${code} (${file})`).toHaveProperty(code);
    }
    for (const code of Object.keys(ERROR_STATUS)) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('the server answers each code with the status of the table, none with a default', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) {
      const response = errorResponseOf(new MatchdayError(code, 'what went wrong', { field: 'date' }));
      expect(response.status, code).toBe(status);
      expect(response.body.error).toEqual({ code, message: 'field date: what went wrong', parameter: 'date' });
    }
    expect(ERROR_STATUS.UNKNOWN_RULES).toBe(400);
    expect(ERROR_STATUS.UNKNOWN_TEAM).toBe(404);
    expect(ERROR_STATUS.NO_HISTORY).toBe(422);
    expect(ERROR_STATUS.DB_LOCKED).toBe(503);
  });
});

/** Modules the library loads (src/index.ts and its value imports, followed). */
function libraryModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export) (type )?[^;]*? from '([^']+)';/gms)) {
      if (m[1] === undefined && m[2].startsWith('.')) {
        visit(path.resolve(path.dirname(file), m[2].replace(/\.js$/, '.ts')));
      }
    }
  };
  visit(path.join(SRC, 'index.ts'));
  return [...seen];
}

describe("the library's messages name its fields, never a command-line flag", () => {
  it('no string in a module the library loads names a flag (--fit-date, --format)', () => {
    const modules = libraryModules();
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.some((f) => f.includes('/cli/'))).toBe(false);
    const flagged: string[] = [];
    for (const file of modules) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\*|\/\*\*|\/\/)/.test(line)) return; // documentation may name the CLI
          if (/['"`][^'"`]*(^|[\s(])--[a-z][^'"`]*['"`]/.test(line.replace(/\/\/.*$/, ''))) {
            flagged.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(flagged).toEqual([]);
  });

  const { db } = smallLeagueDatabase();

  it('predict: a fit date after the fixture is `fitDate`', () => {
    const error = caught(() =>
      predictFixture(db, { home: 'Alpha', away: 'Beta', date: '2024-02-01', fitDate: '2024-02-02' }),
    );
    expect([error.code, error.message]).toEqual([
      'BAD_OPTION',
      'field fitDate: fit date 2024-02-02 is after the fixture date 2024-02-01',
    ]);
  });

  it('priceTie: a tie the database lacks asks for `firstLeg`, and a bad season says what it got', () => {
    const noTie = caught(() => priceTie(db, { teamA: 'Alpha', teamB: 'Beta', competition: 'uefa.el' }));
    expect([noTie.code, noTie.message]).toEqual([
      'NO_TIE',
      "field firstLeg: no tie between Alpha and Beta in uefa.el in the database; give the first leg's score (Alpha hosting it)",
    ]);
    const season = caught(() => priceTie(db, { teamA: 'Alpha', teamB: 'Beta', season: '2023-25' }));
    expect(season.message).toBe(
      'field season: must be a season like 2023-24 (the second year follows the first), got 2023-25',
    );
  });
});

function caught(body: () => unknown): MatchdayError {
  try {
    body();
  } catch (error) {
    if (error instanceof MatchdayError) return error;
    throw error;
  }
  throw new Error('no error');
}
