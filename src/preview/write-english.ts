import { MatchdayError } from '../errors.js';
import { formatCount, formatPercent } from './preview-layout.js';

/**
 * The plain-English pieces every section writer uses: numbers as words, dates as readers say them, lists, plurals
 * and spans of time. No claims here, only wording.
 */

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `3` → `three`; from 11 on, digits (`1,330`). `0` → `no`, as in "no goals". */
export function numberWord(n: number): string {
  checkCount(n);
  return n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : formatCount(n);
}

const ORDINALS = ['', '', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** `2` → `second`; `1` → `` (the superlative alone: "heaviest"). */
export function ordinalPrefix(rank: number): string {
  checkCount(rank);
  if (rank <= 1) return '';
  return rank < ORDINALS.length ? `${ORDINALS[rank]}-` : `${rank}th-`;
}

/** `n match` / `n matches` with the number as a word. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${numberWord(n)} ${n === 1 ? singular : plural}`;
}

/** `once`, `twice`, `three times`. */
export function timesWord(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${numberWord(n)} times`;
}

/**
 * A competition's name where a sentence needs it after a preposition: `the Premier League`, `the UEFA Europa League`,
 * but `Serie A`, `Ligue 1`, `La Liga` (named like that without an article).
 */
export function competitionInSentence(name: string): string {
  return /^(serie|ligue|la liga|laliga|primera|segunda|primeira|süper|super lig)\b/i.test(name) ? name : `the ${name}`;
}

export function plural(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** `a, b and c`. */
export function listJoin(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `Atalanta's`, `Hellas Verona's`; a name ending in s takes a bare apostrophe (`Rangers'`). */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parts(isoDate: string): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) {
    throw new MatchdayError('INVALID_DATE', `expected a date written YYYY-MM-DD, got ${isoDate}`, { field: 'date' });
  }
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/** `2024-04-11` → `11 April 2024`. */
export function dayMonthYear(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${day} ${MONTHS[month]} ${year}`;
}

/** `2024-04-11` → `11 April` (for dates in the same season as the fixture). */
export function dayMonth(isoDate: string): string {
  const { month, day } = parts(isoDate);
  return `${day} ${MONTHS[month]}`;
}

/** `2023-03-11` → `March 2023`. */
export function monthYear(isoDate: string): string {
  const { year, month } = parts(isoDate);
  return `${MONTHS[month]} ${year}`;
}

/** `Thursday`. */
export function weekday(isoDate: string): string {
  return WEEKDAYS[parts(isoDate).weekday];
}

/**
 * Two dates as a month range: `March 2023`, `March and April 2023` (neighbouring months), `May to November 2023`,
 * `December 2022 to January 2023`.
 */
export function monthSpan(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  if (a.year === b.year && a.month === b.month) return monthYear(from);
  if (a.year === b.year) {
    return `${MONTHS[a.month]} ${b.month === a.month + 1 ? 'and' : 'to'} ${MONTHS[b.month]} ${b.year}`;
  }
  return `${monthYear(from)} to ${monthYear(to)}`;
}

/** A date relative to the fixture: within the season's reach (under a year before) `11 April`, else `11 April 2023`. */
export function dateBefore(isoDate: string, fixtureDate: string): string {
  return daysBetween(isoDate, fixtureDate) < 300 ? dayMonth(isoDate) : dayMonthYear(isoDate);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A span of days as people say it: `nine days`, `three weeks`, `nearly 18 months`, `just over a year`, `two years`.
 * "Nearly" and "just over" mark a span more than a week short of or past the round figure.
 */
export function durationPhrase(days: number): string {
  checkCount(days);
  if (days < 14) return counted(days, 'day');
  if (days < 60) return counted(Math.round(days / 7), 'week');
  const months = days / DAYS_PER_MONTH;
  const whole = Math.round(months);
  const offDays = (months - whole) * DAYS_PER_MONTH;
  const hedge = offDays < -7 ? 'nearly ' : offDays > 7 ? 'just over ' : '';
  const unit =
    whole % 12 === 0 ? (whole === 12 ? 'a year' : `${numberWord(whole / 12)} years`) : `${numberWord(whole)} months`;
  return `${hedge}${unit}`;
}

/**
 * A ground's name as the object of a sentence: `the Gewiss Stadium`, `the Stadio Olimpico`, but `Anfield` and
 * `Villa Park`. Grounds named as a stadium or arena take the article; other names go bare.
 */
export function venueInSentence(name: string): string {
  const named =
    /^(stadio|estadio|stade|stadion|stadium|arena)\b/i.test(name) || /\b(stadium|stadion|arena|stadio)$/i.test(name);
  return named && !/^the\s/i.test(name) ? `the ${name}` : name;
}

/** A probability as the analysis shows it: `48.8%`. */
export function percent(probability: number): string {
  return formatPercent(probability);
}

/** `3-0`, goals of the side named first first. */
export function scoreline(first: number, second: number): string {
  return `${first}-${second}`;
}

function checkCount(n: number): void {
  if (!(Number.isInteger(n) && n >= 0)) {
    throw new MatchdayError('INVALID_ARGUMENT', `expected a whole number ≥ 0, got ${n}`, { field: 'count' });
  }
}

const ORDINAL_WORDS = ['', 'first', ...ORDINALS.slice(2)];

/** `1` → `first`, `3` → `third`, `11` → `11th`, `22` → `22nd`. */
export function ordinalWord(n: number): string {
  checkCount(n);
  if (n >= 1 && n < ORDINAL_WORDS.length) return ORDINAL_WORDS[n];
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** When a recent match was, as a preview says it: `on Monday` within the last six days, else `on 11 April`. */
export function onDay(isoDate: string, fixtureDate: string): string {
  const days = daysBetween(isoDate, fixtureDate);
  return days >= 1 && days <= 6 ? `on ${weekday(isoDate)}` : `on ${dateBefore(isoDate, fixtureDate)}`;
}
