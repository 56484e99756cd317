/**
 * engsoccerdata (jalapic/engsoccerdata) CSV exports: long-run league history, the European Cup / Champions League,
 * the English cups and play-offs, and the team-name variants.
 *
 * Which file is which comes from its name (`england.csv`, `champs.csv`, `facup.csv`, ...): england.csv and
 * france.csv share one header, so only the name tells the country. Conventions common to every file: `NA` is an
 * empty cell, `Season` is the starting year, dates are ISO except a few day counts (see `isoDate`).
 *
 * What the files say about extra time differs, so the scores do too:
 * - champs.csv gives the 90-minute score (`hgoal`/`vgoal`) and the cumulative score after extra time
 *   (`aethgoal`/`aetvgoal`, always ≥ the 90-minute score) → ftScore and etScore.
 * - facup.csv and englandplayoffs.csv only flag extra time (`aet` = yes) and give the final score including it:
 *   such a match gets etScore = that score and ftScore = null (the 90-minute score is unknown).
 * - leaguecup.csv has no extra-time information (its `aet`/`pens` columns are empty): ftScore is the final score as
 *   given, extra-time goals included where there were any.
 *
 * Rows left out on purpose, without an error: FA Cup byes (no opponent, not a match) and the non-league play-offs in
 * englandplayoffs.csv (Conference, Northern/Southern/Isthmian leagues: not `eng.playoffs`). A row whose date is `NA`
 * (FA Cup walkovers of the 1870s-80s) cannot be stored and is reported as a RowError on `Date`.
 */
import { createdCompetition, seasonFromStartYear, type Competition } from '../competitions/competition.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';
import { calendarDate } from './calendar-date.js';
import { readCsvHeader, readCsvTable, type CsvRow, type CsvTable } from './csv.js';
import type { ClubRecord, MatchRecord, MatchStatus, ParsedFile, RowError, Score } from './records.js';

export const ENGSOCCERDATA_LEAGUE_FORMAT = 'engsoccerdata-league';
export const ENGSOCCERDATA_CHAMPS_FORMAT = 'engsoccerdata-champs';
export const ENGSOCCERDATA_CUP_FORMAT = 'engsoccerdata-cup';
export const ENGSOCCERDATA_TEAMNAMES_FORMAT = 'engsoccerdata-teamnames';

/** File names that are not matches of one country's leagues. */
const CUP_FILES = ['facup', 'leaguecup', 'englandplayoffs'] as const;

type CupFile = 'facup' | 'leaguecup' | 'englandplayoffs';

/** Columns without which a file of each kind cannot be read. */
const REQUIRED_COLUMNS: Readonly<Record<'league' | 'champs' | CupFile, readonly string[]>> = {
  league: ['Date', 'Season', 'home', 'visitor', 'hgoal', 'vgoal', 'tier'],
  champs: ['Date', 'Season', 'round', 'leg', 'home', 'visitor', 'hgoal', 'vgoal', 'hcountry', 'vcountry'],
  facup: ['Date', 'Season', 'home', 'visitor', 'hgoal', 'vgoal', 'round', 'tie', 'aet', 'hp', 'vp', 'nonmatch'],
  leaguecup: ['Date', 'Season', 'home', 'visitor', 'hgoal', 'vgoal', 'round', 'leg'],
  englandplayoffs: ['Date', 'Season', 'home', 'visitor', 'hgoal', 'vgoal', 'division', 'round', 'tie', 'aet', 'pens'],
};

/** A league file is named after its country (`england.csv`, `holland.csv`, `germany2.csv`). */
type FileKind = { kind: 'league'; country: string } | { kind: 'champs' } | { kind: CupFile };

/** `table[key]` for the table's own keys only: a cell such as `constructor` must not find Object.prototype's. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** `data/engsoccerdata/england.csv` → `england`. */
function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.csv$/i, '').toLowerCase();
}

function fileKind(file: string): FileKind | null {
  const base = baseName(file);
  if (base === 'champs') return { kind: 'champs' };
  if ((CUP_FILES as readonly string[]).includes(base)) return { kind: base as CupFile };
  const country = CompetitionRegistry.builtIn().country(base.replace(/\d+$/, ''));
  return country ? { kind: 'league', country: country.code } : null;
}

