import { readFileSync } from 'node:fs';
import { lines, thrown } from './parse-helpers.js';
import { describe, it, expect } from 'vitest';
import {
  ENGSOCCERDATA_CHAMPS_FORMAT,
  ENGSOCCERDATA_CUP_FORMAT,
  ENGSOCCERDATA_LEAGUE_FORMAT,
  looksLikeEngsoccerdata,
  looksLikeEngsoccerdataTeamNames,
  parseEngsoccerdata,
  parseEngsoccerdataTeamNames,
} from '../../src/ingest/engsoccerdata.js';
import type { MatchRecord } from '../../src/ingest/records.js';
import { hasSharedData, sharedPath } from '../shared-data.js';
import { competition } from '../competitions.js';

const ENGLAND_HEADER =
  '"Date","Season","home","visitor","FT","hgoal","vgoal","division","tier","totgoal","goaldif","result"';
const CHAMPS_HEADER =
  '"Date","Season","round","leg","home","visitor","FT","HT","aet","pens","hgoal","vgoal","FTagg_home","FTagg_visitor","aethgoal","aetvgoal","tothgoal","totvgoal","totagg_home","totagg_visitor","tiewinner","hcountry","vcountry"';
const FACUP_HEADER =
  '"Date","Season","home","visitor","FT","hgoal","vgoal","round","tie","aet","pen","pens","hp","vp","Venue","attendance","nonmatch","notes","neutral"';
const LEAGUECUP_HEADER =
  '"Date","Season","home","visitor","FT","hgoal","vgoal","round","tie","leg","aet","pens","Venue","attendance","northsouth"';
const PLAYOFFS_HEADER =
  '"Date","Season","home","visitor","FT","hgoal","vgoal","division","round","tie","htier","vtier","aet","pen","pens","Venue","attendance","neutral"';

