import { MatchdayError } from '../errors.js';

/**
 * A source URL served from a mirror: the mirror's scheme and host (and any path prefix it has) replace the URL's own,
 * the path stays. `https://www.football-data.co.uk/mmz4281/2324/E0.csv` with mirror `http://127.0.0.1:8080` →
 * `http://127.0.0.1:8080/mmz4281/2324/E0.csv`; an openfootball raw file keeps `/openfootball/<repo>/<branch>/<path>`.
 */
export function mirrorUrl(url: string, mirror: string | null): string {
  if (mirror === null) return url;
  const source = new URL(url);
  const base = parseMirror(mirror);
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${source.pathname}${source.search}`;
}

export function parseMirror(mirror: string): URL {
  let base: URL;
  try {
    base = new URL(mirror);
  } catch {
    throw new MatchdayError('BAD_OPTION', `--mirror ${mirror} is not a URL (http://host[:port][/prefix])`, {
      field: 'mirror',
    });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new MatchdayError('BAD_OPTION', `--mirror ${mirror} must be an http or https URL`, { field: 'mirror' });
  }
  return base;
}
