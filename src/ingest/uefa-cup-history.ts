/**
 * schochastics/football-data `uefa-el.csv`: the UEFA Cup / Europa League (`uefa.el`, from 1971-72) and the
 * Inter-Cities Fairs Cup before it (`uefa.fairs`, 1955-58 to 1970-71), one row per match (`home, away, date, gh, ga,
 * full_time, competition, home_ident, away_ident, home_country, away_country, home_code, away_code, ...`). The file
 * has no round, leg or venue: editions, group stages, ties, legs, replays and rounds are rebuilt from the dates and
 * pairings (uefa-cup-structure.ts).
 *
 * Scores: `full_time` is F (decided in 90 minutes), E (extra time) or P (a shoot-out), but only from 2000-01; before,
 * every row says F and `gh`/`ga` include any extra-time goals. So:
 * - E and P rows: the score is after extra time (etScore); the 90-minute score is not given (ftScore null) and a P
 *   row does not say who won the shoot-out (penScore null);
 * - earlier rows: the score is taken as the 90 minutes' (it is, unless the match went to extra time), except second
 *   legs decided on penalties, read by the rules of the time (readShootOutsBefore2000);
 * - finals recorded with the shoot-out as the result are corrected from the record (CORRECTIONS), with a warning
 *   naming the source of the correction.
 * A row repeated with the same teams and score a few days apart (two first legs of one qualifying tie) is read once.
 */
import { isNeutralRound, tieRulesIn, type Competition } from '../competitions/competition.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { calendarDate } from './calendar-date.js';
import { readCsvHeader, readCsvTable } from './csv.js';
import type { MatchRecord, ParsedFile, RowError, Score, TeamRef } from './records.js';
import { uefaCupStructure, type Meeting } from './uefa-cup-structure.js';
import { seasonLabel } from '../competitions/seasons.js';

export const UEFA_CUP_HISTORY_FORMAT = 'uefa-cup-history';

const COLUMNS = ['home', 'away', 'date', 'gh', 'ga', 'full_time', 'home_ident', 'away_ident', 'home_code', 'away_code'];
/** The UEFA Cup replaced the Fairs Cup in 1971-72. */
const FIRST_UEFA_CUP_SEASON = 1971;
/** From this season the `full_time` flag says whether a match went to extra time or penalties. */
const FIRST_SEASON_WITH_EXTRA_TIME_FLAG = 2000;
/** Rows repeating a match (same teams, same score) within this many days are one match. */
const REPEATED_ROW_DAYS = 3;
const DAY_MS = 86_400_000;

/** A correction of the file from the record: the match by date and teams, and what it really was. */
interface Correction {
  date: string;
  home: string;
  away: string;
  ft: Score;
  et: Score | null;
  pen: Score | null;
  source: string;
}

/**
 * Finals the file records with the shoot-out as the result (the README names the 2000 final; the two-legged finals of
 * 1984, 1988 and 1997 have the same error). Finals are not caught by readShootOutsBefore2000, which needs a next round.
 */
const CORRECTIONS: readonly Correction[] = [
  {
    date: '1984-05-23',
    home: 'Tottenham Hotspur (England)',
    away: 'RSC Anderlecht (Belgium)',
    ft: [1, 1],
    et: [1, 1],
    pen: [4, 3],
    source:
      'UEFA.com, 1983/84 UEFA Cup final, second leg: 1-1 after extra time at White Hart Lane, Tottenham won 4-3 on penalties',
  },
  {
    date: '1988-05-18',
    home: 'Bayer Leverkusen (Germany)',
    away: 'Espanyol Barcelona (Spain)',
    ft: [3, 0],
    et: [3, 0],
    pen: [3, 2],
    source:
      'UEFA.com, 1987/88 UEFA Cup final, second leg: 3-0 after extra time in Leverkusen, Leverkusen won 3-2 on penalties',
  },
  {
    date: '1997-05-21',
    home: 'Inter (Italy)',
    away: 'FC Schalke 04 (Germany)',
    ft: [1, 0],
    et: [1, 0],
    pen: [1, 4],
    source:
      'UEFA.com, 1996/97 UEFA Cup final, second leg: 1-0 after extra time at San Siro, Schalke won 4-1 on penalties',
  },
  {
    date: '2000-05-17',
    home: 'Galatasaray (Turkey)',
    away: 'Arsenal FC (England)',
    ft: [0, 0],
    et: [0, 0],
    pen: [4, 1],
    source:
      'UEFA.com, 1999/2000 UEFA Cup final, Parken, Copenhagen: 0-0 after extra time, Galatasaray won 4-1 on penalties',
  },
];

