/**
 * matchday's own one-row-per-match CSV for users' data (results and fixtures). The columns and rules are
 * documented in docs/generic-csv.md; this module is the reference implementation of that page.
 *
 * Header names are matched case-insensitively; an unknown column is a whole-file error, so a misspelt optional
 * column (`referre`) is caught rather than ignored. Every unreadable cell of a row is reported (one RowError per
 * field) and the row is left out.
 */
import { MatchdayError } from '../errors.js';
import {
  COMPETITION_KINDS,
  createdCompetition,
  seasonOfDate,
  type Competition,
  type CompetitionKind,
} from '../competitions/competition.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { parseSeason } from '../competitions/seasons.js';
import { calendarDate } from './calendar-date.js';
import { readCsvTable, type CsvRow } from './csv.js';
import type { MatchRecord, MatchStatus, ParsedFile, RowError, Score } from './records.js';

export const GENERIC_CSV_FORMAT = 'generic-csv';

export const GENERIC_CSV_REQUIRED_COLUMNS = [
  'date',
  'home',
  'away',
  'home_goals',
  'away_goals',
  'competition',
] as const;

export const GENERIC_CSV_OPTIONAL_COLUMNS = [
  'competition_name',
  'competition_kind',
  'competition_tier',
  'country',
  'time',
  'season',
  'round',
  'group',
  'leg',
  'neutral',
  'home_country',
  'away_country',
  'ht_home',
  'ht_away',
  'et_home',
  'et_away',
  'pen_home',
  'pen_away',
  'status',
  'venue',
  'attendance',
  'referee',
] as const;

type Column = (typeof GENERIC_CSV_REQUIRED_COLUMNS)[number] | (typeof GENERIC_CSV_OPTIONAL_COLUMNS)[number];

const ALL_COLUMNS: ReadonlySet<string> = new Set<string>([
  ...GENERIC_CSV_REQUIRED_COLUMNS,
  ...GENERIC_CSV_OPTIONAL_COLUMNS,
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const COUNT = /^\d+$/;
const SPLIT_SEASON = /^(\d{4})-(\d{2})$/;
const YEAR_SEASON = /^\d{4}$/;
const COUNTRY = /^[A-Za-z]{3}$/;
const COMPETITION_CODE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

const STATUSES: ReadonlySet<string> = new Set<MatchStatus>([
  'played',
  'scheduled',
  'postponed',
  'cancelled',
  'awarded',
  'abandoned',
]);
/** Statuses that need a full-time score, and those that must not have one (abandoned may go either way). */
const NEEDS_SCORE: ReadonlySet<MatchStatus> = new Set<MatchStatus>(['played', 'awarded']);
const NO_SCORE: ReadonlySet<MatchStatus> = new Set<MatchStatus>(['scheduled', 'postponed', 'cancelled']);

const KINDS: ReadonlySet<string> = new Set<string>(COMPETITION_KINDS);
const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0', '']);

function headerNames(header: readonly string[]): string[] {
  return header.map((name) => name.trim().toLowerCase());
}

/** True when the header has every required column of the generic CSV. */
export function looksLikeGenericCsv(text: string, _fileName: string): boolean {
  const end = text.search(/[\r\n]/);
  const header = headerNames(readCsvTable(end < 0 ? text : text.slice(0, end)).header);
  return GENERIC_CSV_REQUIRED_COLUMNS.every((name) => header.includes(name));
}

/** One row's cells by column name; each unreadable cell adds a RowError naming its column. */
class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    private readonly file: string,
    private readonly row: CsvRow,
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  fail(field: Column, message: string): void {
    this.errors.push({ file: this.file, line: this.row.line, field, message });
  }

  /** Trimmed cell text, null when blank or the column is absent. */
  text(field: Column): string | null {
    const i = this.index.get(field);
    const text = i === undefined ? '' : (this.row.cells[i] ?? '').trim();
    return text === '' ? null : text;
  }

  count(field: Column): number | null {
    const text = this.text(field);
    if (text === null) return null;
    if (!COUNT.test(text)) {
      this.fail(field, `'${text}' is not a non-negative whole number`);
      return null;
    }
    return Number(text);
  }

  /** Two goal columns: both blank → null; one blank → error. */
  score(homeField: Column, awayField: Column): Score | null {
    const home = this.count(homeField);
    const away = this.count(awayField);
    const homeBlank = this.text(homeField) === null;
    const awayBlank = this.text(awayField) === null;
    if (homeBlank !== awayBlank) {
      this.fail(homeBlank ? homeField : awayField, `${homeBlank ? awayField : homeField} is given but this is blank`);
      return null;
    }
    return home === null || away === null ? null : [home, away];
  }

  country(field: Column): string | null | undefined {
    const text = this.text(field);
    if (text === null) return undefined;
    if (!COUNTRY.test(text)) {
      this.fail(field, `'${text}' is not a three-letter country code (ENG, ITA, ...)`);
      return null;
    }
    return text.toUpperCase();
  }
}

/** A competition first defined in this file (not a known one) and the line that defined it. */
interface DefinedCompetition {
  ref: Competition;
  line: number;
}

export function parseGenericCsv(
  text: string,
  file: string,
  registry: CompetitionRegistry = CompetitionRegistry.builtIn(),
): ParsedFile {
  if (text.trim() === '') throw new MatchdayError('EMPTY', 'file is empty', { file });
  const table = readCsvTable(text);
  const names = headerNames(table.header);
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return; // spreadsheets write trailing columns with no name
    if (!ALL_COLUMNS.has(name)) {
      throw new MatchdayError('FORMAT', `unknown column '${table.header[i]}' (see docs/generic-csv.md)`, {
        file,
        line: 1,
        field: table.header[i],
      });
    }
    if (index.has(name)) {
      throw new MatchdayError('FORMAT', `column '${name}' appears twice`, { file, line: 1, field: name });
    }
    index.set(name, i);
  });
  const missing = GENERIC_CSV_REQUIRED_COLUMNS.filter((name) => !index.has(name));
  if (missing.length > 0) {
    throw new MatchdayError('FORMAT', `generic CSV lacks column(s) ${missing.join(', ')}`, { file, line: 1 });
  }

  const errors: RowError[] = [];
  const records: MatchRecord[] = [];
  const defined = new Map<string, DefinedCompetition>();
  let dataRows = 0;
  for (const row of table.rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    dataRows++;
    const widthError = table.widthError(row);
    if (widthError) {
      errors.push({ file, line: row.line, field: null, message: widthError });
      continue;
    }
    const reader = new RowReader(file, row, index);
    const record = readMatch(reader, file, row.line, defined, registry);
    errors.push(...reader.errors);
    if (record && reader.errors.length === 0) records.push(record);
  }
  if (dataRows === 0) throw new MatchdayError('EMPTY', 'file has a header but no matches', { file });
  return { format: GENERIC_CSV_FORMAT, file, records, errors };
}

