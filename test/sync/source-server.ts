/**
 * A stand-in for football-data.co.uk and openfootball's raw files on 127.0.0.1 (port 0): serves what a test puts
 * under the real URL paths with ETag and Last-Modified, answers conditional requests with 304, and on request fails
 * (500), cuts a body short, or never answers. It records every request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedPath } from '../shared-data.js';

/** error: 500; busy: 503 with Retry-After: 2; cut: half the body, then the connection drops; hang: no answer. */
export type Fault = 'error' | 'busy' | 'cut' | 'hang';

export interface SeenRequest {
  path: string;
  status: number;
  conditional: boolean;
}

export class SourceServer {
  private readonly files = new Map<string, { body: Buffer; etag: string; lastModified: string }>();
  private readonly faults = new Map<string, Fault[]>();
  readonly requests: SeenRequest[] = [];
  private server: Server | null = null;
  private version = 0;

  /** Serves `body` at `path` from now on (a new version: new ETag and Last-Modified). */
  serve(path: string, body: string | Buffer): void {
    const bytes = Buffer.from(body);
    // Each version a minute after the last, so If-Modified-Since tells them apart.
    const lastModified = new Date(Date.UTC(2024, 0, 1, 0, ++this.version)).toUTCString();
    const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
    this.files.set(path, { body: bytes, etag, lastModified });
  }

  remove(path: string): void {
    this.files.delete(path);
  }

  /** The next requests of `path` meet these faults, one each, before it is served normally again. */
  fail(path: string, ...faults: Fault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  requestsOf(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const conditional =
        request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined;
      const seen = (status: number) => this.requests.push({ path, status, conditional });
      const fault = this.faults.get(path)?.shift();
      const file = this.files.get(path);
      if (fault === 'hang') return seen(0);
      if (fault === 'busy') {
        seen(503);
        response.writeHead(503, { 'retry-after': '2' }).end('busy');
        return;
      }
      if (fault === 'error') {
        seen(500);
        response.writeHead(500).end('server error');
        return;
      }
      if (!file) {
        seen(404);
        response.writeHead(404).end('not found');
        return;
      }
      const notModified =
        request.headers['if-none-match'] === file.etag ||
        (request.headers['if-none-match'] === undefined && request.headers['if-modified-since'] === file.lastModified);
      if (notModified) {
        seen(304);
        response.writeHead(304, { etag: file.etag, 'last-modified': file.lastModified }).end();
        return;
      }
      seen(200);
      response.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': file.body.length,
        etag: file.etag,
        'last-modified': file.lastModified,
      });
      if (fault === 'cut') {
        // Half the body, then the connection drops.
        response.write(file.body.subarray(0, Math.floor(file.body.length / 2)), () => response.socket?.destroy());
        return;
      }
      response.end(file.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** A football-data season file's URL path: `E0`, `2023-24` → `/mmz4281/2324/E0.csv`. */
export function seasonPath(division: string, season: string): string {
  return `/mmz4281/${season.slice(2, 4)}${season.slice(5, 7)}/${division}.csv`;
}

/** The shared copy of a football-data season file. */
export function sharedSeasonFile(division: string, season: string): string {
  return readFileSync(sharedPath('football-data', division, `${season}.csv`), 'utf8');
}

/** football-data's `dd/mm/yyyy` (or `dd/mm/yy`) → ISO. */
function isoOf(date: string): string {
  const [day, month, year] = date.split('/');
  return `${year.length === 2 ? `20${year}` : year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A season file's header and its rows dated within [from, to] (inclusive; either end open). */
export function seasonRows(text: string, from: string | null, to: string | null): { header: string; rows: string[] } {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const dateColumn = header.split(',').indexOf('Date');
  const rows = lines.filter((line) => {
    const date = isoOf(line.split(',')[dateColumn]);
    return (from === null || date >= from) && (to === null || date <= to);
  });
  return { header, rows };
}

/** The columns of the fixtures files written here: football-data's, results blank, pre-match prices given. */
const FIXTURE_COLUMNS = [
  'Div',
  'Date',
  'Time',
  'HomeTeam',
  'AwayTeam',
  'FTHG',
  'FTAG',
  'FTR',
  'B365H',
  'B365D',
  'B365A',
];
const RESULT_COLUMNS = new Set(['FTHG', 'FTAG', 'FTR']);

/** A fixtures file (several divisions in one, as football-data publishes it) of season-file rows. */
export function fixturesFile(parts: ReadonlyArray<{ header: string; rows: readonly string[] }>): string {
  const lines = [FIXTURE_COLUMNS.join(',')];
  for (const { header, rows } of parts) {
    const index = header.split(',');
    for (const row of rows) {
      const cells = row.split(',');
      lines.push(
        FIXTURE_COLUMNS.map((name) => (RESULT_COLUMNS.has(name) ? '' : (cells[index.indexOf(name)] ?? ''))).join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
