/**
 * football-data.co.uk match CSVs: results, match statistics and the bookmaker odds, pre-match and closing. Two layouts:
 * - season files (`mmz4281/2324/E0.csv`: one division, one season): `Div, Date, HomeTeam, AwayTeam, FTHG, FTAG, ...`;
 * - extra-leagues files (`new/NOR.csv`: one country, every season): `Country, League, Season, Date, Time, Home, Away,
 *   HG, AG, Res, PSCH, ..., MaxCH, ..., AvgCH, ...`.
 * Columns are read by header name because the column set changes from season to season.
 *
 * The competition comes from the registry (the division code, or the country and league); one the registry does not
 * know is created from what the file says. A season file's season is the one its first match opens, in the
 * competition's calendar; an extra-leagues row carries its own.
 *
 * A row is left out of `records` only when what the match is cannot be read (division, date, teams, a full-time
 * score with one side, or an FTR that contradicts the score). A row with no result at all (FTHG, FTAG and FTR blank)
 * is a scheduled fixture: football-data's fixtures files have the season files' columns with the results left blank. Any other unreadable cell — a price, a handicap line, a statistic —
 * is reported in `warnings` and left out of an otherwise complete record.
 */
import { createdCompetition, seasonOfDate, type Competition } from '../competitions/competition.js';
import { CompetitionRegistry, kindFromName, slug } from '../competitions/registry.js';
import { normaliseSeason, parseSeason } from '../competitions/seasons.js';
import { MatchdayError } from '../errors.js';
import { calendarDate } from './calendar-date.js';
import { readCsvHeader, readCsvTable, type CsvRow, type CsvTable } from './csv.js';
import {
  type MatchRecord,
  type OddsMarket,
  type OddsRecord,
  type OddsSelection,
  type ParsedFile,
  type RowError,
  type Score,
  type SideStats,
} from './records.js';

export const FOOTBALL_DATA_FORMAT = 'football-data';

interface Bookmaker {
  name: string;
  /** Prefix of the 1X2 columns: `B365` → `B365H`, `B365CH`. */
  prefix: string;
  /** Prefix of the over/under and Asian handicap columns when it differs (Pinnacle: `PSH` but `P>2.5`, `PAHH`). */
  ouAhPrefix?: string;
  /** Columns that may hold the pre-match handicap line of this bookmaker's AH prices; the first in the header applies. */
  ahLines?: readonly string[];
}

/** Every odds provider football-data.co.uk has published (README section 1, "Odds"). */
const BOOKMAKERS: readonly Bookmaker[] = [
  { name: 'Bet365', prefix: 'B365', ahLines: ['B365AH', 'AHh'] },
  { name: 'Bet&Win', prefix: 'BW' },
  { name: 'Interwetten', prefix: 'IW' },
  { name: 'Pinnacle', prefix: 'PS', ouAhPrefix: 'P' },
  { name: 'William Hill', prefix: 'WH' },
  { name: 'VC Bet', prefix: 'VC' },
  { name: 'Ladbrokes', prefix: 'LB', ahLines: ['LBAH', 'AHh'] },
  { name: 'Gamebookers', prefix: 'GB', ahLines: ['GBAH', 'AHh'] },
  { name: 'Sportingbet', prefix: 'SB' },
  { name: 'Stan James', prefix: 'SJ' },
  { name: 'Sporting Odds', prefix: 'SO' },
  { name: 'Stanleybet', prefix: 'SY' },
  { name: 'Blue Square', prefix: 'BS' },
  { name: 'Betfair', prefix: 'BF' },
  { name: 'Betfair Exchange', prefix: 'BFE' },
  { name: '1XBet', prefix: '1XB' },
  { name: 'Market max', prefix: 'Max' },
  { name: 'Market average', prefix: 'Avg' },
  { name: 'Betbrain max', prefix: 'BbMx', ahLines: ['BbAHh'] },
  { name: 'Betbrain average', prefix: 'BbAv', ahLines: ['BbAHh'] },
];

