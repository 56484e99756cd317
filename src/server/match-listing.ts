import { findMatches, type StoredMatchView } from '../store/match-queries.js';
import type { Db } from '../store/database.js';

/** Windows (days) tried in turn until one holds enough matches: the data may end long before today. */
const WINDOWS = [14, 60, 365, 4 * 365, 20 * 365];

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The latest played matches before `today`, newest first. */
export function recentMatches(db: Db, today: string, count: number): StoredMatchView[] {
  for (const days of WINDOWS) {
    const played = findMatches(db, { from: shiftDays(today, -days), before: today, playedOnly: true });
    if (played.length >= count || days === WINDOWS.at(-1)) return played.slice(-count).reverse();
  }
  return [];
}

/** The next matches not yet played from `today` on, soonest first. */
export function upcomingMatches(db: Db, today: string, count: number): StoredMatchView[] {
  for (const days of WINDOWS) {
    const coming = findMatches(db, { from: today, to: shiftDays(today, days) }).filter((m) => m.status === 'scheduled');
    if (coming.length >= count || days === WINDOWS.at(-1)) return coming.slice(0, count);
  }
  return [];
}

/** The matches between two teams (either at home), newest first. */
export function matchesBetween(db: Db, teamX: number, teamY: number): StoredMatchView[] {
  return findMatches(db, { teamId: teamX })
    .filter((m) => m.home.id === teamY || m.away.id === teamY)
    .reverse();
}