/** True for an engsoccerdata match file: a known file name whose header has that file's columns. */
export function looksLikeEngsoccerdata(text: string, fileName: string): boolean {
  const kind = fileKind(fileName);
  if (!kind) return false;
  const header = readCsvHeader(text);
  return REQUIRED_COLUMNS[kind.kind].every((name) => header.includes(name));
}

/** Parses any engsoccerdata match file; the file name says which one it is. */
export function parseEngsoccerdata(
  text: string,
  file: string,
  registry: CompetitionRegistry = CompetitionRegistry.builtIn(),
): ParsedFile {
  const kind = fileKind(file);
  if (!kind) {
    throw new MatchdayError(
      'FORMAT',
      `not a known engsoccerdata file name (expected a country such as england, or ${['champs', ...CUP_FILES].join(', ')})`,
      { file },
    );
  }
  const table = readTable(text, file, REQUIRED_COLUMNS[kind.kind]);
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const reader = new RowReader(file, table, errors, warnings);
  switch (kind.kind) {
    case 'league':
      return {
        format: ENGSOCCERDATA_LEAGUE_FORMAT,
        file,
        records: readLeague(reader, table, leaguesOf(kind.country, registry)),
        errors,
        warnings,
      };
    case 'champs':
      return {
        format: ENGSOCCERDATA_CHAMPS_FORMAT,
        file,
        records: readChamps(reader, table, known(registry, 'uefa.cl')),
        errors,
        warnings,
      };
    case 'facup':
      return {
        format: ENGSOCCERDATA_CUP_FORMAT,
        file,
        records: readFaCup(reader, table, known(registry, 'eng.facup')),
        errors,
        warnings,
      };
    case 'leaguecup':
      return {
        format: ENGSOCCERDATA_CUP_FORMAT,
        file,
        records: readLeagueCup(reader, table, known(registry, 'eng.leaguecup')),
        errors,
        warnings,
      };
    case 'englandplayoffs':
      return {
        format: ENGSOCCERDATA_CUP_FORMAT,
        file,
        records: readPlayoffs(reader, table, known(registry, 'eng.playoffs')),
        errors,
        warnings,
      };
  }
}

function known(registry: CompetitionRegistry, code: string): Competition {
  const competition = registry.get(code);
  if (!competition) throw new Error(`the registry lacks ${code}`);
  return competition;
}

/**
 * A country's leagues by tier, as a league file's `tier` column names them: the registry's, and for a tier it does
 * not know one created from the file (`nl.3`).
 */
function leaguesOf(country: string, registry: CompetitionRegistry): (tier: number) => Competition {
  const leagues = new Map<number, Competition>();
  for (const league of registry.ofCountry(country, 'league')) {
    if (league.tier !== null && !leagues.has(league.tier)) leagues.set(league.tier, league);
  }
  const iso = registry.country(country)?.iso ?? country.toLowerCase();
  return (tier) => {
    let league = leagues.get(tier);
    if (!league) {
      const name = `${registry.country(country)?.names[0] ?? country} tier ${tier}`;
      league = createdCompetition({ code: `${iso}.${tier}`, name, kind: 'league', country, tier, aliases: [] });
      leagues.set(tier, league);
    }
    return league;
  };
}