/** Line of AH prices that have no line column of their own (2019-20 onward: one line for every bookmaker). */
const DEFAULT_AH_LINES: readonly string[] = ['AHh'];
/** Line of every closing AH price. */
const CLOSING_AH_LINE = 'AHCh';
const OVER_UNDER_LINE = 2.5;

/** What one odds column holds. For AH the line comes from another column (`ahLines`, first present wins). */
interface OddsColumnMeaning {
  bookmaker: string;
  market: OddsMarket;
  selection: OddsSelection;
  closing: boolean;
  ahLines: readonly string[];
}

/** Every odds column name football-data uses, derived from the bookmaker table: `PSCH`, `B365C>2.5`, `MaxCAHH`, ... */
const ODDS_COLUMNS: ReadonlyMap<string, OddsColumnMeaning> = oddsColumnNames();

function oddsColumnNames(): Map<string, OddsColumnMeaning> {
  const columns = new Map<string, OddsColumnMeaning>();
  const add = (name: string, meaning: OddsColumnMeaning): void => {
    // Two bookmakers producing the same column name would misattribute prices.
    if (columns.has(name)) throw new Error(`football-data odds column ${name} defined twice`);
    columns.set(name, meaning);
  };
  for (const bookmaker of BOOKMAKERS) {
    for (const closing of [false, true]) {
      const c = closing ? 'C' : '';
      const ouAh = bookmaker.ouAhPrefix ?? bookmaker.prefix;
      const ahLines = closing ? [CLOSING_AH_LINE] : (bookmaker.ahLines ?? DEFAULT_AH_LINES);
      const entry = (market: OddsMarket, selection: OddsSelection): OddsColumnMeaning => ({
        bookmaker: bookmaker.name,
        market,
        selection,
        closing,
        ahLines,
      });
      add(`${bookmaker.prefix}${c}H`, entry('1X2', 'home'));
      add(`${bookmaker.prefix}${c}D`, entry('1X2', 'draw'));
      add(`${bookmaker.prefix}${c}A`, entry('1X2', 'away'));
      add(`${ouAh}${c}>2.5`, entry('OU', 'over'));
      add(`${ouAh}${c}<2.5`, entry('OU', 'under'));
      add(`${ouAh}${c}AHH`, entry('AH', 'home'));
      add(`${ouAh}${c}AHA`, entry('AH', 'away'));
    }
  }
  return columns;
}

/** Home and away columns of each per-side statistic. */
const STAT_COLUMNS: ReadonlyArray<readonly [keyof SideStats, string, string]> = [
  ['shots', 'HS', 'AS'],
  ['shotsOnTarget', 'HST', 'AST'],
  ['corners', 'HC', 'AC'],
  ['fouls', 'HF', 'AF'],
  ['yellowCards', 'HY', 'AY'],
  ['redCards', 'HR', 'AR'],
];

/** A column of this file: its header name and position (-1 when the file lacks it). */
interface Column {
  name: string;
  index: number;
}

interface OddsColumn extends OddsColumnMeaning {
  column: Column;
  /** Index into `FileColumns.ahLines` for AH prices, -1 otherwise. */
  lineSlot: number;
}

interface FileColumns {
  /** Season files: the division. */
  div: Column;
  /** Extra-leagues files: the country, league and season of each row. */
  country: Column;
  league: Column;
  season: Column;
  date: Column;
  time: Column;
  home: Column;
  away: Column;
  homeGoals: Column;
  awayGoals: Column;
  result: Column;
  htHomeGoals: Column;
  htAwayGoals: Column;
  htResult: Column;
  referee: Column;
  attendance: Column;
  /** null when the file has no statistics column at all. */
  stats: Array<{ key: keyof SideStats; home: Column; away: Column }> | null;
  odds: OddsColumn[];
  /** Handicap line columns the file's AH prices refer to (each read once per row). */
  ahLines: Column[];
}

type Layout = 'season-file' | 'extra-leagues';

const LAYOUT_COLUMNS: Readonly<Record<Layout, readonly string[]>> = {
  'season-file': ['Div', 'Date', 'HomeTeam', 'AwayTeam'],
  'extra-leagues': ['Country', 'League', 'Season', 'Date', 'Home', 'Away', 'HG', 'AG'],
};

