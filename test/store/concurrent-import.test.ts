import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const SEASONS = 40;
const PER_SEASON = 20;
const CLUBS = SEASONS + PER_SEASON - 1;

/**
 * A made-up league in football-data's format: one file per season, each season with one club the season before did
 * not have (so that both imports, reading the seasons in opposite orders, create teams all along), a double round
 * robin with statistics and odds.
 */
function writeLeague(dir: string): string[] {
  const files: string[] = [];
  for (let s = 0; s < SEASONS; s++) {
    const year = 1970 + s;
    const clubs = Array.from({ length: PER_SEASON }, (_, i) => `Club ${s + i + 1} Town`);
    const rows = ['Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HS,AS,B365H,B365D,B365A'];
    let day = 0;
    for (const home of clubs) {
      for (const away of clubs) {
        if (home === away) continue;
        const date = new Date(Date.UTC(year, 7, 1) + (day++ % 280) * 86_400_000);
        const dd = String(date.getUTCDate()).padStart(2, '0');
        const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
        const h = (day * 7 + s) % 5;
        const a = (day * 3 + s) % 4;
        const result = h > a ? 'H' : h < a ? 'A' : 'D';
        rows.push(
          `E0,${dd}/${mm}/${date.getUTCFullYear()},${home},${away},${h},${a},${result},${Math.min(h, 1)},${Math.min(a, 1)},${h + 9},${a + 8},2.1,3.3,3.6`,
        );
      }
    }
    const file = path.join(dir, `${year}-${String((year + 1) % 100).padStart(2, '0')}.csv`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    files.push(file);
  }
  return files;
}

function importInChild(db: string, files: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', ...files, '--db', db, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every row of every table, with ids replaced by what they stand for (ids depend on who wrote first). */
function contents(db: Db): Record<string, unknown[]> {
  const match = `(SELECT m.date || ' ' || h.name || ' v ' || a.name FROM matches m
    JOIN teams h ON h.id = m.home_team_id JOIN teams a ON a.id = m.away_team_id WHERE m.id = x.match_id)`;
  const queries: Record<string, string> = {
    competitions: 'SELECT code, name, kind, country, tier FROM competitions',
    teams: 'SELECT name, country FROM teams',
    team_aliases: 'SELECT t.name, x.key FROM team_aliases x JOIN teams t ON t.id = x.team_id',
    alias_groups: 'SELECT source, canonical, country, names FROM alias_groups',
    venues: 'SELECT name, country, city, capacity, opened, aliases, source_file, source_line FROM venues',
    matches: `SELECT c.code, x.season, x.date, x.time, h.name, a.name, x.neutral, x.venue, x.round, x.group_name, x.leg,
      x.tie_id IS NOT NULL, x.status, x.ht_home, x.ht_away, x.ft_home, x.ft_away, x.et_home, x.et_away, x.pen_home,
      x.pen_away, x.attendance, x.referee
      FROM matches x JOIN competitions c ON c.id = x.competition_id
      JOIN teams h ON h.id = x.home_team_id JOIN teams a ON a.id = x.away_team_id`,
    ties: `SELECT c.code, x.season, x.round, (SELECT date FROM matches WHERE id = x.first_leg_id),
      (SELECT date FROM matches WHERE id = x.second_leg_id) FROM ties x JOIN competitions c ON c.id = x.competition_id`,
    match_sources: `SELECT ${match}, format, file, line FROM match_sources x`,
    goals: `SELECT ${match}, seq, side, scorer, minute, stoppage, penalty, own_goal FROM goals x`,
    match_stats: `SELECT ${match}, side, shots, shots_on_target, corners, fouls, yellow_cards, red_cards FROM match_stats x`,
    odds: `SELECT ${match}, bookmaker, market, line, selection, closing, price FROM odds x`,
    conflicts: `SELECT ${match}, file, line, field, stored, incoming FROM conflicts x`,
    imported_files: 'SELECT path, sha256, format, records FROM imported_files',
    season_summaries: `SELECT c.code, x.season, x.played, x.scheduled, x.void, x.teams, x.group_teams, x.first_date,
      x.last_date, x.rounds FROM season_summaries x JOIN competitions c ON c.id = x.competition_id`,
    season_summaries_state: 'SELECT fresh FROM season_summaries_state',
    forecasts: `SELECT ${match}, model, data_before, matches_fitted, p_home, p_draw, p_away, xg_home, xg_away, scores
      FROM forecasts x`,
  };
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  // A table added to the schema must be added here too, or the comparison would silently skip it.
  expect(tables.sort()).toEqual(Object.keys(queries).sort());
  return Object.fromEntries(
    Object.entries(queries).map(([table, sql]) => [
      table,
      db
        .prepare(sql)
        .raw()
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

describe('two imports into one database at once', () => {
  it('give the database one import gives: every table row for row, no team twice', async () => {
    const dir = testTempDir('concurrent');
    const corpus = path.join(dir, 'league');
    mkdirSync(corpus);
    const files = writeLeague(corpus);
    const shared = path.join(dir, 'shared.db');

    // Into a database neither has created yet, in opposite orders so that both create teams and matches at once.
    const [first, second] = await Promise.all([
      importInChild(shared, files),
      importInChild(shared, [...files].reverse()),
    ]);
    expect([first.stderr, second.stderr]).toEqual(['', '']);
    expect([first.code, second.code]).toEqual([0, 0]);
    const totals = [first, second].map((run) => JSON.parse(run.stdout).totals);
    // Each file (and the project's alias file) is imported by one of the two and found already imported by the other.
    expect(totals[0].imported + totals[1].imported).toBe(SEASONS + 1);
    expect(totals[0].matchesAdded + totals[1].matchesAdded).toBe(SEASONS * PER_SEASON * (PER_SEASON - 1));
    expect(totals[0].teamsCreated + totals[1].teamsCreated).toBe(CLUBS);

    const alone = openDatabase(path.join(dir, 'alone.db'));
    importPaths(alone, files);
    const together = openDatabase(shared, { readonly: true });
    expect(together.prepare('SELECT name FROM teams GROUP BY name HAVING COUNT(*) > 1').pluck().all()).toEqual([]);
    expect(together.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(
      SEASONS * PER_SEASON * (PER_SEASON - 1),
    );
    expect(contents(together)).toEqual(contents(alone));
    together.close();
    alone.close();
  });
});