function readTable(text: string, file: string, required: readonly string[]): CsvTable {
  if (text.trim() === '') throw new MatchdayError('EMPTY', 'file is empty', { file });
  const table = readCsvTable(text);
  const missing = required.filter((name) => table.column(name) < 0);
  if (missing.length > 0) {
    throw new MatchdayError('FORMAT', `engsoccerdata file lacks column(s) ${missing.join(', ')}`, { file, line: 1 });
  }
  if (table.rows.every(isBlankRow)) throw new MatchdayError('EMPTY', 'file has a header but no rows', { file });
  return table;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_COUNT = /^\d{5}$/;
const COUNT = /^\d+$/;
const EXPONENT = /^\d+(\.\d+)?e\+\d+$/;
const SCORE = /^(\d+)-(\d+)$/;
const YEAR = /^\d{4}$/;
const DAY_MS = 86_400_000;

/**
 * Reads the cells of one row by column name. `NA` and blank cells read as null. A cell that cannot be read adds a
 * RowError and marks the row failed, so the caller leaves the row out.
 */
class RowReader {
  line = 0;
  failed = false;
  private cells: readonly string[] = [];
  // Many rows share a date and every season repeats: read each text once (england.csv has 208k rows).
  private readonly dates = new Map<string, string | null>();

  constructor(
    readonly file: string,
    private readonly table: CsvTable,
    private readonly errors: RowError[],
    private readonly warnings: RowError[],
  ) {}

  start(row: CsvRow): void {
    this.cells = row.cells;
    this.line = row.line;
    this.failed = false;
  }

  /**
   * Starts reading `row` as a match: false for a blank row (skipped) and for a row whose cells do not line up with
   * the header (a RowError).
   */
  startMatch(row: CsvRow): boolean {
    if (isBlankRow(row)) return false;
    this.start(row);
    const widthError = this.table.widthError(row);
    if (widthError) this.fail(null, widthError);
    return widthError === null;
  }

  fail(field: string | null, message: string): void {
    this.errors.push({ file: this.file, line: this.line, field, message });
    this.failed = true;
  }

  /** Leaves out a row the source itself marks as incomplete (not malformed): a warning, not an error. */
  skip(field: string, message: string): void {
    this.warnings.push({ file: this.file, line: this.line, field, message });
    this.failed = true;
  }

  text(field: string): string | null {
    const index = this.table.column(field);
    if (index < 0) return null;
    const text = (this.cells[index] ?? '').trim();
    return text === '' || text === 'NA' ? null : text;
  }

  required(field: string, what: string): string {
    const text = this.text(field);
    if (text === null) this.fail(field, `no ${what}`);
    return text ?? '';
  }

  /**
   * A non-negative whole number. Thousands separators (`71,140`) are allowed, and R's exponent form of round
   * numbers (`1e+05` = 100000, League Cup final attendances).
   */
  count(field: string): number | null {
    const text = this.text(field);
    if (text === null) return null;
    const digits = text.includes(',') ? text.replace(/,/g, '') : text;
    if (COUNT.test(digits)) return Number(digits);
    const value = Number(digits);
    if (EXPONENT.test(digits) && Number.isInteger(value)) return value;
    this.fail(field, `'${text}' is not a non-negative whole number`);
    return null;
  }

  /** Two goal columns → a score; both NA → null; one NA → error. */
  score(homeField: string, awayField: string): Score | null {
    const homeMissing = this.text(homeField) === null;
    const awayMissing = this.text(awayField) === null;
    if (homeMissing && awayMissing) return null;
    if (homeMissing || awayMissing) {
      this.fail(homeMissing ? homeField : awayField, 'score has only one side');
      return null;
    }
    const home = this.count(homeField);
    const away = this.count(awayField);
    return home === null || away === null ? null : [home, away];
  }

  /** A `2-1` cell → score. */
  scoreText(field: string): Score | null {
    const text = this.text(field);
    if (text === null) return null;
    const match = SCORE.exec(text);
    if (!match) {
      this.fail(field, `'${text}' is not a score (h-a)`);
      return null;
    }
    return [Number(match[1]), Number(match[2])];
  }

  /**
   * The `Date` column as ISO (see isoDate). NA (1870s FA Cup walkovers) leaves the row out with a warning: the
   * source says the date is unknown, and a match without a date cannot be stored.
   */
  date(): string | null {
    const text = this.text('Date');
    if (text === null) {
      this.skip('Date', 'no date in the source: a match without a date cannot be stored');
      return null;
    }
    let date = this.dates.get(text);
    if (date === undefined) {
      date = isoDate(text);
      this.dates.set(text, date);
    }
    if (date === null) this.fail('Date', `'${text}' is not a date (yyyy-mm-dd)`);
    return date;
  }

  /** `Season`: the year the season starts in (2023 = 2023-24, or 2023 in a calendar-year league). */
  seasonStartYear(): number | null {
    const text = this.text('Season');
    if (text === null) {
      this.fail('Season', 'no season');
      return null;
    }
    if (!YEAR.test(text)) {
      this.fail('Season', `'${text}' is not a season start year`);
      return null;
    }
    return Number(text);
  }
}

/**
 * ISO `yyyy-mm-dd`, or a five-digit day count since 1970-01-01: some englandplayoffs.csv rows hold R's numeric form
 * of a date (`18017` = 2019-05-01, in that season's play-off weeks; read from the 1899-12-30 spreadsheet epoch it
 * would be 1949).
 */
function isoDate(text: string): string | null {
  if (DAY_COUNT.test(text)) return new Date(Number(text) * DAY_MS).toISOString().slice(0, 10);
  const match = ISO_DATE.exec(text);
  return match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) ? text : null;
}

