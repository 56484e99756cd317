import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNeutralVenues } from '../../src/ingest/neutral-venues.js';
import { openDatabase } from '../../src/store/database.js';
import { BUILT_IN_NEUTRAL_VENUES, importPaths } from '../../src/store/import-files.js';
import { thrown } from '../ingest/parse-helpers.js';
import { testTempDir } from '../temp-dir.js';

const EL_2020_21 = [
  '= UEFA Europa League 2020/21',
  '',
  '» Round of 32',
  '  Thu Feb/18 2021',
  '    18.55  Wolfsberger AC (AUT)    v Tottenham Hotspur (ENG)  1-4 (0-3)',
  '  Wed Feb/24',
  '    18.00  Tottenham Hotspur (ENG) v Wolfsberger AC (AUT)     4-0 (1-0)',
  '',
].join('\n');

function neutralFlags(db: ReturnType<typeof openDatabase>) {
  return db
    .prepare(
      `SELECT m.date, h.name AS home, m.neutral, m.venue FROM matches m JOIN teams h ON h.id = m.home_team_id ORDER BY m.date`,
    )
    .all();
}

describe('neutral venues no source marks (config/neutral-venues.yaml)', () => {
  it('reads entries with where each fact comes from; a malformed entry names its line and field', () => {
    const entries = parseNeutralVenues(
      [
        '- date: 2021-02-18',
        '  home: Wolfsberger AC (AUT)',
        '  away: Tottenham Hotspur',
        '  venue: Puskás Aréna, Budapest',
        '  source: UEFA.com match report',
      ].join('\n'),
      'venues.yaml',
    );
    expect(entries).toEqual([
      {
        source: { format: 'neutral-venues', file: 'venues.yaml', line: 1 },
        date: '2021-02-18',
        home: { name: 'Wolfsberger AC', country: 'AUT' },
        away: { name: 'Tottenham Hotspur', country: null },
        venue: 'Puskás Aréna, Budapest',
        evidence: 'UEFA.com match report',
      },
    ]);
    const error = thrown(() =>
      parseNeutralVenues(
        '- date: 2021-02-18\n  home: A\n  away: B\n  venue: X\n  source: Y\n- date: 18/02/2021\n',
        'v.yaml',
      ),
    );
    expect(error.message).toBe('v.yaml:6, field 1.date: must be a date yyyy-mm-dd');
    expect(
      thrown(() => parseNeutralVenues('- date: 2021-02-18\n  home: A\n  away: B\n  venue: X\n', 'v.yaml')).message,
    ).toBe('v.yaml:1, field 0.source: Invalid input: expected string, received undefined');
  });

  it('every shipped entry says where its fact comes from, and names each match once', () => {
    const entries = parseNeutralVenues(readFileSync(BUILT_IN_NEUTRAL_VENUES, 'utf8'), BUILT_IN_NEUTRAL_VENUES);
    expect(entries.length).toBeGreaterThanOrEqual(13);
    expect(entries.every((e) => e.evidence.length > 10 && e.venue.length > 3)).toBe(true);
    const keys = entries.map((e) => `${e.date}|${e.home.name}|${e.away.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('marks the match on import, and again on a later import for a match already stored', () => {
    const dir = testTempDir('neutral');
    const db = openDatabase(path.join(dir, 'matchday.db'));
    const el = path.join(dir, 'el.txt');
    writeFileSync(el, EL_2020_21);
    importPaths(db, [el]);
    const marked = [
      { date: '2021-02-18', home: 'Wolfsberger AC', neutral: 1, venue: 'Puskás Aréna, Budapest' },
      { date: '2021-02-24', home: 'Tottenham Hotspur', neutral: 0, venue: null },
    ];
    expect(neutralFlags(db)).toEqual(marked);
    // A database filled before the entry existed: the next import, of anything, marks it.
    db.prepare('UPDATE matches SET neutral = 0, venue = NULL').run();
    const other = path.join(dir, 'conf.txt');
    writeFileSync(
      other,
      [
        '= UEFA Conference League 2021/22',
        '» Final',
        '  Wed May/25 2022',
        '    21.00  AS Roma (ITA)  v  Feyenoord (NED)  1-0',
      ].join('\n'),
    );
    importPaths(db, [other]);
    expect(neutralFlags(db)).toEqual([...marked, { date: '2022-05-25', home: 'AS Roma', neutral: 1, venue: null }]);
    db.close();
  });
});
