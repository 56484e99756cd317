/**
 * footballcsv (cache.footballdata) results files: `<season>/<competition code>.csv` with the columns
 * `Date` (`Fri Aug 11 2023`), `Team 1` (home), `FT` (`0-3`), `HT` (`?` when unknown) and `Team 2` (away).
 *
 * The competition comes from the file name (`eng.1.csv`; a code the registry does not know, such as `nl.3.csv`,
 * creates a league of that country and tier), the season from the parent folder (`2023-24`, or `2024` for a
 * calendar-year league) or, when the folder is not a season, from the earliest date in the file. Team names are
 * football-data.co.uk's, and the teams' country is the competition's.
 */
import { createdCompetition, seasonOfDate, type Competition } from '../competitions/competition.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { normaliseSeason, parseSeason, type SeasonCalendar } from '../competitions/seasons.js';
import { MatchdayError } from '../errors.js';
import { readCsvHeader, readCsvTable } from './csv.js';
import type { MatchRecord, ParsedFile, RowError, Score } from './records.js';

export const FOOTBALLCSV_FORMAT = 'footballcsv';

const COLUMNS = ['Date', 'Team 1', 'FT', 'Team 2'] as const;

const DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SCORE = /^(\d+)-(\d+)$/;
/** A competition code as footballcsv names its files: `eng.1`, `nl.3`, `br.1`. */
const CODE = /^([a-z]{2,3})\.(\d)$/;

function pathParts(file: string): string[] {
  return file.split(/[\\/]/).filter((part) => part !== '');
}

function fileCode(file: string): string {
  return (pathParts(file).pop() ?? '').replace(/\.csv$/i, '');
}

/**
 * The competition a file name stands for: `eng.1.csv` → eng.1; a code the registry does not know (`nl.3`) creates a
 * league of the country its prefix names, at that tier. Null when the name is no competition code.
 */
function competitionOfFile(
  file: string,
  registry: CompetitionRegistry,
  calendar: SeasonCalendar | null,
): Competition | null {
  const code = fileCode(file);
  const known = registry.get(code);
  if (known) return known;
  const parts = CODE.exec(code);
  if (!parts) return null;
  const country = registry.country(parts[1]);
  return createdCompetition({
    code,
    name: `${country?.names[0] ?? parts[1].toUpperCase()} tier ${parts[2]}`,
    kind: 'league',
    country: country?.code ?? null,
    tier: Number(parts[2]),
    aliases: [code],
    calendar: calendar ?? undefined,
  });
}

/** `2023-24` (or `2024` for a calendar-year league) when the parent folder is a season. */
function seasonOfFolder(file: string): string | null {
  const parts = pathParts(file);
  return normaliseSeason(parts[parts.length - 2] ?? '');
}

/** True when the file is named after a competition code and has footballcsv's columns. */
export function looksLikeFootballCsv(text: string, fileName: string): boolean {
  const header = readCsvHeader(text);
  return CODE.test(fileCode(fileName)) && COLUMNS.every((name) => header.includes(name));
}

/** `Fri Aug 11 2023` → `2023-08-11`; null when malformed, not a calendar day, or the weekday is wrong. */
function isoDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]);
  const day = Number(match[3]);
  const year = Number(match[4]);
  const date = new Date(Date.UTC(year, month, day));
  if (month < 0 || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  if (WEEKDAYS[date.getUTCDay()] !== match[1]) return null;
  return date.toISOString().slice(0, 10);
}

function score(text: string): Score | null {
  const match = SCORE.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export function parseFootballCsv(
  text: string,
  file: string,
  registry: CompetitionRegistry = CompetitionRegistry.builtIn(),
): ParsedFile {
  if (text.trim() === '') throw new MatchdayError('EMPTY', 'file is empty', { file });
  const folderSeason = seasonOfFolder(file);
  const comp = competitionOfFile(file, registry, folderSeason ? parseSeason(folderSeason)!.calendar : null);
  if (!comp) {
    throw new MatchdayError('FORMAT', 'file name is not a competition code (e.g. eng.1.csv)', { file });
  }
  const table = readCsvTable(text);
  const missing = COLUMNS.filter((name) => table.column(name) < 0);
  if (missing.length > 0) {
    throw new MatchdayError('FORMAT', `footballcsv file lacks column(s) ${missing.join(', ')}`, { file, line: 1 });
  }
  const column = {
    date: table.column('Date'),
    home: table.column('Team 1'),
    ft: table.column('FT'),
    ht: table.column('HT'),
    away: table.column('Team 2'),
  };
  if (table.rows.every((row) => row.cells.every((c) => c.trim() === ''))) {
    throw new MatchdayError('EMPTY', 'file has a header but no matches', { file });
  }

  const errors: RowError[] = [];
  const records: MatchRecord[] = [];
  for (const row of table.rows) {
    const cell = (index: number): string => (index < 0 ? '' : (row.cells[index] ?? '').trim());
    if (row.cells.every((c) => c.trim() === '')) continue;
    const widthError = table.widthError(row);
    if (widthError) {
      errors.push({ file, line: row.line, field: null, message: widthError });
      continue;
    }
    const rowErrors: RowError[] = [];
    const fail = (field: string, message: string): void => {
      rowErrors.push({ file, line: row.line, field, message });
    };

    const dateText = cell(column.date);
    const date = isoDate(dateText);
    if (!date) fail('Date', `'${dateText}' is not a date like 'Fri Aug 11 2023'`);
    const home = cell(column.home);
    if (home === '') fail('Team 1', 'no home team');
    const away = cell(column.away);
    if (away === '') fail('Team 2', 'no away team');
    const ftText = cell(column.ft);
    const ftScore = score(ftText);
    if (!ftScore) fail('FT', `'${ftText}' is not a score (h-a)`);
    const htText = cell(column.ht);
    // `?` marks an unknown half-time score (most seasons before 1995-96).
    const htScore = htText === '' || htText === '?' ? null : score(htText);
    if (htText !== '' && htText !== '?' && !htScore) fail('HT', `'${htText}' is not a score (h-a) or '?'`);

    if (rowErrors.length > 0 || !date) {
      errors.push(...rowErrors);
      continue;
    }
    records.push({
      source: { format: FOOTBALLCSV_FORMAT, file, line: row.line },
      competition: comp,
      season: '', // set below once every date is known
      date,
      time: null,
      home: { name: home, country: comp.country },
      away: { name: away, country: comp.country },
      neutral: false,
      venue: null,
      round: null,
      group: null,
      leg: null,
      status: 'played',
      htScore,
      ftScore,
      etScore: null,
      penScore: null,
      attendance: null,
      referee: null,
      goals: [],
      stats: null,
      odds: [],
    });
  }

  const season = folderSeason ?? seasonOfEarliest(comp, records);
  for (const record of records) record.season = season;
  return { format: FOOTBALLCSV_FORMAT, file, records, errors };
}

/**
 * The season of the file's first match day, in the competition's calendar. Not each match's own date: a season
 * finished late (2019-20 into August 2020) would split in two.
 */
function seasonOfEarliest(comp: Competition, records: readonly MatchRecord[]): string {
  if (records.length === 0) return '';
  const earliest = records.reduce((min, r) => (r.date < min ? r.date : min), records[0].date);
  return seasonOfDate(comp, earliest);
}
