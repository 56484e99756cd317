import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import { importPaths, type ImportSummary } from '../../src/store/import-files.js';
import { registryOf } from '../../src/store/competition-store.js';
import { tempDir } from '../temp-dir.js';

/** Writes `files` (relative path → lines) under a fresh folder and returns the folder. */
function writeTree(root: string, files: Record<string, string[]>): string {
  for (const [name, lines] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  return root;
}

function seasonsOf(db: Db, code: string): { season: string; matches: number }[] {
  return db
    .prepare(
      `SELECT m.season, COUNT(*) AS matches FROM matches m JOIN competitions c ON c.id = m.competition_id
       WHERE c.code = ? GROUP BY m.season ORDER BY MIN(m.date)`,
    )
    .all(code) as { season: string; matches: number }[];
}

function competitionRow(db: Db, code: string) {
  return db.prepare('SELECT code, name, kind, country, tier, origin FROM competitions WHERE code = ?').get(code);
}

function warningsAbout(summary: ImportSummary, code: string): string[] {
  return summary.files.flatMap((f) =>
    f.warnings.filter((w) => w.field === 'competition' && w.message.includes(` ${code} `)).map((w) => w.message),
  );
}

describe('leagues and cups beyond the five, as files name them', () => {
  const dir = tempDir('every-league');
  const root = writeTree(path.join(dir, 'data'), {
    // football-data season files of divisions the registry knows (N1) and does not (SC4: Scotland, fifth tier).
    'football-data/N1/2023-24.csv': [
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR',
      'N1,11/08/2023,Ajax,Heracles,4,1,H',
      'N1,12/08/2023,PSV Eindhoven,Utrecht,4,2,H',
    ],
    'football-data/SC4/2023-24.csv': [
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR',
      'SC4,05/08/2023,Brechin,Buckie Thistle,1,1,D',
      'SC4,06/08/2023,Fraserburgh,Formartine,2,0,H',
    ],
    // football-data extra-leagues files: calendar-year and autumn-spring seasons, closing odds, an unknown league.
    'new/NOR.csv': [
      'Country,League,Season,Date,Time,Home,Away,HG,AG,Res,PSCH,PSCD,PSCA,MaxCH,MaxCD,MaxCA,AvgCH,AvgCD,AvgCA',
      'Norway,Eliteserien,2023,10/11/2023,18:00,Bodo/Glimt,Molde,3,1,H,1.80,3.90,4.20,1.85,4.00,4.40,1.78,3.80,4.10',
      'Norway,Eliteserien,2024,01/04/2024,18:00,Molde,Bodo/Glimt,0,2,A,2.40,3.60,2.80,2.50,3.70,2.90,2.35,3.50,2.75',
    ],
    'new/AUT.csv': [
      'Country,League,Season,Date,Time,Home,Away,HG,AG,Res,PSCH,PSCD,PSCA',
      'Austria,Bundesliga,2023/2024,04/08/2023,19:30,Salzburg,Rapid Vienna,2,0,H,1.40,4.80,7.50',
    ],
    'new/RUR.csv': [
      'Country,League,Season,Date,Time,Home,Away,HG,AG,Res',
      'Ruritania,Premier Liga,2024,06/04/2024,15:00,Strelsau,Zenda,1,0,H',
    ],
    // openfootball league files of other countries, a known title and an unknown one, both calendars.
    'europe/netherlands/2023-24/1-eredivisie.txt': [
      '= Netherlands Eredivisie 2023/24',
      '',
      '» Matchday 1',
      '  Fri Aug/11',
      '    20.00  Ajax  v  Heracles  4-1 (3-0)',
    ],
    'europe/netherlands/2023-24/3-tweededivisie.txt': [
      '= Netherlands Tweede Divisie 2023/24',
      '',
      '» Matchday 1',
      '  Sat Aug/12',
      '    14.30  Katwijk  v  Quick Boys  1-1 (0-0)',
    ],
    'world/norway/2024/1-eliteserien.txt': [
      '= Norway Eliteserien 2024',
      '',
      '» Matchday 1',
      '  Mon Apr/1',
      '    18.00  Molde  v  Bodo/Glimt  0-2 (0-1)',
    ],
    // footballcsv and engsoccerdata files of other countries.
    'footballcsv/2023-24/be.1.csv': ['Date,Team 1,FT,HT,Team 2', 'Fri Jul 28 2023,Genk,1-1,0-0,Club Brugge'],
    // Club names the sources spell differently ("Ajax Amsterdam", "Ajax") are one club by the club list.
    'clubs/nl.clubs.txt': [
      'AFC Ajax, 1900, Amsterdam',
      '  | Ajax | Ajax Amsterdam',
      'Heracles Almelo, 1903, Almelo',
      '  | Heracles',
    ],
    'engsoccerdata/holland.csv': [
      '"Date","Season","home","visitor","FT","hgoal","vgoal","tier","division"',
      '"2023-08-11",2023,"Ajax Amsterdam","Heracles Almelo","4-1",4,1,1,"Eredivisie"',
      '"2023-08-13",2023,"Feyenoord","Fortuna Sittard","2-0",2,0,1,"Eredivisie"',
    ],
  });
  const db = openDatabase(path.join(dir, 'm.db'));
  const summary = importPaths(db, [root]);

  it('imports every file: nothing rejected, nothing skipped', () => {
    expect(summary.files.filter((f) => f.status !== 'imported').map((f) => [f.file, f.error])).toEqual([]);
    expect(summary.totals.rejectedRows).toBe(0);
  });

  it("names the registry's competitions from division codes, extra-league names, titles and file names", () => {
    expect(competitionRow(db, 'nl.1')).toEqual({
      code: 'nl.1',
      name: 'Eredivisie',
      kind: 'league',
      country: 'NED',
      tier: 1,
      origin: 'registry',
    });
    // One Ajax 4-1 Heracles, whether football-data, openfootball or engsoccerdata told it.
    expect(seasonsOf(db, 'nl.1')).toEqual([{ season: '2023-24', matches: 3 }]);
    expect(seasonsOf(db, 'be.1')).toEqual([{ season: '2023-24', matches: 1 }]);
    expect(seasonsOf(db, 'at.1')).toEqual([{ season: '2023-24', matches: 1 }]);
  });

  it('keeps calendar-year seasons as the source writes them, one match from two sources', () => {
    expect(seasonsOf(db, 'no.1')).toEqual([
      { season: '2023', matches: 1 },
      { season: '2024', matches: 1 },
    ]);
    const odds = db
      .prepare(
        `SELECT o.bookmaker, o.selection, o.price FROM odds o JOIN matches m ON m.id = o.match_id
         WHERE m.date = '2024-04-01' AND o.closing = 1 AND o.bookmaker = 'Pinnacle' ORDER BY o.selection`,
      )
      .all();
    expect(odds).toEqual([
      { bookmaker: 'Pinnacle', selection: 'away', price: 2.8 },
      { bookmaker: 'Pinnacle', selection: 'draw', price: 3.6 },
      { bookmaker: 'Pinnacle', selection: 'home', price: 2.4 },
    ]);
  });

  it('creates competitions it does not know from what the file says, and warns once for each', () => {
    expect(competitionRow(db, 'fd.sc4')).toEqual({
      code: 'fd.sc4',
      name: 'Scotland division SC4',
      kind: 'league',
      country: 'SCO',
      tier: 5,
      origin: 'file',
    });
    expect(competitionRow(db, 'nl.tweede-divisie')).toMatchObject({ country: 'NED', tier: 3, kind: 'league' });
    expect(competitionRow(db, 'ruritania.premier-liga')).toMatchObject({
      name: 'Ruritania Premier Liga',
      country: null,
      origin: 'file',
    });
    expect(seasonsOf(db, 'ruritania.premier-liga')).toEqual([{ season: '2024', matches: 1 }]);
    expect(warningsAbout(summary, 'fd.sc4')).toEqual([
      'new competition fd.sc4 ("Scotland division SC4") created from this file; its format is not known until a competitions YAML names it (docs/competitions.md)',
    ]);
    expect(warningsAbout(summary, 'nl.1')).toEqual([]);
  });

  it('lets a YAML of your own name a created competition; its matches stay with it, a re-import adds nothing', () => {
    const own = path.join(dir, 'my-competitions.yaml');
    writeFileSync(
      own,
      [
        'competitions:',
        '  - { code: sco.5, name: Highland League, country: SCO, kind: league, tier: 5, robins: 2, aliases: [SC4] }',
      ].join('\n'),
    );
    const renamed = importPaths(db, [own]);
    expect(renamed.totals.rejected).toBe(0);
    expect(competitionRow(db, 'fd.sc4')).toBeUndefined();
    expect(competitionRow(db, 'sco.5')).toMatchObject({ name: 'Highland League', origin: 'user', tier: 5 });
    expect(seasonsOf(db, 'sco.5')).toEqual([{ season: '2023-24', matches: 2 }]);
    expect(registryOf(db).find('Highland League')?.code).toBe('sco.5');
    const again = importPaths(db, [root]);
    expect(again.totals.matchesAdded).toBe(0);
    expect(warningsAbout(again, 'sco.5')).toEqual([]);
    // The forced re-read of the renamed division's file finds the user's competition by its label.
    db.prepare("DELETE FROM imported_files WHERE path LIKE '%SC4%'").run();
    const forced = importPaths(db, [path.join(root, 'football-data/SC4/2023-24.csv')]);
    expect(forced.totals).toMatchObject({ matchesAdded: 0, rejected: 0 });
    expect(seasonsOf(db, 'sco.5')).toEqual([{ season: '2023-24', matches: 2 }]);
  });
});
