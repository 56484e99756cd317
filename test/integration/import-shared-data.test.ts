import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { findTeam } from '../../src/history/team-lookup.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { countMatches, findMatches, goalsOfMatches, sourcesOfMatches } from '../../src/store/match-queries.js';
import { hasSharedData, sharedPath } from '../shared-data.js';
import { testTempDir } from '../temp-dir.js';

describe.skipIf(!hasSharedData)('importing ../shared/data', () => {
  const summary = inject('sharedImportSummary')!;
  const db = () => openDatabase(inject('sharedDb'), { readonly: true });

  it('imports every match file; the only files left out are the ones that hold no matches', () => {
    expect(summary.totals.rejected).toBe(0);
    expect(summary.totals.rejectedRows).toBe(0);
    expect(summary.totals.matchesAdded).toBeGreaterThan(350_000);
    const skipped = summary.files.filter((f) => f.status === 'skipped').map((f) => path.basename(f.file));
    // Metadata and club side files that are not matches or aliases.
    expect(skipped).toEqual(expect.arrayContaining(['MANIFEST.csv', 'COVERAGE.csv', 'README.md']));
  });

  it('stores the Premier League 2023-24 once: 380 matches from football-data, footballcsv and engsoccerdata', () => {
    const database = db();
    expect(countMatches(database, 'eng.1', '2023-24')).toBe(380);
    const sources = database
      .prepare(
        `SELECT DISTINCT s.format FROM match_sources s JOIN matches m ON m.id = s.match_id JOIN competitions c ON c.id = m.competition_id
         WHERE c.code = 'eng.1' AND m.season = '2023-24' ORDER BY 1`,
      )
      .pluck()
      .all();
    expect(sources).toEqual(['engsoccerdata-league', 'football-data', 'footballcsv']);
    database.close();
  });

  it("gives Liverpool's 2023-24 season as one team across sources, with the quarter-final first leg as leg 1 of its tie", () => {
    const database = db();
    const liverpool = findTeam(database, 'Liverpool');
    expect(findTeam(database, 'Liverpool FC (ENG)').teamId).toBe(liverpool.teamId);
    const matches = findMatches(database, { teamId: liverpool.teamId, season: '2023-24' });
    expect(matches.filter((m) => m.competition.code === 'eng.1')).toHaveLength(38);
    const europa = matches.filter((m) => m.competition.code === 'uefa.el');
    expect(europa.length).toBe(10);
    const firstLeg = europa.find((m) => m.date === '2024-04-11')!;
    expect(firstLeg).toMatchObject({
      home: { name: 'Liverpool' },
      away: { name: 'Atalanta' },
      leg: 1,
      round: 'Quarter-finals',
    });
    expect(firstLeg.score.ft).toEqual([0, 3]);
    const secondLeg = europa.find((m) => m.date === '2024-04-18')!;
    expect(secondLeg.leg).toBe(2);
    expect(secondLeg.tieId).toBe(firstLeg.tieId);
    database.close();
  });

  it('unites the spellings of one club: Man City, Manchester City FC (ENG), Manchester City; Inter and Internazionale', () => {
    const database = db();
    const city = findTeam(database, 'Man City').teamId;
    expect(findTeam(database, 'Manchester City FC (ENG)').teamId).toBe(city);
    expect(findTeam(database, 'Manchester City').teamId).toBe(city);
    expect(findTeam(database, 'Internazionale').teamId).toBe(findTeam(database, 'Inter').teamId);
    database.close();
  });

  it('keeps scorers from the older cl_finals files (Paris Saint-Germain 2016-17)', () => {
    const database = db();
    const psg = findTeam(database, 'Paris Saint-Germain');
    const matches = findMatches(database, { teamId: psg.teamId, season: '2016-17', competitionCode: 'uefa.cl' });
    const barcelona = matches.find((m) => m.date === '2017-02-14')!;
    expect(barcelona.score.ft).toEqual([4, 0]);
    const goals = goalsOfMatches(database, [barcelona.id]).get(barcelona.id)!;
    expect(goals).toHaveLength(4);
    expect(goals.map((g) => g.side)).toEqual(['home', 'home', 'home', 'home']);
    expect(
      sourcesOfMatches(database, [barcelona.id])
        .get(barcelona.id)!
        .map((s) => path.basename(s.file)),
    ).toContain('cl_finals.txt');
    database.close();
  });

  it('adds nothing on a second import, even with the already-imported shortcut cleared', () => {
    const dir = testTempDir('reimport');
    const copy = path.join(dir, 'copy.db');
    const source = openDatabase(inject('sharedDb'), { readonly: true });
    source.prepare('VACUUM INTO ?').run(copy);
    source.close();
    const database = openDatabase(copy);
    const before = database.prepare('SELECT COUNT(*) FROM matches').pluck().get();
    const again = importPaths(database, [
      sharedPath('football-data', 'E0'),
      sharedPath('openfootball', 'champions-league', '2023-24'),
    ]);
    expect(again.totals.matchesAdded).toBe(0);
    expect(again.totals.unchanged).toBe(again.totals.files);
    database.prepare('DELETE FROM imported_files').run();
    const forced = importPaths(database, [
      sharedPath('football-data', 'E0', '2023-24.csv'),
      sharedPath('engsoccerdata', 'champs.csv'),
    ]);
    expect(forced.totals.matchesAdded).toBe(0);
    expect(forced.totals.matchesEnriched).toBe(0);
    expect(database.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(before);
    database.close();
  });
});
