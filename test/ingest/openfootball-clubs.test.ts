import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import {
  looksLikeClubsFile,
  looksLikeStadiumsFile,
  parseClubsFile,
  parseStadiumsFile,
} from '../../src/ingest/openfootball-clubs.js';
import { hasSharedData, sharedPath } from '../shared-data.js';

function txt(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

describe('parseClubsFile', () => {
  const text = txt(
    '====================================',
    '=  England',
    '',
    '#  note: see wal.txt for teams from wales',
    '',
    'Arsenal FC, 1886, @ Emirates Stadium, London (Highbury)   ## Greater London',
    '  | Arsenal | FC Arsenal',
    '  | The Arsenal FC       # old name before season 1927/8',
    '== Lombardia ==       ## Lombardy [en]',
    'Atalanta Bergamo,            Bergamo',
    '  | At. Bergamo | Atalanta | Atalanta BC',
    '  | Atalanta Bergamo | Atalanta [de]',
    'Club Puebla,  1944,    @ Estadio Cuauhtémoc,      Puebla › Puebla',
    '  Säbener Straße 51-57 // 81547 München',
    'Universidad de Costa Rica, 1941  Montes de Oca',
    'ii) Bayern München II',
    '  | Bayern II',
    'Wimbledon FC',
    'FC Gambarogno-Contone | FC Gambarogno',
  );
  const clubs = parseClubsFile(text, 'europe/england/eng.clubs.txt');

  it('reads name, founding year, stadium, city and aliases with their line', () => {
    expect(clubs[0]).toEqual({
      source: { format: 'openfootball-clubs', file: 'europe/england/eng.clubs.txt', line: 6 },
      name: 'Arsenal FC',
      country: 'ENG',
      aliases: ['Arsenal', 'FC Arsenal', 'The Arsenal FC'],
      founded: 1886,
      stadium: 'Emirates Stadium',
      city: 'London',
    });
  });

  it('drops language tags and repeated names from aliases, and skips region headers and address lines', () => {
    expect(clubs.map((c) => c.name)).toEqual([
      'Arsenal FC',
      'Atalanta Bergamo',
      'Club Puebla',
      'Universidad de Costa Rica',
      'Bayern München II',
      'Wimbledon FC',
      'FC Gambarogno-Contone',
    ]);
    expect(clubs[1].aliases).toEqual(['At. Bergamo', 'Atalanta', 'Atalanta BC']);
    expect([clubs[1].founded, clubs[1].stadium, clubs[1].city]).toEqual([null, null, 'Bergamo']);
  });

  it('reads a city before the region mark, a year glued to the city, reserve teams, bare names and inline aliases', () => {
    expect([clubs[2].founded, clubs[2].stadium, clubs[2].city]).toEqual([1944, 'Estadio Cuauhtémoc', 'Puebla']);
    expect([clubs[3].founded, clubs[3].city]).toEqual([1941, 'Montes de Oca']);
    expect(clubs[4].aliases).toEqual(['Bayern II']);
    expect(clubs[5]).toMatchObject({ name: 'Wimbledon FC', aliases: [], founded: null, stadium: null, city: null });
    expect(clubs[6].aliases).toEqual(['FC Gambarogno']);
  });

  it('takes the country from the file prefix', () => {
    expect(parseClubsFile('Juventus, Torino\n', 'x/it.clubs.txt')[0].country).toBe('ITA');
    expect(parseClubsFile('Real Madrid, Madrid\n', 'es.clubs.txt')[0].country).toBe('ESP');
    expect(parseClubsFile('FC Bayern München, München\n', 'de.clubs.txt')[0].country).toBe('GER');
    expect(parseClubsFile('Paris Saint-Germain, Paris\n', 'fr.clubs.txt')[0].country).toBe('FRA');
    expect(parseClubsFile('AS Monaco FC, Monaco\n', 'mc.clubs.txt')[0].country).toBe('MCO');
  });

  it('throws a MatchdayError for an unknown prefix or an alias line before any club', () => {
    expect(() => parseClubsFile('X FC\n', 'xx.clubs.txt')).toThrow(MatchdayError);
    expect(() => parseClubsFile('X FC\n', 'xx.clubs.txt')).toThrow(
      'xx.clubs.txt: unknown openfootball country prefix "xx"',
    );
    expect(() => parseClubsFile('\n  | Arsenal\n', 'eng.clubs.txt')).toThrow(
      'eng.clubs.txt:2: alias line before any entry',
    );
  });
});

describe('parseStadiumsFile', () => {
  const text = txt(
    '=  England',
    '#  note: use $$ for sponsored/commercial name e.g. $Emirates$ Stadium, etc.',
    'Wembley, 90_000, 2007, London',
    '  | Wembley Stadium',
    '  Wembley // London HA9 0WS   ## note - address',
    'Ashburton Grove, 60_361, 2006,  London     # FC Arsenal',
    '  | $Emirates$ Stadium',
    'Stade Geoffroy-Guichard, 1931, 41_000, Saint-Étienne',
    'Estadio Vicente Calderón (-2017)   55_005, 1966,  Madrid',
    '$UPC$-Arena, 15_323, 1997, Graz',
    'Hampden Park,   Glasgow',
  );
  const stadiums = parseStadiumsFile(text, 'europe/england/eng.stadiums.txt');

  it('reads name, capacity, year opened, city and aliases', () => {
    expect(stadiums[0]).toEqual({
      source: { format: 'openfootball-stadiums', file: 'europe/england/eng.stadiums.txt', line: 3 },
      name: 'Wembley',
      aliases: ['Wembley Stadium'],
      capacity: 90000,
      opened: 2007,
      city: 'London',
      country: 'ENG',
    });
  });

  it('turns $sponsor$ marks into plain names and reads swapped or glued numbers', () => {
    expect(stadiums.map((s) => [s.name, s.aliases, s.capacity, s.opened, s.city])).toEqual([
      ['Wembley', ['Wembley Stadium'], 90000, 2007, 'London'],
      ['Ashburton Grove', ['Emirates Stadium'], 60361, 2006, 'London'],
      ['Stade Geoffroy-Guichard', [], 41000, 1931, 'Saint-Étienne'],
      ['Estadio Vicente Calderón (-2017)', [], 55005, 1966, 'Madrid'],
      ['UPC-Arena', [], 15323, 1997, 'Graz'],
      ['Hampden Park', [], null, null, 'Glasgow'],
    ]);
  });
});

describe('looksLikeClubsFile / looksLikeStadiumsFile', () => {
  it('accepts <cc>.clubs.txt and <cc>.stadiums.txt only', () => {
    expect(looksLikeClubsFile('europe/italy/it.clubs.txt')).toBe(true);
    expect(looksLikeClubsFile('europe/italy/it.clubs.props.txt')).toBe(false);
    expect(looksLikeClubsFile('europe/england/eng.clubs.history.txt')).toBe(false);
    expect(looksLikeClubsFile('asia/japan/jp.clubs.lang.jp.txt')).toBe(false);
    expect(looksLikeClubsFile('europe/clubs.wiki.txt')).toBe(false);
    expect(looksLikeClubsFile('europe/italy/it.stadiums.txt')).toBe(false);
    expect(looksLikeStadiumsFile('europe/italy/it.stadiums.txt')).toBe(true);
    expect(looksLikeStadiumsFile('europe/italy/it.clubs.txt')).toBe(false);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe.skipIf(!hasSharedData)('openfootball/clubs shared data', () => {
  const root = sharedPath('openfootball', 'clubs');
  const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

  it('it.clubs.txt maps Atalanta and Atalanta BC to Atalanta Bergamo', () => {
    const clubs = parseClubsFile(read('europe/italy/it.clubs.txt'), 'europe/italy/it.clubs.txt');
    const atalanta = clubs.filter((c) => c.name === 'Atalanta Bergamo' || c.aliases.includes('Atalanta'));
    expect(atalanta).toHaveLength(1);
    expect(atalanta[0]).toMatchObject({ name: 'Atalanta Bergamo', country: 'ITA', city: 'Bergamo' });
    expect(atalanta[0].aliases).toEqual(expect.arrayContaining(['Atalanta', 'Atalanta BC']));
    expect(clubs.filter((c) => c.aliases.includes('Atalanta BC'))).toHaveLength(1);
  });

  it('eng.stadiums.txt gives Wembley a capacity of 90000', () => {
    const stadiums = parseStadiumsFile(read('europe/england/eng.stadiums.txt'), 'europe/england/eng.stadiums.txt');
    expect(stadiums.find((s) => s.name === 'Wembley')).toMatchObject({ capacity: 90000, opened: 2007, city: 'London' });
    expect(stadiums.find((s) => s.aliases.includes('Emirates Stadium'))?.name).toBe('Ashburton Grove');
  });

  it('reads every clubs and stadiums file, with no field text left in names', () => {
    const files = walk(root).map((f) => path.relative(root, f));
    const clubFiles = files.filter(looksLikeClubsFile);
    const stadiumFiles = files.filter(looksLikeStadiumsFile);
    expect([clubFiles.length, stadiumFiles.length]).toEqual([101, 36]);
    const clubs = clubFiles.flatMap((f) => parseClubsFile(read(f), f));
    const stadiums = stadiumFiles.flatMap((f) => parseStadiumsFile(read(f), f));
    expect(clubs.length).toBeGreaterThan(3000);
    expect(stadiums.length).toBeGreaterThan(200);
    for (const entry of [...clubs, ...stadiums]) {
      const where = `${entry.source.file}:${entry.source.line}`;
      expect(entry.name, where).not.toMatch(/[|@$#,]|\/\/|^\s|\s$/);
      for (const alias of entry.aliases) expect(alias, where).not.toMatch(/[|$#]|\[[a-z]{2}\]|^\s|\s$/);
    }
    for (const s of stadiums) if (s.capacity !== null) expect(s.capacity, s.name).toBeGreaterThan(500);
  });

  it('knows the country code of every team in the champions-league match files', () => {
    const matchFiles = walk(sharedPath('openfootball', 'champions-league')).filter((f) => f.endsWith('.txt'));
    const used = new Set(
      matchFiles.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\(([A-Z]{3})\)/g)].map((m) => m[1])),
    );
    expect(used.size).toBeGreaterThan(50);
    const known = new Set(CompetitionRegistry.builtIn().countries.map((c) => c.code));
    expect([...used].filter((code) => !known.has(code))).toEqual([]);
  });
});
