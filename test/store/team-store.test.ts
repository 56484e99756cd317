import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { thrown } from '../ingest/parse-helpers.js';
import { competition } from '../competitions.js';
import { emptyRecordDefaults, type MatchRecord } from '../../src/ingest/records.js';
import { openDatabase } from '../../src/store/database.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { loadTeamDirectory, loadTeamNames, TeamStore } from '../../src/store/team-store.js';

/** Two clubs called Rangers; the Scottish one played the European Cup in 1990-91, the other never. */
function setup() {
  const db = openDatabase(':memory:');
  const teams = new TeamStore(db);
  const scottish = teams.resolve({ name: 'Rangers', country: 'SCO' }, null).teamId;
  const other = teams.resolve({ name: 'Rangers', country: 'NIR' }, null).teamId;
  const stranger = teams.resolve({ name: 'Valletta', country: 'MLT' }, null).teamId;
  const writer = new MatchWriter(db);
  const played = (home: number, away: number, date: string, code = 'uefa.cl') => {
    const record: MatchRecord = {
      ...emptyRecordDefaults(),
      source: {
        format: 'test',
        file: 'cl.csv',
        line: 2 + Number(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()),
      },
      competition: competition(code),
      season: '1990-91',
      date,
      status: 'played',
      home: { name: 'x', country: null },
      away: { name: 'y', country: null },
      ftScore: [4, 0],
    };
    writer.write(record, home, away);
  };
  return { teams, scottish, other, stranger, played };
}

const rangers = { name: 'Rangers', country: null };

describe('TeamStore: a name without a country that two teams share', () => {
  it('is the team that played this competition within six years of the match', () => {
    const { teams, scottish, stranger, played } = setup();
    played(scottish, stranger, '1990-09-19');
    expect(teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1992-11-04' })).toEqual({
      teamId: scottish,
      created: false,
    });
    expect(teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1996-09-19' }).teamId).toBe(scottish);
    expect(teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1984-09-19' }).teamId).toBe(scottish);
  });

  it('is ambiguous, naming the candidates, when neither or both played it then', () => {
    const { teams, scottish, other, stranger, played } = setup();
    played(scottish, stranger, '1990-09-19');
    const tooLate = thrown(() => teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1996-09-20' }));
    expect(tooLate.code).toBe('AMBIGUOUS_TEAM');
    expect(tooLate.message).toBe(
      'team Rangers: ambiguous team name: could be Rangers (SCO) or Rangers (NIR); add an alias override',
    );
    const tooEarly = thrown(() => teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1984-09-18' }));
    expect(tooEarly.code).toBe('AMBIGUOUS_TEAM');
    played(other, stranger, '1991-09-18');
    expect(() => teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1992-11-04' })).toThrow(
      MatchdayError,
    );
  });

  it('counts only the same competition, home or away', () => {
    const { teams, scottish, stranger, played } = setup();
    played(scottish, stranger, '1990-09-19', 'uefa.el');
    expect(() => teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1991-01-01' })).toThrow(
      MatchdayError,
    );
    played(stranger, scottish, '1990-10-03');
    expect(teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1991-01-01' }).teamId).toBe(scottish);
  });

  it('is resolved afresh for every match (the answer depends on the date), while a name with a country is remembered', () => {
    const { teams, scottish, other, stranger, played } = setup();
    played(scottish, stranger, '1990-09-19');
    played(other, stranger, '2010-07-14');
    expect(teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '1990-10-03' }).teamId).toBe(scottish);
    expect(teams.resolve(rangers, null, { competitionCode: 'uefa.cl', date: '2011-07-13' }).teamId).toBe(other);
    expect(teams.resolve({ name: 'Rangers', country: 'NIR' }, null)).toEqual({ teamId: other, created: false });
  });

  it('is ambiguous without a match to go by', () => {
    const { teams } = setup();
    expect(thrown(() => teams.resolve(rangers, null)).code).toBe('AMBIGUOUS_TEAM');
  });
});

describe('TeamStore', () => {
  it('creates a team once, then finds it by any spelling of its keys and remembers new spellings in the database', () => {
    const db = openDatabase(':memory:');
    const teams = new TeamStore(db);
    const created = teams.resolve({ name: 'Manchester City FC', country: 'ENG' }, null);
    expect(created.created).toBe(true);
    expect(teams.resolve({ name: 'Manchester City', country: null }, 'ENG')).toEqual({
      teamId: created.teamId,
      created: false,
    });
    expect(db.prepare('SELECT key FROM team_aliases ORDER BY key').pluck().all()).toEqual([
      '=manchester city',
      '=manchester city fc',
      'manchester city',
    ]);
    const reloaded = TeamStore.reload(db);
    expect(reloaded.resolve({ name: 'Manchester City', country: 'ENG' }, null).teamId).toBe(created.teamId);
    expect(db.prepare('SELECT name, country FROM teams').raw().all()).toEqual([['Manchester City FC', 'ENG']]);
  });

  it('adds alias groups once and uses them at once', () => {
    const db = openDatabase(':memory:');
    const teams = new TeamStore(db);
    const city = teams.resolve({ name: 'Man City', country: 'ENG' }, null).teamId;
    const group = { canonical: 'Manchester City', country: 'ENG', names: ['Man City', 'Citizens'], source: 'test' };
    expect(teams.addAliasGroups([group, group])).toBe(1);
    expect(teams.resolve({ name: 'Citizens', country: 'ENG' }, null)).toEqual({ teamId: city, created: false });
    expect(TeamStore.reload(db).addAliasGroups([group])).toBe(0);
  });
});

describe('loadTeamNames', () => {
  it('finds teams by name as the whole directory does, without the alias groups', () => {
    const db = openDatabase(':memory:');
    const teams = new TeamStore(db);
    teams.addAliasGroups([{ canonical: 'Bayern München', country: 'GER', names: ['FC Bayern'], source: 'test' }]);
    for (const [name, country] of [
      ['Rangers', 'SCO'],
      ['Rangers', 'NIR'],
      ['Queens Park Rangers', 'ENG'],
      ['Bayern München', 'GER'],
      ['FC Bayern', 'GER'],
      ['Manchester City FC', 'ENG'],
      ['Manchester United', 'ENG'],
    ] as const) {
      teams.resolve({ name, country }, null);
    }
    const names = loadTeamNames(db);
    const directory = loadTeamDirectory(db);
    for (const query of ['Rangers', 'rang', 'Bayern Muenchen', 'FC Bayern', 'Manchester', 'Man City', 'x', 'Park']) {
      expect(names.search(query)).toEqual(directory.search(query));
      expect(names.search(query, 1)).toEqual(directory.search(query, 1));
    }
    expect(names.search('Rangers').map((c) => [c.name, c.country, c.score])).toEqual([
      ['Rangers', 'SCO', 1],
      ['Rangers', 'NIR', 1],
      ['Queens Park Rangers', 'ENG', 0.6],
    ]);
  });
});
