import { describe, expect, it } from 'vitest';
import { competition } from '../competitions.js';
import { defaultFitScope } from '../../src/history/fit-scope.js';
import { emptyRecordDefaults, type MatchRecord } from '../../src/ingest/records.js';
import { openDatabase } from '../../src/store/database.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { TeamStore } from '../../src/store/team-store.js';

describe('defaultFitScope', () => {
  it("takes the teams' leagues and the continental competitions played in the years it fits, not older ones", () => {
    const db = openDatabase(':memory:');
    const teams = new TeamStore(db);
    const writer = new MatchWriter(db);
    let line = 1;
    const add = (code: string, season: string, date: string, home: string, away: string) => {
      const record: MatchRecord = {
        ...emptyRecordDefaults(),
        source: { format: 'test', file: 'scope.txt', line: line++ },
        competition: competition(code),
        season,
        date,
        status: 'played',
        home: { name: home, country: 'ENG' },
        away: { name: away, country: 'ITA' },
        ftScore: [1, 0],
      };
      writer.write(record, teams.resolve(record.home, null).teamId, teams.resolve(record.away, null).teamId);
    };
    add('uefa.fairs', '1965-66', '1965-10-06', 'Leeds United', 'Torino');
    add('uefa.el', '2023-24', '2023-10-05', 'Liverpool', 'Atalanta');
    add('eng.1', '2023-24', '2023-10-08', 'Liverpool', 'Atalanta');
    const liverpool = teams.resolve({ name: 'Liverpool', country: 'ENG' }, null).teamId;
    expect(defaultFitScope(db, [liverpool], '2024-04-18')).toEqual({
      competitions: ['eng.1', 'uefa.el'],
      from: '2020-04-18',
      before: '2024-04-18',
    });
    db.close();
  });
});
