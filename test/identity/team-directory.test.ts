import { describe, expect, it } from 'vitest';
import { TeamDirectory } from '../../src/identity/team-directory.js';
import { teamNameKey } from '../../src/identity/team-name-key.js';

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
});
