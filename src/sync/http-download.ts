/**
 * Downloads one public file the polite way, with Node's own fetch: a conditional request (the ETag and Last-Modified
 * the server gave last time) so an unchanged file is not sent again, a timeout per attempt, retries with doubling
 * back-off on 5xx, 408, 429 and network errors (honouring Retry-After), a pause between requests to one host, and an
 * atomic write: the body goes to a temporary file beside the target and replaces it only once complete, so a download
 * cut short never replaces a good file.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** What the server answered to an attempt that settles the file. */
type Answer =
  | { status: 'downloaded'; bytes: number; validators: Validators }
  | { status: 'not-modified' }
  /** 404 or 410: the server has no such file (a season not published yet). */
  | { status: 'missing'; httpStatus: number };

export type DownloadResult =
  | (Answer & { attempts: number })
  /** `unreachable`: no attempt got an HTTP answer (offline, DNS, refused, timed out). */
  | { status: 'failed'; error: string; unreachable: boolean; attempts: number };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface DownloadOptions {
  /** Per attempt, from the request to the last byte. */
  timeoutMs: number;
  /** Attempts in all (1 = no retry). */
  attempts: number;
  /** Wait before the first retry; doubled for each later one. */
  backoffMs: number;
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: number;
  /** Least time between the starts of two requests to one host. */
  politenessMs: number;
  userAgent: string;
  clock: Clock;
}

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = {
  timeoutMs: 30_000,
  attempts: 4,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  politenessMs: 1_000,
  userAgent: 'matchday-sync (+https://www.npmjs.com/package/matchday)',
  clock: SYSTEM_CLOCK,
};

/** One failed attempt: whether trying again may help, and any wait the server asked for. */
class AttemptFailure extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    readonly unreachable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export class Downloader {
  private readonly options: DownloadOptions;
  private readonly lastStart = new Map<string, number>();
  /** Hosts no attempt reached in this run: later files from them fail at once instead of waiting out every retry. */
  private readonly unreachableHosts = new Map<string, string>();

  constructor(options: Partial<DownloadOptions> = {}) {
    this.options = { ...DEFAULT_DOWNLOAD_OPTIONS, ...options };
  }

  /** Fetches `url` into `target` unless the validators show the cached copy is current. */
  async download(url: string, target: string, validators: Validators | null): Promise<DownloadResult> {
    const host = new URL(url).host;
    const down = this.unreachableHosts.get(host);
    if (down) return { status: 'failed', error: down, unreachable: true, attempts: 0 };
    const { attempts, backoffMs, maxRetryAfterMs, clock } = this.options;
    let reachedServer = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.attempt(url, host, target, validators);
        return { ...result, attempts: attempt };
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        reachedServer ||= !error.unreachable;
        if (!error.retry || attempt >= attempts) {
          const message = `${error.message}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`;
          if (!reachedServer) this.unreachableHosts.set(host, `cannot reach ${host}: ${error.message}`);
          return { status: 'failed', error: message, unreachable: !reachedServer, attempts: attempt };
        }
        const backoff = backoffMs * 2 ** (attempt - 1);
        await clock.sleep(Math.min(Math.max(backoff, error.retryAfterMs ?? 0), Math.max(backoff, maxRetryAfterMs)));
      }
    }
  }

  private async attempt(url: string, host: string, target: string, validators: Validators | null): Promise<Answer> {
    await this.waitForHost(host);
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { headers, signal, redirect: 'follow' });
    } catch (error) {
      throw new AttemptFailure(networkMessage(error, this.options.timeoutMs), true, true);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return { status: 'missing', httpStatus: response.status };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retry = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new AttemptFailure(
        `HTTP ${response.status} ${response.statusText}`.trim(),
        retry,
        false,
        retryAfter(response),
      );
    }
    let body: Buffer;
    try {
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new AttemptFailure(`download cut short: ${networkMessage(error, this.options.timeoutMs)}`, true, false);
    }
    const declared = response.headers.get('content-length');
    // A decoded (gzip) body is longer than the length on the wire; only a plain body can be checked against it.
    if (declared !== null && !response.headers.get('content-encoding') && Number(declared) !== body.length) {
      throw new AttemptFailure(`download cut short: ${body.length} of ${declared} bytes`, true, false);
    }
    writeAtomically(target, body);
    return {
      status: 'downloaded',
      bytes: body.length,
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  }

  private async waitForHost(host: string): Promise<void> {
    const { clock, politenessMs } = this.options;
    const last = this.lastStart.get(host);
    if (last !== undefined) {
      const wait = last + politenessMs - clock.now();
      if (wait > 0) await clock.sleep(wait);
    }
    this.lastStart.set(host, clock.now());
  }
}

/** Writes beside the target, then renames over it: a reader sees the old file or the whole new one, never a part. */
export function writeAtomically(target: string, body: Buffer | string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    writeFileSync(temporary, body);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; null when absent or unreadable. */
function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** undici's `fetch failed` says nothing; its cause says what happened (ENOTFOUND, ECONNREFUSED, ...). */
function networkMessage(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
