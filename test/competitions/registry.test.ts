import { describe, expect, it } from 'vitest';
import {
  expectedLeagueMatches,
  isNeutralRound,
  isTwoLeggedRound,
  pointsIn,
  seasonFromStartYear,
  seasonOfDate,
  tieRulesIn,
} from '../../src/competitions/competition.js';
import { parseRegistryFile } from '../../src/competitions/registry-file.js';
import { CompetitionRegistry, kindFromName } from '../../src/competitions/registry.js';
import {
  nextSeason,
  normaliseSeason,
  parseSeason,
  seasonLabel,
  seasonOfDateIn,
  seasonOrder,
} from '../../src/competitions/seasons.js';
import { competition } from '../competitions.js';

describe('seasons', () => {
  it('reads both calendars and writes them back', () => {
    expect(parseSeason('2023-24')).toEqual({ startYear: 2023, calendar: 'autumn-spring' });
    expect(parseSeason('2023/2024')).toEqual({ startYear: 2023, calendar: 'autumn-spring' });
    expect(parseSeason('1999/00')).toEqual({ startYear: 1999, calendar: 'autumn-spring' });
    expect(parseSeason('2024')).toEqual({ startYear: 2024, calendar: 'calendar-year' });
    expect(parseSeason('2023-25')).toBeNull();
    expect(parseSeason('2023/2025')).toBeNull();
    expect(normaliseSeason('2012/2013')).toBe('2012-13');
    expect(seasonLabel(1999, 'autumn-spring')).toBe('1999-00');
    expect(nextSeason('2024')).toBe('2025');
    expect(nextSeason('1999-00')).toBe('2000-01');
  });

  it('orders seasons of both calendars by when they are played', () => {
    const seasons = ['2012', '2011-12', '2011', '2010-11'];
    expect([...seasons].sort((a, b) => seasonOrder(a) - seasonOrder(b))).toEqual([
      '2010-11',
      '2011',
      '2011-12',
      '2012',
    ]);
  });

  it('puts a date in a season by the calendar, not by a July cut for everyone', () => {
    expect(seasonOfDateIn('2024-04-18', 'autumn-spring')).toBe('2023-24');
    expect(seasonOfDateIn('2024-04-18', 'calendar-year')).toBe('2024');
    expect(seasonOfDate(competition('eng.1'), '2024-08-17')).toBe('2024-25');
    expect(seasonOfDate(competition('no.1'), '2024-08-17')).toBe('2024');
    // Russia switched calendars in 2011-12; Argentina went back and forth.
    expect(seasonOfDate(competition('ru.1'), '2010-05-01')).toBe('2010');
    expect(seasonOfDate(competition('ru.1'), '2013-05-01')).toBe('2012-13');
    expect(seasonOfDate(competition('ar.1'), '2015-05-01')).toBe('2015');
    expect(seasonOfDate(competition('ar.1'), '2018-05-01')).toBe('2017-18');
    expect(seasonOfDate(competition('ar.1'), '2023-05-01')).toBe('2023');
    expect(seasonFromStartYear(competition('se.1'), 2012)).toBe('2012');
    expect(seasonFromStartYear(competition('sco.1'), 2012)).toBe('2012-13');
  });
});