/** Which layout a header is (the one it lacks fewest columns of), and the columns it lacks. */
function layoutOf(header: readonly string[]): { layout: Layout; missing: string[] } {
  const has = (name: string): boolean => header.includes(name);
  const missingOf = (layout: Layout): string[] => {
    const missing = LAYOUT_COLUMNS[layout].filter((name) => !has(name));
    // Some season files write full-time goals as HG/AG instead of FTHG/FTAG.
    if (layout === 'season-file' && !(has('FTHG') && has('FTAG')) && !(has('HG') && has('AG')))
      missing.push('FTHG/FTAG');
    return missing;
  };
  const season = missingOf('season-file');
  const extra = missingOf('extra-leagues');
  return extra.length < season.length
    ? { layout: 'extra-leagues', missing: extra }
    : { layout: 'season-file', missing: season };
}

/** True when the text's header is a football-data.co.uk match file's (either layout). */
export function looksLikeFootballData(text: string): boolean {
  return layoutOf(readCsvHeader(text)).missing.length === 0;
}

function fileColumns(table: CsvTable): FileColumns {
  const column = (name: string): Column => ({ name, index: table.column(name) });
  const firstPresent = (...names: string[]): Column => column(names.find((n) => table.column(n) >= 0) ?? names[0]);

  const stats = STAT_COLUMNS.map(([key, home, away]) => ({ key, home: column(home), away: column(away) }));
  const ahLines: Column[] = [];
  const odds: OddsColumn[] = [];
  table.header.forEach((name, index) => {
    const meaning = ODDS_COLUMNS.get(name);
    if (!meaning) return;
    let lineSlot = -1;
    if (meaning.market === 'AH') {
      const line = firstPresent(...meaning.ahLines);
      lineSlot = ahLines.findIndex((c) => c.name === line.name);
      if (lineSlot < 0) lineSlot = ahLines.push(line) - 1;
    }
    odds.push({ ...meaning, column: { name, index }, lineSlot });
  });

  return {
    div: column('Div'),
    country: column('Country'),
    league: column('League'),
    season: column('Season'),
    date: column('Date'),
    time: column('Time'),
    home: firstPresent('HomeTeam', 'Home'),
    away: firstPresent('AwayTeam', 'Away'),
    homeGoals: firstPresent('FTHG', 'HG'),
    awayGoals: firstPresent('FTAG', 'AG'),
    result: firstPresent('FTR', 'Res'),
    htHomeGoals: column('HTHG'),
    htAwayGoals: column('HTAG'),
    htResult: column('HTR'),
    referee: column('Referee'),
    attendance: column('Attendance'),
    stats: stats.some((s) => s.home.index >= 0 || s.away.index >= 0) ? stats : null,
    odds,
    ahLines,
  };
}

const COUNT = /^\d+(\.0+)?$/; // `5` or pandas' `5.0`
const DECIMAL = /^\d+(\.\d+)?$/;
const SIGNED_DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** One CSV row read by column, collecting the row's errors. */
class RowCells {
  readonly errors: RowError[] = [];

  constructor(
    private readonly file: string,
    private readonly row: CsvRow,
  ) {}

  text(column: Column): string {
    return column.index < 0 ? '' : (this.row.cells[column.index] ?? '').trim();
  }

  error(column: Column, message: string): void {
    this.errors.push({ file: this.file, line: this.row.line, field: column.name, message });
  }

  /** A non-negative whole number, null when blank or unreadable (the latter reported). */
  count(column: Column): number | null {
    const text = this.text(column);
    if (text === '') return null;
    if (!COUNT.test(text)) {
      this.error(column, `'${text}' is not a non-negative whole number`);
      return null;
    }
    return Number(text);
  }
}

