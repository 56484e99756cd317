import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/formats.js';
import type { MatchRecord } from '../../src/ingest/records.js';
import { parseUefaCupHistory, UEFA_CUP_HISTORY_FORMAT } from '../../src/ingest/uefa-cup-history.js';
import { lines } from './parse-helpers.js';

const HEADER =
  'home,away,date,gh,ga,full_time,competition,home_ident,away_ident,home_country,away_country,home_code,away_code,home_continent,away_continent,continent,level';

/** Clubs of the made-up files: name, country name as the file writes it, code. */
const CLUBS: Record<string, [string, string, string]> = {
  A: ['Alpha FC', 'England', 'ENG'],
  B: ['Beta SC', 'Germany', 'DE'],
  C: ['Gamma AC', 'Italy', 'IT'],
  D: ['Delta CF', 'Spain', 'ES'],
  E: ['Epsilon FC', 'France', 'FR'],
  F: ['Zeta FK', 'Norway', 'NO'],
  G: ['Eta SK', 'Czech Republic', 'CZ'],
  H: ['Theta BK', 'Sweden', 'SE'],
  X: ['Xi FC', 'Malta', 'MT'],
  Y: ['Ypsilon FC', 'Wales', 'WAL'],
  GAL: ['Galatasaray', 'Turkey', 'TR'],
  ARS: ['Arsenal FC', 'England', 'ENG'],
  LEE: ['Leeds United', 'England', 'ENG'],
  LEN: ['RC Lens', 'France', 'FR'],
  IPS: ['Ipswich Town', 'England', 'ENG'],
  BAR: ['FC Barcelona', 'Spain', 'ES'],
  VIL: ['Aston Villa', 'England', 'ENG'],
};

/** One row: `A B 2005-09-15 2-1` (flag F unless given). */
function row(text: string): string {
  const [home, away, date, score, flag = 'F'] = text.split(' ');
  const [gh, ga] = score.split('-');
  const [hn, hc, hcode] = CLUBS[home];
  const [an, ac, acode] = CLUBS[away];
  const slug = (c: string) => c.toLowerCase().replace(/ /g, '-');
  return [
    hn,
    an,
    date,
    gh,
    ga,
    flag,
    'UEFA EL',
    `${hn} (${hc})`,
    `${an} (${ac})`,
    slug(hc),
    slug(ac),
    hcode,
    acode,
    'Europe',
    'Europe',
    'Europe',
    'international',
  ].join(',');
}

function parse(...rows: string[]) {
  const parsed = parseUefaCupHistory(lines(HEADER, ...rows.map(row)), 'schochastics/uefa-el.csv');
  expect(parsed.errors).toEqual([]);
  return parsed;
}

const view = (r: MatchRecord) => [r.date, r.home.name, r.round, r.leg];

/** A double round robin of four clubs, September to December of `year`. */
function group(year: number, [a, b, c, d]: string[]): string[] {
  const days = ['09-15', '09-29', '10-20', '11-03', '11-24', '12-08'];
  const pairs = [
    [a, b, c, d],
    [c, a, d, b],
    [a, d, b, c],
    [b, a, d, c],
    [a, c, b, d],
    [d, a, c, b],
  ];
  return pairs.flatMap(([h1, a1, h2, a2], k) => [
    `${h1} ${a1} ${year}-${days[k]} 1-0`,
    `${h2} ${a2} ${year}-${days[k]} 0-0`,
  ]);
}

