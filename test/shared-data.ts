import { describe, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the shared real data lives: MATCHDAY_SHARED_DATA or ../shared/data beside the repository. */
export const SHARED_DATA = process.env.MATCHDAY_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../shared/data');

/** True when the real data is present (always in CI). */
export const hasSharedData = existsSync(path.join(SHARED_DATA, 'README.md'));

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/**
 * `describe` for a suite over ../shared/data. vitest runs a skipped suite's body to collect it, so a body that reads
 * the data at collection time must not run at all without it: the suite is then reported as one skipped test.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) describe(name, body);
  else describe.skip(name, () => it('needs ../shared/data', () => {}));
}
