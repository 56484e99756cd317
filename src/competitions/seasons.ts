/**
 * Seasons as matchday writes them: `2023-24` for a season that runs from one autumn to the next spring, `2024` for a
 * calendar-year season. Which one a competition plays is registry data (its `calendar`), never a July cut applied to
 * every league.
 */

export type SeasonCalendar = 'autumn-spring' | 'calendar-year';

export interface SeasonParts {
  startYear: number;
  calendar: SeasonCalendar;
}

const TWO_YEAR = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/;
const ONE_YEAR = /^(\d{4})$/;

/**
 * `2023-24`, `2023/24`, `2023/2024` → 2023 autumn-spring; `2024` → calendar year 2024. Null for anything else,
 * including two years that do not follow each other.
 */
export function parseSeason(text: string): SeasonParts | null {
  const trimmed = text.trim();
  const two = TWO_YEAR.exec(trimmed);
  if (two) {
    const start = Number(two[1]);
    const end = two[2].length === 4 ? Number(two[2]) : Number(two[2]) + Math.floor(start / 100) * 100;
    if (end % 100 !== (start + 1) % 100 || (two[2].length === 4 && end !== start + 1)) return null;
    return { startYear: start, calendar: 'autumn-spring' };
  }
  const one = ONE_YEAR.exec(trimmed);
  return one ? { startYear: Number(one[1]), calendar: 'calendar-year' } : null;
}

/** The label of a season: 2023 autumn-spring → `2023-24`, 1999 → `1999-00`; calendar year 2024 → `2024`. */
export function seasonLabel(startYear: number, calendar: SeasonCalendar): string {
  if (calendar === 'calendar-year') return String(startYear);
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** `2023/2024` → `2023-24`; `2024` → `2024`; null when the text is no season. */
export function normaliseSeason(text: string): string | null {
  const parts = parseSeason(text);
  return parts ? seasonLabel(parts.startYear, parts.calendar) : null;
}

/**
 * A number that orders seasons of either calendar by when they are played: calendar 2011 < 2011-12 < 2012.
 * (A calendar year is centred on its July, an autumn-spring season on the January after its start.)
 */
export function seasonOrder(season: string): number {
  const parts = parseSeason(season);
  if (!parts) throw new Error(`not a season: ${season}`);
  return parts.startYear * 2 + (parts.calendar === 'autumn-spring' ? 1 : 0);
}

/** The first year of a season (`2023-24` → 2023, `2024` → 2024), NaN when the text is no season. */
export function seasonStartYear(season: string): number {
  return parseSeason(season)?.startYear ?? NaN;
}

/** The season after (`2023-24` → `2024-25`, `2024` → `2025`), in the same calendar. */
export function nextSeason(season: string): string {
  const parts = parseSeason(season);
  if (!parts) throw new Error(`not a season: ${season}`);
  return seasonLabel(parts.startYear + 1, parts.calendar);
}

/**
 * The season of the given calendar a date falls in. An autumn-spring season starts in `startMonth` (July unless the
 * registry says otherwise): 2024-04-18 → `2023-24`. A calendar-year season is the date's year.
 */
export function seasonOfDateIn(isoDate: string, calendar: SeasonCalendar, startMonth = 7): string {
  const year = Number(isoDate.slice(0, 4));
  if (calendar === 'calendar-year') return String(year);
  const month = Number(isoDate.slice(5, 7));
  return seasonLabel(month >= startMonth ? year : year - 1, 'autumn-spring');
}