function readMatch(
  reader: RowReader,
  file: string,
  line: number,
  defined: Map<string, DefinedCompetition>,
  registry: CompetitionRegistry,
): MatchRecord | null {
  const comp = readCompetition(reader, line, defined, registry);
  const date = readDate(reader);
  const home = reader.text('home');
  if (home === null) reader.fail('home', 'no home team');
  const away = reader.text('away');
  if (away === null) reader.fail('away', 'no away team');
  if (home !== null && home === away) reader.fail('away', 'home and away are the same team');

  const ftScore = reader.score('home_goals', 'away_goals');
  const status = readStatus(reader, ftScore);
  const htScore = reader.score('ht_home', 'ht_away');
  const etScore = reader.score('et_home', 'et_away');
  const penScore = reader.score('pen_home', 'pen_away');
  checkScores(reader, ftScore, htScore, etScore, penScore);

  const homeCountry = reader.country('home_country');
  const awayCountry = reader.country('away_country');
  const time = reader.text('time');
  if (time !== null && !TIME.test(time)) reader.fail('time', `'${time}' is not a time (HH:MM, 24-hour)`);
  const leg = readLeg(reader);
  const neutral = readBoolean(reader, 'neutral');
  const attendance = reader.count('attendance');
  const season = readSeason(reader, date, comp);

  if (!comp || !date || home === null || away === null || !status || leg === undefined || neutral === null || !season) {
    return null;
  }
  return {
    source: { format: GENERIC_CSV_FORMAT, file, line },
    competition: comp,
    season,
    date,
    time,
    home: { name: home, country: homeCountry ?? comp.country },
    away: { name: away, country: awayCountry ?? comp.country },
    neutral,
    venue: reader.text('venue'),
    round: reader.text('round'),
    group: reader.text('group'),
    leg,
    status,
    htScore,
    ftScore,
    etScore,
    penScore,
    attendance,
    referee: reader.text('referee'),
    goals: [],
    stats: null,
    odds: [],
  };
}

/**
 * A known competition by code, name or alias; otherwise a new one defined by this row's competition_name,
 * competition_kind, country (and competition_tier). Every row of a new code must define it the same way.
 */
function readCompetition(
  reader: RowReader,
  line: number,
  defined: Map<string, DefinedCompetition>,
  registry: CompetitionRegistry,
): Competition | null {
  const text = reader.text('competition');
  if (text === null) {
    reader.fail('competition', 'no competition');
    return null;
  }
  const known = registry.find(text);
  if (known) return known;
  const ref = readNewCompetition(reader, text);
  if (!ref) return null;
  const earlier = defined.get(ref.code);
  if (!earlier) {
    defined.set(ref.code, { ref, line });
    return ref;
  }
  const a = earlier.ref;
  if (a.name !== ref.name || a.kind !== ref.kind || a.country !== ref.country || a.tier !== ref.tier) {
    reader.fail('competition', `competition '${ref.code}' is defined differently on line ${earlier.line}`);
    return null;
  }
  return earlier.ref;
}

