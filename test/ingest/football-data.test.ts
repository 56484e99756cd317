import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { competition } from '../competitions.js';
import { FOOTBALL_DATA_FORMAT, looksLikeFootballData, parseFootballData } from '../../src/ingest/football-data.js';
import type { MatchRecord, OddsRecord, ParsedFile } from '../../src/ingest/records.js';
import { hasSharedData, sharedPath } from '../shared-data.js';

const csv = (lines: string[], eol = '\n'): string => lines.join(eol) + eol;

/** 2023-24 layout, as re-printed by pandas: CRLF, `5.0` numbers, a trailing `Unnamed` column, a bare-comma row. */
const MODERN = csv(
  [
    'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Referee,HS,AS,HST,AST,HC,AC,HY,AY,HR,AR,' +
      'PSH,PSD,PSA,P>2.5,P<2.5,AHh,PAHH,PAHA,PSCH,PSCD,PSCA,MaxCH,AvgC<2.5,AHCh,PCAHH,B365CAHA,Unnamed: 38',
    'E0,11/08/2023,20:00,Burnley,Man City,0.0,3.0,A,0.0,2.0,A,C Pawson,6.0,17.0,1.0,8.0,6.0,5.0,0.0,0.0,1.0,0.0,' +
      '8.58,5.51,1.37,1.68,2.29,1.5,1.86,2.07,9.62,5.81,1.33,10.5,2.28,1.25,1.95,1.98,',
    "E0,12/08/2023,12:30,Arsenal,Nott'm Forest,2,1,H,2,0,H,M Oliver,15,6,7,2,8,3,2,2,0,0," +
      '1.18,7.86,15.67,,,-2.0,1.88,2.01,,,,,,,,,',
    ',,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ],
  '\r\n',
);

/** 2004-05 layout: dd/mm/yy, LF, each bookmaker's own handicap line, attendance, no statistics. */
const OLD = csv([
  'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Attendance,Referee,GBH,GBD,GBA,B365>2.5,B365<2.5,' +
    'GBAHH,GBAHA,GBAH,LBAHH,LBAHA,LBAH,B365AHH,B365AHA,B365AH',
  'E0,14/08/04,Aston Villa,Southampton,2,0,H,2,0,H,42573,U Rennie,2,3.25,3.5,1.7,2.05,1.91,1.79,-0.25,2.02,1.82,-0.5,2,1.9,-0.0',
]);

/** Betbrain aggregates (2005-06 to 2018-19) with their own handicap line and bookmaker counts. */
const BETBRAIN = csv([
  'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,Bb1X2,BbMxH,BbAvH,BbOU,BbMx>2.5,BbAv<2.5,BbAH,BbAHh,BbMxAHH,BbAvAHA',
  "D1,05/08/05,Bayern Munich,M'gladbach,3,0,H,56,1.3,1.25,36,1.8,2.0,22,-1.5,2.1,1.84",
]);

function parseOne(text: string): MatchRecord {
  const parsed = parseFootballData(text, 'fixture.csv');
  expect(parsed.errors).toEqual([]);
  expect(parsed.records).toHaveLength(1);
  return parsed.records[0];
}

const odd = (
  bookmaker: string,
  market: OddsRecord['market'],
  line: number | null,
  selection: OddsRecord['selection'],
  price: number,
  closing: boolean,
): OddsRecord => ({ bookmaker, market, line, selection, price, closing });

describe('parseFootballData on small files', () => {
  it('reads a 2023-24 style row into a full record, pre-match and closing odds included', () => {
    const parsed = parseFootballData(MODERN, 'E0/2023-24.csv');
    expect(parsed.format).toBe(FOOTBALL_DATA_FORMAT);
    expect(parsed.file).toBe('E0/2023-24.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(2); // the bare-comma row is skipped
    const expected: MatchRecord = {
      source: { format: 'football-data', file: 'E0/2023-24.csv', line: 2 },
      competition: competition('eng.1'),
      season: '2023-24',
      date: '2023-08-11',
      time: '20:00',
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
      referee: 'C Pawson',
      goals: [],
      stats: {
        home: { shots: 6, shotsOnTarget: 1, corners: 6, fouls: null, yellowCards: 0, redCards: 1 },
        away: { shots: 17, shotsOnTarget: 8, corners: 5, fouls: null, yellowCards: 0, redCards: 0 },
      },
      odds: [
        odd('Pinnacle', '1X2', null, 'home', 8.58, false),
        odd('Pinnacle', '1X2', null, 'draw', 5.51, false),
        odd('Pinnacle', '1X2', null, 'away', 1.37, false),
        odd('Pinnacle', 'OU', 2.5, 'over', 1.68, false),
        odd('Pinnacle', 'OU', 2.5, 'under', 2.29, false),
        odd('Pinnacle', 'AH', 1.5, 'home', 1.86, false),
        odd('Pinnacle', 'AH', 1.5, 'away', 2.07, false),
        odd('Pinnacle', '1X2', null, 'home', 9.62, true),
        odd('Pinnacle', '1X2', null, 'draw', 5.81, true),
        odd('Pinnacle', '1X2', null, 'away', 1.33, true),
        odd('Market max', '1X2', null, 'home', 10.5, true),
        odd('Market average', 'OU', 2.5, 'under', 2.28, true),
        odd('Pinnacle', 'AH', 1.25, 'home', 1.95, true),
        odd('Bet365', 'AH', 1.25, 'away', 1.98, true),
      ],
    };
    expect(parsed.records[0]).toEqual(expected);
  });

  it('leaves empty odds cells out and reads whole numbers without a decimal point', () => {
    const [, arsenal] = parseFootballData(MODERN, 'E0/2023-24.csv').records;
    expect(arsenal.source.line).toBe(3);
    expect(arsenal.home.name).toBe('Arsenal');
    expect(arsenal.away.name).toBe("Nott'm Forest");
    expect(arsenal.ftScore).toEqual([2, 1]);
    expect(arsenal.odds.map((o) => [o.market, o.line, o.selection, o.price])).toEqual([
      ['1X2', null, 'home', 1.18],
      ['1X2', null, 'draw', 7.86],
      ['1X2', null, 'away', 15.67],
      ['AH', -2, 'home', 1.88],
      ['AH', -2, 'away', 2.01],
    ]);
    expect(arsenal.odds.every((o) => !o.closing)).toBe(true);
  });

  it('reads the same file with LF line endings identically', () => {
    const lf = parseFootballData(MODERN.replace(/\r\n/g, '\n'), 'E0/2023-24.csv');
    expect(lf).toEqual(parseFootballData(MODERN, 'E0/2023-24.csv'));
  });

  it('reads dd/mm/yy dates, attendance, and each bookmaker’s own handicap line', () => {
    const match = parseOne(OLD);
    expect(match.date).toBe('2004-08-14');
    expect(match.season).toBe('2004-05');
    expect(match.time).toBeNull();
    expect(match.attendance).toBe(42573);
    expect(match.referee).toBe('U Rennie');
    expect(match.stats).toBeNull();
    expect(match.odds.filter((o) => o.market === 'AH')).toEqual([
      odd('Gamebookers', 'AH', -0.25, 'home', 1.91, false),
      odd('Gamebookers', 'AH', -0.25, 'away', 1.79, false),
      odd('Ladbrokes', 'AH', -0.5, 'home', 2.02, false),
      odd('Ladbrokes', 'AH', -0.5, 'away', 1.82, false),
      odd('Bet365', 'AH', 0, 'home', 2, false),
      odd('Bet365', 'AH', 0, 'away', 1.9, false),
    ]);
    expect(Object.is(match.odds.find((o) => o.bookmaker === 'Bet365' && o.market === 'AH')?.line, 0)).toBe(true);
    expect(match.odds.filter((o) => o.market === 'OU').map((o) => [o.bookmaker, o.line, o.selection, o.price])).toEqual(
      [
        ['Bet365', 2.5, 'over', 1.7],
        ['Bet365', 2.5, 'under', 2.05],
      ],
    );
  });

  it('names Betbrain aggregates apart from the market aggregates and skips bookmaker counts', () => {
    const match = parseOne(BETBRAIN);
    expect(match.competition.code).toBe('de.1');
    expect(match.home).toEqual({ name: 'Bayern Munich', country: 'GER' });
    expect(match.odds).toEqual([
      odd('Betbrain max', '1X2', null, 'home', 1.3, false),
      odd('Betbrain average', '1X2', null, 'home', 1.25, false),
      odd('Betbrain max', 'OU', 2.5, 'over', 1.8, false),
      odd('Betbrain average', 'OU', 2.5, 'under', 2.0, false),
      odd('Betbrain max', 'AH', -1.5, 'home', 2.1, false),
      odd('Betbrain average', 'AH', -1.5, 'away', 1.84, false),
    ]);
  });

  it('accepts HG/AG/Res goal columns', () => {
    const match = parseOne(csv(['Div,Date,HomeTeam,AwayTeam,HG,AG,Res', 'SP1,27/08/05,Alaves,Barcelona,0,2,A']));
    expect(match.competition.code).toBe('es.1');
    expect(match.home.country).toBe('ESP');
    expect(match.ftScore).toEqual([0, 2]);
    expect(match.htScore).toBeNull();
  });

  it('maps every division football-data publishes for the five countries', () => {
    const codes = ['E0', 'E1', 'E2', 'E3', 'SP1', 'SP2', 'I1', 'I2', 'D1', 'D2', 'F1', 'F2'].map(
      (div) => parseOne(csv(['Div,Date,HomeTeam,AwayTeam,FTHG,FTAG', `${div},01/09/2023,A,B,1,0`])).competition.code,
    );
    expect(codes).toEqual([
      'eng.1',
      'eng.2',
      'eng.3',
      'eng.4',
      'es.1',
      'es.2',
      'it.1',
      'it.2',
      'de.1',
      'de.2',
      'fr.1',
      'fr.2',
    ]);
  });

  it('keeps a season that ran on into July after a pause, and starts a new one after a summer break', () => {
    const header = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG';
    const covid = parseFootballData(
      csv([header, 'E0,26/07/2020,C,D,1,0', 'E0,30/06/2020,A,B,1,0', 'E0,07/07/2020,B,A,0,0', 'E0,12/09/2020,D,C,2,2']),
      'x.csv',
    );
    expect(covid.records.map((r) => [r.date, r.season])).toEqual([
      ['2020-07-26', '2019-20'],
      ['2020-06-30', '2019-20'],
      ['2020-07-07', '2019-20'],
      ['2020-09-12', '2020-21'],
    ]);
    const normal = parseFootballData(csv([header, 'F1,23/05/2020,A,B,1,0', 'F1,29/07/2020,B,A,0,0']), 'x.csv');
    expect(normal.records.map((r) => r.season)).toEqual(['2019-20', '2020-21']);
  });
});

describe('parseFootballData on bad rows', () => {
  const header = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,HS,AS,B365H,B365D,B365A,AHh,B365AHH,B365AHA';
  const text = csv([
    header,
    'E0,12/08/23,Arsenal,Chelsea,2,1,H,1,1,D,10,5,1.5,4.0,6.0,-1.0,1.9,2.0',
    'E0,31/02/24,Arsenal,Chelsea,2,1,H,,,,,,,,,,,',
    'E0,12/08/23,Arsenal,Chelsea,2.5,1,H,,,,,,,,,,,',
    'E0,12/08/23,Arsenal,Chelsea,2,1,A,,,,,,,,,,,',
    ',12/08/23,Arsenal,Chelsea,2,1,H,,,,,,,,,,,',
    'E0,13/08/23,Spurs,Fulham,1,1,D,0,0,A,abc,4,0.95,zz,0,-1.2,1.9,2.0',
    'E0,14/08/23,Leeds,Everton,0,0,D,0,0,D,3,4,2.0,3.0,4.0,,1.9,2.0',
    'E0,15/08/23,,Everton,1,0,H,,,,,,,,,,,',
    'E0,15/08/23,Leeds,Everton,,,,,,,,,,,,,,',
    'E0,15/08/23,Leeds,Everton,1,,H,,,,,,,,,,,',
  ]);
  const parsed: ParsedFile = parseFootballData(text, 'bad.csv');
  const where = (e: { file: string; line: number; field: string | null }) => [e.file, e.line, e.field];

  it('reports each unreadable row or cell with file, line and field: rows as errors, cells of kept rows as warnings', () => {
    expect(parsed.errors.map(where)).toEqual([
      ['bad.csv', 3, 'Date'],
      ['bad.csv', 4, 'FTHG'],
      ['bad.csv', 5, 'FTR'],
      ['bad.csv', 6, 'Div'],
      ['bad.csv', 9, 'HomeTeam'],
      ['bad.csv', 11, 'FTAG'],
    ]);
    expect((parsed.warnings ?? []).map(where)).toEqual([
      ['bad.csv', 7, 'HTR'],
      ['bad.csv', 7, 'HS'],
      ['bad.csv', 7, 'AHh'],
      ['bad.csv', 7, 'B365H'],
      ['bad.csv', 7, 'B365D'],
      ['bad.csv', 8, 'B365AHH'],
      ['bad.csv', 8, 'B365AHA'],
    ]);
    expect(parsed.errors[0].message).toBe("'31/02/24' is not a date (dd/mm/yy or dd/mm/yyyy)");
    expect(parsed.errors[1].message).toBe("'2.5' is not a non-negative whole number");
    expect(parsed.errors[2].message).toBe("FTR 'A' contradicts the full-time score 2-1");
    expect(parsed.errors[3].message).toBe('no division');
    expect(parsed.warnings?.[2].message).toBe("'-1.2' is not an Asian handicap line (a multiple of 0.25)");
    expect(parsed.warnings?.[3].message).toBe("'0.95' is not a decimal price above 1");
    expect(parsed.warnings?.[5].message).toBe('handicap price without a line (no AHh)');
  });

  it('drops rows whose match cannot be read and keeps rows with only bad details', () => {
    expect(parsed.records.map((r) => r.source.line)).toEqual([2, 7, 8, 10]);
    const spurs = parsed.records[1];
    expect(spurs.ftScore).toEqual([1, 1]);
    expect(spurs.htScore).toBeNull(); // HTR contradicts 0-0
    expect(spurs.stats?.home.shots).toBeNull();
    expect(spurs.stats?.away.shots).toBe(4);
    expect(spurs.odds).toEqual([]); // 0.95 and zz are errors, 0 means "no price", the AH line is unreadable
    expect(parsed.records[2].odds.map((o) => o.market)).toEqual(['1X2', '1X2', '1X2']);
  });
});

describe('parseFootballData on fixtures (rows without a result)', () => {
  // football-data's fixtures.csv: the season files' columns, several divisions, results blank, pre-match odds given.
  const text = csv([
    'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,B365H,B365D,B365A',
    'E0,09/03/2024,15:00,Arsenal,Brentford,,,,,,,1.3,5.5,10',
    'SP1,10/03/2024,20:00,Real Madrid,Celta,,,,,,,1.2,7.0,13',
    'E0,10/03/2024,16:30,Liverpool,Man City,2,1,H,,,,,,',
  ]);
  const parsed = parseFootballData(text, 'fixtures.csv');

  it('reads a row with no result as a scheduled match with its pre-match odds, in its own division', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.map((r) => [r.competition.code, r.date, r.time, r.status, r.ftScore, r.htScore])).toEqual([
      ['eng.1', '2024-03-09', '15:00', 'scheduled', null, null],
      ['es.1', '2024-03-10', '20:00', 'scheduled', null, null],
      ['eng.1', '2024-03-10', '16:30', 'played', [2, 1], null],
    ]);
    expect(parsed.records[0].season).toBe('2023-24');
    expect(parsed.records[0].odds.map((o) => o.price)).toEqual([1.3, 5.5, 10]);
  });

  it('still rejects a row with only one side of the score, or a result letter without goals', () => {
    const bad = parseFootballData(
      csv(['Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR', 'E0,09/03/2024,A,B,1,,', 'E0,09/03/2024,C,D,,,H']),
      'x.csv',
    );
    expect(bad.records).toEqual([]);
    expect(bad.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'FTAG'],
      [3, 'FTHG'],
    ]);
  });
});

