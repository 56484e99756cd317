import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the shared real data lives: MATCHDAY_SHARED_DATA or ../shared/data beside the repository. */
export const SHARED_DATA = process.env.MATCHDAY_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../shared/data');

/** True when the real data is present (always in CI). */
export const hasSharedData = existsSync(path.join(SHARED_DATA, 'README.md'));

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}
