import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncDatabase, type SyncReport, type SyncRequest } from '../../src/app/sync-database.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { describeWithSharedData, sharedPath } from '../shared-data.js';
import { tempDir } from '../temp-dir.js';
import { fixturesFile, seasonPath, seasonRows, sharedSeasonFile, SourceServer } from './source-server.js';

const E0 = seasonPath('E0', '2023-24');
const EL = '/openfootball/champions-league/master/2023-24/el.txt';
const CUT = '2024-03-01';

/** What an import leaves in the database: the matches (date, teams, score) and how many rows each table has. */
function snapshot(db: Db) {
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return {
    matches: db
      .prepare(
        `SELECT m.date || ' ' || h.name || ' ' || IFNULL(m.ft_home, '-') || '-' || IFNULL(m.ft_away, '-') || ' ' || a.name
         FROM matches m JOIN teams h ON h.id = m.home_team_id JOIN teams a ON a.id = m.away_team_id ORDER BY m.date, h.name`,
      )
      .pluck()
      .all() as string[],
    tables: Object.fromEntries(
      ['match_sources', 'odds', 'match_stats', 'goals', 'teams', 'imported_files'].map((t) => [t, count(t)]),
    ),
  };
}

const byUrl = (report: SyncReport) =>
  Object.fromEntries(
    report.files.map((f) => [new URL(f.requested).pathname, [f.status, f.matchesAdded, f.matchesUpdated]]),
  );

