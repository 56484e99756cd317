/**
 * Load on `matchday serve`: the compiled server runs as its own process on 127.0.0.1 (a free port), autocannon drives
 * it with a rotating set of real fixtures, and the median over runs of req/s and p99 latency is printed (with errors
 * and non-2xx answers, which must be 0). Targets: `predict` (the JSON endpoint), `match` (the HTML match pages of the
 * fixtures), `team` (the HTML pages of their teams).
 *   npm run build && npx tsx bench/serve-load.ts --db /path/to/matchday.db [--target predict|match|team] [--runs 3]
 *                                              [--seconds 10] [--connections 10] [--background bracket,team]
 * `--background` runs other load during each run, as a busy server has it: `bracket`, one client asking for cold
 * brackets one after another (the Europa League 2023-24 as of a new day each time: seconds of pricing each); `team`,
 * 10 clients loading the fixtures' teams' pages (warmed up like the target's). The target's numbers are then what its users see meanwhile.
 * The database needs ../shared/data imported (`matchday import ../shared/data`). One warm-up request per address
 * first, so the runs measure what a running server does: models fitted and pages built once, then served.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const wholeNumber = (name: string, fallback: number): number => {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
};
const db = option('--db', process.env.MATCHDAY_DB ?? '');
const runs = wholeNumber('--runs', 3);
const seconds = wholeNumber('--seconds', 10);
const connections = wholeNumber('--connections', 10);
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'dist/cli/main.js');
if (!db || !existsSync(db)) throw new Error('give --db PATH (a database with ../shared/data imported)');
if (!existsSync(bin)) throw new Error('run `npm run build` first: the benchmark starts the compiled server');

/** Real fixtures: two quarter-final nights of the 2023-24 Europa League and two Premier League days. */
const FIXTURES = [
  ['Atalanta', 'Liverpool', '2024-04-18'],
  ['Liverpool', 'Atalanta', '2024-04-11'],
  ['AS Roma', 'AC Milan', '2024-04-18'],
  ['West Ham United', 'Bayer Leverkusen', '2024-04-18'],
  ['Olympique Marseille', 'SL Benfica', '2024-04-18'],
  ['Arsenal', 'Chelsea', '2024-04-23'],
  ['Liverpool', 'Tottenham Hotspur', '2024-05-05'],
  ['Manchester City', 'Wolverhampton Wanderers', '2024-05-04'],
];
const target = option('--target', 'predict');
if (!['predict', 'match', 'team'].includes(target)) throw new Error('--target predict, match or team');
const background = option('--background', '').split(',').filter(Boolean);
if (background.some((b) => !['bracket', 'team'].includes(b))) throw new Error('--background bracket and/or team');
const query = ([home, away, date]: string[]) =>
  `home=${encodeURIComponent(home)}&away=${encodeURIComponent(away)}&date=${date}`;

/** The addresses of a target's pages: a match page's address has the teams' ids (the /fixture redirect gives it). */
async function addresses(base: string, target: string): Promise<string[]> {
  if (target === 'predict') return FIXTURES.map((f) => `/api/predict?${query(f)}`);
  const matchPages = await Promise.all(
    FIXTURES.map(async (f) => {
      const response = await fetch(`${base}/fixture?${query(f)}`, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location) throw new Error(`${f.join(' ')}: no match page (${response.status})`);
      return location;
    }),
  );
  if (target === 'match') return matchPages;
  const teamIds = new Set(matchPages.flatMap((p) => p.split('/').slice(3)));
  return [...teamIds].map((id) => `/teams/${id}`);
}

const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) resolve(address[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });

  const paths = await addresses(base, target);
  const teamPages = background.includes('team') ? await addresses(base, 'team') : [];
  const warmUp = performance.now();
  // The background's team pages too: its clients load pages the server has rendered, as on a running server.
  for (const url of [...paths, ...teamPages]) {
    const response = await fetch(base + url);
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
  console.log(
    `warm-up (${paths.length + teamPages.length} addresses, first request each): ${((performance.now() - warmUp) / 1000).toFixed(1)} s`,
  );

  const results: { requestsPerSecond: number; p99: number; errors: number; non2xx: number; total: number }[] = [];
  let bracketDay = 0;
  for (let run = 1; run <= runs; run++) {
    const others: Promise<string>[] = [];
    let running = true;
    if (teamPages.length > 0) {
      others.push(
        autocannon({
          url: base,
          connections: 10,
          duration: seconds,
          requests: teamPages.map((p) => ({ method: 'GET' as const, path: p })),
        }).then((r) => `team pages ${r.requests.average.toFixed(0)}/s p99 ${r.latency.p99} ms`),
      );
    }
    if (background.includes('bracket')) {
      others.push(
        (async () => {
          const times: number[] = [];
          while (running) {
            // A new day each time: a bracket the server has not priced yet.
            const asOf = new Date(Date.UTC(2024, 1, 1) + 86_400_000 * bracketDay++).toISOString().slice(0, 10);
            const started = performance.now();
            const response = await fetch(`${base}/api/bracket?competition=uefa.el&season=2023-24&asOf=${asOf}`);
            await response.arrayBuffer();
            if (response.status !== 200) throw new Error(`bracket as of ${asOf}: ${response.status}`);
            times.push(performance.now() - started);
          }
          return `${times.length} cold brackets, ${times.map((t) => (t / 1000).toFixed(1)).join(' / ')} s`;
        })(),
      );
    }
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
    });
    running = false;
    if (others.length > 0) console.log(`  meanwhile: ${(await Promise.all(others)).join('; ')}`);
    const row = {
      requestsPerSecond: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      total: result.requests.total,
    };
    results.push(row);
    console.log(
      `run ${run}: ${row.requestsPerSecond.toFixed(0)} req/s, p99 ${row.p99} ms, ${row.total} requests, ` +
        `${row.errors} errors, ${row.non2xx} non-2xx`,
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `${target}${background.length > 0 ? ` (background ${background.join(',')})` : ''}, node ${process.version}, ` +
      `${connections} connections × ${seconds} s, median of ${runs} runs: ` +
      `${median(results.map((r) => r.requestsPerSecond)).toFixed(0)} req/s, p99 ${median(results.map((r) => r.p99))} ms, ` +
      `errors ${results.reduce((s, r) => s + r.errors, 0)}, non-2xx ${results.reduce((s, r) => s + r.non2xx, 0)}`,
  );
} finally {
  server.kill('SIGTERM');
}
