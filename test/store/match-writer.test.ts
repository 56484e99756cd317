import { describe, expect, it } from 'vitest';
import { competition } from '../competitions.js';
import { emptyRecordDefaults, type MatchRecord } from '../../src/ingest/records.js';
import { openDatabase } from '../../src/store/database.js';
import { findMatches } from '../../src/store/match-queries.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { TeamStore } from '../../src/store/team-store.js';

function record(overrides: Partial<MatchRecord>): MatchRecord {
  return {
    ...emptyRecordDefaults(),
    source: { format: 'test', file: 'a.csv', line: 2 },
    competition: competition('eng.1'),
    season: '2023-24',
    date: '2023-08-11',
    status: 'played',
    home: { name: 'Burnley', country: 'ENG' },
    away: { name: 'Man City', country: 'ENG' },
    ftScore: [0, 3],
    ...overrides,
  };
}

function setup() {
  const db = openDatabase(':memory:');
  const teams = new TeamStore(db);
  const writer = new MatchWriter(db);
  const write = (r: MatchRecord) =>
    writer.write(
      r,
      teams.resolve(r.home, r.competition.country).teamId,
      teams.resolve(r.away, r.competition.country).teamId,
    );
  return { db, teams, writer, write };
}

describe('MatchWriter', () => {
  it('stores a match once and leaves it unchanged when the same row comes again', () => {
    const { db, write } = setup();
    expect(write(record({}))).toBe('added');
    expect(write(record({}))).toBe('unchanged');
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(1);
  });

  it('enriches a known match from a second source and keeps both provenances', () => {
    const { db, write } = setup();
    write(record({}));
    const outcome = write(
      record({
        source: { format: 'other', file: 'b.txt', line: 9 },
        htScore: [0, 2],
        odds: [{ bookmaker: 'Pinnacle', market: '1X2', line: null, selection: 'home', price: 9.5, closing: true }],
      }),
    );
    expect(outcome).toBe('enriched');
    const [match] = findMatches(db, {});
    expect(match.score.ht).toEqual([0, 2]);
    expect(db.prepare('SELECT COUNT(*) FROM match_sources').pluck().get()).toBe(2);
    expect(db.prepare('SELECT price FROM odds').pluck().get()).toBe(9.5);
  });

  it('records a conflicting score instead of overwriting it', () => {
    const { db, write, writer } = setup();
    write(record({}));
    write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, ftScore: [1, 3] }));
    expect(findMatches(db, {})[0].score.ft).toEqual([0, 3]);
    expect(db.prepare('SELECT stored, incoming FROM conflicts').get()).toEqual({ stored: '0-3', incoming: '1-3' });
    expect(writer.conflicts).toBe(1);
  });

  it('finds a league match by season when two sources disagree on its date', () => {
    const { db, write } = setup();
    write(record({}));
    expect(write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, date: '2023-08-12' }))).toBe(
      'unchanged',
    );
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(1);
  });

  it('pairs two legs of a knockout round into one tie', () => {
    const { db, write, writer } = setup();
    const el = competition('uefa.el');
    write(
      record({
        competition: el,
        date: '2024-04-11',
        round: 'Quarter-finals',
        leg: 1,
        home: { name: 'Liverpool', country: 'ENG' },
        away: { name: 'Atalanta', country: 'ITA' },
        ftScore: [0, 3],
      }),
    );
    write(
      record({
        competition: el,
        date: '2024-04-18',
        round: 'Quarter-finals',
        leg: 2,
        source: { format: 'test', file: 'a.csv', line: 3 },
        home: { name: 'Atalanta', country: 'ITA' },
        away: { name: 'Liverpool', country: 'ENG' },
        ftScore: [0, 1],
      }),
    );
    writer.linkTies();
    const matches = findMatches(db, {});
    expect(matches.map((m) => m.leg)).toEqual([1, 2]);
    expect(matches[0].tieId).not.toBeNull();
    expect(matches[0].tieId).toBe(matches[1].tieId);
  });
});

