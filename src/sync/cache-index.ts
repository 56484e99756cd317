/**
 * What the sync cache knows about each file it holds: the URL it came from and the validators (ETag, Last-Modified)
 * the server sent, for the next conditional request. Kept as `sync-state.json` in the cache folder, rewritten
 * atomically after every download.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MatchdayError } from '../errors.js';
import { writeAtomically, type Validators } from './http-download.js';

export interface CachedFile extends Validators {
  /** The URL the file was fetched from (a mirror's, perhaps): validators are only sent back to it. */
  fetchedFrom: string;
  bytes: number;
  downloadedAt: string;
}

export class CacheIndex {
  private readonly file: string;
  private readonly entries: Record<string, CachedFile>;

  constructor(readonly folder: string) {
    this.file = path.join(folder, 'sync-state.json');
    this.entries = existsSync(this.file) ? readIndex(this.file) : {};
  }

  /** Where the file of a source URL lives in the cache: `<host>/<path>`, whoever serves it. */
  pathOf(url: string): string {
    const { host, pathname } = new URL(url);
    return path.join(this.folder, host, ...pathname.split('/').filter(Boolean).map(decodeURIComponent));
  }

  /** Validators to send for a URL: only when the cached copy is there and came from the same server. */
  validatorsFor(url: string, fetchUrl: string): Validators | null {
    const entry = this.entries[url];
    if (!entry || entry.fetchedFrom !== fetchUrl || !existsSync(this.pathOf(url))) return null;
    return { etag: entry.etag, lastModified: entry.lastModified };
  }

  record(url: string, entry: CachedFile): void {
    this.entries[url] = entry;
    writeAtomically(this.file, `${JSON.stringify(this.entries, null, 2)}\n`);
  }
}

function readIndex(file: string): Record<string, CachedFile> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, CachedFile>;
  } catch (error) {
    throw new MatchdayError(
      'SYNC_CACHE',
      `cannot read the sync cache index: ${(error as Error).message} (delete it to start afresh)`,
      { file },
    );
  }
}
