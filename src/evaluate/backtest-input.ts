import { yearsBefore } from '../history/fit-scope.js';
import {
  historyMatches,
  memoryForecastSource,
  type ForecastSource,
  type HistoryMatch,
} from '../history/forecast-history.js';
import { forecastScope } from '../history/forecast-scope.js';
import type { Db } from '../store/database.js';
import { heldCompetitions, resultRows, teamInfo, type SeasonTotal, type TeamInfo } from '../store/match-queries.js';
import { registryOf } from '../store/competition-store.js';
import { referenceOdds1x2, referenceOddsTotal } from '../store/odds-queries.js';
import { shotCounts } from '../store/stats-queries.js';
import type { BacktestInput } from './backtest.js';
import { readSeasonTotals, type OlderTotalsScope } from './older-totals.js';

export interface BacktestScope {
  /** Competitions whose matches are forecast. */
  competitions: string[];
  /** Inclusive ISO dates of the fixtures to forecast. */
  from: string;
  to: string;
  /** Competitions the models learn from (the forecast ones should be among them). */
  historyCompetitions: string[];
  /** Years of matches before `from` to read: the longest window any fit uses (older league seasons are read as totals). */
  historyYears: number;
  /** Years of shots before `from` to read: the goal models' window (older matches are read without). */
  shotYears: number;
}

/** Everything a backtest reads from the store, once: fixtures with their books, and the history the fits draw on. */
export interface BacktestData extends BacktestInput {
  /** Played matches of the history competitions, oldest first (date, then id), with shots where recorded. */
  history: HistoryMatch[];
  /** Season totals of the history's leagues before those matches (what the club statures look back on). */
  olderTotals: Map<string, SeasonTotal[]>;
  /** Names and countries of the history's teams. */
  teams: Map<number, TeamInfo>;
  /** The same history as a forecast source for the forecaster: each fit cuts it strictly before its date. */
  source: ForecastSource;
}

export function loadBacktestInput(db: Db, scope: BacktestScope): BacktestData {
  return backtestData(db, readMatches(db, scope), readOlderTotals(db, scope));
}

/**
 * The same input, its older season totals read by someone else meanwhile (a forecaster thread:
 * `ForecasterThreads.readOlderTotals`), so that this thread reads only the matches and their books.
 */
export async function loadBacktestInputWith(
  db: Db,
  scope: BacktestScope,
  olderTotals: Promise<Map<string, SeasonTotal[]>>,
): Promise<BacktestData> {
  const matches = readMatches(db, scope);
  return backtestData(db, matches, await olderTotals);
}

/** The season totals of the forecast leagues before the history's first year, for the club statures. */
export function readOlderTotals(db: Db, scope: BacktestScope): Map<string, SeasonTotal[]> {
  return readSeasonTotals(db, olderTotalsScope(db, scope));
}

/**
 * Which older season totals a backtest reads: a third of its reading, and not needed until its first forecast (a
 * forecaster thread can read them meanwhile: `ForecasterThreads.readOlderTotals`).
 */
export function olderTotalsScope(db: Db, scope: BacktestScope): OlderTotalsScope {
  const registry = registryOf(db);
  // The statures are of the forecast leagues only.
  return {
    leagues: scope.competitions.filter((code) => registry.get(code)?.kind === 'league'),
    before: yearsBefore(scope.from, scope.historyYears),
  };
}

/** The fixtures with their books, and the history's matches and teams. */
function readMatches(db: Db, scope: BacktestScope): Pick<BacktestData, 'fixtures' | 'history' | 'teams'> {
  const before = dayAfter(scope.to);
  const from = yearsBefore(scope.from, scope.historyYears);
  const filter = { competitions: scope.historyCompetitions, from, before };
  const shotsFrom = yearsBefore(scope.from, scope.shotYears);
  // Shots and odds count only in the goal models' years before a fit; older matches need none.
  const recent = { ...filter, from: shotsFrom };
  const historyOdds = referenceOdds1x2(db, recent);
  const history = historyMatches(resultRows(db, filter), shotCounts(db, recent), historyOdds);
  // The fixtures' books are among the history's when their competitions are (a match's reference book does not
  // depend on the query).
  const odds = scope.competitions.every((code) => scope.historyCompetitions.includes(code))
    ? historyOdds
    : referenceOdds1x2(db, { competitions: scope.competitions, from: scope.from, to: scope.to });
  const totals = referenceOddsTotal(db, { competitions: scope.competitions, from: scope.from, to: scope.to });
  const fixtures = resultRows(db, { competitions: scope.competitions, from: scope.from, before }).map((match) => ({
    match,
    odds: odds.get(match.id) ?? null,
    totals: totals.get(match.id) ?? null,
  }));
  const teams = teamInfo(db, [...new Set(history.flatMap((m) => [m.homeTeamId, m.awayTeamId]))]);
  return { fixtures, history, teams };
}

function backtestData(
  db: Db,
  { fixtures, history, teams }: Pick<BacktestData, 'fixtures' | 'history' | 'teams'>,
  olderTotals: Map<string, SeasonTotal[]>,
): BacktestData {
  const source = memoryForecastSource({
    matches: history,
    olderTotals,
    teams,
    registry: registryOf(db),
    held: new Set(heldCompetitions(db)),
  });
  return { fixtures, history, olderTotals, teams, source };
}

function dayAfter(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * What the models learn from by default: every competition the forecaster's scope of a forecast competition can
 * take in (history/forecast-scope.ts) — a league with its neighbouring tiers; for a cup or a continental
 * competition every league and continental competition with data — so that a backtest fits what `predict` fits.
 */
export function defaultHistoryCompetitions(db: Db, competitions: string[]): string[] {
  const registry = registryOf(db);
  const held = new Set(heldCompetitions(db));
  const history = new Set<string>(competitions);
  for (const code of competitions) {
    if (registry.get(code)?.kind === 'league') {
      const lookups = { registry, held, latestLeague: () => null };
      for (const c of forecastScope({ competition: code, homeTeamId: -1, awayTeamId: -2 }, lookups)) history.add(c);
    } else {
      for (const c of registry.competitions) {
        if ((c.kind === 'league' || c.kind === 'continental') && held.has(c.code)) history.add(c.code);
      }
    }
  }
  return [...history];
}
