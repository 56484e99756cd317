/**
 * The fixtures still to be played and their forecasts: which ones (a date window, or each competition's next round),
 * forecast once each, and stored as the pre-match forecast while the match has no result (store/forecast-store.ts).
 */
import type { FixtureForecast } from '../forecast/fixture-forecast.js';
import type { Db } from '../store/database.js';
import { storePreMatchForecast } from '../store/forecast-store.js';
import { findMatches, type StoredMatchView } from '../store/match-queries.js';
import { FixtureForecaster, preMatchRecord } from './fixture-forecaster.js';

export interface FixtureSelection {
  /** Competition codes; empty = all. */
  competitions: readonly string[];
  /** Inclusive date window. Without `from` and `to`: each competition's next round from `today`. */
  from?: string;
  to?: string;
  today: string;
}

/** Days a window opened with `from` alone spans. */
export const DEFAULT_WINDOW_DAYS = 7;

export function selectFixtures(db: Db, selection: FixtureSelection): StoredMatchView[] {
  const windowed = selection.from !== undefined || selection.to !== undefined;
  const from = selection.from ?? selection.today;
  const to = selection.to ?? (windowed ? addDays(from, DEFAULT_WINDOW_DAYS - 1) : undefined);
  const fixtures = findMatches(db, { from, to }).filter(
    (m) =>
      m.status === 'scheduled' &&
      m.score.ft === null &&
      (selection.competitions.length === 0 || selection.competitions.includes(m.competition.code)),
  );
  return windowed ? fixtures : nextRounds(fixtures);
}

/**
 * Each competition's next round: its fixtures in date order up to the first one with a team already playing in the
 * round (each team plays once a round). Sources name rounds differently or not at all (football-data's fixtures have
 * none); who plays whom is always there.
 */
export function nextRounds(fixtures: readonly StoredMatchView[]): StoredMatchView[] {
  const byCompetition = new Map<string, StoredMatchView[]>();
  for (const match of fixtures) {
    const list = byCompetition.get(match.competition.code) ?? [];
    list.push(match);
    byCompetition.set(match.competition.code, list);
  }
  const round: StoredMatchView[] = [];
  for (const list of byCompetition.values()) {
    const teams = new Set<number>();
    for (const match of list) {
      if (teams.has(match.home.id) || teams.has(match.away.id)) break;
      teams.add(match.home.id).add(match.away.id);
      round.push(match);
    }
  }
  return round.sort(
    (a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.id - b.id,
  );
}

export interface ForecastedFixture {
  match: StoredMatchView;
  forecast: FixtureForecast | null;
  /** Why there is no forecast (no history for either team's league before the date). */
  problem: string | null;
  /** True when this forecast was stored as the match's pre-match forecast. */
  stored: boolean;
}

/**
 * Forecasts each fixture; with `madeAt` (a writable database), stores each as its pre-match forecast — the store
 * keeps it only while the match has no result and not after its day.
 */
export function forecastFixtures(
  db: Db,
  fixtures: readonly StoredMatchView[],
  options: { madeAt?: string; onProgress?: (done: number, total: number, item: string) => void } = {},
): ForecastedFixture[] {
  const forecaster = new FixtureForecaster(db);
  return fixtures.map((match, index) => {
    options.onProgress?.(index, fixtures.length, `${match.home.name} v ${match.away.name}`);
    const outcome = forecaster.forecast(match);
    if ('problem' in outcome) return { match, forecast: null, problem: outcome.problem, stored: false };
    const stored =
      options.madeAt !== undefined &&
      storePreMatchForecast(db, preMatchRecord(match.id, outcome.forecast, options.madeAt));
    return { match, forecast: outcome.forecast, problem: null, stored };
  });
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant on `today` for a forecast's `made_at`: now, or now's time of day on the day a replay says it is. */
export function instantOn(today: string, now: Date = new Date()): string {
  return `${today}${now.toISOString().slice(10)}`;
}
