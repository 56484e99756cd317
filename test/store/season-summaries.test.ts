import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SeasonStatuses } from '../../src/history/coverage.js';
import { findTeam } from '../../src/history/team-lookup.js';
import { seasonSummaries, teamHoldingsBySeason } from '../../src/store/coverage-queries.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import {
  refreshSeasonSummaries,
  seasonSummariesFresh,
  storedSeasonSummaries,
} from '../../src/store/season-summaries.js';
import { describeWithSharedData } from '../shared-data.js';
import { tempDir } from '../temp-dir.js';

const TEAMS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const HEADER = 'date,competition,home,away,home_goals,away_goals,round,season';

/** A double round robin of four clubs in the season starting `year`. */
function leagueRows(year: number): string[] {
  const rows: string[] = [];
  let day = 1;
  for (const home of TEAMS) {
    for (const away of TEAMS) {
      if (home !== away) rows.push(`${year}-09-${String(day++).padStart(2, '0')},eng.1,${home},${away},1,0,,`);
    }
  }
  return rows;
}

function writeCsv(file: string, rows: string[]): string {
  writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
  return file;
}

/** The stored summaries as a list in the order `seasonSummaries` computes them. */
function stored(db: Db) {
  const byKey = storedSeasonSummaries(db);
  if (!byKey) throw new Error('the season summaries are stale');
  return seasonSummaries(db).map((s) => byKey.get(`${s.competition}|${s.season}`));
}

describe('season summaries', () => {
  const dir = tempDir('season-summaries');
  const first = writeCsv(path.join(dir, 'first.csv'), [
    ...leagueRows(2021),
    '2022-01-08,fa-cup,Alpha,Beta,2,1,Semi-finals,2021-22',
    '2022-05-14,fa-cup,Alpha,Gamma,1,0,Final,2021-22',
  ]);
  const db = openDatabase(path.join(dir, 'm.db'));
  importPaths(db, [first]);

  it('are stored at import as they are computed from the matches', () => {
    expect(seasonSummariesFresh(db)).toBe(true);
    expect(storedSeasonSummaries(db)?.size).toBe(2);
    expect(stored(db)).toEqual(seasonSummaries(db));
    expect(storedSeasonSummaries(db)?.get('eng.facup|2021-22')).toMatchObject({
      played: 2,
      teams: 3,
      rounds: ['Final', 'Semi-finals'],
    });
  });

  it('answer what computing afresh answers', () => {
    const fromTable = new SeasonStatuses(db, true);
    const computed = new SeasonStatuses(db);
    for (const [code, season] of [
      ['eng.1', '2021-22'],
      ['eng.facup', '2021-22'],
      ['eng.1', '2022-23'],
      ['eng.leaguecup', '2021-22'],
    ]) {
      expect(fromTable.of(code, season)).toBe(computed.of(code, season));
      expect(fromTable.holds(code, season)).toBe(computed.holds(code, season));
    }
    expect(fromTable.of('eng.1', '2021-22')).toBe('complete');
    expect(fromTable.of('eng.1', '2022-23')).toBeNull();
  });

  it('take in the season a later import adds', () => {
    importPaths(db, [writeCsv(path.join(dir, 'second.csv'), leagueRows(2022))]);
    expect(seasonSummariesFresh(db)).toBe(true);
    expect(stored(db)).toEqual(seasonSummaries(db));
    const statuses = new SeasonStatuses(db, true);
    expect(statuses.of('eng.1', '2022-23')).toBe('complete');
    expect(statuses.holds('eng.1', '2022-23')).toBe(true);
  });

  it('are never read stale: a write to the matches outside an import makes readers compute afresh', () => {
    db.prepare(
      "UPDATE matches SET status = 'scheduled', ft_home = NULL, ft_away = NULL WHERE date = '2022-09-01'",
    ).run();
    expect(seasonSummariesFresh(db)).toBe(false);
    expect(storedSeasonSummaries(db)).toBeNull();
    // The last season with a match to play reads as in progress, as the matches now say.
    expect(new SeasonStatuses(db, true).of('eng.1', '2022-23')).toBe('in-progress');
    refreshSeasonSummaries(db);
    expect(seasonSummariesFresh(db)).toBe(true);
    expect(stored(db)).toEqual(seasonSummaries(db));
    expect(storedSeasonSummaries(db)?.get('eng.1|2022-23')).toMatchObject({ played: 11, scheduled: 1 });
  });

  it('are filled when an existing database is migrated to them', () => {
    const file = path.join(dir, 'old.db');
    const old = openDatabase(file);
    importPaths(old, [first]);
    // The database as the schema before season summaries (migration 4) left it.
    old.exec(`DROP TRIGGER matches_insert_staleness; DROP TRIGGER matches_delete_staleness;
      DROP TRIGGER matches_update_staleness; DROP TABLE season_summaries; DROP TABLE season_summaries_state;`);
    old.pragma('user_version = 3');
    old.close();
    // A reader (every read-only command) migrates it first, as a writer would.
    const migrated = openDatabase(file, { readonly: true });
    expect(migrated.readonly).toBe(true);
    expect(migrated.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(seasonSummariesFresh(migrated)).toBe(true);
    expect(stored(migrated)).toEqual(seasonSummaries(migrated));
    expect(storedSeasonSummaries(migrated)?.size).toBe(2);
    migrated.close();
  });

  it('a database from a newer matchday is refused in one line, not read', () => {
    const file = path.join(dir, 'newer.db');
    const newer = openDatabase(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openDatabase(file, { readonly: true })).toThrow(
      expect.objectContaining({ code: 'DB_SCHEMA', message: expect.stringContaining('newer than this matchday') }),
    );
  });
});

describeWithSharedData('season summaries of the shared data', () => {
  const db = openDatabase(inject('sharedDb'), { readonly: true });

  it('are stored by the import as computing them afresh gives them', () => {
    expect(seasonSummariesFresh(db)).toBe(true);
    expect(stored(db)).toEqual(seasonSummaries(db));
  });

  it("judge Atalanta's and Liverpool's every season as computing each season alone does", () => {
    const fromTable = new SeasonStatuses(db, true);
    const alone = new SeasonStatuses(db);
    let judged = 0;
    for (const name of ['Atalanta', 'Liverpool']) {
      for (const [season, holdings] of teamHoldingsBySeason(db, findTeam(db, name).teamId)) {
        for (const { competition } of holdings) {
          expect([competition, season, fromTable.of(competition, season)]).toEqual([
            competition,
            season,
            alone.of(competition, season),
          ]);
          judged++;
        }
      }
    }
    expect(judged).toBeGreaterThan(300);
  });
});
