import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SeededRandom } from '../../src/models/random.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { tempDir } from '../temp-dir.js';

/** One generated football-data.co.uk row. */
export interface SyntheticRow {
  div: 'E0' | 'E1';
  /** ISO date. */
  date: string;
  line: string;
}

const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HS,AS,HST,AST,PSCH,PSCD,PSCA';
const DAY_MS = 86_400_000;

/**
 * Two divisions (E0, E1) of ten teams each over three seasons (2020-21 .. 2022-23), double round robin, one
 * round a fortnight from the first Saturday of August (to early May), the bottom E0 team and the top E1 team swapping divisions
 * each summer. Goals are Poisson from fixed strengths, shots follow the goals, Pinnacle closing odds carry a
 * 3% margin. Seeded: the same rows every time.
 */
export function syntheticLeagueRows(seed = 7): SyntheticRow[] {
  const rng = new SeededRandom(seed);
  const teams = Array.from({ length: 20 }, (_, i) => ({
    name: `Club ${String.fromCharCode(65 + i)}`,
    strength: 0.5 - i / 19 + 0.15 * rng.normal(),
  }));
  let divisions: [string[], string[]] = [teams.slice(0, 10).map((t) => t.name), teams.slice(10).map((t) => t.name)];
  const strength = new Map(teams.map((t) => [t.name, t.strength]));
  const rows: SyntheticRow[] = [];
  for (let season = 2020; season <= 2022; season++) {
    let start = Date.UTC(season, 7, 1);
    while (new Date(start).getUTCDay() !== 6) start += DAY_MS;
    divisions.forEach((clubs, d) => {
      const div = d === 0 ? 'E0' : 'E1';
      const rounds = roundRobin(clubs);
      rounds.forEach((round, r) => {
        const date = new Date(start + r * 14 * DAY_MS + d * DAY_MS);
        for (const [home, away] of round) rows.push(match(rng, div, date, home, away, strength));
      });
    });
    // Promotion and relegation by strength (the weakest E0 club for the strongest E1 club).
    const byStrength = (clubs: string[]) => [...clubs].sort((a, b) => strength.get(b)! - strength.get(a)!);
    const top = byStrength(divisions[0]);
    const second = byStrength(divisions[1]);
    divisions = [
      [...top.slice(0, 9), second[0]],
      [top[9], ...second.slice(1)],
    ];
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** Circle-method double round robin: every pair twice, home and away swapped in the second half. */
function roundRobin(clubs: string[]): [string, string][][] {
  const n = clubs.length;
  const rotating = clubs.slice(1);
  const first: [string, string][][] = [];
  for (let r = 0; r < n - 1; r++) {
    const order = [clubs[0], ...rotating.slice(r), ...rotating.slice(0, r)];
    const round: [string, string][] = [];
    for (let i = 0; i < n / 2; i++) {
      const pair: [string, string] = [order[i], order[n - 1 - i]];
      round.push(r % 2 === 0 ? pair : [pair[1], pair[0]]);
    }
    first.push(round);
  }
  return [...first, ...first.map((round) => round.map(([h, a]): [string, string] => [a, h]))];
}

function match(
  rng: SeededRandom,
  div: 'E0' | 'E1',
  date: Date,
  home: string,
  away: string,
  strength: Map<string, number>,
): SyntheticRow {
  const diff = strength.get(home)! - strength.get(away)!;
  const homeRate = Math.exp(0.3 + 0.25 + diff / 2);
  const awayRate = Math.exp(0.25 - diff / 2);
  const hg = rng.poisson(homeRate);
  const ag = rng.poisson(awayRate);
  const hst = hg + rng.poisson(2.5 * homeRate);
  const ast = ag + rng.poisson(2.5 * awayRate);
  const hs = hst + rng.poisson(7);
  const as = ast + rng.poisson(6);
  // Rough 1X2 from the rates, with a 3% margin.
  const pHome = 0.45 + diff / 3;
  const pDraw = 0.26;
  const pAway = 1 - pHome - pDraw;
  const odds = [pHome, pDraw, pAway].map((p) => (1 / (Math.min(Math.max(p, 0.05), 0.9) * 1.03)).toFixed(2));
  const [y, m, d] = date.toISOString().slice(0, 10).split('-');
  const result = hg > ag ? 'H' : hg === ag ? 'D' : 'A';
  const line = [div, `${d}/${m}/${y}`, home, away, hg, ag, result, hs, as, hst, ast, ...odds].join(',');
  return { div, date: date.toISOString().slice(0, 10), line };
}

/** A fresh database holding the given rows, imported from one football-data file per division. */
export function importRows(rows: readonly SyntheticRow[]): Db {
  const dir = tempDir('backtest');
  for (const div of ['E0', 'E1'] as const) {
    const lines = rows.filter((r) => r.div === div).map((r) => r.line);
    writeFileSync(path.join(dir, `${div}.csv`), [HEADER, ...lines].join('\n') + '\n');
  }
  const db = openDatabase(path.join(dir, 'league.db'));
  const summary = importPaths(db, [dir]);
  if (summary.totals.rejected > 0) throw new Error(`synthetic import rejected: ${JSON.stringify(summary.files)}`);
  return db;
}
