/**
 * The key two spellings of one club share: `Manchester City FC` and `Manchester City` → `manchester city`,
 * `Borussia Mönchengladbach` → `borussia monchengladbach`, `Nott'm Forest` → `nottm forest`.
 * Legal-form tokens (FC, AFC, AC, SS, …) are dropped because sources add and omit them freely;
 * anything subtler (Inter / Internazionale) is left to alias lists and overrides.
 */
const LEGAL_FORM_TOKENS = new Set([
  'fc', 'afc', 'cf', 'sc', 'ac', 'as', 'ss', 'ssc', 'ssd', 'us', 'ud', 'cd', 'sd', 'rc', 'rcd', 'ca', 'sv', 'fk', 'sk',
  'bk', 'if', 'ogc', 'aj', 'acf', 'bc', 'cfc', 'club', 'de', 'futbol', 'football', 'calcio',
]);

export function teamNameKey(name: string): string {
  const words = name
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
  const kept = words.filter((w) => !LEGAL_FORM_TOKENS.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** The name to show for a team first seen under `name`: the country suffix removed, spaces tidied. */
export function displayTeamName(name: string): string {
  return name
    .replace(/\s*\([A-Z]{2,4}\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
