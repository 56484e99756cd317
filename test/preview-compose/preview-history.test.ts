import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherPreviewHistory, resolvePreviewTeam } from '../../src/history/preview-history.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'date,home,away,home_goals,away_goals,competition,round,leg,et_home,et_away,home_country,away_country';

/**
 * Alpha and Beta in a league and a Europa League quarter-final; Gamma and Delta in another tie that went to extra
 * time; Epsilon and Zeta in a round of 16 whose first leg was won away by four.
 */
function importedDb() {
  const rows = [
    '2024-02-15,Eta,Theta,1,1,europa-league,Round of 32,1,,,ENG,ITA',
    '2024-02-22,Theta,Eta,2,0,europa-league,Round of 32,2,,,ITA,ENG',
    '2024-03-07,Iota,Kappa,0,0,europa-league,Round of 16,1,,,ENG,ITA',
    '2024-03-14,Kappa,Iota,1,0,europa-league,Round of 16,2,,,ITA,ENG',
    '2024-03-07,Epsilon,Zeta,0,4,europa-league,Round of 16,1,,,ENG,ITA',
    '2024-03-14,Zeta,Epsilon,1,1,europa-league,Round of 16,2,,,ITA,ENG',
    '2024-03-02,Alpha,Beta,1,1,eng.1,,,,,ENG,ENG',
    '2024-03-09,Gamma,Alpha,0,2,eng.1,,,,,ENG,ENG',
    '2024-04-11,Beta,Alpha,0,3,europa-league,Quarter-finals,1,,,ENG,ENG',
    '2024-04-11,Gamma,Delta,1,0,europa-league,Quarter-finals,1,,,ENG,ITA',
    '2024-04-14,Alpha,Gamma,2,0,eng.1,,,,,ENG,ENG',
    '2024-04-18,Alpha,Beta,0,1,europa-league,Quarter-finals,2,,,ENG,ENG',
    '2024-04-18,Delta,Gamma,1,0,europa-league,Quarter-finals,2,2,0,ITA,ENG',
    '2024-04-21,Beta,Alpha,2,2,eng.1,,,,,ENG,ENG',
  ];
  const dir = testTempDir('preview-history');
  const file = path.join(dir, 'matches.csv');
  writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  const db = openDatabase(path.join(dir, 'm.db'));
  importPaths(db, [file]);
  return db;
}

describe('resolving the fixture teams', () => {
  it('falls back to the model team list on an empty database, matching names without legal forms', () => {
    const db = openDatabase(':memory:');
    const modelTeams = [
      { id: 7, name: 'Atalanta BC' },
      { id: 9, name: 'Liverpool' },
    ];
    expect(resolvePreviewTeam(db, 'Atalanta', modelTeams)).toEqual({
      name: 'Atalanta BC',
      teamId: null,
      modelTeam: { id: 7, name: 'Atalanta BC' },
    });
    expect(() => resolvePreviewTeam(db, 'Everton', modelTeams)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEAM', message: expect.stringContaining('or in the model file') }),
    );
  });

  it('lets the database decide when it knows the team, and matches the model team by name, not id', () => {
    const db = importedDb();
    const alpha = resolvePreviewTeam(db, 'alpha', [{ id: 999, name: 'Alpha' }]);
    expect(alpha.name).toBe('Alpha');
    expect(alpha.teamId).not.toBeNull();
    expect(alpha.modelTeam).toEqual({ id: 999, name: 'Alpha' });
    expect(resolvePreviewTeam(db, 'Beta', [{ id: 999, name: 'Alpha' }]).modelTeam).toBeNull();
  });
});

describe('gathering a preview history', () => {
  it("reads both teams' earlier matches, the legs of ties that stood as this one, the fixture and its first leg", () => {
    const db = importedDb();
    const alpha = resolvePreviewTeam(db, 'Alpha', []).teamId;
    const beta = resolvePreviewTeam(db, 'Beta', []).teamId;
    const history = gatherPreviewHistory(db, {
      homeTeamId: alpha,
      awayTeamId: beta,
      date: '2024-04-18',
      competitionCode: 'uefa.el',
    });
    const label = (m: (typeof history.matches)[number]) => `${m.date} ${m.home.name}-${m.away.name}`;
    // The precedent compares ties whose first leg was won away by three or more: Epsilon's 4-0 at Zeta, not Gamma's
    // 1-0 win over Delta.
    expect(history.matches.map(label).sort()).toEqual([
      '2024-03-02 Alpha-Beta',
      '2024-03-07 Epsilon-Zeta',
      '2024-03-09 Gamma-Alpha',
      '2024-03-14 Zeta-Epsilon',
      '2024-04-11 Beta-Alpha',
      '2024-04-14 Alpha-Gamma',
    ]);
    expect(history.fixtureMatch && label(history.fixtureMatch)).toBe('2024-04-18 Alpha-Beta');
    expect(history.firstLeg && label(history.firstLeg)).toBe('2024-04-11 Beta-Alpha');
    expect(history.season).toBe('2023-24');
  });

  it('after a drawn first leg, the legs of ties whose first leg was drawn; none before a first leg', () => {
    const db = importedDb();
    const team = (name: string) => resolvePreviewTeam(db, name, []).teamId;
    const query = { homeTeamId: team('Kappa'), awayTeamId: team('Iota'), competitionCode: 'uefa.el' };
    const history = gatherPreviewHistory(db, { ...query, date: '2024-03-14' });
    const label = (m: (typeof history.matches)[number]) => `${m.date} ${m.home.name}-${m.away.name}`;
    expect(history.matches.map(label).sort()).toEqual([
      '2024-02-15 Eta-Theta',
      '2024-02-22 Theta-Eta',
      '2024-03-07 Iota-Kappa',
    ]);
    // The first leg's own day: no first leg yet, so no precedent and no other tie's legs.
    const before = gatherPreviewHistory(db, {
      ...query,
      homeTeamId: team('Iota'),
      awayTeamId: team('Kappa'),
      date: '2024-03-07',
    });
    expect(before.firstLeg).toBeNull();
    expect(before.matches).toEqual([]);
  });

  it('gathers nothing for a team the database does not know, and no tie legs for a league fixture', () => {
    const db = importedDb();
    const alpha = resolvePreviewTeam(db, 'Alpha', []).teamId;
    const history = gatherPreviewHistory(db, {
      homeTeamId: alpha,
      awayTeamId: null,
      date: '2024-04-15',
      competitionCode: 'eng.1',
    });
    expect(history.matches.every((m) => m.home.id === alpha || m.away.id === alpha)).toBe(true);
    expect(history.fixtureMatch).toBeNull();
    expect(history.firstLeg).toBeNull();
  });
});
