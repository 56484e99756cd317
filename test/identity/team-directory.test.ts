import { describe, expect, it } from 'vitest';
import { TeamDirectory } from '../../src/identity/team-directory.js';
import { teamKeys, teamNameKey, transliterationKey } from '../../src/identity/team-name-key.js';

describe('teamNameKey', () => {
  it('drops legal forms, country suffixes, accents and punctuation', () => {
    expect(teamNameKey('Manchester City FC (ENG)')).toBe('manchester city');
    expect(teamNameKey('Manchester City')).toBe('manchester city');
    expect(teamNameKey('Borussia Mönchengladbach')).toBe('borussia monchengladbach');
    expect(teamNameKey("Nott'm Forest")).toBe('nottm forest');
    expect(teamNameKey('Brighton & Hove Albion')).toBe('brighton and hove albion');
    expect(teamNameKey('AC Milan')).toBe('milan');
  });

  it('keeps a name made only of legal-form words', () => {
    expect(teamNameKey('AS')).toBe('as');
  });
});

describe('transliterationKey', () => {
  it('equates the ASCII spellings of umlauts and Nordic letters with the letters', () => {
    const key = (name: string) => transliterationKey(teamNameKey(name));
    expect(key('Bayern Muenchen')).toBe(key('Bayern München'));
    expect(key('1 FC Koeln')).toBe(key('1. FC Köln'));
    expect(key('Malmoe FF')).toBe(key('Malmö FF'));
    expect(key('Broendby IF')).toBe(key('Brøndby IF'));
    expect(key('IFK Goeteborg')).toBe(key('IFK Göteborg'));
    expect(key('Tromsoe IL')).toBe(key('Tromsø IL'));
    expect(key('Naestved')).toBe(key('Næstved'));
    expect(key('Aalesund')).toBe(key('Ålesund'));
    expect(key('Bayern Muenchen')).toBe('bayern munchen');
  });

  it('keeps the strict key strict', () => {
    expect(transliterationKey(teamKeys('1. FC Köln')[0])).toBe('=1 fc koln');
  });
});

