import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, '../../src/cli/main.ts');

/** Modules a file loads when it is loaded: value imports and re-exports (type-only ones are erased). */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export) (type )?[^;]*? from '([^']+)';/gms)]
    .filter((m) => m[1] === undefined)
    .map((m) => m[2]);
}

/** The packages (not node: built-ins) loaded with `file`, following its relative imports. */
function packagesLoadedWith(file: string): { packages: Set<string>; files: number } {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const from of valueImportsOf(current)) {
      if (from.startsWith('.')) visit(path.resolve(path.dirname(current), from.replace(/\.js$/, '.ts')));
      else if (!from.startsWith('node:')) packages.add(from);
    }
  };
  visit(file);
  return { packages, files: seen.size };
}

describe('matchday starts without loading what its commands need (--help stays fast)', () => {
  it('loads commander and the commands’ definitions, and no database, server, YAML or table code', () => {
    const { packages, files } = packagesLoadedWith(MAIN);
    expect([...packages]).toEqual(['commander']);
    // main, the seventeen command definitions and the few leaf modules their defaults come from.
    expect(files).toBeLessThan(40);
  });

  it('sees a heavy module behind a relative import (the check itself)', () => {
    const predict = path.resolve(import.meta.dirname, '../../src/cli/predict-action.ts');
    expect(packagesLoadedWith(predict).packages).toContain('better-sqlite3');
  });
});