/** True for the file's header: its first columns are schochastics' own. */
export function looksLikeUefaCupHistory(head: string): boolean {
  const header = readCsvHeader(head);
  return header.slice(0, 6).join(',') === 'home,away,date,gh,ga,full_time' && COLUMNS.every((c) => header.includes(c));
}

interface Row {
  line: number;
  date: string;
  home: TeamRef;
  away: TeamRef;
  homeIdent: string;
  awayIdent: string;
  score: Score;
  flag: 'F' | 'E' | 'P';
}

export function parseUefaCupHistory(
  text: string,
  file: string,
  registry: CompetitionRegistry = CompetitionRegistry.builtIn(),
): ParsedFile {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const uefaCup = registry.get('uefa.el');
  const fairsCup = registry.get('uefa.fairs');
  const table = readCsvTable(text);
  const missing = COLUMNS.filter((c) => table.column(c) < 0);
  if (missing.length > 0 || !uefaCup || !fairsCup) {
    const message =
      missing.length > 0 ? `missing columns ${missing.join(', ')}` : 'no uefa.el or uefa.fairs in the registry';
    return { format: UEFA_CUP_HISTORY_FORMAT, file, records: [], errors: [{ file, line: 1, field: null, message }] };
  }
  const rows: Row[] = [];
  const countries = new Map<string, string | null>();
  const countryOf = (code: string) => {
    if (!countries.has(code)) countries.set(code, registry.country(code)?.code ?? null);
    return countries.get(code)!;
  };
  for (const row of table.rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const fail = (field: string | null, message: string) => errors.push({ file, line: row.line, field, message });
    const widthError = table.widthError(row);
    if (widthError) {
      fail(null, widthError);
      continue;
    }
    const cell = (name: string) => row.cells[table.column(name)].trim();
    const read = readRow(cell, countryOf);
    if ('problem' in read) fail(read.field, read.problem);
    else rows.push({ line: row.line, ...read });
  }
  const kept = withoutRepeatedRows(rows, file, warnings);
  const places = uefaCupStructure(kept.map((r): Meeting => ({ date: r.date, home: r.homeIdent, away: r.awayIdent })));
  const records = kept.map((row, i) => {
    const place = places[i];
    const competition = place.seasonStartYear < FIRST_UEFA_CUP_SEASON ? fairsCup : uefaCup;
    return toRecord(row, file, competition, seasonLabel(place.seasonStartYear, 'autumn-spring'), place);
  });
  readShootOutsBefore2000(records);
  kept.forEach((row, i) => {
    const correction = CORRECTIONS.find(
      (c) => c.date === row.date && c.home === row.homeIdent && c.away === row.awayIdent,
    );
    if (!correction) return;
    Object.assign(records[i], { ftScore: correction.ft, etScore: correction.et, penScore: correction.pen });
    const message = `score ${row.score.join('-')} corrected from the record: ${correction.source}`;
    warnings.push({ file, line: row.line, field: 'gh', message });
  });
  return { format: UEFA_CUP_HISTORY_FORMAT, file, records, errors, warnings };
}

/** One row's cells, or the field that cannot be read and why. */
function readRow(
  cell: (name: string) => string,
  countryOf: (code: string) => string | null,
): Omit<Row, 'line'> | { field: string; problem: string } {
  const dateText = cell('date');
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  const date = parts ? calendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) : null;
  if (!date) return { field: 'date', problem: `'${dateText}' is not a date (yyyy-mm-dd)` };
  const goals = [cell('gh'), cell('ga')];
  if (!goals.every((g) => /^\d{1,2}$/.test(g))) return { field: 'gh', problem: `'${goals.join('-')}' is not a score` };
  const flag = cell('full_time');
  if (flag !== 'F' && flag !== 'E' && flag !== 'P')
    return { field: 'full_time', problem: `'${flag}' is not F, E or P` };
  const teams: TeamRef[] = [];
  for (const side of ['home', 'away']) {
    const name = cell(side);
    const code = cell(`${side}_code`);
    const country = countryOf(code);
    if (name === '') return { field: side, problem: 'no team' };
    if (!country) return { field: `${side}_code`, problem: `unknown country code '${code}'` };
    teams.push({ name, country });
  }
  return {
    date,
    home: teams[0],
    away: teams[1],
    homeIdent: cell('home_ident'),
    awayIdent: cell('away_ident'),
    score: [Number(goals[0]), Number(goals[1])],
    flag,
  };
}