/** The fields every engsoccerdata match shares; the caller fills the rest. */
interface MatchCore {
  date: string;
  seasonStartYear: number;
  home: string;
  away: string;
}

function readCore(reader: RowReader): MatchCore {
  return {
    date: reader.date() ?? '',
    seasonStartYear: reader.seasonStartYear() ?? NaN,
    home: reader.required('home', 'home team'),
    away: reader.required('visitor', 'visiting team'),
  };
}

/** A record of `core`, with `fields` over the empty values of everything engsoccerdata may lack. */
function matchRecord(
  format: string,
  reader: RowReader,
  comp: Competition,
  core: MatchCore,
  fields: Partial<MatchRecord> & Pick<MatchRecord, 'home' | 'away' | 'status' | 'ftScore'>,
): MatchRecord {
  return {
    source: { format, file: reader.file, line: reader.line },
    competition: comp,
    season: seasonFromStartYear(comp, core.seasonStartYear),
    date: core.date,
    time: null,
    neutral: false,
    venue: null,
    round: null,
    group: null,
    leg: null,
    htScore: null,
    etScore: null,
    penScore: null,
    attendance: null,
    referee: null,
    goals: [],
    stats: null,
    odds: [],
    ...fields,
  };
}

// ---------------------------------------------------------------- league files

/** england.csv `3N`/`3S`, germany.csv `2North`/`2South`: regional sections of one tier. */
const DIVISION_SECTIONS: Readonly<Record<string, string>> = {
  '3N': 'North',
  '3S': 'South',
  '2North': 'North',
  '2South': 'South',
};

/** spain.csv `round`: `league` is the ordinary season (no label); 1986-87 had a second phase in groups. */
const SPAIN_ROUNDS: Readonly<Record<string, string | null>> = { league: null, phase2: 'Second phase' };

function readLeague(reader: RowReader, table: CsvTable, leagueOfTier: (tier: number) => Competition): MatchRecord[] {
  const records: MatchRecord[] = [];
  for (const row of table.rows) {
    if (!reader.startMatch(row)) continue;
    const core = readCore(reader);
    const tierText = reader.required('tier', 'tier');
    if (tierText !== '' && !/^[1-9]\d?$/.test(tierText))
      reader.fail('tier', `tier '${tierText}' is not a league level`);
    const ftScore = reader.score('hgoal', 'vgoal');
    if (!reader.failed && !ftScore) reader.fail('hgoal', 'no score');
    const htScore = reader.scoreText('HT');
    const roundText = reader.text('round');
    const round = roundText === null ? null : own(SPAIN_ROUNDS, roundText);
    if (round === undefined) reader.fail('round', `unknown round '${roundText}'`);
    const division = reader.text('division');
    const notes = reader.text('notes');
    if (reader.failed) continue;
    const comp = leagueOfTier(Number(tierText));
    records.push(
      matchRecord(ENGSOCCERDATA_LEAGUE_FORMAT, reader, comp, core, {
        home: { name: core.home, country: comp.country },
        away: { name: core.away, country: comp.country },
        status: notes !== null && /awarded/i.test(notes) ? 'awarded' : 'played',
        ftScore,
        htScore,
        round: round ?? null,
        group: reader.text('group') ?? (division === null ? null : (own(DIVISION_SECTIONS, division) ?? null)),
      }),
    );
  }
  return records;
}

