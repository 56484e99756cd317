import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
/** The README's rule: these take arrays and return numbers; the database is read in history/, knockout's readers and app/. */
const PURE = ['models', 'forecast'];

function importsOf(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export) (type )?[^;]*? from '([^']+)';/gms)].map((m) => ({
    from: m[2],
    typeOnly: m[1] !== undefined,
  }));
}

describe('models/ and forecast/ never touch the database or the file system', () => {
  for (const folder of PURE) {
    it(`${folder}/: store/ for types only, no SQLite, no file system`, () => {
      const files = readdirSync(path.join(SRC, folder)).filter((f) => f.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        for (const { from, typeOnly } of importsOf(path.join(SRC, folder, file))) {
          const where = `src/${folder}/${file} imports ${from}`;
          expect(from, where).not.toMatch(/^(node:)?fs(\/promises)?$|^better-sqlite3$/);
          if (from.startsWith('../store/')) expect(typeOnly, where).toBe(true);
        }
      }
    });
  }

  it('catches a value import of the store (the check itself)', () => {
    const matches = importsOf(path.join(SRC, 'app/fixture-model.ts'));
    expect(matches).toContainEqual({ from: '../store/match-queries.js', typeOnly: false });
  });
});
