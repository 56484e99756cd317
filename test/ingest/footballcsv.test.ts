import { readdirSync, readFileSync } from 'node:fs';
import { lines, thrown } from './parse-helpers.js';
import { describe, it, expect } from 'vitest';
import { FOOTBALLCSV_FORMAT, looksLikeFootballCsv, parseFootballCsv } from '../../src/ingest/footballcsv.js';
import { hasSharedData, sharedPath } from '../shared-data.js';
import { competition } from '../competitions.js';

const HEADER = 'Date,Team 1,FT,HT,Team 2';

describe('parseFootballCsv', () => {
  const file = 'cache/2023-24/eng.1.csv';
  const text = lines(
    HEADER,
    'Fri Aug 11 2023,Burnley,0-3,0-2,Man City',
    "Sat Aug 12 2023,Arsenal,2-1,?,Nott'm Forest",
    'Sun Aug 12 2023,Bournemouth,1-1,0-0,West Ham',
    'Sat Aug 12 2023,Brighton,4-1,1-1x,Luton',
    'Sat Aug 12 2023,Everton,0 - 1,0-0,Fulham',
    'Sat Aug 12 2023,,1-0,0-0,Fulham',
    'Sun May 19 2024,Liverpool,2-0,2-0,Wolves',
  );

  it('reads date, teams, full-time and half-time scores; competition from the name, season from the folder', () => {
    const { format, records } = parseFootballCsv(text, file);
    expect(format).toBe(FOOTBALLCSV_FORMAT);
    expect(records[0]).toEqual({
      source: { format: FOOTBALLCSV_FORMAT, file, line: 2 },
      competition: competition('eng.1'),
      season: '2023-24',
      date: '2023-08-11',
      time: null,
      home: { name: 'Burnley', country: 'ENG' },
      away: { name: 'Man City', country: 'ENG' },
      neutral: false,
      venue: null,
      round: null,
      group: null,
      leg: null,
      status: 'played',
      htScore: [0, 2],
      ftScore: [0, 3],
      etScore: null,
      penScore: null,
      attendance: null,
      referee: null,
      goals: [],
      stats: null,
      odds: [],
    });
    expect(records.map((r) => [r.date, r.home.name, r.htScore, r.season])).toEqual([
      ['2023-08-11', 'Burnley', [0, 2], '2023-24'],
      ['2023-08-12', 'Arsenal', null, '2023-24'],
      ['2024-05-19', 'Liverpool', [2, 0], '2023-24'],
    ]);
  });

  it('reports each bad cell with file, line and column (a wrong weekday is a bad date)', () => {
    expect(parseFootballCsv(text, file).errors).toEqual([
      { file, line: 4, field: 'Date', message: "'Sun Aug 12 2023' is not a date like 'Fri Aug 11 2023'" },
      { file, line: 5, field: 'HT', message: "'1-1x' is not a score (h-a) or '?'" },
      { file, line: 6, field: 'FT', message: "'0 - 1' is not a score (h-a)" },
      { file, line: 7, field: 'Team 1', message: 'no home team' },
    ]);
  });

  it('takes the season from the earliest date when the folder is not a season', () => {
    const late = lines(HEADER, 'Sat Aug 1 2020,Arsenal,2-1,1-0,Chelsea', 'Sat Sep 14 2019,Leicester,1-0,0-0,Chelsea');
    const { records } = parseFootballCsv(late, 'downloads/es.1.csv');
    expect(records.map((r) => [r.competition.code, r.home.country, r.season])).toEqual([
      ['es.1', 'ESP', '2019-20'],
      ['es.1', 'ESP', '2019-20'],
    ]);
  });

  it('rejects empty files, names that are no competition code and missing columns', () => {
    expect(thrown(() => parseFootballCsv('', file)).code).toBe('EMPTY');
    expect(thrown(() => parseFootballCsv(HEADER + '\n', file)).code).toBe('EMPTY');
    expect(thrown(() => parseFootballCsv(text, '2023-24/premier.csv')).code).toBe('FORMAT');
    const noFt = thrown(() => parseFootballCsv(lines('Date,Team 1,Team 2', 'Fri Aug 11 2023,A,B'), file));
    expect(noFt.code).toBe('FORMAT');
    expect(noFt.message).toContain('FT');
  });

  it('looksLikeFootballCsv needs the columns and a competition-code file name', () => {
    expect(looksLikeFootballCsv(text, file)).toBe(true);
    expect(looksLikeFootballCsv(text, 'de.2.csv')).toBe(true);
    expect(looksLikeFootballCsv(text, 'E0.csv')).toBe(false);
    expect(looksLikeFootballCsv('Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\n', 'eng.1.csv')).toBe(false);
  });
});

describe.skipIf(!hasSharedData)('footballcsv real files', () => {
  const root = sharedPath('footballcsv-cache-footballdata');

  it('2023-24/eng.1.csv has 380 matches, 38 of them Liverpool’s', () => {
    const file = sharedPath('footballcsv-cache-footballdata', '2023-24', 'eng.1.csv');
    const { records, errors } = parseFootballCsv(readFileSync(file, 'utf8'), file);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(380);
    expect(records.filter((r) => r.home.name === 'Liverpool' || r.away.name === 'Liverpool')).toHaveLength(38);
    expect(records.every((r) => r.season === '2023-24' && r.competition.code === 'eng.1')).toBe(true);
    expect(records[0]).toMatchObject({
      date: '2023-08-11',
      home: { name: 'Burnley' },
      away: { name: 'Man City' },
      ftScore: [0, 3],
    });
  });

  it('every file parses without errors and its dates fall in its season', () => {
    let total = 0;
    for (const season of readdirSync(root)) {
      for (const name of readdirSync(`${root}/${season}`)) {
        const file = `${root}/${season}/${name}`;
        const text = readFileSync(file, 'utf8');
        expect(looksLikeFootballCsv(text, file), file).toBe(true);
        const { records, errors } = parseFootballCsv(text, file);
        expect(errors, file).toEqual([]);
        const start = Number(season.slice(0, 4));
        expect(
          records.every((r) => r.date > `${start}-07-01` && r.date < `${start + 1}-09-01`),
          file,
        ).toBe(true);
        total += records.length;
      }
    }
    expect(total).toBe(72_687);
  });
});