function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

// ---------------------------------------------------------------- champs.csv

/** champs.csv `round` codes → English labels (group rounds are handled by GROUP_ROUND). */
const CHAMPS_ROUNDS: Readonly<Record<string, string>> = {
  prelim: 'Preliminary round',
  PrelimF: 'Preliminary round',
  'Q-1': 'Qualifying round 1',
  'Q-2': 'Qualifying round 2',
  'Q-3': 'Qualifying round 3',
  'Q-PO': 'Play-off round',
  Round1: 'First round',
  '1': 'First round', // 1973-74 only
  Round2: 'Second round',
  R16: 'Round of 16',
  QF: 'Quarter-finals',
  SF: 'Semi-finals',
  final: 'Final',
};

/** `GroupB`, `GroupB-prelim` (1999-2003 first group stage), `GroupB-inter` (second group stage). */
const GROUP_ROUND = /^Group([A-Z])(?:-(prelim|inter))?$/;
const GROUP_STAGES: Readonly<Record<string, string>> = {
  '': 'Group stage',
  prelim: 'First group stage',
  inter: 'Second group stage',
};

/**
 * champs.csv `leg`: 1/2 in two-legged ties; `groups`, `NA` (single-match finals and the 1994 semi-finals),
 * `initial`/`replay` (a replayed final or a deciding third match) are not legs.
 */
const CHAMPS_LEGS: Readonly<Record<string, 1 | 2 | null>> = {
  '1': 1,
  '2': 2,
  groups: null,
  initial: null,
  replay: null,
};

/** champs.csv `pens` values that decided a tie without a shoot-out; `walkover` also means the result was awarded. */
const CHAMPS_NO_SHOOTOUT = new Set(['away goals', 'coin toss', 'walkover']);

const COUNTRY_CODE = /^[A-Z]{3}$/;

function readChamps(reader: RowReader, table: CsvTable, comp: Competition): MatchRecord[] {
  const records: MatchRecord[] = [];
  for (const row of table.rows) {
    if (!reader.startMatch(row)) continue;
    const core = readCore(reader);
    const roundText = reader.required('round', 'round');
    const groupMatch = GROUP_ROUND.exec(roundText);
    const round = groupMatch ? GROUP_STAGES[groupMatch[2] ?? ''] : own(CHAMPS_ROUNDS, roundText);
    if (roundText !== '' && round === undefined) reader.fail('round', `unknown round '${roundText}'`);
    const legText = reader.text('leg');
    const leg = legText === null ? null : own(CHAMPS_LEGS, legText);
    if (leg === undefined) reader.fail('leg', `unknown leg '${legText}'`);
    const homeCountry = reader.required('hcountry', 'home country');
    if (homeCountry !== '' && !COUNTRY_CODE.test(homeCountry))
      reader.fail('hcountry', `'${homeCountry}' is not a country code`);
    const awayCountry = reader.required('vcountry', 'visitor country');
    if (awayCountry !== '' && !COUNTRY_CODE.test(awayCountry))
      reader.fail('vcountry', `'${awayCountry}' is not a country code`);
    const ftScore = reader.score('hgoal', 'vgoal');
    if (!reader.failed && !ftScore) reader.fail('hgoal', 'no score');
    const htScore = reader.scoreText('HT');
    const etScore = reader.score('aethgoal', 'aetvgoal');
    if (etScore && ftScore && (etScore[0] < ftScore[0] || etScore[1] < ftScore[1])) {
      reader.fail(
        'aethgoal',
        `score after extra time ${etScore.join('-')} is below the 90-minute score ${ftScore.join('-')}`,
      );
    }
    const pens = reader.text('pens');
    const penScore = pens === null || CHAMPS_NO_SHOOTOUT.has(pens) ? null : reader.scoreText('pens');
    if (reader.failed) continue;
    records.push(
      matchRecord(ENGSOCCERDATA_CHAMPS_FORMAT, reader, comp, core, {
        home: { name: core.home, country: homeCountry },
        away: { name: core.away, country: awayCountry },
        status: pens === 'walkover' ? 'awarded' : 'played',
        ftScore,
        htScore,
        etScore,
        penScore,
        round: round ?? null,
        group: groupMatch ? groupMatch[1] : null,
        leg: leg ?? null,
        // Finals are single matches at a neutral ground; other neutral venues (old replays) are not marked.
        neutral: roundText === 'final',
      }),
    );
  }
  return records;
}

