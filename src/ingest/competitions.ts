import type { CompetitionRef } from './records.js';

/**
 * The competitions matchday knows by code. Every source maps its own label onto one of these,
 * so a Premier League match from football-data, footballcsv and engsoccerdata lands in one competition.
 * Codes follow openfootball (`eng.1`); `aliases` are what users and other sources type.
 */
export interface KnownCompetition extends CompetitionRef {
  aliases: string[];
}

export const KNOWN_COMPETITIONS: readonly KnownCompetition[] = [
  {
    code: 'eng.1',
    name: 'Premier League',
    kind: 'league',
    country: 'ENG',
    tier: 1,
    aliases: ['premier-league', 'E0', 'epl', 'first-division'],
  },
  { code: 'eng.2', name: 'Championship', kind: 'league', country: 'ENG', tier: 2, aliases: ['championship', 'E1'] },
  { code: 'eng.3', name: 'League One', kind: 'league', country: 'ENG', tier: 3, aliases: ['league-one', 'E2'] },
  { code: 'eng.4', name: 'League Two', kind: 'league', country: 'ENG', tier: 4, aliases: ['league-two', 'E3'] },
  { code: 'eng.facup', name: 'FA Cup', kind: 'cup', country: 'ENG', tier: null, aliases: ['fa-cup'] },
  {
    code: 'eng.leaguecup',
    name: 'League Cup',
    kind: 'cup',
    country: 'ENG',
    tier: null,
    aliases: ['league-cup', 'efl-cup'],
  },
  {
    code: 'eng.playoffs',
    name: 'English Football League play-offs',
    kind: 'cup',
    country: 'ENG',
    tier: null,
    aliases: ['playoffs'],
  },
  {
    code: 'es.1',
    name: 'La Liga',
    kind: 'league',
    country: 'ESP',
    tier: 1,
    aliases: ['la-liga', 'SP1', 'primera-division'],
  },
  { code: 'es.2', name: 'Segunda División', kind: 'league', country: 'ESP', tier: 2, aliases: ['segunda', 'SP2'] },
  { code: 'it.1', name: 'Serie A', kind: 'league', country: 'ITA', tier: 1, aliases: ['serie-a', 'I1'] },
  { code: 'it.2', name: 'Serie B', kind: 'league', country: 'ITA', tier: 2, aliases: ['serie-b', 'I2'] },
  { code: 'de.1', name: 'Bundesliga', kind: 'league', country: 'GER', tier: 1, aliases: ['bundesliga', 'D1'] },
  { code: 'de.2', name: '2. Bundesliga', kind: 'league', country: 'GER', tier: 2, aliases: ['2-bundesliga', 'D2'] },
  { code: 'fr.1', name: 'Ligue 1', kind: 'league', country: 'FRA', tier: 1, aliases: ['ligue-1', 'F1'] },
  { code: 'fr.2', name: 'Ligue 2', kind: 'league', country: 'FRA', tier: 2, aliases: ['ligue-2', 'F2'] },
  { code: 'fr.cup', name: 'Coupe de France', kind: 'cup', country: 'FRA', tier: null, aliases: ['coupe-de-france'] },
  {
    code: 'uefa.cl',
    name: 'UEFA Champions League',
    kind: 'continental',
    country: null,
    tier: null,
    aliases: ['champions-league', 'european-cup', 'cl', 'ucl'],
  },
  {
    code: 'uefa.el',
    name: 'UEFA Europa League',
    kind: 'continental',
    country: null,
    tier: null,
    aliases: ['europa-league', 'uefa-cup', 'el', 'uel'],
  },
  {
    code: 'uefa.conf',
    name: 'UEFA Conference League',
    kind: 'continental',
    country: null,
    tier: null,
    aliases: ['conference-league', 'conf', 'uecl'],
  },
];

/** Lower-case, accents stripped, anything not a letter or digit becomes one dash. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Finds a known competition by code, name or alias (case- and punctuation-insensitive). */
export function findCompetition(text: string): KnownCompetition | undefined {
  const wanted = slug(text);
  return KNOWN_COMPETITIONS.find(
    (c) => slug(c.code) === wanted || slug(c.name) === wanted || c.aliases.some((a) => slug(a) === wanted),
  );
}

/** The competition for a code that must exist (a parser's own table); throws on a typo in code. */
export function competition(code: string): CompetitionRef {
  const found = KNOWN_COMPETITIONS.find((c) => c.code === code);
  if (!found) throw new Error(`unknown competition code ${code}`);
  const { aliases: _aliases, ...ref } = found;
  return ref;
}

/** `2023` → `2023-24`; `1999` → `1999-00`. */
export function seasonFromStartYear(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The European season (July–June) a date falls in: `2024-04-18` → `2023-24`. */
export function seasonOfDate(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return seasonFromStartYear(month >= 7 ? year : year - 1);
}