describe('parseEngsoccerdata — league files', () => {
  const england = lines(
    ENGLAND_HEADER,
    '"2023-08-11",2023,"Burnley","Manchester City","0-3",0,3,"1",1,3,-3,"A"',
    '"1930-09-06",1930,"Bristol Rovers","Norwich City","3-1",3,1,"3S",3,4,2,"H"',
    '"2023-02-30",2022,"Arsenal","Chelsea","1-0",1,0,"1",1,1,1,"H"',
    '"2023-08-12",2023,"Arsenal","Fulham","1-0",-1,0,"1",1,1,1,"H"',
    '"2023-08-12",2023,"Wrexham","Barnet","1-0",1,0,"5",x,1,1,"H"',
    '"2023-08-13",2023,"Everton","Fulham","0-1",NA,1,"1",1,1,-1,"A"',
  );

  it('reads tier, season start year and country; regional divisions become groups', () => {
    const parsed = parseEngsoccerdata(england, 'data/england.csv');
    expect(parsed.format).toBe(ENGSOCCERDATA_LEAGUE_FORMAT);
    expect(parsed.records).toHaveLength(2);
    const [burnley, rovers] = parsed.records;
    expect(burnley).toMatchObject({
      source: { format: ENGSOCCERDATA_LEAGUE_FORMAT, file: 'data/england.csv', line: 2 },
      competition: { code: 'eng.1', country: 'ENG', tier: 1 },
      season: '2023-24',
      date: '2023-08-11',
      home: { name: 'Burnley', country: 'ENG' },
      away: { name: 'Manchester City', country: 'ENG' },
      ftScore: [0, 3],
      htScore: null,
      status: 'played',
      neutral: false,
      group: null,
    });
    expect(rovers).toMatchObject({
      competition: { code: 'eng.3' },
      season: '1930-31',
      group: 'South',
      ftScore: [3, 1],
    });
  });

  it('reports unreadable rows with file, line and field, and keeps the rest', () => {
    const parsed = parseEngsoccerdata(england, 'data/england.csv');
    expect(parsed.errors).toEqual([
      { file: 'data/england.csv', line: 4, field: 'Date', message: "'2023-02-30' is not a date (yyyy-mm-dd)" },
      { file: 'data/england.csv', line: 5, field: 'hgoal', message: "'-1' is not a non-negative whole number" },
      { file: 'data/england.csv', line: 6, field: 'tier', message: "tier 'x' is not a league level" },
      { file: 'data/england.csv', line: 7, field: 'hgoal', message: 'score has only one side' },
    ]);
  });

  it('reads spain.csv half-time scores, the 1986-87 second phase and an awarded result', () => {
    const spain = lines(
      '"Date","Season","home","visitor","HT","FT","hgoal","vgoal","tier","round","group","notes"',
      '"1987-04-12",1986,"Sevilla FC","Real Valladolid","0-1","1-2",1,2,1,"phase2","B",NA',
      '"1980-03-30",1979,"CD Malaga","AD Almeria","0-0","0-1",0,1,1,"league",NA,"1-0 win awarded to AD Almeria"',
      '"2014-08-23",2014,"Malaga CF","Athletic Bilbao",NA,"1-0",1,0,1,"league",NA,NA',
      '"2014-08-23",2014,"Sevilla FC","Valencia CF","1:1","1-1",1,1,1,"league",NA,NA',
    );
    const parsed = parseEngsoccerdata(spain, 'spain.csv');
    expect(
      parsed.records.map((r) => [r.competition.code, r.round, r.group, r.status, r.htScore, r.home.country]),
    ).toEqual([
      ['es.1', 'Second phase', 'B', 'played', [0, 1], 'ESP'],
      ['es.1', null, null, 'awarded', [0, 0], 'ESP'],
      ['es.1', null, null, 'played', null, 'ESP'],
    ]);
    expect(parsed.errors).toEqual([{ file: 'spain.csv', line: 5, field: 'HT', message: "'1:1' is not a score (h-a)" }]);
  });

  it('maps germany tiers to de.1 / de.2 and 2North to group North', () => {
    const germany = lines(
      '"Date","Season","home","visitor","FT","hgoal","vgoal","tier","division"',
      '1974-08-03,1974,"SC Gottingen 05","DJK Gutersloh","5-2",5,2,2,"2North"',
      '"1963-08-24",1963,"Werder Bremen","Borussia Dortmund","3-2",3,2,1,"1"',
    );
    const parsed = parseEngsoccerdata(germany, 'germany2.csv');
    expect(parsed.records.map((r) => [r.competition.code, r.group, r.home.country])).toEqual([
      ['de.2', 'North', 'GER'],
      ['de.1', null, 'GER'],
    ]);
  });

  it('rejects empty files, unknown file names and missing columns', () => {
    expect(thrown(() => parseEngsoccerdata('', 'england.csv')).code).toBe('EMPTY');
    expect(thrown(() => parseEngsoccerdata(ENGLAND_HEADER + '\n', 'england.csv')).code).toBe('EMPTY');
    expect(thrown(() => parseEngsoccerdata(england, 'premier.csv')).code).toBe('FORMAT');
    expect(thrown(() => parseEngsoccerdata(england, 'constructor.csv')).code).toBe('FORMAT');
    const noTier = thrown(() => parseEngsoccerdata('"Date","Season","home","visitor","hgoal","vgoal"\n', 'italy.csv'));
    expect(noTier.code).toBe('FORMAT');
    expect(noTier.message).toContain('tier');
  });
});

