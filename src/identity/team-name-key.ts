/**
 * Keys two spellings of one club share. The strict key keeps every word (`Paris FC` → `paris fc`) and is tried
 * first; the loose key also drops legal-form words that sources add and omit freely (`Manchester City FC` →
 * `manchester city`). Trying strict first keeps `Paris FC` apart from a `Paris` alias of Paris Saint-Germain.
 * Anything subtler (Inter / Internazionale) is left to alias lists and overrides.
 */
const LEGAL_FORM_TOKENS = new Set([
  'fc',
  'afc',
  'cf',
  'sc',
  'ac',
  'as',
  'ss',
  'ssc',
  'ssd',
  'us',
  'ud',
  'cd',
  'sd',
  'rc',
  'rcd',
  'ca',
  'sv',
  'fk',
  'sk',
  'bk',
  'if',
  'ogc',
  'aj',
  'acf',
  'bc',
  'cfc',
  'club',
  'de',
  'futbol',
  'football',
  'calcio',
]);

function words(name: string): string[] {
  return name
    .replace(/\s*\([A-Z]{2,4}\)\s*$/, '') // openfootball's country suffix `(ENG)`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Every word kept, prefixed `=` so strict and loose keys can share one table. */
export function strictTeamKey(name: string): string {
  return `=${words(name).join(' ')}`;
}

export function teamNameKey(name: string): string {
  const all = words(name);
  const kept = all.filter((w) => !LEGAL_FORM_TOKENS.has(w));
  return (kept.length > 0 ? kept : all).join(' ');
}

/** Both keys of a name, strict first. */
export function teamKeys(name: string): [string, string] {
  return [strictTeamKey(name), teamNameKey(name)];
}

/**
 * A key (strict or loose) with the ASCII transliterations of umlauts and Nordic letters folded onto the plain letter,
 * as the keys already write the letters themselves: `muenchen`/`munchen` (München), `malmoe`/`malmo` (Malmö),
 * `tromsoe`/`tromso` (Tromsø), `naestved`/`nastved` (Næstved), `aalesund`/`alesund` (Ålesund). It also folds words
 * that were never transliterated (`queens` → `quens`), so the directory tries it only after the keys themselves.
 */
export function transliterationKey(key: string): string {
  return key.replace(/([aou])e/g, '$1').replace(/aa/g, 'a');
}

/**
 * Clubs from these football countries play in another country's league (Monaco in Ligue 1, Cardiff and Swansea in
 * England); sources disagree on which code to give them, so identity compares them as the league's country.
 */
const LEAGUE_COUNTRY: Record<string, string> = { MCO: 'FRA', MON: 'FRA', WAL: 'ENG', LIE: 'SUI', SMR: 'ITA' };

export function identityCountry(country: string | null): string | null {
  return country === null ? null : (LEAGUE_COUNTRY[country] ?? country);
}

/** The name to show for a team first seen under `name`: the country suffix removed, spaces tidied. */
export function displayTeamName(name: string): string {
  return name
    .replace(/\s*\([A-Z]{2,4}\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
