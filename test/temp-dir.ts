import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const make = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), `matchday-${prefix}-`));
const remove = (dir: string) => () => rmSync(dir, { recursive: true, force: true });

/** A fresh temporary directory, removed after the tests of the file (call at module or describe level). */
export function tempDir(prefix: string): string {
  const dir = make(prefix);
  afterAll(remove(dir));
  return dir;
}

/** A fresh temporary directory, removed when the running test ends (call inside a test). */
export function testTempDir(prefix: string): string {
  const dir = make(prefix);
  onTestFinished(remove(dir));
  return dir;
}