describe('parseEngsoccerdata — champs.csv', () => {
  const champs = lines(
    CHAMPS_HEADER,
    '2016-05-28,2015,"final",NA,"Real Madrid","Atletico Madrid","1-1","1-0","1-1","5-3",1,1,1,1,1,1,1,1,1,1,"Real Madrid","ESP","ESP"',
    '2014-05-24,2013,"final",NA,"Real Madrid","Atletico Madrid","1-1","0-1","4-1",NA,1,1,1,1,4,1,4,1,4,1,"Real Madrid","ESP","ESP"',
    '2015-09-15,2015,"GroupA",groups,"Galatasaray","Atletico Madrid","0-2","0-2",NA,NA,0,2,NA,NA,NA,NA,0,2,NA,NA,NA,"TUR","ESP"',
    '2000-02-29,1999,"GroupB-inter",groups,"Arsenal","Lazio","1-1",NA,NA,NA,1,1,NA,NA,NA,NA,1,1,NA,NA,NA,"ENG","ITA"',
    '2012-07-17,2012,"Q-2","2","Celtic","HJK","2-1","1-0",NA,"away goals",2,1,3,3,NA,NA,2,1,3,3,"Celtic","SCO","FIN"',
    '1965-03-24,1964,"QF","replay","Liverpool","Koln","2-2","2-1","2-2","coin toss",2,2,2,2,2,2,2,2,2,2,"Liverpool","ENG","GER"',
    '1991-03-20,1990,"QF","2","Olympique Marseille","AC Milan","3-0",NA,NA,"walkover",3,0,4,1,NA,NA,3,0,4,1,"Olympique Marseille","FRA","ITA"',
    '2010-05-22,2009,"final",NA,"Bayern Munich","Inter","0-2","0-1",NA,"4:2",0,2,0,2,NA,NA,0,2,0,2,"Inter","GER","ITA"',
    '2010-05-22,2009,"R32",1,"Bayern Munich","Inter","0-2","0-1",NA,NA,0,2,0,2,NA,NA,0,2,0,2,"Inter","GER","ITA"',
    '2005-03-08,2004,"R16","2","Chelsea","Barcelona","4-2","3-1","3-2",NA,4,2,5,4,3,2,3,2,5,4,"Chelsea","ENG","ESP"',
    '2005-03-08,2004,"R16","2","Chelsea","Barcelona","4-2","3-1",NA,NA,4,2,5,4,NA,NA,3,2,5,4,"Chelsea","England","ESP"',
  );

  it('reads a final decided on penalties exactly', () => {
    const parsed = parseEngsoccerdata(champs, 'champs.csv');
    expect(parsed.format).toBe(ENGSOCCERDATA_CHAMPS_FORMAT);
    expect(parsed.records[0]).toEqual({
      source: { format: ENGSOCCERDATA_CHAMPS_FORMAT, file: 'champs.csv', line: 2 },
      competition: competition('uefa.cl'),
      season: '2015-16',
      date: '2016-05-28',
      time: null,
      home: { name: 'Real Madrid', country: 'ESP' },
      away: { name: 'Atletico Madrid', country: 'ESP' },
      neutral: true,
      venue: null,
      round: 'Final',
      group: null,
      leg: null,
      status: 'played',
      htScore: [1, 0],
      ftScore: [1, 1],
      etScore: [1, 1],
      penScore: [5, 3],
      attendance: null,
      referee: null,
      goals: [],
      stats: null,
      odds: [],
    });
  });

  it('keeps the cumulative score after extra time apart from the 90-minute score', () => {
    const [, lisbon] = parseEngsoccerdata(champs, 'champs.csv').records;
    expect([lisbon.ftScore, lisbon.etScore, lisbon.penScore]).toEqual([[1, 1], [4, 1], null]);
  });

  it('normalises rounds, groups and legs; walkovers are awarded; no shoot-out for away goals or coin toss', () => {
    const records = parseEngsoccerdata(champs, 'champs.csv').records;
    const summary = (r: MatchRecord): unknown[] => [r.round, r.group, r.leg, r.neutral, r.status, r.penScore];
    expect(records.slice(2).map(summary)).toEqual([
      ['Group stage', 'A', null, false, 'played', null],
      ['Second group stage', 'B', null, false, 'played', null],
      ['Qualifying round 2', null, 2, false, 'played', null],
      ['Quarter-finals', null, null, false, 'played', null],
      ['Quarter-finals', null, 2, false, 'awarded', null],
    ]);
    expect(records[4].away).toEqual({ name: 'HJK', country: 'FIN' });
  });

  it('reports malformed penalties, unknown rounds, extra time below 90 minutes and bad country codes', () => {
    const { records, errors } = parseEngsoccerdata(champs, 'champs.csv');
    expect(records).toHaveLength(7);
    expect(errors).toEqual([
      { file: 'champs.csv', line: 9, field: 'pens', message: "'4:2' is not a score (h-a)" },
      { file: 'champs.csv', line: 10, field: 'round', message: "unknown round 'R32'" },
      {
        file: 'champs.csv',
        line: 11,
        field: 'aethgoal',
        message: 'score after extra time 3-2 is below the 90-minute score 4-2',
      },
      { file: 'champs.csv', line: 12, field: 'hcountry', message: "'England' is not a country code" },
    ]);
  });
});

