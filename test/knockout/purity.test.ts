import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const KNOCKOUT = path.resolve(import.meta.dirname, '../../src/knockout');
/** The modules that may read the database or the file system. */
const READERS = new Set(['knockout-reader.ts', 'tie-pricer.ts', 'tie-calibration-file.ts']);
/** Later in the data flow than knockout/: it may not import them. */
const DOWNSTREAM = ['evaluate', 'insights', 'preview', 'app', 'cli', 'server'];

function imports(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(KNOCKOUT, file), 'utf8');
  return [...text.matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)].map((m) => ({
    from: m[2],
    typeOnly: m[1] !== undefined,
  }));
}

describe('src/knockout keeps its pricing pure', () => {
  const files = readdirSync(KNOCKOUT).filter((f) => f.endsWith('.ts'));

  it('only the readers touch the database or the file system (others import them and store/ for types only)', () => {
    expect(files.length).toBeGreaterThan(15);
    for (const file of files.filter((f) => !READERS.has(f))) {
      for (const { from, typeOnly } of imports(file)) {
        expect(from, `${file} imports ${from}`).not.toMatch(/^node:fs|better-sqlite3/);
        if (from.startsWith('../store/') || /^\.\/(knockout-reader|tie-pricer)\.js$/.test(from)) {
          expect(typeOnly, `${file} imports ${from}`).toBe(true);
        }
      }
    }
  });

  it('nothing in knockout/ imports a module later in the data flow', () => {
    for (const file of files) {
      for (const { from } of imports(file)) {
        for (const later of DOWNSTREAM) expect(from, `${file} imports ${from}`).not.toContain(`../${later}/`);
      }
    }
  });
});
