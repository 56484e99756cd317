/**
 * openfootball Football.TXT match files (leagues and cups of any country, UEFA club competitions) → MatchRecords.
 *
 * The competition comes from the season header's title (`= English FA Cup 2023/24`, `= Norway Eliteserien 2024`)
 * looked up in the registry; a title the registry does not know creates a competition from what it says (country,
 * name, a cup or a league, the tier from a file name such as `2-eerstedivisie.txt`). `2023/24` is an autumn-spring
 * season, `2024` a calendar-year one.
 *
 * Two generations of the format are read:
 * - current: `» Group A` / `▪ Matchday 1` round headers, indented date lines `Thu Apr/11` or `Fri Aug 11 2023`,
 *   match lines `21.00  Home (ENG)  v  Away (ITA)  0-3 (0-1)`, markers `[cancelled]`;
 * - older (`removed-2024-09-18/`): unmarked round headers `Round of 16 - 1st Leg`, bracketed dates `[Tue Feb/14]`,
 *   match lines `20.45  Home  4-0  Away  @ Stadium, City`, goal lines `[Di María 18', 55'; Cavani 62' (pen.)]`;
 *   the German cup files (`removed-2024-09-17/`) write `1. Runde`, `[Fr 17.8.]` and `Home  5:5 (3:3) n.V. 5:4 i.E.  Away`
 *   (after extra time, after 90 minutes, shoot-out).
 * Date lines may be indented or not (`Wed Nov 11` in the Spanish and Italian cup files).
 *
 * Rounds: within a knockout round, two meetings of the same pair are the legs of a tie in continental competitions
 * and in the cup rounds the registry lists as two-legged (the League Cup's semi-finals); in any other cup round the
 * second meeting is a replay (`Round 3 replay`, no leg). Rounds the registry plays at a neutral ground (the FA Cup's
 * semi-finals and final) are neutral.
 * A fixture whose teams are not drawn yet (`N.N. v N.N.`) is not a match: it is left out with a warning.
 * Every line that is not blank, a comment or understood becomes a RowError with file:line.
 */
import { createdCompetition, isNeutralRound, isTwoLeggedRound, type Competition } from '../competitions/competition.js';
import { CompetitionRegistry, kindFromName, slug } from '../competitions/registry.js';
import { seasonLabel, type SeasonCalendar } from '../competitions/seasons.js';
import type { GoalRecord, MatchRecord, MatchStatus, ParsedFile, RowError, Score, Side, TeamRef } from './records.js';

export const FOOTBALL_TXT_FORMAT = 'football-txt';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const DATE_RE = new RegExp(
  String.raw`^(?:(${WEEKDAYS.join('|')})\s+)?(${MONTHS.join('|')})[/ ](\d{1,2})(?:\s+(\d{4}))?$`,
);
/** The German cup files' dates: `Fr 17.8.`, `Sa 1.6.2013`. */
const GERMAN_WEEKDAYS: Record<string, string> = {
  Mo: 'Mon',
  Di: 'Tue',
  Mi: 'Wed',
  Do: 'Thu',
  Fr: 'Fri',
  Sa: 'Sat',
  So: 'Sun',
};
const GERMAN_DATE_RE = /^(Mo|Di|Mi|Do|Fr|Sa|So)\.?\s+(\d{1,2})\.(\d{1,2})\.(\d{4})?$/;
const TIME_RE = /^(\d{1,2})[.:](\d{2})\s+/;
/** A result as the files write it: `4-2 pen. 1-0 a.e.t. (1-0, 0-0)`, `2-3 (1-2)`, `7-6 pen. (0-0)`, `1-1 a.e.t. (1-1, )`. */
const SCORE_PATTERN = String.raw`\d+-\d+(?:\s+pen\.(?:\s+\d+-\d+)?)?(?:\s+a\.e\.t\.)?(?:\s*\(\d+-\d+(?:,\s*(?:\d+-\d+)?)?\))?`;
const TEAMS_WITH_V_RE = new RegExp(String.raw`^(.*?\S)\s+v\s+(.*?\S)(?:\s+(${SCORE_PATTERN}))?$`);
const TEAMS_AROUND_SCORE_RE = new RegExp(String.raw`^(.*?\S)\s+(${SCORE_PATTERN}|-)\s+(\S.*)$`);
/** The German files' result: `3:2`, `3:2 (2:2) n.V.` (after extra time, then 90'), `5:5 (3:3) n.V. 5:4 i.E.`. */
const GERMAN_SCORE_RE = /^(\d+):(\d+)(?:\s*\((\d+):(\d+)\))?(\s+n\.V\.)?(?:\s+(\d+):(\d+)\s+i\.E\.)?$/;
const TEAMS_AROUND_GERMAN_SCORE_RE =
  /^(.*?\S)\s+(\d+:\d+(?:\s*\(\d+:\d+\))?(?:\s+n\.V\.)?(?:\s+\d+:\d+\s+i\.E\.)?)\s+(\S.*)$/;