describe('parseFootballData on whole-file problems', () => {
  const codeOf = (run: () => unknown): string | undefined => {
    try {
      run();
    } catch (error) {
      if (error instanceof MatchdayError) return error.code;
      throw error;
    }
    return undefined;
  };

  it('throws EMPTY for an empty file, a header alone, or only bare-comma rows', () => {
    expect(codeOf(() => parseFootballData('', 'a.csv'))).toBe('EMPTY');
    expect(codeOf(() => parseFootballData(' \r\n', 'a.csv'))).toBe('EMPTY');
    expect(codeOf(() => parseFootballData('Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\n', 'a.csv'))).toBe('EMPTY');
    expect(codeOf(() => parseFootballData('Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\n,,,,,\n,,,,,\n', 'a.csv'))).toBe(
      'EMPTY',
    );
  });

  it('throws FORMAT naming the missing columns for another CSV', () => {
    const footballcsv = 'Date,Team 1,FT,HT,Team 2\nFri Aug 11 2023,Burnley FC,0-3,0-2,Manchester City FC\n';
    expect(() => parseFootballData(footballcsv, 'eng.1.csv')).toThrow(
      'eng.1.csv:1: not a football-data.co.uk file: no Div, HomeTeam, AwayTeam, FTHG/FTAG column',
    );
    expect(codeOf(() => parseFootballData(footballcsv, 'eng.1.csv'))).toBe('FORMAT');
  });
});