describe('parseEngsoccerdata — English cups and play-offs', () => {
  it('facup.csv: byes left out, NA dates reported, extra time, shoot-outs from hp/vp, void matches, replays labelled', () => {
    const facup = lines(
      FACUP_HEADER,
      'NA,1871,"Hampstead Heathens",NA,NA,NA,NA,"1","none",NA,NA,NA,NA,NA,NA,NA,"Bye","Hampstead Heathens progress",NA',
      'NA,1871,"Royal Engineers","Reigate Priory",NA,NA,NA,"1","initial",NA,NA,NA,NA,NA,NA,NA,"Walkover","Royal Engineers progress",NA',
      '2016-05-21,2015,"Manchester United","Crystal Palace","2-1",2,1,"f","initial","yes",NA,NA,NA,NA,"Wembley (new), London","88,619",NA,NA,"yes"',
      '2010-11-16,2010,"Milton Keynes Dons","Stevenage Borough","1-1",1,1,"1","replay","yes","yes","7-6 Stevenage","6","7",NA,NA,NA,NA,NA',
      '1872-11-23,1872,"South Norwood","Windsor Home Park","1-0",NA,NA,"2","initial",NA,NA,NA,NA,NA,NA,NA,"Match void","Match was replayed",NA',
      '1945-11-17,1945,"Barnet","Queens Park Rangers","2-6",2,6,"1","leg1",NA,NA,NA,NA,NA,NA,NA,NA,NA,NA',
      '1945-11-18,1945,"Barnet","Queens Park Rangers","2-6",2,6,"7","leg2",NA,NA,NA,NA,NA,NA,"lots",NA,NA,NA',
    );
    const { format, records, errors, warnings } = parseEngsoccerdata(facup, 'facup.csv');
    expect(format).toBe(ENGSOCCERDATA_CUP_FORMAT);
    expect(records.map((r) => [r.round, r.leg, r.status, r.ftScore, r.etScore, r.penScore, r.neutral])).toEqual([
      ['Final', null, 'played', null, [2, 1], null, true],
      ['Round 1 replay', null, 'played', null, [1, 1], [6, 7], false],
      ['Round 2', null, 'cancelled', null, null, null, false],
      ['Round 1', 1, 'played', [2, 6], null, null, false],
    ]);
    expect(records[0]).toMatchObject({
      competition: { code: 'eng.facup' },
      season: '2015-16',
      venue: 'Wembley (new), London',
      attendance: 88619,
      home: { name: 'Manchester United', country: 'ENG' },
    });
    expect(warnings).toEqual([
      {
        file: 'facup.csv',
        line: 3,
        field: 'Date',
        message: 'no date in the source: a match without a date cannot be stored',
      },
    ]);
    expect(errors).toEqual([
      { file: 'facup.csv', line: 8, field: 'round', message: "unknown round '7'" },
      { file: 'facup.csv', line: 8, field: 'attendance', message: "'lots' is not a non-negative whole number" },
    ]);
  });

  it('leaguecup.csv: a leg counts only in a round with a second leg; single finals are neutral; replays labelled', () => {
    const leaguecup = lines(
      LEAGUECUP_HEADER,
      '1961-08-22,1960,"Rotherham United","Aston Villa","2-0",2,0,"final","initial",1,NA,NA,NA,12226,NA',
      '1961-09-05,1960,"Aston Villa","Rotherham United","3-0",3,0,"final","initial",2,NA,NA,NA,31202,NA',
      '2015-02-28,2014,"Chelsea","Tottenham Hotspur","2-0",2,0,"Final","initial",1,NA,NA,"Wembley Stadium",1e+05,NA',
      '2015-08-11,2015,"Arsenal","Leeds United","2-0",2,0,"1","initial",1,NA,NA,"Emirates Stadium",NA,NA',
      '2015-08-11,2015,"Fulham","Leeds United","2-0",2,0,"1","initial",3,NA,NA,NA,NA,NA',
      '1960-10-19,1960,"Bolton Wanderers","Hull City","5-1",5,1,"1","replay1",0,NA,NA,NA,NA,NA',
    );
    const { records, errors } = parseEngsoccerdata(leaguecup, 'leaguecup.csv');
    expect(records.map((r) => [r.competition.code, r.round, r.leg, r.neutral, r.attendance])).toEqual([
      ['eng.leaguecup', 'Final', 1, false, 12226],
      ['eng.leaguecup', 'Final', 2, false, 31202],
      ['eng.leaguecup', 'Final', null, true, 100000],
      ['eng.leaguecup', 'Round 1', null, false, null],
      ['eng.leaguecup', 'Round 1 replay', null, false, null],
    ]);
    expect(errors).toEqual([{ file: 'leaguecup.csv', line: 6, field: 'leg', message: "unknown leg '3'" }]);
  });

  it('englandplayoffs.csv: day-count dates, winner-first shoot-outs, non-league play-offs left out', () => {
    const playoffs = lines(
      PLAYOFFS_HEADER,
      '"1998-05-25",1997,"Charlton Athletic","Sunderland","4-4",4,4,"2","f","initial",2,2,"yes","yes","7-6 Charlton Athletic","Wembley, London (original)","77,739","yes"',
      '"18017",2018,"Mansfield Town","Newport County","1-0",1,0,"4","s","leg1",4,4,NA,NA,NA,NA,"6000",NA',
      '"18017",2018,"AFC Fylde","Harrogate Town","3-1",3,1,"conference","q","initial",5,5,NA,NA,NA,NA,"1560",NA',
      '"2004-05-31",2003,"Mansfield Town","Huddersfield Town","0-0",0,0,"4","f","initial",4,4,"yes","yes","4-1 Huddersfield Town","Millennium Stadium, Cardiff","37,298","yes"',
      '"2004-05-31",2003,"Mansfield Town","Huddersfield Town","0-0",0,0,"4","f","initial",4,4,"yes","yes","4-1 Huddersfield","Millennium Stadium, Cardiff","37,298","yes"',
    );
    const { records, errors } = parseEngsoccerdata(playoffs, 'englandplayoffs.csv');
    expect(
      records.map((r) => [r.date, r.season, r.round, r.group, r.leg, r.ftScore, r.etScore, r.penScore, r.neutral]),
    ).toEqual([
      ['1998-05-25', '1997-98', 'Final', 'Tier 2', null, null, [4, 4], [7, 6], true],
      ['2019-05-01', '2018-19', 'Semi-finals', 'Tier 4', 1, [1, 0], null, null, false],
      ['2004-05-31', '2003-04', 'Final', 'Tier 4', null, null, [0, 0], [1, 4], true],
    ]);
    expect(records[0].competition.code).toBe('eng.playoffs');
    expect(errors).toEqual([
      {
        file: 'englandplayoffs.csv',
        line: 6,
        field: 'pens',
        message: "'4-1 Huddersfield' is not a shoot-out score followed by the winning team",
      },
    ]);
  });
});

