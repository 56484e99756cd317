import { yearsBefore } from '../history/fit-scope.js';
import type { HistoryMatch } from '../forecast/match-forecaster.js';
import type { Db } from '../store/database.js';
import { competitionCodes, resultRows } from '../store/match-queries.js';
import { registryOf } from '../store/competition-store.js';
import { referenceOdds1x2 } from '../store/odds-queries.js';
import { shotCounts } from '../store/stats-queries.js';
import type { BacktestInput } from './backtest.js';

export interface BacktestScope {
  /** Competitions whose matches are forecast. */
  competitions: string[];
  /** Inclusive ISO dates of the fixtures to forecast. */
  from: string;
  to: string;
  /** Competitions the models learn from (the forecast ones should be among them). */
  historyCompetitions: string[];
  /** Years of history before `from` to read: the longest window any fit will ask for. */
  historyYears: number;
}

/** Reads everything a backtest needs from the store: played history with shots, fixtures with their reference odds. */
export function loadBacktestInput(db: Db, scope: BacktestScope): BacktestInput {
  const before = dayAfter(scope.to);
  const from = yearsBefore(scope.from, scope.historyYears);
  const shots = shotCounts(db, { competitions: scope.historyCompetitions, from, before });
  // One object literal shape for every match keeps the fits' hot loops monomorphic.
  const history: HistoryMatch[] = resultRows(db, { competitions: scope.historyCompetitions, from, before }).map(
    (row) => ({
      id: row.id,
      date: row.date,
      competition: row.competition,
      kind: row.kind,
      country: row.country,
      season: row.season,
      homeTeamId: row.homeTeamId,
      awayTeamId: row.awayTeamId,
      homeGoals: row.homeGoals,
      awayGoals: row.awayGoals,
      neutral: row.neutral,
      shots: shots.get(row.id) ?? null,
    }),
  );
  const odds = referenceOdds1x2(db, { competitions: scope.competitions, from: scope.from, to: scope.to });
  const fixtures = resultRows(db, { competitions: scope.competitions, from: scope.from, before }).map((match) => ({
    match,
    odds: odds.get(match.id) ?? null,
  }));
  return { history, fixtures };
}

function dayAfter(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * What the models learn from by default: the forecast competitions plus the second tiers of their countries
 * that the database holds, so a promoted team arrives with a record. (UEFA matches did not help the five
 * leagues' forecasts: docs/backtest.md.)
 */
export function defaultHistoryCompetitions(db: Db, competitions: string[]): string[] {
  const registry = registryOf(db);
  const countries = new Set(
    registry.competitions.filter((c) => competitions.includes(c.code) && c.country).map((c) => c.country),
  );
  const stored = new Set(competitionCodes(db, 'league'));
  const secondTiers = registry.competitions
    .filter((c) => c.tier === 2 && c.country !== null && countries.has(c.country) && stored.has(c.code))
    .map((c) => c.code);
  return [...new Set([...competitions, ...secondTiers])];
}