// ---------------------------------------------------------------- FA Cup, League Cup, play-offs

const ENGLAND = 'ENG';

/** `4-3 AFC Bournemouth` (winner's tally first, then the winner) → the shoot-out score as home-away. */
function readWinnerFirstPenalties(reader: RowReader, home: string, away: string): Score | null {
  const text = reader.text('pens');
  if (text === null) return null;
  const match = /^(\d+)-(\d+) (.+)$/.exec(text);
  const winner = match?.[3].trim();
  if (!match || (winner !== home && winner !== away)) {
    reader.fail('pens', `'${text}' is not a shoot-out score followed by the winning team`);
    return null;
  }
  const winnerGoals = Number(match[1]);
  const loserGoals = Number(match[2]);
  return winner === home ? [winnerGoals, loserGoals] : [loserGoals, winnerGoals];
}

/**
 * facup.csv and englandplayoffs.csv give the final score, extra time included when `aet` is yes: that score is
 * the etScore and the 90-minute score is unknown.
 */
function splitExtraTime(reader: RowReader, score: Score | null): Pick<MatchRecord, 'ftScore' | 'etScore'> {
  const afterExtraTime = reader.text('aet') === 'yes';
  return afterExtraTime ? { ftScore: null, etScore: score } : { ftScore: score, etScore: null };
}

const FA_CUP_ROUNDS: Readonly<Record<string, string>> = {
  '1': 'Round 1',
  '2': 'Round 2',
  '3': 'Round 3',
  '4': 'Round 4',
  '5': 'Round 5',
  '6': 'Round 6',
  'Quarter-final': 'Quarter-finals',
  s: 'Semi-finals',
  'Semi-final': 'Semi-finals',
  '3pp': 'Third place play-off',
  f: 'Final',
  Final: 'Final',
};

/** facup.csv `tie`: `leg1`/`leg2` in 1945-46 (the only two-legged season); initial, replays and `none` are not legs. */
function legOfTie(tie: string | null): 1 | 2 | null {
  return tie === 'leg1' ? 1 : tie === 'leg2' ? 2 : null;
}

/** facup.csv `nonmatch` → status; byes are not matches at all and are left out before this. */
function faCupStatus(reader: RowReader, nonmatch: string | null): MatchStatus | null {
  if (nonmatch === null) return 'played';
  if (nonmatch === 'Match void' || nonmatch === 'Not played') return 'cancelled';
  // Walkovers and disqualifications (`Sheffield disqualified`): the tie was awarded to the other side.
  if (nonmatch === 'Walkover' || nonmatch.includes('disqualified')) return 'awarded';
  reader.fail('nonmatch', `unknown nonmatch '${nonmatch}'`);
  return null;
}

function readFaCup(reader: RowReader, table: CsvTable, comp: Competition): MatchRecord[] {
  const records: MatchRecord[] = [];
  for (const row of table.rows) {
    if (!reader.startMatch(row)) continue;
    const nonmatch = reader.text('nonmatch');
    if (nonmatch === 'Bye') continue;
    const core = readCore(reader);
    const roundText = reader.required('round', 'round');
    const round = own(FA_CUP_ROUNDS, roundText);
    if (roundText !== '' && round === undefined) reader.fail('round', `unknown round '${roundText}'`);
    const status = faCupStatus(reader, nonmatch);
    const score = reader.score('hgoal', 'vgoal');
    if (status === 'played' && !reader.failed && !score) reader.fail('hgoal', 'no score');
    // `hp`/`vp` rather than `pens`: `pens` is written `7-6 Stevenage` (a short name) or plain `3-4` by season.
    const penScore = reader.score('hp', 'vp');
    const attendance = reader.count('attendance');
    if (reader.failed || !status) continue;
    records.push(
      matchRecord(ENGSOCCERDATA_CUP_FORMAT, reader, comp, core, {
        home: { name: core.home, country: ENGLAND },
        away: { name: core.away, country: ENGLAND },
        status,
        ...splitExtraTime(reader, score),
        penScore,
        round: replayRound(round, reader.text('tie')),
        leg: legOfTie(reader.text('tie')),
        neutral: reader.text('neutral') === 'yes',
        venue: reader.text('Venue'),
        attendance,
      }),
    );
  }
  return records;
}