describe('MatchWriter on fixtures', () => {
  const fixture = (overrides: Partial<MatchRecord>) =>
    record({
      status: 'scheduled',
      ftScore: null,
      date: '2024-03-09',
      time: '15:00',
      source: { format: 'football-data', file: 'fixtures.csv', line: 5 },
      ...overrides,
    });
  const ids = (db: ReturnType<typeof setup>['db']) =>
    findMatches(db, {}).map((m) => [m.id, m.date, m.time, m.status, m.score.ft]);

  it('fills in a fixture with its result on the same row', () => {
    const { db, write } = setup();
    expect(write(fixture({}))).toBe('added');
    expect(ids(db)).toEqual([[1, '2024-03-09', '15:00', 'scheduled', null]]);
    const result = record({
      date: '2024-03-09',
      ftScore: [1, 1],
      source: { format: 'football-data', file: 'E0.csv', line: 280 },
    });
    expect(write(result)).toBe('enriched');
    expect(ids(db)).toEqual([[1, '2024-03-09', '15:00', 'played', [1, 1]]]);
  });

  it('moves a fixture to the date its result (or a newer fixtures file) gives, keeping the row', () => {
    const { db, write } = setup();
    write(fixture({}));
    expect(
      // Next week's fixtures file: a new version (an import forgets the provenance of the old one).
      write(
        fixture({
          date: '2024-04-02',
          time: '19:45',
          source: { format: 'football-data', file: 'fixtures-next-week.csv', line: 3 },
        }),
      ),
    ).toBe('enriched');
    expect(ids(db)).toEqual([[1, '2024-04-02', '19:45', 'scheduled', null]]);
    write(
      record({
        date: '2024-04-03',
        time: '20:00',
        ftScore: [0, 2],
        source: { format: 'football-data', file: 'E0.csv', line: 300 },
      }),
    );
    expect(ids(db)).toEqual([[1, '2024-04-03', '20:00', 'played', [0, 2]]]);
  });

  it('reads a changed line again: the result it now has is stored, and its provenance follows the file', () => {
    const { db, write } = setup();
    const file = { format: 'football-txt', file: 'fr1.txt', line: 40 };
    write(fixture({ source: file }));
    // The same line, a week later: the score is there now.
    expect(write(record({ date: '2024-03-09', ftScore: [2, 0], source: file }))).toBe('enriched');
    expect(ids(db)).toEqual([[1, '2024-03-09', '15:00', 'played', [2, 0]]]);
    // A line that described this match now describes another (the file changed): provenance moves with it.
    write(
      record({
        date: '2024-03-16',
        home: { name: 'Arsenal', country: 'ENG' },
        away: { name: 'Chelsea', country: 'ENG' },
        ftScore: [1, 0],
        source: file,
      }),
    );
    expect(
      db.prepare('SELECT match_id FROM match_sources WHERE file = ? AND line = ?').pluck().get('fr1.txt', 40),
    ).toBe(2);
  });

  it('keeps apart a second meeting: a played match is not a fixture to move, and two fixtures are not guessed between', () => {
    const { db, write } = setup();
    const league = { ...competition('sco.1') };
    write(record({ competition: league, date: '2023-09-02', ftScore: [1, 0] }));
    write(fixture({ competition: league, date: '2024-04-27' }));
    expect(findMatches(db, {}).map((m) => [m.date, m.status])).toEqual([
      ['2023-09-02', 'played'],
      ['2024-04-27', 'scheduled'],
    ]);
    // The same fixtures file lists the pairing twice (a split league): two meetings, not a move.
    write(fixture({ competition: league, date: '2024-05-11', source: { format: 'x', file: 'fixtures.csv', line: 9 } }));
    // Now two fixtures of the pairing: a result on a third date matches neither.
    write(
      record({
        competition: league,
        date: '2024-05-12',
        ftScore: [3, 3],
        source: { format: 'x', file: 'r.csv', line: 2 },
      }),
    );
    expect(findMatches(db, {}).map((m) => m.date)).toEqual(['2023-09-02', '2024-04-27', '2024-05-11', '2024-05-12']);
  });

  it('counts a conflicting score once, however often its file is read', () => {
    const { writer, write } = setup();
    write(record({}));
    const other = record({ ftScore: [1, 3], source: { format: 'other', file: 'b.txt', line: 4 } });
    write(other);
    write(other);
    expect(writer.conflicts).toBe(1);
  });
});
