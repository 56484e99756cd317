/**
 * openfootball/clubs name lists → ClubRecords and StadiumRecords (alias sources for identity/).
 *
 * Read: `<cc>.clubs.txt` (`Arsenal FC, 1886, @ Emirates Stadium, London (Highbury)` + `| Arsenal | FC Arsenal` lines)
 * and `<cc>.stadiums.txt` (`Wembley, 90_000, 2007, London` + `| Wembley Stadium`); `$Emirates$ Stadium` sponsor marks
 * are dropped, keeping the sponsored name as an alias.
 * Not read: `*.clubs.props.txt` (web sites, colours), `*.clubs.history.txt` (rename log — the old names are already
 * aliases in `clubs.txt`), `*.clubs.lang.*.txt` (non-Latin spellings), `clubs.wiki*.txt` (Wikipedia page names) and
 * the plain `0-world/<cc>.txt` lists: none of them adds a usable alias for matching match-file names.
 */
import { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';
import type { ClubRecord, StadiumRecord } from './records.js';

export const OPENFOOTBALL_CLUBS_FORMAT = 'openfootball-clubs';
export const OPENFOOTBALL_STADIUMS_FORMAT = 'openfootball-stadiums';

const CLUBS_FILE_RE = /(?:^|[/\\])([a-z]+)\.clubs\.txt$/;
const STADIUMS_FILE_RE = /(?:^|[/\\])([a-z]+)\.stadiums\.txt$/;

export function looksLikeClubsFile(fileName: string): boolean {
  return CLUBS_FILE_RE.test(fileName);
}

export function looksLikeStadiumsFile(fileName: string): boolean {
  return STADIUMS_FILE_RE.test(fileName);
}

/** One club per unindented line; `| a | b` lines add aliases; `ii) Bayern München II` lines are reserve teams. */
export function parseClubsFile(text: string, file: string): ClubRecord[] {
  const country = countryOfFile(file, CLUBS_FILE_RE, 'clubs');
  const clubs: ClubRecord[] = [];
  forEachEntry(text, file, {
    entry(fields, line) {
      const club: ClubRecord = {
        source: { format: OPENFOOTBALL_CLUBS_FORMAT, file, line },
        name: withoutSponsorMarks(fields[0].replace(/^ii\)\s*/, '')),
        country,
        aliases: [],
        founded: null,
        stadium: null,
        city: null,
      };
      for (const field of fields.slice(1)) {
        // `1941  Montes de Oca`: a missing comma between the founding year and the city.
        const yearAndCity = /^(\d{4})(?:\s+(\S.*))?$/.exec(field);
        if (yearAndCity) {
          club.founded = Number(yearAndCity[1]);
          if (yearAndCity[2]) club.city ??= cityName(yearAndCity[2]);
        } else if (field.startsWith('@')) club.stadium = field.slice(1).trim();
        else club.city ??= cityName(field);
      }
      clubs.push(club);
    },
    aliases(names) {
      addAliases(clubs[clubs.length - 1], names.map(withoutSponsorMarks));
    },
  });
  return clubs;
}

/** `Wembley, 90_000, 2007, London`: name, capacity, year opened, city (numbers may be missing or swapped). */
export function parseStadiumsFile(text: string, file: string): StadiumRecord[] {
  const country = countryOfFile(file, STADIUMS_FILE_RE, 'stadiums');
  const stadiums: StadiumRecord[] = [];
  forEachEntry(text, file, {
    entry(fields, line) {
      // `Estadio Vicente Calderón (-2017)   55_005, 1966, Madrid`: a missing comma before the capacity.
      const glued = /^(.*\S)\s{2,}(\d{1,3}(?:_\d{3})+)$/.exec(fields[0]);
      const [first, ...rest] = glued ? [glued[1], glued[2], ...fields.slice(1)] : fields;
      const stadium: StadiumRecord = {
        source: { format: OPENFOOTBALL_STADIUMS_FORMAT, file, line },
        name: withoutSponsorMarks(first),
        aliases: [],
        capacity: null,
        opened: null,
        city: null,
        country,
      };
      for (const field of rest) {
        const year = /^\d{4}$/.test(field) ? Number(field) : null;
        if (year !== null && year >= 1850 && year <= 2100) stadium.opened = year;
        else if (/^\d+(?:_\d{3})*$/.test(field)) stadium.capacity = Number(field.replace(/_/g, ''));
        else stadium.city ??= cityName(field);
      }
      stadiums.push(stadium);
    },
    aliases(names) {
      addAliases(stadiums[stadiums.length - 1], names.map(withoutSponsorMarks));
    },
  });
  return stadiums;
}

interface EntryHandlers {
  entry(fields: string[], line: number): void;
  aliases(names: string[]): void;
}

/**
 * The line grammar both files share: `#` comments, `=` title and `== Region ==` lines, `|` alias lines belonging to
 * the entry above (or after the entry on its own line), indented `street // postcode town` address lines (skipped), and entry lines of comma-separated fields.
 */
function forEachEntry(text: string, file: string, handlers: EntryHandlers): void {
  let haveEntry = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i].replace(/#.*$/, '').trim();
    if (content === '' || content.startsWith('=')) continue;
    if (content.startsWith('|')) {
      if (!haveEntry)
        throw new MatchdayError('ALIAS_WITHOUT_ENTRY', 'alias line before any entry', { file, line: i + 1 });
      handlers.aliases(
        content
          .split('|')
          .map(withoutLanguageTag)
          .filter((a) => a !== ''),
      );
      continue;
    }
    if (/^\s/.test(lines[i]) && content.includes('//')) continue;
    // `FC Gambarogno-Contone | FC Gambarogno`: aliases may follow the entry on its own line.
    const [entry, ...aliases] = content.split('|');
    const fields = entry
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    handlers.entry(fields, i + 1);
    haveEntry = true;
    if (aliases.length > 0) handlers.aliases(aliases.map(withoutLanguageTag).filter((a) => a !== ''));
  }
}

function addAliases(entry: { name: string; aliases: string[] }, names: string[]): void {
  for (const alias of names) {
    if (alias !== entry.name && !entry.aliases.includes(alias)) entry.aliases.push(alias);
  }
}

/** `AS Rom [de]` → `AS Rom`. */
function withoutLanguageTag(alias: string): string {
  return alias.replace(/\[[a-z]{2}\]/g, '').trim();
}

/** Sponsor marks: `$Emirates$ Stadium` → `Emirates Stadium`, `$Bay$Arena` → `BayArena`, `FC $$Flyeralarm$$ Admira`. */
function withoutSponsorMarks(name: string): string {
  return name.replace(/\$/g, '').replace(/\s+/g, ' ').trim();
}

/** `London (Highbury)` → `London`; `Puebla › Puebla` (city › region) → `Puebla`. */
function cityName(field: string): string {
  return field
    .replace(/›.*$/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
}

function countryOfFile(file: string, pattern: RegExp, kind: string): string {
  const prefix = pattern.exec(file)?.[1];
  if (!prefix) throw new MatchdayError('NOT_OPENFOOTBALL_FILE', `not a <cc>.${kind}.txt file name`, { file });
  // The prefix is the country's ISO-style code in the registry (`nl` → NED, `eng` → ENG).
  const code = CompetitionRegistry.builtIn().country(prefix)?.code;
  if (!code) throw new MatchdayError('UNKNOWN_COUNTRY', `unknown openfootball country prefix "${prefix}"`, { file });
  return code;
}