/** A team still to be drawn. */
const PLACEHOLDER_TEAM_RE = /^N\.\s?N\.$/;
const TEAM_WITH_COUNTRY_RE = /^(.*\S)\s+\(([A-Z]{3})\)$/;
const GOAL_RE = /(\d+)(?:\+(\d+))?'(?:\s*\((pen|o\.g)\.\))?/g;

const STATUS_MARKERS: Record<string, MatchStatus> = {
  cancelled: 'cancelled',
  // An annulled match's result was struck off: for the record it did not take place.
  annulled: 'cancelled',
  postponed: 'postponed',
  awarded: 'awarded',
  abandoned: 'abandoned',
};

/** UEFA titles the files word more than one way (`UEFA Champions League 2015/16 - Group A`). */
const TITLE_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/champions league|champion clubs|european cup/i, 'uefa.cl'],
  [/europa league|uefa cup/i, 'uefa.el'],
  [/conference league/i, 'uefa.conf'],
];
/** Competition by file name, for files without a season header (the 1955–73 European Cup archive). */
const FILE_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|\/)clq?(?:_\w+)?\.txt$/, 'uefa.cl'],
  [/(?:^|\/)elq?(?:_\w+)?\.txt$/, 'uefa.el'],
  [/(?:^|\/)confq?\.txt$/, 'uefa.conf'],
  [/champions-league\/.*(?:^|\/)cup\.txt$/, 'uefa.cl'],
  [/fr1\.txt$/, 'fr.1'],
  [/fr2\.txt$/, 'fr.2'],
  [/frcup\.txt$/, 'fr.cup'],
];
/** Qualifying-round files: `clq.txt`, `cl_quali.txt`, `cl_playoffs.txt`, `cl_round2.txt`, or a `- Quali` title. */
const QUALIFYING_FILE_RE = /(?:^|\/)(?:clq|elq|confq|\w+_quali|\w+_playoffs|\w+_round\d)\.txt$/;

/** True for text that reads as a Football.TXT match file (a season header, a round header or a bracketed date). */
export function looksLikeFootballTxt(text: string, fileName: string): boolean {
  if (!fileName.endsWith('.txt') || /\.(clubs|stadiums)\b/.test(fileName)) return false;
  return (
    /^=\s*\S.*\d{4}\/\d{2}/m.test(text) ||
    /^\s*[»▪]\s*\S/m.test(text) ||
    /^\[(?:[A-Z][a-z]{2}\s+)?[A-Z][a-z]{2}\/\d{1,2}\]/m.test(text)
  );
}

interface RoundState {
  round: string;
  group: string | null;
  leg: 1 | 2 | null;
  replay: boolean;
}

interface ParseContext {
  file: string;
  registry: CompetitionRegistry;
  competition: Competition | null;
  qualifying: boolean;
  seasonStart: number | null;
  seasonCalendar: SeasonCalendar;
  round: RoundState | null;
  date: string | null;
  time: string | null;
  /** A June date opens a season (qualifying) unless another month came before it in the file. */
  seenNonJuneDate: boolean;
  lastMatch: MatchRecord | null;
}

