import { describe, expect, it } from 'vitest';
import { competition } from '../competitions.js';
import { emptyRecordDefaults, type MatchRecord, type SideStats } from '../../src/ingest/records.js';
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

const NO_STATS: SideStats = {
  shots: null,
  shotsOnTarget: null,
  corners: null,
  fouls: null,
  yellowCards: null,
  redCards: null,
};

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
    expect(db.prepare('SELECT field, stored, incoming FROM conflicts').get()).toEqual({
      field: 'full-time score',
      stored: '0-3',
      incoming: '1-3',
    });
    expect(writer.conflicts).toBe(1);
  });

  it('records half-time, extra-time and shoot-out scores that differ as conflicts, keeping the stored ones', () => {
    const { db, write, writer } = setup();
    const cup = competition('eng.facup');
    write(record({ competition: cup, htScore: [0, 1], ftScore: [1, 1], etScore: [2, 2], penScore: [4, 3] }));
    const other = { format: 'other', file: 'b.txt', line: 5 };
    write(
      record({ competition: cup, source: other, htScore: [1, 1], ftScore: [1, 1], etScore: [2, 1], penScore: [5, 4] }),
    );
    expect(db.prepare('SELECT field, stored, incoming, file, line FROM conflicts ORDER BY id').raw().all()).toEqual([
      ['half-time score', '0-1', '1-1', 'b.txt', 5],
      ['extra-time score', '2-2', '2-1', 'b.txt', 5],
      ['penalty score', '4-3', '5-4', 'b.txt', 5],
    ]);
    expect(findMatches(db, {})[0].score).toEqual({ ht: [0, 1], ft: [1, 1], et: [2, 2], pens: [4, 3] });
    expect(writer.conflicts).toBe(3);
  });

  it('records no conflict for a score one side of the two does not know', () => {
    const { db, write } = setup();
    write(record({ htScore: null }));
    expect(write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, htScore: [0, 1] }))).toBe('enriched');
    write(record({ source: { format: 'third', file: 'c.csv', line: 4 }, htScore: null, ftScore: null }));
    expect(db.prepare('SELECT COUNT(*) FROM conflicts').pluck().get()).toBe(0);
    expect(findMatches(db, {})[0].score).toMatchObject({ ht: [0, 1], ft: [0, 3] });
  });

  it('stores every score of a new match as given', () => {
    const { db, write } = setup();
    write(
      record({
        competition: competition('eng.facup'),
        htScore: [1, 0],
        ftScore: [2, 2],
        etScore: [3, 3],
        penScore: [5, 4],
      }),
    );
    expect(findMatches(db, {})[0].score).toEqual({ ht: [1, 0], ft: [2, 2], et: [3, 3], pens: [5, 4] });
  });

  it('adds the goals of a match that has none, and keeps those of the first source that gave any', () => {
    const { db, write } = setup();
    write(record({}));
    const goal = {
      side: 'away',
      scorer: 'Haaland',
      minute: 4,
      stoppage: null,
      penalty: false,
      ownGoal: false,
    } as const;
    const withGoals = record({
      source: { format: 'other', file: 'b.txt', line: 3 },
      goals: [goal, { ...goal, minute: 36 }, { ...goal, scorer: 'Rodri', minute: 75, stoppage: 2, penalty: true }],
    });
    expect(write(withGoals)).toBe('enriched');
    expect(write({ ...withGoals, source: { format: 'third', file: 'c.txt', line: 9 }, goals: [goal] })).toBe(
      'unchanged',
    );
    expect(
      db.prepare('SELECT seq, side, scorer, minute, stoppage, penalty, own_goal FROM goals ORDER BY seq').raw().all(),
    ).toEqual([
      [0, 'away', 'Haaland', 4, null, 0, 0],
      [1, 'away', 'Haaland', 36, null, 0, 0],
      [2, 'away', 'Rodri', 75, 2, 1, 0],
    ]);
  });

  it('adds odds a match lacks, and counts a source bringing only known odds as unchanged', () => {
    const { db, write } = setup();
    write(record({}));
    const price = {
      bookmaker: 'Pinnacle',
      market: '1X2',
      line: null,
      selection: 'home',
      price: 9.5,
      closing: true,
    } as const;
    expect(write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, odds: [price] }))).toBe('enriched');
    expect(write(record({ source: { format: 'third', file: 'c.csv', line: 4 }, odds: [price] }))).toBe('unchanged');
    expect(
      write(
        record({
          source: { format: 'fourth', file: 'd.csv', line: 5 },
          odds: [price, { ...price, closing: false, price: 9 }],
        }),
      ),
    ).toBe('enriched');
    expect(db.prepare('SELECT closing, price FROM odds ORDER BY closing').raw().all()).toEqual([
      [0, 9],
      [1, 9.5],
    ]);
  });

  describe('statistics', () => {
    const stats = (home: Partial<SideStats>, away: Partial<SideStats> = {}) => ({
      home: { ...NO_STATS, ...home },
      away: { ...NO_STATS, ...away },
    });
    const stored = (db: ReturnType<typeof setup>['db']) =>
      db
        .prepare(
          'SELECT side, shots, shots_on_target, corners, fouls, yellow_cards, red_cards FROM match_stats ORDER BY side',
        )
        .raw()
        .all();

    it('records a statistic that differs from the stored one as a conflict and keeps the stored one', () => {
      const { db, write, writer } = setup();
      write(record({ stats: stats({ shots: 10, corners: 4 }, { redCards: 0 }) }));
      const outcome = write(
        record({
          source: { format: 'other', file: 'b.csv', line: 3 },
          stats: stats({ shots: 12, corners: 4 }, { redCards: 1 }),
        }),
      );
      expect(outcome).toBe('unchanged');
      expect(db.prepare('SELECT field, stored, incoming FROM conflicts ORDER BY id').raw().all()).toEqual([
        ['home shots', '10', '12'],
        ['away red cards', '0', '1'],
      ]);
      expect(stored(db)).toEqual([
        ['away', null, null, null, null, null, 0],
        ['home', 10, null, 4, null, null, null],
      ]);
      expect(writer.conflicts).toBe(2);
    });

    it('names every statistic that differs', () => {
      const { db, write } = setup();
      const all = { shots: 1, shotsOnTarget: 1, corners: 1, fouls: 1, yellowCards: 1, redCards: 1 };
      write(record({ stats: stats(all, all) }));
      write(
        record({
          source: { format: 'other', file: 'b.csv', line: 3 },
          stats: stats({ shots: 2, shotsOnTarget: 2, corners: 2, fouls: 2, yellowCards: 2, redCards: 2 }, all),
        }),
      );
      expect(db.prepare('SELECT field FROM conflicts ORDER BY id').pluck().all()).toEqual([
        'home shots',
        'home shots on target',
        'home corners',
        'home fouls',
        'home yellow cards',
        'home red cards',
      ]);
    });

    it('fills the statistics the stored match lacks', () => {
      const { db, write } = setup();
      write(record({ stats: stats({ shots: 10 }) }));
      const outcome = write(
        record({
          source: { format: 'other', file: 'b.csv', line: 3 },
          stats: stats({ shots: 10, shotsOnTarget: 4, fouls: 11, yellowCards: 2 }, { corners: 6 }),
        }),
      );
      expect(outcome).toBe('enriched');
      expect(stored(db)).toEqual([
        ['away', null, null, 6, null, null, null],
        ['home', 10, 4, null, 11, 2, null],
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM conflicts').pluck().get()).toBe(0);
    });

    it('adds the statistics of a match that had none, and leaves equal ones unchanged', () => {
      const { db, write } = setup();
      write(record({}));
      const withStats = record({
        source: { format: 'other', file: 'b.csv', line: 3 },
        stats: stats({ shots: 7 }, { shots: 9 }),
      });
      expect(write(withStats)).toBe('enriched');
      expect(write({ ...withStats, source: { format: 'third', file: 'c.csv', line: 8 } })).toBe('unchanged');
      expect(stored(db)).toEqual([
        ['away', 9, null, null, null, null, null],
        ['home', 7, null, null, null, null, null],
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM conflicts').pluck().get()).toBe(0);
    });
  });

  it('finds a league match by season when two sources disagree on its date', () => {
    const { db, write } = setup();
    write(record({}));
    expect(write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, date: '2023-08-12' }))).toBe(
      'unchanged',
    );
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(1);
  });

  it('keeps apart two meetings of one season with the same score from one file (a league playing a pairing four times)', () => {
    const { db, write } = setup();
    expect(write(record({}))).toBe('added');
    expect(write(record({ source: { format: 'test', file: 'a.csv', line: 30 }, date: '2024-01-20' }))).toBe('added');
    expect(db.prepare('SELECT date FROM matches ORDER BY date').pluck().all()).toEqual(['2023-08-11', '2024-01-20']);
  });

  it('keeps apart same-score meetings reported by two files of one format', () => {
    const { db, write } = setup();
    write(record({}));
    expect(write(record({ source: { format: 'test', file: 'b.csv', line: 7 }, date: '2024-01-20' }))).toBe('added');
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(2);
  });

  it('merges a re-dated match into the one same-score meeting the other format has not described yet', () => {
    const { db, write } = setup();
    write(record({}));
    write(record({ source: { format: 'other', file: 'b.csv', line: 3 } }));
    write(record({ source: { format: 'test', file: 'a.csv', line: 30 }, date: '2024-01-20' }));
    // The second meeting as the other source dates it: the first meeting already has its row from that source.
    expect(write(record({ source: { format: 'other', file: 'b.csv', line: 40 }, date: '2024-01-21' }))).toBe(
      'unchanged',
    );
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(2);
    expect(
      db
        .prepare('SELECT m.date FROM match_sources s JOIN matches m ON m.id = s.match_id WHERE s.line = 40')
        .pluck()
        .get(),
    ).toBe('2024-01-20');
  });

  it('does not merge a re-dated record when two same-score meetings could be it', () => {
    const { db, write } = setup();
    write(record({}));
    write(record({ source: { format: 'test', file: 'a.csv', line: 30 }, date: '2024-01-20' }));
    expect(write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, date: '2024-01-21' }))).toBe('added');
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(3);
  });

  it('never takes a meeting with another score for a re-dated match', () => {
    const { db, write, writer } = setup();
    write(record({}));
    expect(
      write(record({ source: { format: 'other', file: 'b.csv', line: 3 }, date: '2024-01-20', ftScore: [2, 2] })),
    ).toBe('added');
    expect(db.prepare('SELECT ft_home, ft_away FROM matches ORDER BY date').raw().all()).toEqual([
      [0, 3],
      [2, 2],
    ]);
    expect(writer.conflicts).toBe(0);
  });

  it('never takes a meeting with one side of the score different for a re-dated match', () => {
    const { db, write } = setup();
    write(record({}));
    const other = (line: number, ftScore: [number, number]) =>
      record({ source: { format: 'other', file: 'b.csv', line }, date: '2024-01-20', ftScore });
    expect(write(other(3, [0, 2]))).toBe('added');
    expect(write({ ...other(4, [1, 3]), date: '2024-02-20' })).toBe('added');
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(3);
  });

  it('finds a re-dated match again when its own source row comes back (a forced re-import)', () => {
    const { db, write } = setup();
    write(record({}));
    const redated = record({ source: { format: 'other', file: 'b.csv', line: 3 }, date: '2023-08-12' });
    write(redated);
    expect(write(redated)).toBe('unchanged');
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(1);
  });

  it('matches cup ties by date only: a cup replay on another date is another match', () => {
    const { db, write } = setup();
    const cup = competition('eng.facup');
    write(record({ competition: cup }));
    expect(
      write(record({ competition: cup, source: { format: 'other', file: 'b.csv', line: 3 }, date: '2023-08-20' })),
    ).toBe('added');
    expect(db.prepare('SELECT COUNT(*) FROM matches').pluck().get()).toBe(2);
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