export function parseFootballData(
  text: string,
  file: string,
  registry: CompetitionRegistry = CompetitionRegistry.builtIn(),
): ParsedFile {
  if (text.trim() === '') throw new MatchdayError('EMPTY', 'file is empty', { file });
  const table = readCsvTable(text);
  const { layout, missing } = layoutOf(table.header);
  if (missing.length > 0) {
    throw new MatchdayError('FORMAT', `not a football-data.co.uk file: no ${missing.join(', ')} column`, {
      file,
      line: 1,
    });
  }
  const columns = fileColumns(table);
  const competitions = new CompetitionsOfFile(registry);
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const records: MatchRecord[] = [];
  let dataRows = 0;
  for (const row of table.rows) {
    // Some files end with rows made only of commas.
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    dataRows++;
    const widthError = table.widthError(row);
    if (widthError) {
      errors.push({ file, line: row.line, field: null, message: widthError });
      continue;
    }
    const cells = new RowCells(file, row);
    const comp =
      layout === 'season-file' ? competitions.ofDivision(cells, columns.div) : competitions.ofLeague(cells, columns);
    const season = layout === 'extra-leagues' ? readSeason(cells, columns.season) : '';
    const match = readMatch(cells, columns, comp, season, { format: FOOTBALL_DATA_FORMAT, file, line: row.line });
    if (match) {
      records.push(match);
      warnings.push(...cells.errors);
    } else errors.push(...cells.errors);
  }
  if (dataRows === 0) throw new MatchdayError('EMPTY', 'file has a header but no matches', { file });
  if (layout === 'season-file') assignSeasons(records);
  return { format: FOOTBALL_DATA_FORMAT, file, records, errors, warnings };
}

/** The competitions a file's rows name, each looked up (or created) once. */
class CompetitionsOfFile {
  private readonly known = new Map<string, Competition>();

  constructor(private readonly registry: CompetitionRegistry) {}

  /** A season file's `Div`: `E0` → eng.1; an unknown code creates a competition (see divisionCompetition). */
  ofDivision(cells: RowCells, column: Column): Competition | null {
    const div = cells.text(column);
    if (div === '') {
      cells.error(column, 'no division');
      return null;
    }
    return this.once(
      `div|${div}`,
      () => this.registry.byFootballDataDivision(div) ?? divisionCompetition(div, this.registry),
    );
  }

  /** An extra-leagues row's `Country` and `League`. */
  ofLeague(cells: RowCells, columns: FileColumns): Competition | null {
    const country = cells.text(columns.country);
    const league = cells.text(columns.league);
    if (country === '' || league === '') {
      cells.error(country === '' ? columns.country : columns.league, `no ${country === '' ? 'country' : 'league'}`);
      return null;
    }
    const calendar = parseSeason(cells.text(columns.season))?.calendar ?? 'autumn-spring';
    return this.once(
      `league|${country}|${league}`,
      () => this.registry.byExtraLeague(country, league) ?? leagueCompetition(country, league, calendar, this.registry),
    );
  }

  private once(key: string, find: () => Competition): Competition {
    let competition = this.known.get(key);
    if (!competition) this.known.set(key, (competition = find()));
    return competition;
  }
}

/**
 * A division code the registry does not know (`X2`): country and tier from a known division with the same letters
 * (`E0` is tier 1 of England, so `E5` would be tier 6), else unknown.
 */
function divisionCompetition(div: string, registry: CompetitionRegistry): Competition {
  const parts = /^([A-Z]+)(\d+)$/.exec(div);
  const sibling = parts
    ? registry.competitions.find((c) => {
        const code = c.sources.footballData && /^([A-Z]+)(\d+)$/.exec(c.sources.footballData);
        return code !== null && code[1] === parts[1] && c.tier !== null;
      })
    : undefined;
  const siblingNumber = sibling ? Number(/\d+$/.exec(sibling.sources.footballData ?? '')?.[0]) : NaN;
  const tier = sibling && parts ? sibling.tier! + Number(parts[2]) - siblingNumber : null;
  const country = sibling?.country ?? null;
  const countryName = country ? registry.country(country)?.names[0] : undefined;
  return createdCompetition({
    code: `fd.${slug(div)}`,
    name: countryName ? `${countryName} division ${div}` : `football-data division ${div}`,
    kind: 'league',
    country,
    tier: tier !== null && tier >= 1 ? tier : null,
    aliases: [div],
  });
}