/** Rows that repeat an earlier row's teams and score within a few days: the later is dropped, with a warning. */
function withoutRepeatedRows(rows: Row[], file: string, warnings: RowError[]): Row[] {
  const seen = new Map<string, Row>();
  return rows.filter((row) => {
    const key = `${row.homeIdent}\u0000${row.awayIdent}\u0000${row.score.join('-')}`;
    const earlier = seen.get(key);
    seen.set(key, row);
    if (!earlier || Math.abs(Date.parse(row.date) - Date.parse(earlier.date)) / DAY_MS > REPEATED_ROW_DAYS) return true;
    warnings.push({
      file,
      line: row.line,
      field: 'date',
      message: `repeats line ${earlier.line} (${earlier.date}, same teams and score): read once`,
    });
    seen.set(key, earlier);
    return false;
  });
}

function toRecord(
  row: Row,
  file: string,
  competition: Competition,
  season: string,
  place: { round: string; leg: 1 | 2 | null },
): MatchRecord {
  const afterExtraTime = row.flag !== 'F' && Number(season.slice(0, 4)) >= FIRST_SEASON_WITH_EXTRA_TIME_FLAG;
  const round = place.round.replace(/ replay$/, '');
  return {
    source: { format: UEFA_CUP_HISTORY_FORMAT, file, line: row.line },
    competition,
    season,
    date: row.date,
    time: null,
    home: row.home,
    away: row.away,
    neutral: place.leg === null && !place.round.endsWith(' replay') && isNeutralRound(competition, season, round),
    venue: null,
    round: place.round,
    group: null,
    leg: place.leg,
    status: 'played',
    htScore: null,
    ftScore: afterExtraTime ? null : row.score,
    etScore: afterExtraTime ? row.score : null,
    penScore: null,
    attendance: null,
    referee: null,
    goals: [],
    stats: null,
    odds: [],
  };
}

/**
 * Before 2000-01 the file does not flag extra time or shoot-outs, and a second leg decided on penalties holds either
 * the score after extra time or the shoot-out's. Under the rules of those years (away goals counting in extra time,
 * then penalties) a tie went to a shoot-out only when the second leg ended, after extra time, as the mirror of the
 * first (3-0 after 0-3). So, for a second leg of 1970-71 to 1999-2000:
 * - a score that leaves the tie level is the score after extra time (the shoot-out's winner is not given);
 * - a score that would put out the team that went on to the next round, won by that team, is the shoot-out's: the
 *   match ended as the mirror of the first leg after extra time.
 */
function readShootOutsBefore2000(records: MatchRecord[]): void {
  const teamKey = (t: TeamRef) => `${t.name}|${t.country}`;
  const lastPlayed = new Map<string, string>();
  const firstLegs = new Map<string, MatchRecord>();
  for (const r of records) {
    for (const team of [r.home, r.away]) {
      const key = `${r.season}|${teamKey(team)}`;
      if ((lastPlayed.get(key) ?? '') < r.date) lastPlayed.set(key, r.date);
    }
    if (r.leg === 1) firstLegs.set(`${r.season}|${r.round}|${teamKey(r.home)}|${teamKey(r.away)}`, r);
  }
  const wentOn = (r: MatchRecord, team: TeamRef) => (lastPlayed.get(`${r.season}|${teamKey(team)}`) ?? '') > r.date;
  for (const second of records) {
    if (second.leg !== 2 || !second.ftScore || Number(second.season.slice(0, 4)) >= FIRST_SEASON_WITH_EXTRA_TIME_FLAG)
      continue;
    const rules = tieRulesIn(second.competition, second.season);
    const first = firstLegs.get(`${second.season}|${second.round}|${teamKey(second.away)}|${teamKey(second.home)}`);
    if (!rules || rules.decider !== 'penalties' || !rules.awayGoalsInExtraTime || !first?.ftScore) continue;
    const [firstHost, firstVisitor] = first.ftScore;
    const [host, visitor] = second.ftScore;
    const hostGoals = firstVisitor + host;
    const visitorGoals = firstHost + visitor;
    const level = hostGoals === visitorGoals && firstVisitor === visitor;
    const hostOut = hostGoals < visitorGoals || (hostGoals === visitorGoals && visitor > firstVisitor);
    const shootOutWinnerWentOn = hostOut
      ? host > visitor && wentOn(second, second.home) && !wentOn(second, second.away)
      : visitor > host && wentOn(second, second.away) && !wentOn(second, second.home);
    if (level) {
      second.etScore = second.ftScore;
      second.ftScore = null;
    } else if (shootOutWinnerWentOn) {
      second.penScore = second.ftScore;
      second.etScore = [firstHost, firstVisitor];
      second.ftScore = null;
    }
  }
}