describeWithSharedData('matchday sync against a local server with the real files', () => {
  const server = new SourceServer();
  const dir = tempDir('sync');
  const cacheDir = path.join(dir, 'cache');
  const db = openDatabase(path.join(dir, 'matchday.db'));
  const season = sharedSeasonFile('E0', '2023-24');
  const beforeCut = seasonRows(season, null, '2024-02-29');
  const afterCut = seasonRows(season, CUT, null);
  const v1 = `${[beforeCut.header, ...beforeCut.rows].join('\n')}\n`;
  let mirror = '';
  const request = (overrides: Partial<SyncRequest> = {}): SyncRequest => ({
    competitions: ['eng.1', 'uefa.el'],
    seasons: ['2023-24'],
    sources: [],
    dryRun: false,
    mirror,
    cacheDir,
    today: CUT,
    madeAt: `${CUT}T08:00:00.000Z`,
    download: { politenessMs: 0, backoffMs: 1 },
    ...overrides,
  });

  beforeAll(async () => {
    mirror = await server.start();
    server.serve(E0, v1);
    server.serve(EL, readFileSync(sharedPath('openfootball/champions-league/2023-24/el.txt')));
    // La Liga's fixtures only: a sync of the Premier League imports none of them.
    const laLiga = seasonRows(sharedSeasonFile('SP1', '2023-24'), CUT, '2024-03-10');
    server.serve('/fixtures.csv', fixturesFile([laLiga]));
  });
  afterAll(async () => {
    db.close();
    await server.close();
  });

  it('lists what it would fetch on a dry run, and fetches nothing', async () => {
    const report = await syncDatabase(db, request({ dryRun: true }));
    expect(report.files.map((f) => [f.requested.replace(mirror, ''), f.status, f.role])).toEqual([
      [E0, 'planned', 'results'],
      ['/fixtures.csv', 'planned', 'fixtures'],
      [EL, 'planned', 'results'],
    ]);
    expect(server.requests).toEqual([]);
  });

  it('first sync: downloads every file and imports all of it, as importing the same files would', async () => {
    const report = await syncDatabase(db, request());
    expect(byUrl(report)).toEqual({
      [E0]: ['downloaded', beforeCut.rows.length, 0],
      '/fixtures.csv': ['downloaded', 0, 0],
      [EL]: ['downloaded', 141, 0],
    });
    expect(report.offline).toBeNull();
    // The same bytes imported from files give the same matches.
    const reference = openDatabase(':memory:');
    const e0 = path.join(dir, 'E0-2023-24.csv');
    writeFileSync(e0, v1);
    importPaths(reference, [e0, sharedPath('openfootball/champions-league/2023-24/el.txt')]);
    expect(snapshot(db).matches).toEqual(snapshot(reference).matches);
    expect(snapshot(db).matches).toHaveLength(beforeCut.rows.length + 141);
    reference.close();
    // La Liga's rows of the fixtures file were left out.
    expect(db.prepare("SELECT COUNT(*) FROM competitions WHERE code = 'es.1'").pluck().get()).toBe(0);
  });

  it('second sync: every request is conditional, every answer 304, nothing transferred or changed', async () => {
    const before = snapshot(db);
    const seen = server.requests.length;
    const report = await syncDatabase(db, request());
    expect(report.files.map((f) => [f.status, f.bytes, f.matchesAdded])).toEqual([
      ['not-modified', 0, 0],
      ['not-modified', 0, 0],
      ['not-modified', 0, 0],
    ]);
    expect(server.requests.slice(seen).map((r) => [r.status, r.conditional])).toEqual([
      [304, true],
      [304, true],
      [304, true],
    ]);
    expect(snapshot(db)).toEqual(before);
  });

  it('a changed file is downloaded and only its new rows are added', async () => {
    server.serve(E0, season);
    const report = await syncDatabase(db, request());
    expect(byUrl(report)).toEqual({
      [E0]: ['downloaded', afterCut.rows.length, 0],
      '/fixtures.csv': ['not-modified', 0, 0],
      [EL]: ['not-modified', 0, 0],
    });
    expect(afterCut.rows.length).toBe(380 - beforeCut.rows.length);
    expect(
      db
        .prepare("SELECT COUNT(*) FROM matches m JOIN competitions c ON c.id = m.competition_id WHERE c.code = 'eng.1'")
        .pluck()
        .get(),
    ).toBe(380);
  });

  it('a server error is retried, then reported; the rest is synced and the database keeps what it had', async () => {
    const before = snapshot(db);
    server.serve(EL, `${readFileSync(sharedPath('openfootball/champions-league/2023-24/el.txt'), 'utf8')}\n`);
    server.fail(E0, 'error', 'error', 'error', 'error');
    const seen = server.requests.length;
    const report = await syncDatabase(db, request());
    const e0 = report.files[0];
    expect([e0.status, e0.attempts, e0.error]).toEqual([
      'failed',
      4,
      'HTTP 500 Internal Server Error (after 4 attempts)',
    ]);
    expect(
      server.requests
        .slice(seen)
        .filter((r) => r.path === E0)
        .map((r) => r.status),
    ).toEqual([500, 500, 500, 500]);
    // el.txt changed (a blank line more): downloaded, nothing new in it.
    expect(byUrl(report)[EL]).toEqual(['downloaded', 0, 0]);
    expect(snapshot(db).matches).toEqual(before.matches);
  });

  it('a download cut mid-file leaves the cache and the database as they were', async () => {
    const cached = path.join(
      cacheDir,
      new URL(mirror).host === 'x' ? '' : 'www.football-data.co.uk',
      'mmz4281',
      '2324',
      'E0.csv',
    );
    const cachedBefore = readFileSync(cached, 'utf8');
    const stateBefore = readFileSync(path.join(cacheDir, 'sync-state.json'), 'utf8');
    const before = snapshot(db);
    // A new version of the file (one more round), whose every download is cut half-way.
    server.serve(E0, `${season}E0,20/05/2024,16:00,Arsenal,Chelsea,1,0,H\n`);
    server.fail(E0, 'cut', 'cut', 'cut', 'cut');
    const report = await syncDatabase(db, request());
    expect(report.files[0]).toMatchObject({ status: 'failed', attempts: 4, bytes: 0 });
    expect(report.files[0].error).toMatch(/^download cut short/);
    expect(readFileSync(cached, 'utf8')).toBe(cachedBefore);
    expect(cachedBefore).toBe(season);
    expect(readFileSync(path.join(cacheDir, 'sync-state.json'), 'utf8')).toBe(stateBefore);
    expect(snapshot(db)).toEqual(before);
  });

  it('offline: one clear reason, nothing imported, the database as it was', async () => {
    const closed = new SourceServer();
    const unreachable = await closed.start();
    await closed.close();
    const before = snapshot(db);
    const report = await syncDatabase(db, request({ mirror: unreachable }));
    expect(report.offline).toBe('ECONNREFUSED (after 4 attempts)');
    expect(report.files.map((f) => f.status)).toEqual(['failed', 'failed', 'failed']);
    expect(report.imported).toBeNull();
    expect(snapshot(db)).toEqual(before);
  });
});