export function parseFootballTxt(
  text: string,
  file: string,
  registry: CompetitionRegistry = CompetitionRegistry.builtIn(),
): ParsedFile {
  const records: MatchRecord[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const explicitLeg = new Set<MatchRecord>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fileCode = fileCompetitionCode(file);
  const pathSeason = seasonFromPath(file);
  const ctx: ParseContext = {
    file,
    registry,
    competition: fileCode ? (registry.get(fileCode) ?? null) : null,
    qualifying: QUALIFYING_FILE_RE.test(file.replace(/\\/g, '/')),
    seasonStart: pathSeason?.start ?? null,
    seasonCalendar: pathSeason?.calendar ?? 'autumn-spring',
    round: null,
    date: null,
    time: null,
    seenNonJuneDate: false,
    lastMatch: null,
  };
  const fail = (line: number, field: string | null, message: string): void => {
    errors.push({ file, line, field, message });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i].replace(/#.*$/, '').trimEnd();
    if (raw.trim() === '') continue;
    const content = raw.trim();
    const indented = /^\s/.test(raw);

    if (content.startsWith('=')) {
      const problem = readSeasonHeader(content, ctx);
      if (problem) fail(lineNo, 'season', problem);
      continue;
    }
    const bracketed = /^\[(.*)\]$/.exec(content);
    const dateLine = readDateLine(bracketed ? bracketed[1].trim() : content);
    if (dateLine) {
      ctx.time = null;
      ctx.lastMatch = null;
      const date = resolveDate(dateLine, ctx);
      ctx.date = typeof date === 'string' ? date : null;
      if (typeof date !== 'string') fail(lineNo, 'date', date.error);
      continue;
    }
    if (/^[»▪]/.test(content) || (!indented && !content.startsWith('['))) {
      const label = content.replace(/^[»▪]\s*/, '');
      const round = normaliseRound(label, ctx);
      if (round) ctx.round = round;
      else {
        ctx.round = { round: label, group: null, leg: null, replay: false };
        fail(lineNo, 'round', `unknown round header "${label}"`);
      }
      ctx.date = null;
      ctx.lastMatch = null;
      continue;
    }
    if (bracketed) {
      if (!ctx.lastMatch) fail(lineNo, 'goals', 'goal line without a match before it');
      else {
        const problem = attachGoals(bracketed[1], ctx.lastMatch);
        if (problem) fail(lineNo, 'goals', problem);
      }
      continue;
    }
    if (content.startsWith('@')) {
      if (!ctx.lastMatch) fail(lineNo, 'venue', 'venue line without a match before it');
      else ctx.lastMatch.venue = content.slice(1).trim();
      continue;
    }

    const parsed = parseMatchLine(content);
    if (typeof parsed === 'string') {
      fail(lineNo, 'match', parsed);
      ctx.lastMatch = null;
      continue;
    }
    if (isPlaceholder(parsed.home) || isPlaceholder(parsed.away)) {
      ctx.lastMatch = null;
      if (parsed.status === 'played' || parsed.status === 'awarded') {
        fail(lineNo, 'match', `a result for a team not yet drawn (${parsed.home.name} v ${parsed.away.name})`);
      } else {
        const message = `fixture between teams not yet drawn (${parsed.home.name} v ${parsed.away.name}) left out`;
        warnings.push({ file, line: lineNo, field: 'match', message });
      }
      continue;
    }
    if (!ctx.competition || ctx.seasonStart === null || !ctx.date) {
      const missing = !ctx.competition
        ? 'competition unknown (no season header and no known file name)'
        : ctx.seasonStart === null
          ? 'season unknown (no season header and no YYYY-YY or YYYY folder in the path)'
          : 'match without a valid date line before it';
      fail(lineNo, null, missing);
      ctx.lastMatch = null;
      continue;
    }
    const round = ctx.round;
    // Written out in full: spreading defaults and then overriding them is several times slower in V8.
    const record: MatchRecord = {
      source: { format: FOOTBALL_TXT_FORMAT, file, line: lineNo },
      competition: ctx.competition,
      season: seasonLabel(ctx.seasonStart, ctx.seasonCalendar),
      date: ctx.date,
      time: parsed.time ?? ctx.time,
      home: parsed.home,
      away: parsed.away,
      venue: parsed.venue,
      neutral: round?.replay ?? false,
      round: round?.round ?? null,
      group: round?.group ?? null,
      leg: round?.leg ?? null,
      status: parsed.status,
      htScore: parsed.score.ht,
      ftScore: parsed.score.ft,
      etScore: parsed.score.et,
      penScore: parsed.score.pen,
      attendance: null,
      referee: null,
      goals: [],
      stats: null,
      odds: [],
    };
    if (parsed.time) ctx.time = parsed.time;
    if (record.leg !== null) explicitLeg.add(record);
    records.push(record);
    ctx.lastMatch = record;
  }

  assignLegsReplaysAndNeutralRounds(records, explicitLeg);
  return { format: FOOTBALL_TXT_FORMAT, file, records, errors, warnings };
}

function isPlaceholder(team: TeamRef): boolean {
  return PLACEHOLDER_TEAM_RE.test(team.name);
}

/**
 * `= UEFA Europa League 2023/24`, `= Norway Eliteserien 2024` → competition + season; returns a problem description
 * or null.
 */
function readSeasonHeader(content: string, ctx: ParseContext): string | null {
  const title = content.replace(/^=+\s*/, '').replace(/\s*=+$/, '');
  const season = /\s*(\d{4})(?:\/(\d{2}|\d{4}))?$/.exec(title);
  if (season) {
    const start = Number(season[1]);
    if (season[2] !== undefined && Number(season[2].slice(-2)) !== (start + 1) % 100)
      return `season "${season[0].trim()}" does not span two consecutive years`;
    ctx.seasonStart = start;
    ctx.seasonCalendar = season[2] === undefined ? 'calendar-year' : 'autumn-spring';
  }
  const name = season ? title.slice(0, season.index).trim() : title.trim();
  if (/quali/i.test(name)) ctx.qualifying = true;
  if (name === '') return `no competition in header "${title}"`;
  ctx.competition = competitionOfTitle(name, ctx);
  if (ctx.seasonStart === null) return `no season in header "${title}"`;
  return null;
}

/**
 * The registry's competition for a header title (`English FA Cup`, `UEFA Champions League - Quali`), else one
 * created from the title: its country from the title's first words or the file's folders, a cup or a league by its
 * name, the tier from a file name like `2-eerstedivisie.txt`.
 */
function competitionOfTitle(name: string, ctx: ParseContext): Competition {
  const { registry, file } = ctx;
  const withoutSuffix = name.replace(/\s+[-–]\s+.*$/, '');
  const known =
    registry.find(name) ??
    registry.find(withoutSuffix) ??
    registry.get(TITLE_CODES.find(([re]) => re.test(name))?.[1] ?? '') ??
    registry.get(fileCompetitionCode(file) ?? '');
  if (known) return known;
  const titled = registry.countryOfTitle(withoutSuffix);
  const country = titled?.country ?? countryOfPath(file, registry);
  const rest = titled?.rest ?? withoutSuffix;
  const inCountry = [rest, ...(country?.names ?? []).map((n) => `${n} ${rest}`)]
    .map((text) => registry.find(text))
    .find((c) => c !== undefined && country !== undefined && c.country === country.code);
  if (inCountry) return inCountry;
  const tierPrefix = /(?:^|[/\\])(\d)-[^/\\]*\.txt$/.exec(file);
  const kind = kindFromName(rest);
  return createdCompetition({
    code: `${country?.iso ?? 'xx'}.${slug(rest)}`,
    name: country && !titled ? `${country.names[0]} ${rest}` : withoutSuffix,
    kind,
    country: country?.code ?? null,
    tier: kind === 'league' && tierPrefix ? Number(tierPrefix[1]) : null,
    aliases: [name],
    calendar: ctx.seasonCalendar,
  });
}

/** A country named by one of the file's folders (`europe/netherlands/2023-24/1-eredivisie.txt`). */
function countryOfPath(file: string, registry: CompetitionRegistry) {
  const folders = file.split(/[\\/]/).slice(0, -1).reverse();
  for (const folder of folders) {
    const country = registry.country(folder.replace(/-/g, ' '));
    if (country) return country;
  }
  return undefined;
}

function fileCompetitionCode(file: string): string | null {
  const normalised = file.replace(/\\/g, '/');
  return FILE_CODES.find(([re]) => re.test(normalised))?.[1] ?? null;
}

/** `.../2023-24/...` → 2023 autumn-spring; `.../2024/...` → calendar year 2024; else null. */
function seasonFromPath(file: string): { start: number; calendar: SeasonCalendar } | null {
  const two = /(?:^|[/\\_])(\d{4})-(\d{2})(?=[/\\_.]|$)/.exec(file);
  if (two && Number(two[2]) === (Number(two[1]) + 1) % 100) return { start: Number(two[1]), calendar: 'autumn-spring' };
  const one = /(?:^|[/\\])(\d{4})(?=[/\\])/.exec(file);
  return one ? { start: Number(one[1]), calendar: 'calendar-year' } : null;
}

/**
 * Round header → English label, group and (when the header says so) leg.
 * `Gruppe G` → Group stage / G; `Finals, Quarterfinals` → Quarter-finals; `Round of 16 - 1st Leg` → leg 1;
 * `Round 2` → Qualifying round 2 in a qualifying file, Matchday 2 in a league, Round 2 in a cup.
 */
function normaliseRound(label: string, ctx: ParseContext): RoundState | null {
  let text = label.trim().replace(/^Finals,\s*/i, '');
  let leg: 1 | 2 | null = null;
  const legMatch = /[\s,-]+(1st|2nd)\s+leg$/i.exec(text);
  if (legMatch) {
    leg = legMatch[1].toLowerCase() === '1st' ? 1 : 2;
    text = text.slice(0, legMatch.index);
  }
  const replay = /[\s,-]+replay$/i.test(text);
  text = text.replace(/[\s,-]+replay$/i, '');
  // `League, Matchday 3` / `Group, Matchday 2` / `Playoffs, Matchday 1`: the stage is what counts.
  text = text.replace(/^(.+?),\s*matchday\s+\d+$/i, '$1').trim();

  const simple = (round: string, group: string | null = null): RoundState => ({
    round: replay ? `${round} replay` : round,
    group,
    leg,
    replay,
  });
  const lower = text.toLowerCase();
  const group = /^(?:group|gruppe)\s+([a-z])$/i.exec(text);
  if (group) return simple('Group stage', group[1].toUpperCase());
  if (lower === 'group') return simple('Group stage');
  if (lower === 'league' || lower === 'league phase') return simple('League phase');
  const matchday = /^(?:matchday|spieltag)\s+(\d+)$|^(\d+)\.\s*spieltag$/i.exec(text);
  if (matchday) return simple(`Matchday ${matchday[1] ?? matchday[2]}`);
  const numbered = /^(?:qual\.\s*)?round\s+(\d+)$|^(\d+)\.\s*(?:round|runde)$/i.exec(text);
  if (numbered) {
    const n = numbered[1] ?? numbered[2];
    if (ctx.qualifying) return simple(`Qualifying round ${n}`);
    return simple(ctx.competition?.kind === 'league' ? `Matchday ${n}` : `Round ${n}`);
  }
  const knockout: Record<string, string> = {
    'round of 32': 'Round of 32',
    sechzehntelfinale: 'Round of 32',
    'round of 16': 'Round of 16',
    achtelfinale: 'Round of 16',
    quarterfinals: 'Quarter-finals',
    'quarter-finals': 'Quarter-finals',
    viertelfinale: 'Quarter-finals',
    semifinals: 'Semi-finals',
    'semi-finals': 'Semi-finals',
    halbfinale: 'Semi-finals',
    final: 'Final',
    finale: 'Final',
    'preliminary round': 'Preliminary round',
    'preliminary semifinals': 'Preliminary round semi-finals',
    'preliminary semi-finals': 'Preliminary round semi-finals',
    'preliminary final': 'Preliminary round final',
  };
  if (knockout[lower]) return simple(knockout[lower]);
  if (/^play-?offs?(?:\s+round)?$/i.test(text)) {
    return simple(ctx.qualifying ? 'Play-off round' : 'Knockout round play-offs');
  }
  return null;
}

/** A date line as written: weekday (English, if any), month 1-12, day, year (if written). */
interface DateLine {
  weekday: string | undefined;
  month: number;
  day: number;
  year: number | null;
}

/** `Thu Apr/11`, `Fri Aug 11 2023`, `Wed Nov 11`, `Fr 17.8.` → its parts; null for a line that is no date. */
function readDateLine(text: string): DateLine | null {
  const english = DATE_RE.exec(text);
  if (english) {
    const [, weekday, monthName, day, year] = english;
    const month = MONTHS.indexOf(monthName) + 1;
    return { weekday, month, day: Number(day), year: year === undefined ? null : Number(year) };
  }
  const german = GERMAN_DATE_RE.exec(text);
  if (!german) return null;
  const [, weekday, day, month, year] = german;
  return {
    weekday: GERMAN_WEEKDAYS[weekday],
    month: Number(month),
    day: Number(day),
    year: year === undefined ? null : Number(year),
  };
}

/**
 * `Thu Apr/11` → ISO date. The year is written on some lines; otherwise it comes from the season. A calendar-year
 * season is its year. In an autumn-spring season Jul–Dec is the start year, Jan–May the next, and June the start year
 * only before any other month (qualifying), else the end.
 * At the season's edges (June–August) the weekday may move a date to the other year: the August 2020 matches
 * belong to 2019-20. Anywhere else a weekday that does not fit is an error.
 */
function resolveDate(line: DateLine, ctx: ParseContext): string | { error: string } {
  const { weekday, month, day, year: yearText } = line;
  const monthName = MONTHS[month - 1] ?? String(month);
  const sawNonJune = ctx.seenNonJuneDate;
  if (month !== 6) ctx.seenNonJuneDate = true;
  let year: number;
  if (yearText !== null) year = yearText;
  else if (ctx.seasonStart === null) return { error: 'date without a year and no season known' };
  else if (ctx.seasonCalendar === 'calendar-year') {
    // A calendar-year season may run into the next January–March (Brazil 2020 ended in February 2021).
    year = ctx.seasonStart;
    if (weekday && month <= 3 && weekdayOf(year, month, day) !== weekday && weekdayOf(year + 1, month, day) === weekday)
      year++;
  } else {
    const start = ctx.seasonStart;
    year = month >= 7 ? start : month === 6 && !sawNonJune ? start : start + 1;
    const other = year === start ? start + 1 : start;
    if (weekday && weekdayOf(year, month, day) !== weekday && month >= 6 && month <= 8) {
      if (weekdayOf(other, month, day) === weekday) year = other;
    }
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return { error: `no such date ${monthName}/${day} ${year}` };
  if (weekday && WEEKDAYS[check.getUTCDay()] !== weekday)
    return { error: `${monthName}/${day} ${year} is not a ${weekday}` };
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayOf(year: number, month: number, day: number): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

interface ScoreParts {
  ht: Score | null;
  ft: Score | null;
  et: Score | null;
  pen: Score | null;
}

interface MatchLine {
  time: string | null;
  home: TeamRef;
  away: TeamRef;
  venue: string | null;
  status: MatchStatus;
  score: ScoreParts;
}

/** One match line (time, teams, result, marker, venue); returns a problem description when it cannot be read. */
function parseMatchLine(content: string): MatchLine | string {
  let rest = content;
  let time: string | null = null;
  const timeMatch = TIME_RE.exec(rest);
  if (timeMatch) {
    const hours = Number(timeMatch[1]);
    const minutes = Number(timeMatch[2]);
    if (hours > 23 || minutes > 59) return `bad kick-off time "${timeMatch[0].trim()}"`;
    time = `${String(hours).padStart(2, '0')}:${timeMatch[2]}`;
    rest = rest.slice(timeMatch[0].length);
  }
  let venue: string | null = null;
  const at = rest.includes('@') ? /\s@\s+(.*)$/.exec(rest) : null;
  if (at) {
    venue = at[1].trim();
    rest = rest.slice(0, at.index).trim();
  }
  let marker: MatchStatus | null = null;
  const markerMatch = rest.endsWith(']') ? /\s*\[([^\]]*)\]$/.exec(rest) : null;
  if (markerMatch) {
    marker = STATUS_MARKERS[markerMatch[1].trim().toLowerCase()] ?? null;
    if (!marker) return `unknown marker "[${markerMatch[1]}]"`;
    rest = rest.slice(0, markerMatch.index);
  }

  let homeText: string;
  let awayText: string;
  let scoreText: string | null;
  const withV = TEAMS_WITH_V_RE.exec(rest);
  const aroundScore = withV ? null : TEAMS_AROUND_SCORE_RE.exec(rest);
  const aroundGermanScore = withV || aroundScore ? null : TEAMS_AROUND_GERMAN_SCORE_RE.exec(rest);
  if (withV) [, homeText, awayText, scoreText = null] = withV;
  else if (aroundScore) {
    [, homeText, scoreText, awayText] = aroundScore;
    if (scoreText === '-') scoreText = null;
  } else if (aroundGermanScore) [, homeText, scoreText, awayText] = aroundGermanScore;
  else return `cannot read match line "${content}"`;

  const home = parseTeam(homeText);
  const away = parseTeam(awayText);
  if (typeof home === 'string') return home;
  if (typeof away === 'string') return away;

  const score = !scoreText
    ? { ht: null, ft: null, et: null, pen: null }
    : aroundGermanScore
      ? parseGermanScore(scoreText)
      : parseScore(scoreText);
  if (typeof score === 'string') return score;
  const status: MatchStatus = marker ?? (scoreText ? 'played' : 'scheduled');
  if (status === 'played' && !score.ft && !score.et)
    return `no result after 90 minutes or extra time in "${scoreText}"`;
  return { time, home, away, venue, status, score };
}

/**
 * `Liverpool FC (ENG)` → name + country. Domestic files write no country: it stays null rather than a guess from the
 * competition (AS Monaco plays in the French league but is `(MCO)` in UEFA files).
 */
function parseTeam(text: string): TeamRef | string {
  const m = TEAM_WITH_COUNTRY_RE.exec(text.trim());
  const team: TeamRef = m ? { name: m[1], country: m[2] } : { name: text.trim(), country: null };
  if (team.name === '' || /\d+-\d+|[()[\]@]|^-|-$/.test(team.name)) return `cannot read team "${text.trim()}"`;
  return team;
}

/**
 * `4-2 pen. 1-0 a.e.t. (1-0, 0-0)`: shoot-out 4-2, 1-0 after extra time, 1-0 after 90, 0-0 at half-time.
 * The bracket holds (after 90, half-time) when the main score is after extra time or there was a shoot-out,
 * and the half-time score otherwise.
 */
function parseScore(text: string): ScoreParts | string {
  const m =
    /^(?:(\d+)-(\d+)\s+pen\.\s*)?(?:(\d+)-(\d+)(\s+a\.e\.t\.)?)?\s*(?:\((\d+)-(\d+)(?:,\s*(?:(\d+)-(\d+))?)?\))?$/.exec(
      text.trim(),
    );
  if (!m || text.trim() === '') return `cannot read score "${text}"`;
  const pair = (a: string | undefined, b: string | undefined): Score | null =>
    a === undefined || b === undefined ? null : [Number(a), Number(b)];
  const pen = pair(m[1], m[2]);
  const main = pair(m[3], m[4]);
  const aet = m[5] !== undefined;
  const first = pair(m[6], m[7]);
  const second = pair(m[8], m[9]);
  const hasTwoInBracket = /,/.test(text);
  if (aet || pen) {
    // The bracket's first score is after 90 minutes; a second one (possibly blank) is half-time.
    const ft = first ?? (aet ? null : main);
    return { ft, et: aet ? main : null, pen, ht: second };
  }
  if (hasTwoInBracket) return `two scores in brackets without extra time or penalties in "${text}"`;
  return { ft: main, et: null, pen: null, ht: first };
}

/**
 * `5:5 (3:3) n.V. 5:4 i.E.`: 5-5 after extra time (`nach Verlängerung`), 3-3 after 90 minutes, 5-4 in the shoot-out
 * (`im Elfmeterschießen`). Without `n.V.` the score is the 90 minutes' and a bracket the half-time score.
 */
function parseGermanScore(text: string): ScoreParts | string {
  const m = GERMAN_SCORE_RE.exec(text.trim());
  if (!m) return `cannot read score "${text}"`;
  const pair = (a: string | undefined, b: string | undefined): Score | null =>
    a === undefined || b === undefined ? null : [Number(a), Number(b)];
  const main = pair(m[1], m[2]);
  const bracket = pair(m[3], m[4]);
  const pen = pair(m[6], m[7]);
  if (m[5] !== undefined) return { ft: bracket, et: main, pen, ht: null };
  if (pen) return `a shoot-out without extra time in "${text}"`;
  return { ft: main, et: null, pen: null, ht: bracket };
}

/** `Di María 18', 55' Draxler 40'; Cavani 62' (pen.)` → goals for home; away. A lone `-` means none. */
function attachGoals(content: string, match: MatchRecord): string | null {
  const sides = content.split(';');
  if (sides.length > 2) return `more than two sides in goal line "${content}"`;
  const goals: GoalRecord[] = [];
  for (let s = 0; s < sides.length; s++) {
    const side: Side = s === 0 ? 'home' : 'away';
    const parsed = parseGoals(sides[s], side);
    if (typeof parsed === 'string') return parsed;
    goals.push(...parsed);
  }
  // The files group goals by scorer (`Di María 18', 55' Draxler 40'`); records keep them in match order.
  match.goals = goals.sort((a, b) => (a.minute ?? 0) - (b.minute ?? 0) || (a.stoppage ?? 0) - (b.stoppage ?? 0));
  const final = match.etScore ?? match.ftScore;
  const counted: Score = [goals.filter((g) => g.side === 'home').length, goals.filter((g) => g.side === 'away').length];
  if (final && (counted[0] !== final[0] || counted[1] !== final[1])) {
    return `goal line lists ${counted.join('-')} but the result is ${final.join('-')}`;
  }
  return null;
}

function parseGoals(text: string, side: Side): GoalRecord[] | string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return [];
  const goals: GoalRecord[] = [];
  let scorer: string | null = null;
  let end = 0;
  for (const m of trimmed.matchAll(GOAL_RE)) {
    const between = trimmed.slice(end, m.index).replace(/^[\s,]+|[\s,]+$/g, '');
    if (between !== '') scorer = between;
    if (!scorer) return `goal at ${m[0]} without a scorer in "${trimmed}"`;
    goals.push({
      side,
      scorer,
      minute: Number(m[1]),
      stoppage: m[2] === undefined ? null : Number(m[2]),
      penalty: m[3] === 'pen',
      ownGoal: m[3] === 'o.g',
    });
    end = m.index + m[0].length;
  }
  const leftover = trimmed.slice(end).replace(/^[\s,]+/, '');
  if (leftover !== '') return `cannot read "${leftover}" in goal line "${trimmed}"`;
  return goals;
}

/**
 * The current files label neither legs nor replays: within one knockout round, a second meeting of the same pair is
 * the second leg of a tie in a continental competition and in a cup round the registry lists as two-legged, and a
 * replay anywhere else (`Round 3 replay`, no leg). A match that is no leg, in a round the registry plays at a neutral
 * ground (a final, the FA Cup's semi-finals), or a replay of one, is neutral.
 */
function assignLegsReplaysAndNeutralRounds(records: MatchRecord[], explicitLeg: Set<MatchRecord>): void {
  const meetings = new Map<string, MatchRecord[]>();
  for (const r of records) {
    if (explicitLeg.has(r) || !r.round || /^(Group stage|League phase|Matchday \d+)$/.test(r.round)) continue;
    const [a, b] = [teamKey(r.home), teamKey(r.away)];
    const key = `${r.competition.code}|${r.season}|${r.round}|${a < b ? a + '|' + b : b + '|' + a}`;
    const pair = meetings.get(key);
    if (pair) pair.push(r);
    else meetings.set(key, [r]);
  }
  for (const pair of meetings.values()) {
    pair.sort(
      (a, b) => (a.date + (a.time ?? '')).localeCompare(b.date + (b.time ?? '')) || a.source.line - b.source.line,
    );
    const [first, ...later] = pair;
    if (later.length === 0) continue;
    const twoLegged =
      first.competition.kind === 'continental' || isTwoLeggedRound(first.competition, first.season, first.round);
    if (twoLegged) {
      first.leg = 1;
      later[0].leg = 2;
    }
    for (const replay of twoLegged ? later.slice(1) : later) replay.round = `${first.round} replay`;
  }
  for (const r of records) {
    if (r.leg !== null || !r.round) continue;
    const round = r.round.replace(/ replay$/, '');
    if (isNeutralRound(r.competition, r.season, round)) r.neutral = true;
  }
}

function teamKey(team: TeamRef): string {
  return `${team.name}\u0000${team.country ?? ''}`;
}