describe('looksLikeFootballData', () => {
  it('recognises football-data headers, old and new', () => {
    expect(looksLikeFootballData(MODERN)).toBe(true);
    expect(looksLikeFootballData(OLD)).toBe(true);
    expect(looksLikeFootballData('\ufeffDiv,Date,HomeTeam,AwayTeam,HG,AG,Res\n')).toBe(true);
  });

  it('rejects other formats', () => {
    expect(looksLikeFootballData('')).toBe(false);
    expect(looksLikeFootballData('Date,Team 1,FT,HT,Team 2\n')).toBe(false);
    expect(looksLikeFootballData('= English Premier League 2023/24\n\nMatchday 1\n')).toBe(false);
    expect(looksLikeFootballData('Div,Date,HomeTeam,AwayTeam,FTHG\n')).toBe(false);
  });
});

describe.skipIf(!hasSharedData)('parseFootballData on the real football-data.co.uk files', () => {
  const parseReal = (relative: string): ParsedFile =>
    parseFootballData(readFileSync(sharedPath('football-data', relative), 'utf8'), relative);

  it('E0/2023-24: 380 matches, Liverpool 38, Pinnacle closing prices on the opening match', () => {
    const parsed = parseReal('E0/2023-24.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(380);
    expect(parsed.records.filter((r) => r.home.name === 'Liverpool' || r.away.name === 'Liverpool')).toHaveLength(38);
    expect(parsed.records.every((r) => r.season === '2023-24' && r.competition.code === 'eng.1')).toBe(true);

    const opener = parsed.records[0];
    expect([opener.source.line, opener.date, opener.time, opener.home.name, opener.away.name]).toEqual([
      2,
      '2023-08-11',
      '20:00',
      'Burnley',
      'Man City',
    ]);
    const pinnacleClosing = opener.odds.filter((o) => o.bookmaker === 'Pinnacle' && o.closing);
    expect(pinnacleClosing.map((o) => [o.market, o.line, o.selection, o.price])).toEqual([
      ['1X2', null, 'home', 9.62],
      ['1X2', null, 'draw', 5.81],
      ['1X2', null, 'away', 1.33],
      ['OU', 2.5, 'over', 1.65],
      ['OU', 2.5, 'under', 2.35],
      ['AH', 1.5, 'home', 1.95],
      ['AH', 1.5, 'away', 1.97],
    ]);
    // MaxCAHH/MaxCAHA are blank on this row.
    expect(opener.odds.some((o) => o.bookmaker === 'Market max' && o.market === 'AH' && o.closing)).toBe(false);
    expect(opener.odds).toHaveLength(80 - 2); // 80 odds columns in this file, 2 blank on this row
  });

  it('E0/2004-05: the repaired dd/mm/yy dates and per-bookmaker handicap lines', () => {
    const parsed = parseReal('E0/2004-05.csv');
    expect(parsed.records).toHaveLength(380);
    const dates = parsed.records.map((r) => r.date).sort();
    expect([dates[0], dates[dates.length - 1]]).toEqual(['2004-08-14', '2005-05-15']);
    expect(parsed.records.every((r) => r.season === '2004-05')).toBe(true);
    const villa = parsed.records[0];
    expect(
      villa.odds.filter((o) => o.market === 'AH' && o.selection === 'home').map((o) => [o.bookmaker, o.line]),
    ).toEqual([
      ['Gamebookers', -0.25],
      ['Ladbrokes', -0.5],
      ['Bet365', -0.5],
    ]);
  });

  it('I1/2012-13: the three trailing bare-comma rows are skipped', () => {
    const parsed = parseReal('I1/2012-13.csv');
    expect(parsed.records).toHaveLength(380);
    expect(parsed.errors).toEqual([]);
  });

  it('E0/2019-20: matches played in July 2020 stay in 2019-20', () => {
    const parsed = parseReal('E0/2019-20.csv');
    expect(parsed.records.filter((r) => r.date.startsWith('2020-07'))).not.toHaveLength(0);
    expect(new Set(parsed.records.map((r) => r.season))).toEqual(new Set(['2019-20']));
  });

  it('all 116 files agree with COVERAGE.csv (rows, dates, odds coverage) and report only known source defects', () => {
    const coverage = readFileSync(sharedPath('football-data', 'COVERAGE.csv'), 'utf8').trim().split(/\r?\n/);
    const names = coverage[0].split(',');
    const isoOf = (date: string): string => {
      const [d, m, y] = date.split('/');
      return `${y.length === 2 ? `20${y}` : y}-${m}-${d}`;
    };
    const rowsWith = (records: MatchRecord[], bookmaker: string, closing: boolean): number =>
      records.filter((r) =>
        r.odds.some(
          (o) => o.bookmaker === bookmaker && o.market === '1X2' && o.selection === 'home' && o.closing === closing,
        ),
      ).length;

    const errors: string[] = [];
    const wrong: string[] = [];
    for (const line of coverage.slice(1)) {
      const row = Object.fromEntries(line.split(',').map((value, i) => [names[i], value]));
      const file = `${row.league}/${row.season}.csv`;
      const parsed = parseReal(file);
      const dates = parsed.records.map((r) => r.date).sort();
      const actual = {
        rows: parsed.records.length,
        first: dates[0],
        last: dates[dates.length - 1],
        seasons: [...new Set(parsed.records.map((r) => r.season))],
        pinnacle: rowsWith(parsed.records, 'Pinnacle', false),
        pinnacleClosing: rowsWith(parsed.records, 'Pinnacle', true),
        bet365: rowsWith(parsed.records, 'Bet365', false),
        bet365Closing: rowsWith(parsed.records, 'Bet365', true),
        average:
          rowsWith(parsed.records, 'Market average', false) + rowsWith(parsed.records, 'Betbrain average', false),
        averageClosing: rowsWith(parsed.records, 'Market average', true),
      };
      expect(actual, file).toEqual({
        rows: Number(row.rows),
        first: isoOf(row.first_date),
        last: isoOf(row.last_date),
        seasons: [row.season],
        pinnacle: Number(row.rows_with_PSH),
        pinnacleClosing: Number(row.rows_with_PSCH),
        bet365: Number(row.rows_with_B365H),
        bet365Closing: Number(row.rows_with_B365CH),
        average: Number(row.rows_with_Avg_or_BbAv_H),
        averageClosing: Number(row.rows_with_AvgCH),
      });
      for (const record of parsed.records) {
        if (record.home.country !== record.competition.country) wrong.push(`${file}:${record.source.line} country`);
        if (record.odds.some((o) => !(o.price > 1))) wrong.push(`${file}:${record.source.line} price`);
      }
      expect(parsed.errors).toEqual([]);
      errors.push(...(parsed.warnings ?? []).map((e) => `${e.file}:${e.line} ${e.field}`));
    }
    expect(wrong).toEqual([]);
    expect(coverage).toHaveLength(117);
    // Genuine defects in the source files, checked by hand: prices without a line, a line or a price out of range.
    expect(errors).toEqual([
      'D1/2019-20.csv:261 AvgC>2.5', // 0.42
      ...[103, 104, 105, 106, 107, 108, 109, 110, 111].map((l) => `E0/2003-04.csv:${l} GBAHH`), // GBAH blank
      'E0/2004-05.csv:362 LBAH', // 1.28
      'F1/2010-11.csv:197 BbAHh', // -1.2
      'I1/2003-04.csv:142 GBAHH', // GBAH blank
      'I1/2003-04.csv:142 GBAHA', // -0.5
      'I1/2004-05.csv:38 LBAH', // 3.4
      'I1/2010-11.csv:196 BbAHh', // -1.2
      'SP1/2003-04.csv:357 GBAHH', // 0.9
      'SP1/2010-11.csv:190 BbAHh', // -1.2
    ]);
  });
});