describe('the shipped registry', () => {
  const registry = CompetitionRegistry.builtIn();

  it('ships every football-data.co.uk division and extra-leagues file', () => {
    const divisions = ['E0', 'E1', 'E2', 'E3', 'EC', 'SC0', 'SC1', 'SC2', 'SC3', 'D1', 'D2', 'I1', 'I2', 'SP1', 'SP2'];
    const more = ['F1', 'F2', 'N1', 'B1', 'P1', 'T1', 'G1'];
    for (const division of [...divisions, ...more])
      expect(registry.byFootballDataDivision(division), division).toBeDefined();
    const extra = [
      'ARG',
      'AUT',
      'BRA',
      'CHN',
      'DNK',
      'FIN',
      'IRL',
      'JPN',
      'MEX',
      'NOR',
      'POL',
      'ROU',
      'RUS',
      'SWE',
      'SWZ',
    ];
    for (const file of [...extra, 'USA']) {
      const found = registry.competitions.filter((c) => c.sources.footballDataExtra?.file === file);
      expect(found, file).toHaveLength(1);
    }
    expect(registry.byExtraLeague('Norway', 'Eliteserien')?.code).toBe('no.1');
    expect(registry.byExtraLeague('Switzerland', 'Super League')?.code).toBe('ch.1');
    expect(registry.byExtraLeague('China', 'Super League')?.code).toBe('cn.1');
  });

  it('ships the national cups and every UEFA competition', () => {
    for (const code of ['eng.facup', 'eng.leaguecup', 'de.cup', 'es.cup', 'it.cup', 'fr.cup', 'nl.cup', 'sco.cup']) {
      expect(registry.get(code)?.kind, code).toBe('cup');
    }
    const uefa = ['uefa.cl', 'uefa.el', 'uefa.conf', 'uefa.cwc', 'uefa.intertoto'];
    for (const code of uefa) expect(registry.get(code)?.kind, code).toBe('continental');
    expect(registry.get('uefa.supercup')?.kind).toBe('super-cup');
    expect(registry.get('eng.playoffs')?.kind).toBe('play-off');
  });

  it('finds competitions by code, name, alias, source label and header title', () => {
    expect(registry.find('E0')?.code).toBe('eng.1');
    expect(registry.find('premier-league')?.code).toBe('eng.1');
    expect(registry.find('UEFA Cup')?.code).toBe('uefa.el');
    expect(registry.find('English FA Cup')?.code).toBe('eng.facup');
    expect(registry.find('DFB Pokal')?.code).toBe('de.cup');
    expect(registry.find('Copa del Rey de España')?.code).toBe('es.cup');
    expect(registry.find('süper lig')?.code).toBe('tr.1');
    expect(registry.find('no such league')).toBeUndefined();
  });

  it('knows countries by code, ISO-style code and name, and the country a title starts with', () => {
    expect(registry.country('Holland')?.code).toBe('NED');
    expect(registry.country('nl')?.code).toBe('NED');
    expect(registry.country('SWZ')?.code).toBe('SUI');
    expect(registry.countryOfTitle('Netherlands Eerste Divisie')).toMatchObject({
      country: { code: 'NED' },
      rest: 'Eerste Divisie',
    });
    expect(registry.countryOfTitle('Spain • España Copa del Rey')).toMatchObject({
      country: { code: 'ESP' },
      rest: 'Copa del Rey',
    });
    expect(registry.countryOfTitle('UEFA Europa League')).toBeNull();
  });

  it('holds the format facts by era', () => {
    expect(pointsIn(competition('eng.1'), '1980-81')).toEqual({ win: 2, draw: 1 });
    expect(pointsIn(competition('eng.1'), '1981-82')).toEqual({ win: 3, draw: 1 });
    expect(expectedLeagueMatches(competition('eng.1'), '2023-24', 20)).toBe(380);
    expect(expectedLeagueMatches(competition('sco.1'), '2023-24', 12)).toBe(228);
    expect(expectedLeagueMatches(competition('at.1'), '2023-24', 12)).toBe(192);
    expect(expectedLeagueMatches(competition('ch.1'), '2020-21', 10)).toBe(180);
    expect(expectedLeagueMatches(competition('be.1'), '2020-21', 18)).toBeNull();
    expect(isNeutralRound(competition('uefa.el'), '1996-97', 'Final')).toBe(false);
    expect(isNeutralRound(competition('uefa.el'), '1997-98', 'Final')).toBe(true);
    expect(isNeutralRound(competition('eng.facup'), '2023-24', 'Semi-finals')).toBe(true);
    expect(isTwoLeggedRound(competition('eng.leaguecup'), '2020-21', 'Semi-finals')).toBe(false);
    expect(isTwoLeggedRound(competition('eng.leaguecup'), '2021-22', 'Semi-finals')).toBe(true);
  });

  it('gives every UEFA competition its tie rules at the boundary seasons', () => {
    for (const code of ['uefa.cl', 'uefa.el', 'uefa.conf', 'uefa.cwc']) {
      const c = competition(code);
      expect(tieRulesIn(c, '1966-67'), code).toMatchObject({ awayGoals: false, extraTime: false, decider: 'replay' });
      expect(tieRulesIn(c, '1967-68'), code).toMatchObject({ awayGoals: true, extraTime: true, decider: 'replay' });
      expect(tieRulesIn(c, '1969-70'), code).toMatchObject({ awayGoals: true, decider: 'replay' });
      expect(tieRulesIn(c, '1970-71'), code).toMatchObject({ awayGoalsInExtraTime: true, decider: 'penalties' });
      expect(tieRulesIn(c, '2020-21'), code).toMatchObject({ awayGoals: true, decider: 'penalties' });
      expect(tieRulesIn(c, '2021-22'), code).toMatchObject({ awayGoals: false, decider: 'penalties' });
    }
    expect(tieRulesIn(competition('eng.leaguecup'), '2023-24')).toBeNull();
  });

  it('names what a title is', () => {
    expect(kindFromName('KNVB Beker')).toBe('cup');
    expect(kindFromName('Taça de Portugal')).toBe('cup');
    expect(kindFromName('DFL-Supercup')).toBe('super-cup');
    expect(kindFromName('Eredivisie play-offs')).toBe('play-off');
    expect(kindFromName('Tweede Divisie')).toBe('league');
  });
});

describe('a registry file of your own', () => {
  it('is read with the same rules, and errors name the file, the line and the field', () => {
    const own = parseRegistryFile(
      [
        'competitions:',
        '  - { code: nl.3, name: Tweede Divisie, country: NED, kind: league, tier: 3, aliases: [X9] }',
      ].join('\n'),
      'mine.yaml',
      'user',
    );
    expect(own.competitions[0]).toMatchObject({ code: 'nl.3', origin: 'user', tier: 3, formatKnown: true });
    expect(() =>
      parseRegistryFile(
        ['competitions:', '  - { code: nl.3, name: X, kind: tournament }'].join('\n'),
        'bad.yaml',
        'user',
      ),
    ).toThrow(/^bad\.yaml:2, field competitions\.0\.kind: /);
    expect(() =>
      parseRegistryFile(['competitions:', '  - { code: NL 3, name: X, kind: league }'].join('\n'), 'bad.yaml', 'user'),
    ).toThrow('bad.yaml:2, field competitions.0.code: must be lower-case letters and digits joined by . or -');
    expect(() =>
      parseRegistryFile(
        [
          'competitions:',
          '  - { code: a.1, name: A, kind: league, points: [{ until: 2023-25, win: 2, draw: 1 }] }',
        ].join('\n'),
        'bad.yaml',
        'user',
      ),
    ).toThrow("bad.yaml:2, field competitions.0.points.0.until: '2023-25' is not a season (2023-24 or 2024)");
  });
});