/**
 * `tie` `replay`, `replay2`, ... (facup.csv) or `replay1`, ... (leaguecup.csv): a replay is labelled as one
 * (`Round 3 replay`), as the Football.TXT files' replays are.
 */
function replayRound(round: string | undefined, tie: string | null): string | undefined {
  return round !== undefined && tie !== null && /^replay\d*$/.test(tie) ? `${round} replay` : round;
}

const LEAGUE_CUP_ROUNDS: Readonly<Record<string, string>> = {
  prelim: 'Preliminary round',
  '1': 'Round 1',
  '2': 'Round 2',
  '3': 'Round 3',
  '4': 'Round 4',
  '5': 'Round 5',
  semi: 'Semi-finals',
  'Semi-final': 'Semi-finals',
  final: 'Final',
  Final: 'Final',
};

/**
 * leaguecup.csv `leg` is 0 for a single match, 1/2 for legs — except in 2006-07 and 2014-15..2018-19, where every
 * single match is marked 1. So a leg counts only in a round of a season that has a second leg.
 */
function twoLeggedRounds(reader: RowReader, table: CsvTable): Set<string> {
  const rounds = new Set<string>();
  for (const row of table.rows) {
    reader.start(row);
    if (reader.text('leg') !== '2') continue;
    rounds.add(`${reader.text('Season')}|${own(LEAGUE_CUP_ROUNDS, reader.text('round') ?? '')}`);
  }
  return rounds;
}

function readLeagueCup(reader: RowReader, table: CsvTable, comp: Competition): MatchRecord[] {
  const twoLegged = twoLeggedRounds(reader, table);
  const records: MatchRecord[] = [];
  for (const row of table.rows) {
    if (!reader.startMatch(row)) continue;
    const core = readCore(reader);
    const roundText = reader.required('round', 'round');
    const round = own(LEAGUE_CUP_ROUNDS, roundText);
    if (roundText !== '' && round === undefined) reader.fail('round', `unknown round '${roundText}'`);
    const legText = reader.text('leg');
    if (legText !== null && legText !== '0' && legText !== '1' && legText !== '2')
      reader.fail('leg', `unknown leg '${legText}'`);
    const ftScore = reader.score('hgoal', 'vgoal');
    if (!reader.failed && !ftScore) reader.fail('hgoal', 'no score');
    const attendance = reader.count('attendance');
    if (reader.failed) continue;
    const hasLegs = twoLegged.has(`${reader.text('Season')}|${round}`);
    records.push(
      matchRecord(ENGSOCCERDATA_CUP_FORMAT, reader, comp, core, {
        home: { name: core.home, country: ENGLAND },
        away: { name: core.away, country: ENGLAND },
        status: 'played',
        ftScore,
        round: replayRound(round, reader.text('tie')),
        leg: hasLegs && (legText === '1' || legText === '2') ? (Number(legText) as 1 | 2) : null,
        // Single-match finals (1967 on, replays included) are at Wembley or another neutral ground.
        neutral: round === 'Final' && !hasLegs,
        venue: reader.text('Venue'),
        attendance,
      }),
    );
  }
  return records;
}

/**
 * englandplayoffs.csv `division` values of the Football League's own play-offs (and the 1890s test matches
 * between its divisions) → the group label; other divisions are non-league play-offs and left out.
 */
