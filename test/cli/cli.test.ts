import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

function matchday(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A small double round-robin league in the documented generic CSV. */
function writeLeague(dir: string): string {
  const teams = ['Alpha', 'Beta', 'Gamma', 'Delta'];
  const rows = ['date,home,away,home_goals,away_goals,competition'];
  let day = 1;
  for (const home of teams) {
    for (const away of teams) {
      if (home === away) continue;
      const goals = (home.length + 2 * away.length + day) % 4;
      rows.push(`2024-01-${String(day++).padStart(2, '0')},${home},${away},${goals},${(goals + day) % 3},eng.1`);
    }
  }
  const file = path.join(dir, 'league.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('matchday CLI (compiled bin)', () => {
  const dir = tempDir('cli');
  const db = path.join(dir, 'm.db');
  const league = writeLeague(dir);

  it('imports with a JSON summary, and a second import adds nothing', () => {
    const first = matchday(['import', league, '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).totals).toMatchObject({ matchesAdded: 12, rejected: 0, teamsCreated: 4 });
    const second = matchday(['import', league, '--db', db, '--json']);
    expect(JSON.parse(second.stdout).totals).toMatchObject({ matchesAdded: 0, unchanged: 2 });
  });

  it('finds the database through MATCHDAY_DB', () => {
    const result = matchday(['teams', '--search', 'alp', '--json'], { MATCHDAY_DB: db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((t: { name: string }) => t.name)).toEqual(['Alpha']);
  });

  it("lists a team's matches as JSON with provenance", () => {
    const result = matchday(['matches', '--team', 'Alpha', '--db', db, '--json']);
    const body = JSON.parse(result.stdout);
    expect(body.count).toBe(6);
    expect(body.matches[0].sources[0]).toMatchObject({ format: 'generic-csv', line: 2 });
  });

  it('predicts a fixture with every market summing to one', () => {
    const result = matchday(['predict', 'Alpha', 'Beta', '--date', '2024-02-01', '--db', db, '--json', '--prior', '1']);
    expect(result.code).toBe(0);
    const forecast = JSON.parse(result.stdout);
    const { home, draw, away } = forecast.markets.result;
    expect(home + draw + away + forecast.markets.truncatedMass).toBeCloseTo(1, 12);
    expect(forecast.model.data.matches).toBe(12);
  });

  it('inverts odds in any format into fair probabilities and the goal expectancies they imply', () => {
    const result = matchday(['implied', '11/10', '12/5', '+260', '--over', '1.90', '--under', '1.95', '--json']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.odds).toEqual([2.1, 3.4, 3.6]);
    for (const method of body.probabilities) {
      expect(method.probabilities.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(body.goals).toMatchObject({ converged: true, rhoFitted: true });
    expect(body.goals.residual).toBeLessThan(1e-9);
    expect(body.goals.lambda).toBeGreaterThan(body.goals.mu);
  });

  it('fails with one clear line and a non-zero exit on a bad file or an unknown team', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'date,home,away,home_goals,away_goals,competition\n2024-03-01,Alpha,Beta,x,1,eng.1\n');
    const result = matchday(['import', bad, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}:2, field home_goals`);
    const unknown = matchday(['matches', '--team', 'Zeta', '--db', db, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('UNKNOWN_TEAM');
  });
});

describe('matchday matches (compiled bin)', () => {
  const dir = tempDir('cli-cup');
  const db = path.join(dir, 'm.db');

  it('marks matches at a neutral ground and gives scores after extra time', () => {
    const cup = path.join(dir, '2023-24', 'eflcup.txt');
    mkdirSync(path.dirname(cup), { recursive: true });
    writeFileSync(
      cup,
      [
        '= English EFL Cup 2023/24',
        '» Quarterfinals',
        '  Wed Dec/20 2023',
        '    20.00  Liverpool FC            v West Ham United          5-1 (2-0)',
        '» Final',
        '  Sun Feb/25 2024',
        '    15.00  Chelsea FC              v Liverpool FC             0-1 a.e.t. (0-0, 0-0)',
        '',
      ].join('\n'),
    );
    expect(matchday(['import', cup, '--db', db]).code).toBe(0);
    const table = matchday(['matches', '--team', 'Liverpool', '--db', db]).stdout;
    const rows = table.split('\n').filter((line) => line.includes('eng.leaguecup'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).not.toContain('neutral');
    expect(rows[1]).toMatch(/Final .* 0-0 aet 0-1 .* neutral/);
  });
});
