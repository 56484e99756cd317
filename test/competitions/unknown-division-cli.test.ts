import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/models/random.js';
import { tempDir } from '../temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

function matchday(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TEAMS = ['Arden', 'Brill', 'Corby', 'Dunmore', 'Eskdale', 'Fernhill', 'Glenrock', 'Holme'];
const STRENGTH = [0.45, 0.3, 0.2, 0.05, -0.05, -0.2, -0.3, -0.45];

/** Poisson probabilities of home win, draw, away win for two rates. */
function outcomeProbabilities(home: number, away: number): [number, number, number] {
  const pmf = (rate: number) => {
    const p = [Math.exp(-rate)];
    for (let k = 1; k <= 12; k++) p.push((p[k - 1] * rate) / k);
    return p;
  };
  const [h, a] = [pmf(home), pmf(away)];
  let win = 0;
  let draw = 0;
  for (let i = 0; i <= 12; i++) {
    for (let j = 0; j <= 12; j++) {
      if (i > j) win += h[i] * a[j];
      else if (i === j) draw += h[i] * a[j];
    }
  }
  return [win, draw, 1 - win - draw];
}

/**
 * Three seasons of a made-up eight-club division `X1` (a code the registry does not know) in football-data's season
 * file layout, with Pinnacle closing prices from the true rates and a 3% margin.
 */
function writeDivision(dir: string): string[] {
  const rng = new SeededRandom(7);
  return [2021, 2022, 2023].map((year) => {
    const rows = ['Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,PSCH,PSCD,PSCA'];
    let day = Date.UTC(year, 7, 7);
    // Every ordered pair once: a double round robin, a match every other day.
    for (let h = 0; h < TEAMS.length; h++) {
      for (let a = 0; a < TEAMS.length; a++) {
        if (h === a) continue;
        const home = Math.exp(0.35 + STRENGTH[h] - STRENGTH[a]);
        const away = Math.exp(0.1 + STRENGTH[a] - STRENGTH[h]);
        const [hg, ag] = [rng.poisson(home), rng.poisson(away)];
        const prices = outcomeProbabilities(home, away).map((p) => (1 / (p * 1.03)).toFixed(2));
        const date = new Date(day).toISOString().slice(0, 10).split('-').reverse().join('/');
        const result = hg > ag ? 'H' : hg < ag ? 'A' : 'D';
        rows.push(`X1,${date},${TEAMS[h]},${TEAMS[a]},${hg},${ag},${result},${prices.join(',')}`);
        day += 2 * 86_400_000;
      }
    }
    const file = path.join(dir, `X1-${year}.csv`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    return file;
  });
}

describe('a division matchday has never seen, end to end (compiled bin)', () => {
  const dir = tempDir('unknown-division');
  const db = path.join(dir, 'm.db');
  const files = writeDivision(dir);

  it('imports, warning once that it created the competition', () => {
    const result = matchday(['import', ...files, '--db', db, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.totals).toMatchObject({ rejected: 0, matchesAdded: 3 * 56 });
    const created = summary.files.flatMap((f: { warnings: { field: string }[] }) =>
      f.warnings.filter((w) => w.field === 'competition'),
    );
    expect(created).toHaveLength(1);
  });

  it('fits a model on it by its code or its division label', () => {
    const result = matchday(['fit', '--competitions', 'X1', '--to', '2024-06-30', '--db', db, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const fit = JSON.parse(result.stdout);
    expect(fit.diagnostics.converged).toBe(true);
    expect(fit.data.matches).toBe(3 * 56);
  });

  it("predicts a fixture from the division's own history, the grid summing to one", () => {
    const result = matchday(['predict', 'Arden', 'Holme', '--date', '2024-07-01', '--db', db, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const forecast = JSON.parse(result.stdout);
    const { home, draw, away } = forecast.markets.result;
    expect(home + draw + away + forecast.markets.truncatedMass).toBeCloseTo(1, 12);
    expect(forecast.model.data.competitions).toEqual(['fd.x1']);
    expect(home).toBeGreaterThan(away); // the strongest club at home to the weakest
  });

  it('backtests it against its closing line', () => {
    const args = ['backtest', '--competitions', 'fd.x1', '--from', '2023-07-01', '--to', '2024-06-30', '--db', db];
    const result = matchday([...args, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { report } = JSON.parse(result.stdout);
    expect(report.scored).toBe(56);
    expect(report.byCompetition.map((g: { key: string }) => g.key)).toEqual(['fd.x1']);
    const { model, market } = report.overall.scores;
    expect(model.rps.mean).toBeGreaterThan(0.1);
    expect(model.rps.mean).toBeLessThan(0.3);
    expect(market.n).toBe(56);
  });
});