/** An extra-leagues competition the registry does not know: `Country` and `League` as the file writes them. */
function leagueCompetition(
  countryName: string,
  league: string,
  calendar: 'autumn-spring' | 'calendar-year',
  registry: CompetitionRegistry,
): Competition {
  const country = registry.country(countryName);
  return createdCompetition({
    code: `${country?.iso ?? slug(countryName)}.${slug(league)}`,
    name: `${country?.names[0] ?? countryName} ${league}`,
    kind: kindFromName(league),
    country: country?.code ?? null,
    tier: null,
    aliases: [league, `${countryName} ${league}`],
    calendar,
  });
}

/** An extra-leagues `Season` cell: `2012/2013` → `2012-13`, `2012` → `2012`. */
function readSeason(cells: RowCells, column: Column): string {
  const text = cells.text(column);
  const season = normaliseSeason(text);
  if (season === null) cells.error(column, text === '' ? 'no season' : `'${text}' is not a season (2012/2013 or 2012)`);
  return season ?? '';
}

function readMatch(
  cells: RowCells,
  columns: FileColumns,
  comp: Competition | null,
  season: string,
  source: MatchRecord['source'],
): MatchRecord | null {
  const dateText = cells.text(columns.date);
  const date = isoDate(dateText);
  if (!date) cells.error(columns.date, `'${dateText}' is not a date (dd/mm/yy or dd/mm/yyyy)`);

  const home = cells.text(columns.home);
  if (home === '') cells.error(columns.home, 'no home team');
  const away = cells.text(columns.away);
  if (away === '') cells.error(columns.away, 'no away team');

  // A row with no result at all is a fixture still to be played (the fixtures files, a season file published mid-round).
  const scheduled = [columns.homeGoals, columns.awayGoals, columns.result].every((c) => cells.text(c) === '');
  const ftScore = scheduled
    ? null
    : readScore(cells, columns.homeGoals, columns.awayGoals, columns.result, 'full-time');
  if (!comp || !date || home === '' || away === '' || (!ftScore && !scheduled)) return null;
  if (columns.season.index >= 0 && season === '') return null;

  // Written out in full rather than spread over emptyRecordDefaults(): spreading costs more than the rest of the row.
  return {
    source,
    competition: comp,
    season, // a season file's: set by assignSeasons once every date of the file is known
    date,
    time: readTime(cells, columns.time),
    home: { name: home, country: comp.country },
    away: { name: away, country: comp.country },
    neutral: false,
    venue: null,
    round: null,
    group: null,
    leg: null,
    status: scheduled ? 'scheduled' : 'played',
    htScore: scheduled
      ? null
      : readScore(cells, columns.htHomeGoals, columns.htAwayGoals, columns.htResult, 'half-time'),
    ftScore,
    etScore: null,
    penScore: null,
    attendance: cells.count(columns.attendance),
    referee: cells.text(columns.referee) || null,
    goals: [],
    stats: columns.stats && readStats(cells, columns.stats),
    odds: readOdds(cells, columns),
  };
}

/**
 * A score from two goal columns, checked against the result letter (H/D/A) when the file has one.
 * Both cells blank → null, reported only for the full-time score (a few half-time scores are missing).
 */
function readScore(
  cells: RowCells,
  homeCol: Column,
  awayCol: Column,
  resultCol: Column,
  what: 'full-time' | 'half-time',
): Score | null {
  const homeText = cells.text(homeCol);
  const awayText = cells.text(awayCol);
  if (homeText === '' && awayText === '') {
    if (what === 'full-time') cells.error(homeCol, 'no full-time score');
    return null;
  }
  if (homeText === '' || awayText === '') {
    cells.error(homeText === '' ? homeCol : awayCol, `${what} score has only one side`);
    return null;
  }
  const homeGoals = cells.count(homeCol);
  const awayGoals = cells.count(awayCol);
  if (homeGoals === null || awayGoals === null) return null;
  const result = cells.text(resultCol);
  const expected = homeGoals > awayGoals ? 'H' : homeGoals < awayGoals ? 'A' : 'D';
  if (result !== '' && result !== expected) {
    cells.error(resultCol, `${resultCol.name} '${result}' contradicts the ${what} score ${homeGoals}-${awayGoals}`);
    return null;
  }
  return [homeGoals, awayGoals];
}