describe('parseEngsoccerdataTeamNames', () => {
  const teamnames = lines(
    '"country","name","name_other","most_recent"',
    '"England","Manchester City","Manchester City",NA',
    '"England","Manchester City","Man City",NA',
    '"England","Manchester City","Ardwick",NA',
    '"England","Manchester City","Man City",NA',
    '"Holland","AFC Ajax","Ajax",NA',
    '"MLS","Toronto FC","Toronto",NA',
    '"MLS","LA Galaxy","Los Angeles Galaxy",NA',
  );

  it('groups variants by (country, name) into clubs with aliases and country codes', () => {
    const clubs = parseEngsoccerdataTeamNames(teamnames, 'teamnames.csv');
    expect(clubs.map((c) => [c.name, c.country, c.aliases])).toEqual([
      ['Manchester City', 'ENG', ['Man City', 'Ardwick']],
      ['AFC Ajax', 'NED', ['Ajax']],
      ['Toronto FC', 'CAN', ['Toronto']],
      ['LA Galaxy', 'USA', ['Los Angeles Galaxy']],
    ]);
    expect(clubs[0].source).toEqual({ format: 'engsoccerdata-teamnames', file: 'teamnames.csv', line: 2 });
  });

  it('stops on a country it cannot map', () => {
    const error = thrown(() =>
      parseEngsoccerdataTeamNames(
        lines('"country","name","name_other","most_recent"', '"Narnia","Cair FC","Cair",NA'),
        't.csv',
      ),
    );
    expect(error.code).toBe('FORMAT');
    expect(error.location).toEqual({ file: 't.csv', line: 2, field: 'country' });
  });

  it('stops on a row whose cells do not line up with the header', () => {
    const error = thrown(() =>
      parseEngsoccerdataTeamNames(
        lines(
          '"country","name","name_other","most_recent"',
          '"England","Arsenal","Gunners",NA',
          '"England","Man City"',
        ),
        't.csv',
      ),
    );
    expect(error.message).toBe("t.csv:3: row has only 2 of the header's 4 cells");
  });
});

describe('looksLikeEngsoccerdata', () => {
  it('needs a known file name and that file kind’s columns', () => {
    const england = lines(ENGLAND_HEADER, '"2023-08-11",2023,"Burnley","Manchester City","0-3",0,3,"1",1,3,-3,"A"');
    expect(looksLikeEngsoccerdata(england, '/data/engsoccerdata/england.csv')).toBe(true);
    expect(looksLikeEngsoccerdata(england, 'france.csv')).toBe(true);
    expect(looksLikeEngsoccerdata(england, 'E0.csv')).toBe(false);
    expect(looksLikeEngsoccerdata(england, 'champs.csv')).toBe(false);
    expect(looksLikeEngsoccerdata('Date,Team 1,FT,HT,Team 2\n', 'england.csv')).toBe(false);
    expect(looksLikeEngsoccerdataTeamNames('"country","name","name_other"\n', 'teamnames.csv')).toBe(true);
    expect(looksLikeEngsoccerdataTeamNames('"country","name","name_other"\n', 'england.csv')).toBe(false);
  });
});

