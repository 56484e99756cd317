import { openDatabase, type Db } from '../store/database.js';
import { seasonTotals, type SeasonTotal } from '../store/match-queries.js';

/**
 * The season totals a backtest's club statures look back on: each forecast league's, before the history's first
 * year. This module needs the store only, so a forecaster thread reads them while its forecasting code loads.
 */
export interface OlderTotalsScope {
  leagues: string[];
  /** Exclusive. */
  before: string;
}

export function readSeasonTotals(db: Db, scope: OlderTotalsScope): Map<string, SeasonTotal[]> {
  return new Map(scope.leagues.map((code) => [code, seasonTotals(db, code, scope.before)]));
}

/** The same, read on a connection of one's own (a worker's), as entries for a message. */
export function seasonTotalsFromFile(dbFile: string, scope: OlderTotalsScope): [string, SeasonTotal[]][] {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    return [...readSeasonTotals(db, scope)];
  } finally {
    db.close();
  }
}