/** `dd/mm/yy` or `dd/mm/yyyy` → ISO, null for anything else or a day the calendar lacks. */
function isoDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  let year = Number(match[3]);
  // football-data.co.uk starts in 1993-94, so a two-digit 9x is the 1990s.
  if (match[3].length === 2) year += year >= 90 ? 1900 : 2000;
  return calendarDate(year, month, day);
}

function readTime(cells: RowCells, column: Column): string | null {
  const text = cells.text(column);
  if (text === '') return null;
  const match = TIME.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    cells.error(column, `'${text}' is not a time (HH:MM)`);
    return null;
  }
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

function readStats(cells: RowCells, stats: NonNullable<FileColumns['stats']>): { home: SideStats; away: SideStats } {
  const home = emptyStats();
  const away = emptyStats();
  for (const stat of stats) {
    home[stat.key] = cells.count(stat.home);
    away[stat.key] = cells.count(stat.away);
  }
  return { home, away };
}

function emptyStats(): SideStats {
  return { shots: null, shotsOnTarget: null, corners: null, fouls: null, yellowCards: null, redCards: null };
}

function readOdds(cells: RowCells, columns: FileColumns): OddsRecord[] {
  const lines = columns.ahLines.map((column) => readHandicapLine(cells, column));
  const odds: OddsRecord[] = [];
  for (const oddsColumn of columns.odds) {
    const price = readPrice(cells, oddsColumn.column);
    if (price === null) continue;
    let line: number | null = oddsColumn.market === 'OU' ? OVER_UNDER_LINE : null;
    if (oddsColumn.market === 'AH') {
      const lineColumn = columns.ahLines[oddsColumn.lineSlot];
      line = lines[oddsColumn.lineSlot];
      if (line === null) {
        // An unreadable line was reported already; a blank one leaves this price meaningless.
        if (cells.text(lineColumn) === '')
          cells.error(oddsColumn.column, `handicap price without a line (no ${lineColumn.name})`);
        continue;
      }
    }
    const { bookmaker, market, selection, closing } = oddsColumn;
    odds.push({ bookmaker, market, line, selection, price, closing });
  }
  return odds;
}

/** A decimal price, null when blank or unreadable (the latter reported). */
function readPrice(cells: RowCells, column: Column): number | null {
  const text = cells.text(column);
  if (text === '') return null;
  const price = DECIMAL.test(text) ? Number(text) : NaN;
  // football-data writes 0 where a bookmaker offered no price.
  if (price === 0) return null;
  if (!(price > 1)) {
    cells.error(column, `'${text}' is not a decimal price above 1`);
    return null;
  }
  return price;
}

/** An Asian handicap line (a multiple of 0.25), null when blank or unreadable (the latter reported). */
function readHandicapLine(cells: RowCells, column: Column): number | null {
  const text = cells.text(column);
  if (text === '') return null;
  const line = SIGNED_DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(line * 4)) {
    cells.error(column, `'${text}' is not an Asian handicap line (a multiple of 0.25)`);
    return null;
  }
  return line === 0 ? 0 : line; // `-0.0` → 0
}

/** Days between two ISO dates (b after a). */
function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** A new season starts only after a break between seasons of at least this many days. */
const SEASON_BREAK_DAYS = 21;

/**
 * Sets the season of a season file's records, per competition: the season its first match falls in, by the
 * competition's calendar. A later match opens the next season only after a break between seasons (a file with two
 * seasons in it); without one it continues the season it is part of — 2019-20 ran into July and August 2020 after the
 * COVID pause, Brazil's 2020 season into February 2021.
 */
function assignSeasons(records: readonly MatchRecord[]): void {
  const byDate = [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const previous = new Map<string, MatchRecord>();
  for (const record of byDate) {
    const before = previous.get(record.competition.code);
    const ownSeason = seasonOfDate(record.competition, record.date);
    const continues = before !== undefined && daysBetween(before.date, record.date) < SEASON_BREAK_DAYS;
    record.season = continues ? before.season : ownSeason;
    previous.set(record.competition.code, record);
  }
}