describe('TeamDirectory', () => {
  it('resolves spellings of one club through an alias group', () => {
    const directory = new TeamDirectory();
    directory.addAliasGroup({ canonical: 'Manchester City', country: 'ENG', names: ['Man City'], source: 'test' });
    const first = directory.resolve({ name: 'Man City', country: null }, 'ENG');
    expect(first).toMatchObject({ kind: 'new', name: 'Man City', country: 'ENG' });
    if (first.kind !== 'new') throw new Error('expected new');
    directory.addTeam({ id: 1, name: first.name, country: first.country }, first.keys);
    expect(directory.resolve({ name: 'Manchester City FC', country: 'ENG' }, null)).toMatchObject({
      kind: 'known',
      teamId: 1,
    });
  });

  it('keeps clubs of the same name in different countries apart', () => {
    const directory = new TeamDirectory();
    directory.addTeam({ id: 1, name: 'Liverpool', country: 'ENG' }, ['liverpool']);
    expect(directory.resolve({ name: 'Liverpool', country: 'URU' }, null).kind).toBe('new');
    expect(directory.resolve({ name: 'Liverpool FC', country: 'ENG' }, null)).toMatchObject({
      kind: 'known',
      teamId: 1,
    });
  });

  it('reports a name two different clubs claim instead of merging', () => {
    const directory = new TeamDirectory();
    directory.addAliasGroup({
      canonical: 'Sporting CP',
      country: 'POR',
      names: ['Sporting', 'Sporting Lisbon'],
      source: 'a',
    });
    directory.addAliasGroup({ canonical: 'Sporting Braga', country: 'POR', names: ['Sporting', 'Braga'], source: 'a' });
    const resolution = directory.resolve({ name: 'Sporting', country: 'POR' }, null);
    expect(resolution.kind).toBe('ambiguous');
    expect(directory.resolve({ name: 'Sporting Lisbon', country: 'POR' }, null)).toMatchObject({ kind: 'new' });
  });

  it('unites overlapping groups from two sources as one club', () => {
    const directory = new TeamDirectory();
    directory.addAliasGroup({
      canonical: 'Atalanta Bergamo',
      country: 'ITA',
      names: ['Atalanta', 'Atalanta BC'],
      source: 'clubs',
    });
    directory.addAliasGroup({ canonical: 'Atalanta', country: 'ITA', names: ['Atalanta'], source: 'teamnames' });
    const resolution = directory.resolve({ name: 'Atalanta', country: 'ITA' }, null);
    expect(resolution.kind).toBe('new');
    if (resolution.kind !== 'new') return;
    directory.addTeam({ id: 7, name: resolution.name, country: 'ITA' }, resolution.keys);
    expect(directory.resolve({ name: 'Atalanta BC', country: 'ITA' }, null)).toMatchObject({
      kind: 'known',
      teamId: 7,
    });
  });

  it('keeps Paris FC apart from a `Paris` alias of Paris Saint-Germain (strict names first)', () => {
    const directory = new TeamDirectory();
    directory.addAliasGroup({
      canonical: 'Paris Saint-Germain',
      country: 'FRA',
      names: ['Paris', 'Paris SG'],
      source: 'clubs',
    });
    directory.addAliasGroup({ canonical: 'Paris FC', country: 'FRA', names: ['Paris Football Club'], source: 'clubs' });
    const psg = directory.resolve({ name: 'Paris SG', country: 'FRA' }, null);
    if (psg.kind !== 'new') throw new Error('expected new');
    directory.addTeam({ id: 1, name: psg.name, country: 'FRA' }, psg.keys);
    const parisFc = directory.resolve({ name: 'Paris FC', country: 'FRA' }, null);
    expect(parisFc.kind).toBe('new');
    expect(directory.resolve({ name: 'Paris Saint-Germain', country: 'FRA' }, null)).toMatchObject({
      kind: 'known',
      teamId: 1,
    });
  });

  it('treats Monaco as a club of the French league whichever code a source gives it', () => {
    const directory = new TeamDirectory();
    directory.addTeam({ id: 3, name: 'Monaco', country: 'FRA' }, ['=monaco', 'monaco']);
    expect(directory.resolve({ name: 'AS Monaco', country: 'MCO' }, null)).toMatchObject({ kind: 'known', teamId: 3 });
  });

  it('searches by exact key first, then prefix and containment', () => {
    const directory = new TeamDirectory();
    directory.addTeam({ id: 1, name: 'Manchester City', country: 'ENG' }, ['manchester city', 'man city']);
    directory.addTeam({ id: 2, name: 'Manchester United', country: 'ENG' }, ['manchester united']);
    const hits = directory.search('Manchester');
    expect(hits.map((h) => h.teamId).sort()).toEqual([1, 2]);
    expect(directory.search('Man City')[0]).toMatchObject({ teamId: 1, score: 1 });
  });

  describe('transliterations, tried after the strict and loose keys find nothing', () => {
    function directoryWith(...teams: [id: number, name: string, country: string][]): TeamDirectory {
      const directory = new TeamDirectory();
      for (const [id, name, country] of teams) directory.addTeam({ id, name, country }, teamKeys(name));
      return directory;
    }

    it.each([
      ['Bayern Muenchen', 'Bayern München', 'GER'],
      ['Malmoe FF', 'Malmö FF', 'SWE'],
      ['Broendby IF', 'Brøndby IF', 'DEN'],
      ['IFK Goeteborg', 'IFK Göteborg', 'SWE'],
      ['Tromsoe IL', 'Tromsø IL', 'NOR'],
      ['Tromsø IL', 'Tromsoe IL', 'NOR'],
    ])('%s is the team %s', (spelling, stored, country) => {
      const directory = directoryWith([5, stored, country]);
      expect(directory.resolve({ name: spelling, country }, null)).toEqual({
        kind: 'known',
        teamId: 5,
        newKeys: teamKeys(spelling),
      });
    });

    it('finds a team through a club list that spells it with the letters', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: '1. FC Köln', country: 'GER', names: ['Köln', 'FC Köln'], source: 'clubs' });
      const first = directory.resolve({ name: 'FC Koln', country: 'GER' }, null);
      if (first.kind !== 'new') throw new Error('expected new');
      directory.addTeam({ id: 9, name: first.name, country: 'GER' }, first.keys);
      expect(directory.resolve({ name: '1 FC Koeln', country: 'GER' }, null)).toMatchObject({
        kind: 'known',
        teamId: 9,
      });
    });

    it('names the club the club list gives when no team has been met yet', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: 'Malmö FF', country: 'SWE', names: ['Malmö'], source: 'clubs' });
      const resolution = directory.resolve({ name: 'Malmoe FF', country: 'SWE' }, null);
      expect(resolution).toMatchObject({ kind: 'new', name: 'Malmoe FF', country: 'SWE' });
      if (resolution.kind !== 'new') return;
      expect(resolution.keys).toEqual(expect.arrayContaining(['=malmoe ff', '=malmo ff', '=malmo']));
    });

    it('prefers a team the strict or loose key finds over one the transliteration finds', () => {
      const directory = directoryWith([1, 'Moenchengladbach', 'GER'], [2, 'Mönchengladbach', 'GER']);
      expect(directory.resolve({ name: 'Moenchengladbach', country: 'GER' }, null)).toMatchObject({ teamId: 1 });
      expect(directory.resolve({ name: 'Monchengladbach', country: 'GER' }, null)).toMatchObject({ teamId: 2 });
    });

    it('stays within the country', () => {
      const directory = directoryWith([1, 'Malmö FF', 'SWE']);
      expect(directory.resolve({ name: 'Malmoe FF', country: 'NOR' }, null).kind).toBe('new');
    });

    it('creates a new team rather than guess when a transliteration fits two teams', () => {
      const directory = directoryWith([1, 'Aarau', 'SUI'], [2, 'Arau', 'SUI']);
      expect(directory.resolve({ name: 'Aerau', country: 'SUI' }, null)).toMatchObject({ kind: 'new', name: 'Aerau' });
    });

    it('finds a team by its transliteration in a search', () => {
      const directory = directoryWith([1, 'Bayern München', 'GER'], [2, 'Bayern Hof', 'GER']);
      expect(directory.search('Bayern Muenchen')[0]).toMatchObject({ teamId: 1, score: 1 });
    });
  });
});
