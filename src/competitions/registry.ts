/**
 * The competition registry: the shipped `config/competitions.yaml` plus whatever a user named in a YAML of their own
 * or an import created from a file. Answers "which competition is this label?" for parsers, the CLI and the server.
 */
import { fileURLToPath } from 'node:url';
import type { Competition, CompetitionKind } from './competition.js';
import { readShippedRegistry } from './parsed-registry.js';
import type { Country, SourceTemplates } from './registry-file.js';

/** The shipped registry file. */
export const BUILT_IN_REGISTRY = fileURLToPath(new URL('../../config/competitions.yaml', import.meta.url));

/** Lower-case, accents stripped, anything not a letter, digit or dot becomes one dash: `Premier League` → `premier-league`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export class CompetitionRegistry {
  private readonly byKey = new Map<string, Competition>();
  private readonly byCode = new Map<string, Competition>();
  private readonly countryByKey = new Map<string, Country>();

  constructor(
    readonly competitions: readonly Competition[],
    readonly countries: readonly Country[],
    readonly sources: SourceTemplates,
  ) {
    // Later entries win: a user's or a file's definition overrides the shipped one for the same key.
    for (const c of competitions) {
      this.byCode.set(c.code, c);
      const sourceLabels = [c.sources.footballData, c.sources.footballDataExtra?.file].filter(
        (l) => l !== null && l !== undefined,
      );
      for (const key of [c.code, c.name, ...c.aliases, ...sourceLabels]) this.byKey.set(slug(key), c);
    }
    for (const c of competitions) this.byKey.set(slug(c.code), this.byCode.get(c.code)!);
    for (const country of countries) {
      for (const key of [country.code, country.iso, ...country.names]) {
        if (!this.countryByKey.has(slug(key))) this.countryByKey.set(slug(key), country);
      }
    }
  }

  private static shipped: CompetitionRegistry | undefined;

  /** The registry shipped in config/competitions.yaml (read once). */
  static builtIn(): CompetitionRegistry {
    if (!CompetitionRegistry.shipped) {
      const file = readShippedRegistry(BUILT_IN_REGISTRY);
      CompetitionRegistry.shipped = new CompetitionRegistry(file.competitions, file.countries, file.sources);
    }
    return CompetitionRegistry.shipped;
  }

  /** This registry with more competitions; one with a code already known replaces it. */
  with(extra: readonly Competition[]): CompetitionRegistry {
    if (extra.length === 0) return this;
    const codes = new Set(extra.map((c) => c.code));
    return new CompetitionRegistry(
      [...this.competitions.filter((c) => !codes.has(c.code)), ...extra],
      this.countries,
      this.sources,
    );
  }

  /** A competition by code, name, alias or source label (`E0`), ignoring case, accents and punctuation. */
  find(text: string): Competition | undefined {
    return this.byKey.get(slug(text));
  }

  /** A competition by its exact code. */
  get(code: string): Competition | undefined {
    return this.byCode.get(code);
  }

  /** The competition of a football-data.co.uk division code (`E0`, `SC1`, `N1`). */
  byFootballDataDivision(division: string): Competition | undefined {
    return (
      this.competitions.findLast((c) => c.sources.footballData === division) ??
      this.competitions.findLast((c) => c.aliases.includes(division))
    );
  }

  /** The competition of a football-data.co.uk extra-leagues row (`Country` Norway, `League` Eliteserien). */
  byExtraLeague(countryName: string, league: string): Competition | undefined {
    const country = this.country(countryName)?.code ?? null;
    const inCountry = (c: Competition) => country === null || c.country === country;
    return (
      this.competitions.findLast(
        (c) =>
          inCountry(c) &&
          c.sources.footballDataExtra !== null &&
          slug(c.sources.footballDataExtra.league) === slug(league),
      ) ?? [this.find(`${countryName} ${league}`), this.find(league)].find((c) => c !== undefined && inCountry(c))
    );
  }

  /** A country by code (`NED`), ISO-style code (`nl`) or name (`Netherlands`, `Holland`, `Dutch`). */
  country(text: string): Country | undefined {
    return this.countryByKey.get(slug(text));
  }

  /**
   * The country a title starts with and the rest: `Netherlands Eredivisie` → NED + `Eredivisie`;
   * `Spain • España Copa del Rey` → ESP + `Copa del Rey`. Null when the title names no country first.
   */
  countryOfTitle(title: string): { country: Country; rest: string } | null {
    const words = title.split(/\s+/).filter((w) => w !== '' && w !== '•');
    for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
      const country = this.country(words.slice(0, n).join(' '));
      if (!country) continue;
      let rest = words.slice(n);
      // `Spain • España ...`, `Österreich • Austria ...`: a second name of the same country.
      while (rest.length > 1 && this.country(rest[0])?.code === country.code) rest = rest.slice(1);
      return { country, rest: rest.join(' ') };
    }
    return null;
  }

  /** Competitions of a country and kind (the leagues of Italy, say), tier order. */
  ofCountry(country: string, kind?: CompetitionKind): Competition[] {
    return this.competitions
      .filter((c) => c.country === country && (kind === undefined || c.kind === kind))
      .sort((a, b) => (a.tier ?? 99) - (b.tier ?? 99));
  }
}

/** What a competition's name says it is: a cup, a super cup, play-offs, or else a league. */
export function kindFromName(name: string): CompetitionKind {
  const text = slug(name);
  if (/super-?(cup|copa|coppa|coupe|pokal)|community-shield|charity-shield|trophee-des-champions/.test(text))
    return 'super-cup';
  if (/play-?offs?\b|playoffs/.test(text)) return 'play-off';
  if (/(^|-)(cup|pokal|copa|coppa|coupe|beker|taca|kupa|kupasi|cupen|pokalen|trophy|shield|troph)(-|$)/.test(text))
    return 'cup';
  return 'league';
}
