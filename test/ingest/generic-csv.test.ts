import { readFileSync } from 'node:fs';
import { lines, thrown } from './parse-helpers.js';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  GENERIC_CSV_FORMAT,
  GENERIC_CSV_OPTIONAL_COLUMNS,
  GENERIC_CSV_REQUIRED_COLUMNS,
  looksLikeGenericCsv,
  parseGenericCsv,
} from '../../src/ingest/generic-csv.js';
import { competition } from '../competitions.js';
import { competitionRef } from '../../src/competitions/competition.js';

const MINIMAL = 'date,competition,home,away,home_goals,away_goals';

describe('parseGenericCsv', () => {
  it('reads a full row into a MatchRecord', () => {
    const text = lines(
      'Date,Time,Competition,Season,Round,Leg,Home,Away,Home_Goals,Away_Goals,HT_Home,HT_Away,ET_Home,ET_Away,Pen_Home,Pen_Away,Neutral,Venue,Attendance,Referee,Status',
      '2016-05-28,20:45,Champions League,2015-16,Final,,Real Madrid,Atletico Madrid,1,1,1,0,1,1,5,3,yes,"San Siro, Milan",71942,Mark Clattenburg,played',
    );
    const { format, records, errors } = parseGenericCsv(text, 'mine.csv');
    expect(format).toBe(GENERIC_CSV_FORMAT);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        source: { format: GENERIC_CSV_FORMAT, file: 'mine.csv', line: 2 },
        competition: competition('uefa.cl'),
        season: '2015-16',
        date: '2016-05-28',
        time: '20:45',
        home: { name: 'Real Madrid', country: null },
        away: { name: 'Atletico Madrid', country: null },
        neutral: true,
        venue: 'San Siro, Milan',
        round: 'Final',
        group: null,
        leg: null,
        status: 'played',
        htScore: [1, 0],
        ftScore: [1, 1],
        etScore: [1, 1],
        penScore: [5, 3],
        attendance: 71942,
        referee: 'Mark Clattenburg',
        goals: [],
        stats: null,
        odds: [],
      },
    ]);
  });

  it('defaults: season from the date, team country from the competition, blank goals = scheduled fixture', () => {
    const text = lines(
      MINIMAL + ',home_country',
      '2024-04-14,E0,Liverpool,Crystal Palace,0,1,',
      '2025-01-04,premier league,Liverpool,Manchester United,,,',
      '2024-08-17,eng.1,Cardiff City,Ipswich,,,WAL',
    );
    const { records, errors } = parseGenericCsv(text, 'mine.csv');
    expect(errors).toEqual([]);
    expect(
      records.map((r) => [r.competition.code, r.season, r.status, r.ftScore, r.home.country, r.away.country]),
    ).toEqual([
      ['eng.1', '2023-24', 'played', [0, 1], 'ENG', 'ENG'],
      ['eng.1', '2024-25', 'scheduled', null, 'ENG', 'ENG'],
      ['eng.1', '2024-25', 'scheduled', null, 'WAL', 'ENG'],
    ]);
  });

  it('defines a new competition from its row, and rejects a second, different definition', () => {
    const text = lines(
      MINIMAL + ',competition_name,competition_kind,country,competition_tier',
      '2024-04-07,ned.1,Feyenoord,Ajax,6,0,Eredivisie,league,ned,1',
      '2024-04-14,ned.1,Ajax,PSV,1,1,Eredivisie,league,NED,1',
      '2024-04-21,ned.1,PSV,Ajax,2,0,Eredivisie,cup,NED,1',
      '2024-04-21,world-tour,Ajax,Santos,2,0,World Tour,continental,,',
      '2024-04-21,Bad Code,Ajax,Santos,2,0,,,,',
    );
    const { records, errors } = parseGenericCsv(text, 'nl.csv');
    expect(records.map((r) => [competitionRef(r.competition), r.home.country])).toEqual([
      [{ code: 'ned.1', name: 'Eredivisie', kind: 'league', country: 'NED', tier: 1 }, 'NED'],
      [{ code: 'ned.1', name: 'Eredivisie', kind: 'league', country: 'NED', tier: 1 }, 'NED'],
      [{ code: 'world-tour', name: 'World Tour', kind: 'continental', country: null, tier: null }, null],
    ]);
    expect(errors).toEqual([
      {
        file: 'nl.csv',
        line: 4,
        field: 'competition',
        message: "competition 'ned.1' is defined differently on line 2",
      },
      {
        file: 'nl.csv',
        line: 6,
        field: 'competition',
        message: "'Bad Code' is neither a known competition nor a valid new code (lower-case, e.g. ned.1)",
      },
      {
        file: 'nl.csv',
        line: 6,
        field: 'competition_name',
        message: "'Bad Code' is not a known competition: give its competition_name",
      },
      {
        file: 'nl.csv',
        line: 6,
        field: 'competition_kind',
        message: "'Bad Code' is not a known competition: give its competition_kind",
      },
      { file: 'nl.csv', line: 6, field: 'country', message: 'a new competition needs a country' },
    ]);
  });

  it('reports every unreadable cell of a row with its line and column, and keeps the good rows', () => {
    const text = lines(
      MINIMAL +
        ',time,season,leg,neutral,status,attendance,ht_home,ht_away,et_home,et_away,pen_home,pen_away,home_country',
      '2024-02-30,eng.1,A,B,1,0,,,,,,,,,,,,,',
      '2024-03-02,eng.1,A,B,-1,2.5,,,,,,,,,,,,,',
      '2024-03-02,eng.1,A,A,1,0,25:00,2023/24,3,maybe,,,,,,,,,',
      '2024-03-02,eng.1,A,B,1,,,,,,finished,"12,000",,,,,,,',
      '2024-03-02,eng.1,A,B,,,,,,,played,,,,,,,,',
      '2024-03-02,eng.1,A,B,2,1,,,,,postponed,,,,,,,,',
      '2024-03-02,eng.1,A,B,1,1,,,,,,,2,0,1,0,,,England',
      '2024-03-02,eng.1,A,B,,,,,,,,,,,,,4,3,',
      '2024-03-03,eng.1,A,B,1,1,,,,,,,,,,,,,',
    );
    const { records, errors } = parseGenericCsv(text, 'bad.csv');
    expect(records.map((r) => r.source.line)).toEqual([10]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'date'],
      [3, 'home_goals'],
      [3, 'away_goals'],
      [4, 'away'],
      [4, 'time'],
      [4, 'leg'],
      [4, 'neutral'],
      [4, 'season'],
      [5, 'away_goals'],
      [5, 'status'],
      [5, 'attendance'],
      [6, 'home_goals'],
      [7, 'home_goals'],
      [8, 'ht_home'],
      [8, 'et_home'],
      [8, 'home_country'],
      [9, 'pen_home'],
    ]);
    expect(errors.every((e) => e.file === 'bad.csv')).toBe(true);
    expect(errors[0].message).toBe("'2024-02-30' is not a date (YYYY-MM-DD)");
    expect(errors[1].message).toBe("'-1' is not a non-negative whole number");
    expect(errors[14].message).toBe(
      'score after extra time 1-0 is below the full-time score 1-1 (give it cumulative, including the 90 minutes)',
    );
  });

  it('rejects empty files, missing required columns and unknown or repeated columns', () => {
    expect(thrown(() => parseGenericCsv('  \n', 'x.csv')).code).toBe('EMPTY');
    expect(thrown(() => parseGenericCsv(MINIMAL + '\n', 'x.csv')).code).toBe('EMPTY');
    const missing = thrown(() =>
      parseGenericCsv('date,competition,home,away,home_goals\n2024-01-01,eng.1,A,B,1\n', 'x.csv'),
    );
    expect(missing.code).toBe('FORMAT');
    expect(missing.message).toContain('away_goals');
    const unknown = thrown(() => parseGenericCsv(MINIMAL + ',referre\n2024-01-01,eng.1,A,B,1,0,X\n', 'x.csv'));
    expect(unknown.code).toBe('FORMAT');
    expect(unknown.location).toEqual({ file: 'x.csv', line: 1, field: 'referre' });
    expect(thrown(() => parseGenericCsv(MINIMAL + ',Home\n2024-01-01,eng.1,A,B,1,0,A\n', 'x.csv')).code).toBe('FORMAT');
  });

  it('looksLikeGenericCsv checks the required header names, in any case and order', () => {
    expect(looksLikeGenericCsv('Home,Away,Date,Competition,Home_Goals,Away_Goals\n', 'any.csv')).toBe(true);
    expect(looksLikeGenericCsv('Date,Team 1,FT,HT,Team 2\n', 'eng.1.csv')).toBe(false);
    expect(looksLikeGenericCsv('date,home,away,home_goals,away_goals\n', 'x.csv')).toBe(false);
  });
});

