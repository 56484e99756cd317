import { describe, expect, it } from 'vitest';
import { OVERRIDE_SOURCE, TeamDirectory } from '../../src/identity/team-directory.js';
import { parseAliasOverrides } from '../../src/ingest/alias-overrides.js';
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
    expect(directory.resolve({ name: 'Sporting', country: 'POR' }, null)).toEqual({
      kind: 'ambiguous',
      candidates: ['sporting cp (POR)', 'sporting braga (POR)'],
      teamIds: [],
    });
    expect(directory.resolve({ name: 'Sporting Lisbon', country: 'POR' }, null)).toEqual({
      kind: 'new',
      name: 'Sporting Lisbon',
      country: 'POR',
      keys: ['=sporting lisbon', 'sporting lisbon', '=sporting cp', 'sporting cp'],
    });
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

  it('searches by exact key first, then prefix and containment, then by name', () => {
    const directory = new TeamDirectory();
    for (const [id, name] of [
      [1, 'Manchester City'],
      [2, 'Manchester United'],
      [3, 'Arsenal'],
      [4, 'Manchester'],
      [5, 'FC United of Manchester'],
    ] as const) {
      directory.addTeam({ id, name, country: 'ENG' }, teamKeys(name));
    }
    const hits = (text: string, limit?: number) => directory.search(text, limit).map((h) => [h.name, h.score]);
    expect(hits('Manchester')).toEqual([
      ['Manchester', 1],
      ['Manchester City', 0.8],
      ['Manchester United', 0.8],
      ['FC United of Manchester', 0.6],
    ]);
    expect(hits('Manchester', 2)).toEqual([
      ['Manchester', 1],
      ['Manchester City', 0.8],
    ]);
    expect(directory.search('Manchester City FC')[0]).toEqual({
      teamId: 1,
      name: 'Manchester City',
      country: 'ENG',
      score: 1,
    });
  });

  it('matches a search against the strict keys too (a name of legal-form words only), but never a country code', () => {
    const directory = new TeamDirectory();
    directory.addTeam({ id: 1, name: 'AS Roma', country: 'ITA' }, teamKeys('AS Roma'));
    directory.addTeam({ id: 2, name: 'Inter', country: 'ITA' }, teamKeys('Inter'));
    expect(directory.search('AS')).toEqual([{ teamId: 1, name: 'AS Roma', country: 'ITA', score: 0.8 }]);
    expect(directory.search('Roma')).toEqual([{ teamId: 1, name: 'AS Roma', country: 'ITA', score: 1 }]);
    expect(directory.search('it')).toEqual([]);
  });

  it('knows the teams it holds, and refuses a key for a team it does not', () => {
    const directory = new TeamDirectory();
    directory.addTeam({ id: 1, name: 'Arsenal', country: 'ENG' }, teamKeys('Arsenal'));
    expect(directory.team(1)).toEqual({ id: 1, name: 'Arsenal', country: 'ENG' });
    expect(directory.team(2)).toBeUndefined();
    expect(() => directory.addTeamKey(2, 'gunners')).toThrow('team 2 is not in the directory');
  });

  it('names teams and clubs of no known country with a question mark when a name is ambiguous', () => {
    const directory = new TeamDirectory();
    directory.addTeam({ id: 1, name: 'Rangers', country: null }, teamKeys('Rangers'));
    directory.addTeam({ id: 2, name: 'Rangers FC', country: null }, teamKeys('Rangers FC'));
    expect(directory.resolve({ name: 'Rangers AFC', country: null }, null)).toEqual({
      kind: 'ambiguous',
      candidates: ['Rangers (?)', 'Rangers FC (?)'],
      teamIds: [1, 2],
    });
    const clubs = new TeamDirectory();
    clubs.addAliasGroup({ canonical: 'Celtic', country: null, names: ['The Bhoys'], source: 'a' });
    clubs.addAliasGroup({ canonical: 'Celtic Nation', country: null, names: ['The Bhoys'], source: 'a' });
    expect(clubs.resolve({ name: 'The Bhoys', country: null }, null)).toEqual({
      kind: 'ambiguous',
      candidates: ['celtic (?)', 'celtic nation (?)'],
      teamIds: [],
    });
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
      directory.addAliasGroup({ canonical: 'Aarau', country: 'SUI', names: ['FC Aarau'], source: 'clubs' });
      expect(directory.resolve({ name: 'Aerau', country: 'SUI' }, null)).toEqual({
        kind: 'new',
        name: 'Aerau',
        country: 'SUI',
        keys: teamKeys('Aerau'),
      });
    });

    it('finds a team by its transliteration in a search', () => {
      const directory = directoryWith([1, 'Bayern München', 'GER'], [2, 'Bayern Hof', 'GER']);
      expect(directory.search('Bayern Muenchen')[0]).toMatchObject({ teamId: 1, score: 1 });
    });
  });

  describe('alias groups from several lists and overrides', () => {
    it('knows the groups of an alias override file as overrides', () => {
      const [group] = parseAliasOverrides('- { country: ITA, name: Inter, aliases: [Internazionale] }\n', 'mine.yaml');
      expect(group.source.format).toBe(OVERRIDE_SOURCE);
    });

    it('keeps one club as three lists name it in turn', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: 'Atalanta Bergamo', country: 'ITA', names: ['Atalanta BC'], source: 'a' });
      directory.addAliasGroup({ canonical: 'Atalanta', country: 'ITA', names: ['Atalanta Bergamo'], source: 'b' });
      directory.addAliasGroup({ canonical: 'Atalanta BC', country: 'ITA', names: ['La Dea'], source: 'c' });
      const first = directory.resolve({ name: 'La Dea', country: 'ITA' }, null);
      if (first.kind !== 'new') throw new Error(`expected new, got ${first.kind}`);
      directory.addTeam({ id: 3, name: first.name, country: 'ITA' }, first.keys);
      for (const name of ['Atalanta', 'Atalanta BC', 'Atalanta Bergamo']) {
        expect(directory.resolve({ name, country: 'ITA' }, null)).toMatchObject({ kind: 'known', teamId: 3 });
      }
    });

    it('unites a club whose list names the canonical name another list gives it', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({
        canonical: 'Atalanta Bergamo',
        country: 'ITA',
        names: ['Atalanta BC'],
        source: 'clubs',
      });
      directory.addAliasGroup({
        canonical: 'Atalanta',
        country: 'ITA',
        names: ['Atalanta Bergamo'],
        source: 'teamnames',
      });
      const first = directory.resolve({ name: 'Atalanta', country: 'ITA' }, null);
      if (first.kind !== 'new') throw new Error('expected new');
      directory.addTeam({ id: 7, name: first.name, country: 'ITA' }, first.keys);
      expect(directory.resolve({ name: 'Atalanta BC', country: 'ITA' }, null)).toEqual({
        kind: 'known',
        teamId: 7,
        newKeys: [],
      });
    });

    it('folds two clubs into one when a later group names both', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: 'Olympiacos', country: 'GRE', names: ['Olympiakos'], source: 'clubs' });
      directory.addAliasGroup({ canonical: 'Olympiacos Piraeus', country: 'GRE', names: ['Thrylos'], source: 'clubs' });
      directory.addAliasGroup({
        canonical: 'Olympiacos CFP',
        country: 'GRE',
        names: ['Olympiacos', 'Olympiacos Piraeus'],
        source: 'teamnames',
      });
      const first = directory.resolve({ name: 'Olympiakos', country: 'GRE' }, null);
      if (first.kind !== 'new') throw new Error('expected new');
      directory.addTeam({ id: 4, name: first.name, country: 'GRE' }, first.keys);
      expect(directory.resolve({ name: 'Thrylos', country: 'GRE' }, null)).toMatchObject({ kind: 'known', teamId: 4 });
      expect(directory.resolve({ name: 'Olympiacos CFP', country: 'GRE' }, null)).toMatchObject({ teamId: 4 });
    });

    it('keeps same-named clubs of two countries apart: without a country their name is ambiguous', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: 'Liverpool', country: 'ENG', names: ['Liverpool FC'], source: 'clubs' });
      directory.addAliasGroup({
        canonical: 'Liverpool',
        country: 'URU',
        names: ['Liverpool Montevideo'],
        source: 'clubs',
      });
      expect(directory.resolve({ name: 'Liverpool', country: null }, null)).toMatchObject({
        kind: 'ambiguous',
        candidates: ['liverpool (ENG)', 'liverpool (URU)'],
      });
      expect(directory.resolve({ name: 'Liverpool Montevideo', country: null }, null)).toMatchObject({
        kind: 'new',
        country: 'URU',
      });
    });

    it("takes an override's claim over the club lists', and leaves the claimed name off the other club's team", () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: 'Sporting CP', country: 'POR', names: ['Sporting'], source: 'clubs' });
      directory.addAliasGroup({
        canonical: 'Sporting Braga',
        country: 'POR',
        names: ['Sporting'],
        source: 'teamnames',
      });
      directory.addAliasGroup({
        canonical: 'Sporting CP',
        country: 'POR',
        names: ['Sporting'],
        source: OVERRIDE_SOURCE,
      });
      const sporting = directory.resolve({ name: 'Sporting', country: 'POR' }, null);
      expect(sporting).toEqual({
        kind: 'new',
        name: 'Sporting',
        country: 'POR',
        keys: ['=sporting', 'sporting', '=sporting cp', 'sporting cp'],
      });
      expect(directory.resolve({ name: 'Sporting Braga', country: 'POR' }, null)).toEqual({
        kind: 'new',
        name: 'Sporting Braga',
        country: 'POR',
        keys: ['=sporting braga', 'sporting braga'],
      });
    });

    it('keeps an override claim when the override club is folded into a listed one', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({
        canonical: 'Sporting Clube de Portugal',
        country: 'POR',
        names: ['Sporting'],
        source: 'clubs',
      });
      directory.addAliasGroup({ canonical: 'Sporting Braga', country: 'POR', names: ['Sporting'], source: 'clubs' });
      directory.addAliasGroup({
        canonical: 'Sporting CP',
        country: 'POR',
        names: ['Sporting Lisbon'],
        source: OVERRIDE_SOURCE,
      });
      directory.addAliasGroup({
        canonical: 'Sporting CP',
        country: 'POR',
        names: ['Sporting Clube de Portugal'],
        source: 'teamnames',
      });
      const sporting = directory.resolve({ name: 'Sporting', country: 'POR' }, null);
      if (sporting.kind !== 'new') throw new Error(`expected new, got ${sporting.kind}`);
      expect(sporting.keys).toEqual(expect.arrayContaining(['=sporting lisbon', '=sporting clube de portugal']));
    });

    it('is ambiguous when two overrides claim a name', () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({
        canonical: 'Rovers North',
        country: 'ENG',
        names: ['Rovers'],
        source: OVERRIDE_SOURCE,
      });
      directory.addAliasGroup({
        canonical: 'Rovers South',
        country: 'ENG',
        names: ['Rovers'],
        source: OVERRIDE_SOURCE,
      });
      expect(directory.resolve({ name: 'Rovers', country: 'ENG' }, null).kind).toBe('ambiguous');
    });

    it('is ambiguous when the teams of a club were created apart before its list was known', () => {
      const directory = new TeamDirectory();
      directory.addTeam({ id: 1, name: 'Man City', country: 'ENG' }, teamKeys('Man City'));
      directory.addTeam({ id: 2, name: 'Manchester City', country: 'ENG' }, teamKeys('Manchester City'));
      directory.addAliasGroup({
        canonical: 'Manchester City',
        country: 'ENG',
        names: ['Man City', 'Citizens'],
        source: 'clubs',
      });
      expect(directory.resolve({ name: 'Citizens', country: 'ENG' }, null)).toEqual({
        kind: 'ambiguous',
        candidates: ['Manchester City (ENG)', 'Man City (ENG)'],
        teamIds: [2, 1],
      });
    });

    it("gives a new team the source's own country code (Monaco), the league's when the source has none", () => {
      const directory = new TeamDirectory();
      directory.addAliasGroup({ canonical: 'AS Monaco', country: 'FRA', names: ['Monaco'], source: 'clubs' });
      expect(directory.resolve({ name: 'Monaco', country: 'MCO' }, null)).toMatchObject({
        kind: 'new',
        country: 'MCO',
      });
      expect(directory.resolve({ name: 'Monaco', country: null }, 'FRA')).toMatchObject({
        kind: 'new',
        country: 'FRA',
      });
      expect(directory.resolve({ name: 'Monaco', country: null }, null)).toMatchObject({ kind: 'new', country: 'FRA' });
    });
  });
});