function readNewCompetition(reader: RowReader, code: string): Competition | null {
  let ok = true;
  const fail = (field: Column, message: string): void => {
    reader.fail(field, message);
    ok = false;
  };
  if (!COMPETITION_CODE.test(code)) {
    fail('competition', `'${code}' is neither a known competition nor a valid new code (lower-case, e.g. ned.1)`);
  }
  const name = reader.text('competition_name');
  if (name === null) fail('competition_name', `'${code}' is not a known competition: give its competition_name`);
  const kind = reader.text('competition_kind');
  if (kind === null) fail('competition_kind', `'${code}' is not a known competition: give its competition_kind`);
  else if (!KINDS.has(kind))
    fail('competition_kind', `'${kind}' is not a competition kind (${COMPETITION_KINDS.join(', ')})`);
  const country = reader.country('country');
  if (country === undefined && kind !== 'continental')
    fail('country', `a ${kind ?? 'new'} competition needs a country`);
  if (country === null) ok = false;
  const tier = reader.count('competition_tier');
  if (tier === null && reader.text('competition_tier') !== null) ok = false;
  if (tier !== null && tier < 1) fail('competition_tier', 'tier must be 1 or more');
  if (!ok) return null;
  const season = parseSeason(reader.text('season') ?? '');
  return createdCompetition({
    code,
    name: name as string,
    kind: kind as CompetitionKind,
    country: country ?? null,
    tier,
    aliases: [],
    calendar: season?.calendar,
  });
}

function readDate(reader: RowReader): string | null {
  const text = reader.text('date');
  if (text === null) {
    reader.fail('date', 'no date');
    return null;
  }
  const match = ISO_DATE.exec(text);
  if (match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return text;
  reader.fail('date', `'${text}' is not a date (YYYY-MM-DD)`);
  return null;
}

/** The given season, checked, or the season the date falls in by the competition's calendar. */
function readSeason(reader: RowReader, date: string | null, comp: Competition | null): string | null {
  const text = reader.text('season');
  if (text === null) return date && comp && seasonOfDate(comp, date);
  const split = SPLIT_SEASON.exec(text);
  if (YEAR_SEASON.test(text) || (split && (Number(split[1]) + 1) % 100 === Number(split[2]))) return text;
  reader.fail('season', `'${text}' is not a season (2023-24, or 2024 for a calendar-year season)`);
  return null;
}

/** The status given, or played / scheduled by whether there is a score; checked against the score. */
function readStatus(reader: RowReader, ftScore: Score | null): MatchStatus | null {
  const text = reader.text('status')?.toLowerCase() ?? null;
  if (text !== null && !STATUSES.has(text)) {
    reader.fail('status', `'${text}' is not a status (${[...STATUSES].join(', ')})`);
    return null;
  }
  const status = (text ?? (ftScore ? 'played' : 'scheduled')) as MatchStatus;
  const noGoals = reader.text('home_goals') === null && reader.text('away_goals') === null;
  if (NEEDS_SCORE.has(status) && noGoals)
    reader.fail('home_goals', `a ${status} match needs home_goals and away_goals`);
  if (NO_SCORE.has(status) && ftScore)
    reader.fail('home_goals', `a ${status} match has no score: leave the goals blank`);
  return status;
}

/**
 * Half-time ≤ full-time ≤ after extra time (cumulative, side by side); extra time and penalties only after a
 * full-time score.
 */
function checkScores(reader: RowReader, ft: Score | null, ht: Score | null, et: Score | null, pen: Score | null): void {
  if (ht && ft && (ht[0] > ft[0] || ht[1] > ft[1])) {
    reader.fail('ht_home', `half-time score ${ht.join('-')} is above the full-time score ${ft.join('-')}`);
  }
  if (et && !ft) reader.fail('et_home', 'an extra-time score needs the full-time score');
  if (et && ft && (et[0] < ft[0] || et[1] < ft[1])) {
    reader.fail(
      'et_home',
      `score after extra time ${et.join('-')} is below the full-time score ${ft.join('-')} (give it cumulative, including the 90 minutes)`,
    );
  }
  if (pen && !ft) reader.fail('pen_home', 'a shoot-out score needs the full-time score');
}

/** 1, 2 or blank (null); undefined when unreadable. */
function readLeg(reader: RowReader): 1 | 2 | null | undefined {
  const text = reader.text('leg');
  if (text === null) return null;
  if (text === '1' || text === '2') return Number(text) as 1 | 2;
  reader.fail('leg', `'${text}' is not a leg (1, 2 or blank)`);
  return undefined;
}

/** true/yes/1 or false/no/0/blank; null when unreadable. */
function readBoolean(reader: RowReader, field: Column): boolean | null {
  const text = (reader.text(field) ?? '').toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  reader.fail(field, `'${text}' is not true/false (also yes/no, 1/0)`);
  return null;
}