describe('docs/generic-csv.md', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/generic-csv.md'), 'utf8');

  it('documents every column the parser accepts, and only those', () => {
    const documented = new Set(
      [...doc.matchAll(/^\| `([a-z_]+)`(?:, `([a-z_]+)`)? +\|/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean),
    );
    expect(documented).toEqual(new Set([...GENERIC_CSV_REQUIRED_COLUMNS, ...GENERIC_CSV_OPTIONAL_COLUMNS]));
  });

  it('its examples parse without errors', () => {
    const examples = [...doc.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples).toHaveLength(2);
    const [results, newCompetition] = examples.map((text, i) => parseGenericCsv(text, `example-${i}.csv`));
    expect(results.errors).toEqual([]);
    expect(results.records.map((r) => [r.competition.code, r.leg, r.status, r.ftScore, r.penScore])).toEqual([
      ['uefa.el', 1, 'played', [0, 3], null],
      ['uefa.el', 2, 'played', [0, 1], null],
      ['uefa.el', null, 'played', [3, 0], null],
      ['uefa.cl', null, 'played', [1, 1], [5, 3]],
      ['eng.1', null, 'scheduled', null, null],
    ]);
    expect(newCompetition.errors).toEqual([]);
    expect(newCompetition.records.map((r) => [r.competition.code, r.home.country, r.away.country])).toEqual([
      ['ned.1', 'NED', 'NED'],
      ['summer-cup', 'ENG', 'SCO'],
    ]);
  });
});