describe.skipIf(!hasSharedData)('engsoccerdata real files', () => {
  const parse = (name: string) => parseEngsoccerdata(readFileSync(sharedPath('engsoccerdata', name), 'utf8'), name);

  it('england.csv: every row, and 2023-24 top flight has 380 matches with 38 for Liverpool', () => {
    const { records, errors } = parse('england.csv');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(208_028);
    const top2023 = records.filter((r) => r.season === '2023-24' && r.competition.code === 'eng.1');
    expect(top2023).toHaveLength(380);
    expect(top2023.filter((r) => r.home.name === 'Liverpool' || r.away.name === 'Liverpool')).toHaveLength(38);
    expect(new Set(records.map((r) => r.competition.code))).toEqual(new Set(['eng.1', 'eng.2', 'eng.3', 'eng.4']));
  });

  it('the other league files parse without errors into their competitions', () => {
    const expected: Record<string, [number, string[]]> = {
      'italy.csv': [28_824, ['it.1']],
      'spain.csv': [27_335, ['es.1']],
      'germany.csv': [38_918, ['de.1', 'de.2']],
      'germany2.csv': [17_290, ['de.2']],
      'france.csv': [29_558, ['fr.1']],
    };
    for (const [name, [count, codes]] of Object.entries(expected)) {
      const { records, errors } = parse(name);
      expect(errors, name).toEqual([]);
      expect(records, name).toHaveLength(count);
      expect([...new Set(records.map((r) => r.competition.code))].sort(), name).toEqual(codes);
    }
  });

  it('champs.csv: all 6,556 matches; the 2016 final and its penalties exactly', () => {
    const { records, errors } = parse('champs.csv');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(6_556);
    const milan2016 = records.filter((r) => r.date === '2016-05-28');
    expect(milan2016).toHaveLength(1);
    expect(milan2016[0]).toMatchObject({
      season: '2015-16',
      round: 'Final',
      leg: null,
      neutral: true,
      home: { name: 'Real Madrid', country: 'ESP' },
      away: { name: 'Atletico Madrid', country: 'ESP' },
      htScore: [1, 0],
      ftScore: [1, 1],
      etScore: [1, 1],
      penScore: [5, 3],
    });
    for (const r of records) {
      expect(r.home.country).toMatch(/^[A-Z]{3}$/);
      if (r.etScore && r.ftScore) expect(r.etScore[0] >= r.ftScore[0] && r.etScore[1] >= r.ftScore[1]).toBe(true);
    }
    expect(records.filter((r) => r.round === 'Final')).toHaveLength(64);
  });

  it('facup.csv: byes left out, the rows without a date reported on Date as warnings', () => {
    const { records, errors, warnings = [] } = parse('facup.csv');
    expect(errors).toEqual([]);
    expect(warnings.every((e) => e.field === 'Date')).toBe(true);
    expect(records.length + warnings.length).toBe(17_080 - 163);
    const final2016 = records.find((r) => r.date === '2016-05-21' && r.round === 'Final');
    expect(final2016).toMatchObject({ ftScore: null, etScore: [2, 1], neutral: true });
  });

  it('leaguecup.csv and englandplayoffs.csv parse without errors', () => {
    const leagueCup = parse('leaguecup.csv');
    expect(leagueCup.errors).toEqual([]);
    expect(leagueCup.records).toHaveLength(7_495);
    const playoffs = parse('englandplayoffs.csv');
    expect(playoffs.errors).toEqual([]);
    // Divisions 2, 3, 4 (154 + 155 + 153) and the 34 test matches; the 268 non-league rows are left out.
    expect(playoffs.records).toHaveLength(496);
    expect(playoffs.records.every((r) => r.date >= '1893-01-01' && r.date <= '2019-06-30')).toBe(true);
  });

  it("teamnames.csv: 'Man City' is an alias of Manchester City (England)", () => {
    const clubs = parseEngsoccerdataTeamNames(
      readFileSync(sharedPath('engsoccerdata', 'teamnames.csv'), 'utf8'),
      'teamnames.csv',
    );
    const city = clubs.find((c) => c.name === 'Manchester City' && c.country === 'ENG');
    expect(city?.aliases).toContain('Man City');
  });
});