const PLAYOFF_DIVISIONS: Readonly<Record<string, string>> = {
  'test match': 'Test matches',
  '2': 'Tier 2',
  '3': 'Tier 3',
  '4': 'Tier 4',
};

/** `l` = the 1890s test-match mini-leagues. */
const PLAYOFF_ROUNDS: Readonly<Record<string, string>> = { l: 'Test matches', s: 'Semi-finals', f: 'Final' };

function readPlayoffs(reader: RowReader, table: CsvTable, comp: Competition): MatchRecord[] {
  const records: MatchRecord[] = [];
  for (const row of table.rows) {
    if (!reader.startMatch(row)) continue;
    const division = reader.required('division', 'division');
    const group = own(PLAYOFF_DIVISIONS, division);
    if (division !== '' && group === undefined) continue;
    const core = readCore(reader);
    const roundText = reader.required('round', 'round');
    const round = own(PLAYOFF_ROUNDS, roundText);
    if (roundText !== '' && round === undefined) reader.fail('round', `unknown round '${roundText}'`);
    const score = reader.score('hgoal', 'vgoal');
    if (!reader.failed && !score) reader.fail('hgoal', 'no score');
    const penScore = readWinnerFirstPenalties(reader, core.home, core.away);
    const attendance = reader.count('attendance');
    if (reader.failed) continue;
    records.push(
      matchRecord(ENGSOCCERDATA_CUP_FORMAT, reader, comp, core, {
        home: { name: core.home, country: ENGLAND },
        away: { name: core.away, country: ENGLAND },
        status: 'played',
        ...splitExtraTime(reader, score),
        penScore,
        round,
        group,
        leg: legOfTie(reader.text('tie')),
        neutral: reader.text('neutral') === 'yes',
        venue: reader.text('Venue'),
        attendance,
      }),
    );
  }
  return records;
}

// ---------------------------------------------------------------- teamnames.csv

/** `MLS` is a league, not a country: its Canadian clubs. */
const CANADIAN_MLS_CLUBS = new Set(['Montreal Impact', 'Toronto FC', 'Vancouver Whitecaps']);

export function looksLikeEngsoccerdataTeamNames(text: string, fileName: string): boolean {
  const header = readCsvHeader(text);
  return baseName(fileName) === 'teamnames' && ['country', 'name', 'name_other'].every((c) => header.includes(c));
}

/**
 * teamnames.csv: one row per (club, name variant). Rows are grouped by (country, name); the variants other than
 * the name itself become aliases. An unknown country or a row without a name stops the parse: the file is small and
 * curated, and a club filed under no country would be worse than no file.
 */
export function parseEngsoccerdataTeamNames(text: string, file: string): ClubRecord[] {
  const table = readTable(text, file, ['country', 'name', 'name_other']);
  const reader = new RowReader(file, table, [], []);
  const clubs = new Map<string, ClubRecord>();
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const widthError = table.widthError(row);
    if (widthError) throw new MatchdayError('FORMAT', widthError, { file, line: row.line });
    reader.start(row);
    const countryName = reader.text('country') ?? '';
    const name = reader.text('name');
    const other = reader.text('name_other');
    // `Holland`, `MLS`: the registry's countries know these names too.
    const leagueCountry = CompetitionRegistry.builtIn().country(countryName)?.code;
    if (!leagueCountry) {
      throw new MatchdayError('FORMAT', `unknown country '${countryName}'`, { file, line: row.line, field: 'country' });
    }
    if (name === null) throw new MatchdayError('FORMAT', 'no team name', { file, line: row.line, field: 'name' });
    const country = countryName === 'MLS' && CANADIAN_MLS_CLUBS.has(name) ? 'CAN' : leagueCountry;
    const key = `${country}|${name}`;
    let club = clubs.get(key);
    if (!club) {
      club = {
        source: { format: ENGSOCCERDATA_TEAMNAMES_FORMAT, file, line: row.line },
        name,
        country,
        aliases: [],
        founded: null,
        stadium: null,
        city: null,
      };
      clubs.set(key, club);
    }
    if (other !== null && other !== name && !club.aliases.includes(other)) club.aliases.push(other);
  }
  return [...clubs.values()];
}