describe('parseUefaCupHistory', () => {
  it('is recognised by its header', () => {
    expect(detectFormat(lines(HEADER, row('A B 2005-09-15 1-0')), 'uefa-el.csv')?.id).toBe(UEFA_CUP_HISTORY_FORMAT);
  });

  it('rebuilds a season: a qualifying tie, a group stage, two-legged semi-finals and a two-legged final', () => {
    const parsed = parse(
      'X A 2005-07-14 0-2',
      'A X 2005-07-28 3-0',
      ...group(2005, ['A', 'B', 'C', 'D']),
      ...group(2005, ['E', 'F', 'G', 'H']),
      'A F 2006-04-06 2-0',
      'E B 2006-04-06 1-1',
      'F A 2006-04-13 1-1',
      'B E 2006-04-13 0-1',
      'A E 2006-05-04 1-0',
      'E A 2006-05-18 2-2',
    );
    const records = parsed.records;
    expect(records).toHaveLength(2 + 24 + 4 + 2);
    expect(new Set(records.map((r) => `${r.competition.code} ${r.season}`))).toEqual(new Set(['uefa.el 2005-06']));
    const groupGames = records.filter((r) => r.round === 'Group stage');
    expect(groupGames).toHaveLength(24);
    expect(groupGames.every((r) => r.leg === null)).toBe(true);
    expect(records.filter((r) => r.round !== 'Group stage').map(view)).toEqual([
      ['2005-07-14', 'Xi FC', 'Qualifying round', 1],
      ['2005-07-28', 'Alpha FC', 'Qualifying round', 2],
      ['2006-04-06', 'Alpha FC', 'Semi-finals', 1],
      ['2006-04-06', 'Epsilon FC', 'Semi-finals', 1],
      ['2006-04-13', 'Zeta FK', 'Semi-finals', 2],
      ['2006-04-13', 'Beta SC', 'Semi-finals', 2],
      ['2006-05-04', 'Alpha FC', 'Final', 1],
      ['2006-05-18', 'Epsilon FC', 'Final', 2],
    ]);
    // A two-legged final is played home and away, whatever the era's single finals.
    expect(records.filter((r) => r.round === 'Final').map((r) => r.neutral)).toEqual([false, false]);
    expect(records[0]).toMatchObject({
      source: { format: UEFA_CUP_HISTORY_FORMAT, file: 'schochastics/uefa-el.csv', line: 2 },
      home: { name: 'Xi FC', country: 'MLT' },
      away: { name: 'Alpha FC', country: 'ENG' },
      ftScore: [0, 2],
      etScore: null,
      status: 'played',
    });
  });

  it('corrects the 2000 final, stored as the shoot-out: 0-0 after extra time, Galatasaray won 4-1 on penalties', () => {
    const { records, warnings } = parse(
      'GAL LEE 2000-04-06 2-0',
      'ARS LEN 2000-04-06 1-0',
      'LEE GAL 2000-04-20 2-2',
      'LEN ARS 2000-04-20 1-2',
      'GAL ARS 2000-05-17 4-1',
    );
    expect(records[4]).toMatchObject({
      season: '1999-00',
      round: 'Final',
      leg: null,
      neutral: true,
      ftScore: [0, 0],
      etScore: [0, 0],
      penScore: [4, 1],
    });
    expect(records[0]).toMatchObject({ round: 'Semi-finals', leg: 1, ftScore: [2, 0] });
    expect(warnings).toEqual([
      {
        file: 'schochastics/uefa-el.csv',
        line: 6,
        field: 'gh',
        message:
          'score 4-1 corrected from the record: UEFA.com, 1999/2000 UEFA Cup final, Parken, Copenhagen: 0-0 after extra time, Galatasaray won 4-1 on penalties',
      },
    ]);
  });

  it('from 2000-01 reads E and P as after extra time, giving no 90-minute score and no shoot-out winner', () => {
    const { records } = parse(
      'A B 2003-09-24 1-0',
      'B A 2003-10-15 1-0 P',
      'C D 2003-09-24 2-1',
      'D C 2003-10-15 1-2 E',
      'E F 2003-09-24 0-0',
      'F E 2003-10-15 1-0',
    );
    expect(records.map((r) => [r.home.name, r.leg, r.ftScore, r.etScore, r.penScore])).toEqual([
      ['Alpha FC', 1, [1, 0], null, null],
      ['Beta SC', 2, null, [1, 0], null],
      ['Gamma AC', 1, [2, 1], null, null],
      ['Delta CF', 2, null, [1, 2], null],
      ['Epsilon FC', 1, [0, 0], null, null],
      ['Zeta FK', 2, [1, 0], null, null],
    ]);
  });

  it('before 2000-01 reads a second leg decided on penalties by the rules: the shoot-out or the score after extra time', () => {
    const { records } = parse(
      // Ipswich 3-0 Barcelona, then Barcelona 3-0 after extra time and 3-1 on penalties: the file keeps the 3-1.
      'IPS BAR 1977-11-23 3-0',
      'BAR IPS 1977-12-07 3-1',
      'BAR VIL 1978-03-01 2-2',
      'VIL BAR 1978-03-15 1-2',
      // A level tie: the score is the one after extra time; who won the shoot-out the file does not say.
      'A B 1977-11-23 3-0',
      'B A 1977-12-07 3-0',
      // A tie won on aggregate stays as it is.
      'C D 1977-11-23 1-0',
      'D C 1977-12-07 3-1',
    );
    const second = (home: string) =>
      records.find((r) => r.leg === 2 && r.home.name === home && r.date === '1977-12-07')!;
    expect([second('FC Barcelona').ftScore, second('FC Barcelona').etScore, second('FC Barcelona').penScore]).toEqual([
      null,
      [3, 0],
      [3, 1],
    ]);
    expect([second('Beta SC').ftScore, second('Beta SC').etScore, second('Beta SC').penScore]).toEqual([
      null,
      [3, 0],
      null,
    ]);
    expect([second('Delta CF').ftScore, second('Delta CF').etScore]).toEqual([[3, 1], null]);
  });

  it('labels a multi-year edition by its first season and moves a final played after the summer back to its edition', () => {
    const { records } = parse(
      'A B 1955-06-04 0-5',
      'B A 1956-05-04 1-0',
      'C D 1957-10-23 4-3',
      'D C 1957-11-13 1-0',
      // 1966-67: two semi-finals in spring; the final between their winners in August/September 1967.
      'E F 1967-05-19 4-2',
      'F E 1967-05-25 0-0',
      'G H 1967-06-07 3-0',
      'H G 1967-06-14 4-0',
      'H E 1967-08-30 2-0',
      'E H 1967-09-06 0-0',
      // 1967-68 opens in September.
      'A C 1967-09-13 1-0',
      'C A 1967-09-27 0-0',
      'X Y 1967-09-20 2-2',
      'Y X 1967-10-04 1-0',
      // The UEFA Cup from 1971-72.
      'D E 1971-09-15 1-0',
      'E D 1971-09-29 1-1',
    );
    const placed = records.map((r) => [r.date, r.competition.code, r.season, r.round]);
    expect(placed.slice(0, 2)).toEqual([
      ['1955-06-04', 'uefa.fairs', '1955-56', 'Group stage'],
      ['1956-05-04', 'uefa.fairs', '1955-56', 'Group stage'],
    ]);
    expect(placed.slice(2, 4).map((p) => p[2])).toEqual(['1955-56', '1955-56']);
    expect(placed.slice(8, 10)).toEqual([
      ['1967-08-30', 'uefa.fairs', '1966-67', 'Final'],
      ['1967-09-06', 'uefa.fairs', '1966-67', 'Final'],
    ]);
    expect(placed.slice(4, 8).map((p) => p[3])).toEqual(['Semi-finals', 'Semi-finals', 'Semi-finals', 'Semi-finals']);
    expect(placed.slice(10, 14).map((p) => p[2])).toEqual(['1967-68', '1967-68', '1967-68', '1967-68']);
    expect(placed.slice(14)).toEqual([
      ['1971-09-15', 'uefa.el', '1971-72', 'Final'],
      ['1971-09-29', 'uefa.el', '1971-72', 'Final'],
    ]);
  });

  it('labels a third meeting of a tie as its replay', () => {
    const { records } = parse(
      'A B 1963-10-02 2-1',
      'B A 1963-10-16 2-1',
      'A B 1963-11-13 1-0',
      'C D 1963-10-02 1-0',
      'D C 1963-10-16 0-0',
      'A C 1964-03-04 1-0',
      'C A 1964-03-18 0-0',
    );
    expect(records.map((r) => [r.round, r.leg])).toEqual([
      ['Semi-finals', 1],
      ['Semi-finals', 2],
      ['Semi-finals replay', null],
      ['Semi-finals', 1],
      ['Semi-finals', 2],
      ['Final', 1],
      ['Final', 2],
    ]);
  });

  it('reads a row repeated a few days apart once, with a warning; bad rows are errors naming their line', () => {
    const parsed = parseUefaCupHistory(
      lines(
        HEADER,
        row('X A 2000-08-08 0-2'),
        row('X A 2000-08-10 0-2'),
        row('A X 2000-08-24 5-0'),
        row('A B 2000-09-14 x-1'),
        row('A B 2000-09-14 1-0').replace(',DE,', ',ZZ,'),
        row('A B 2000-09-14 1-0').replace(',F,', ',Q,'),
        'Alpha FC,Beta SC,2000-09-14,1,0',
      ),
      'uefa-el.csv',
    );
    expect(parsed.records.map((r) => [r.date, r.leg])).toEqual([
      ['2000-08-08', 1],
      ['2000-08-24', 2],
    ]);
    expect(parsed.warnings).toEqual([
      {
        file: 'uefa-el.csv',
        line: 3,
        field: 'date',
        message: 'repeats line 2 (2000-08-08, same teams and score): read once',
      },
    ]);
    expect(parsed.errors).toEqual([
      { file: 'uefa-el.csv', line: 5, field: 'gh', message: "'x-1' is not a score" },
      { file: 'uefa-el.csv', line: 6, field: 'away_code', message: "unknown country code 'ZZ'" },
      { file: 'uefa-el.csv', line: 7, field: 'full_time', message: "'Q' is not F, E or P" },
      { file: 'uefa-el.csv', line: 8, field: null, message: "row has only 5 of the header's 17 cells" },
    ]);
  });
});
