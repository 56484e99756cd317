import type { Db } from './database.js';
import { matchScopeSql } from './match-scope-sql.js';

/** Where a match's reference 1X2 prices come from, best first: the sharpest closing book, then fallbacks. */
export const REFERENCE_ODDS_SOURCES = [
  { bookmaker: 'Pinnacle', closing: true },
  { bookmaker: 'Market average', closing: true },
  { bookmaker: 'Pinnacle', closing: false },
  { bookmaker: 'Market average', closing: false },
  { bookmaker: 'Betbrain average', closing: false },
] as const;

export interface ReferenceOdds1x2 {
  bookmaker: string;
  closing: boolean;
  /** Decimal odds: home, draw, away. */
  prices: [number, number, number];
}

export interface OddsFilter {
  /** Competition codes; all when empty. */
  competitions?: string[];
  /** Inclusive ISO date bounds. */
  from?: string;
  to?: string;
  /** Exclusive: only matches strictly before this date. */
  before?: string;
}

/**
 * The reference 1X2 book of each match in the filter: Pinnacle closing where present, else the market-average
 * closing price, else the pre-match prices in the same order (REFERENCE_ODDS_SOURCES). Matches without a
 * complete book from any of them are absent from the map.
 */
export function referenceOdds1x2(db: Db, filter: OddsFilter): Map<number, ReferenceOdds1x2> {
  const bookmakers = [...new Set(REFERENCE_ODDS_SOURCES.map((s) => s.bookmaker))];
  // Closing named too (it is 0 or 1), so the primary key seeks each book of a match instead of reading every 1X2 row.
  const where = ["o.market = '1X2'", 'o.closing IN (1, 0)', `o.bookmaker IN (${bookmakers.map(() => '?').join(',')})`];
  const params: unknown[] = [...bookmakers];
  const scope = matchScopeSql(filter);
  where.push(...scope.clauses);
  params.push(...scope.params);
  // CROSS JOIN keeps matches as the outer loop (odds are read by primary key); one row per book, not per price.
  const rows = db
    .prepare(
      `SELECT o.match_id, o.bookmaker, o.closing,
         MAX(CASE WHEN o.selection = 'home' THEN o.price END),
         MAX(CASE WHEN o.selection = 'draw' THEN o.price END),
         MAX(CASE WHEN o.selection = 'away' THEN o.price END)
       FROM matches m JOIN competitions c ON c.id = m.competition_id CROSS JOIN odds o ON o.match_id = m.id
       WHERE ${where.join(' AND ')}
       GROUP BY o.match_id, o.bookmaker, o.closing`,
    )
    .raw()
    .all(...params) as [number, string, number, number | null, number | null, number | null][];

  const result = new Map<number, ReferenceOdds1x2>();
  const rank = new Map<number, number>();
  for (const [matchId, bookmaker, closing, home, draw, away] of rows) {
    if (home === null || draw === null || away === null) continue;
    const source = REFERENCE_ODDS_SOURCES.findIndex((s) => s.bookmaker === bookmaker && s.closing === (closing === 1));
    if (source < 0 || source >= (rank.get(matchId) ?? Infinity)) continue;
    rank.set(matchId, source);
    result.set(matchId, { ...REFERENCE_ODDS_SOURCES[source], prices: [home, draw, away] });
  }
  return result;
}

/** Where a match's reference over/under 2.5 prices come from, best first: closing lines only. */
export const REFERENCE_TOTAL_SOURCES = [
  { bookmaker: 'Pinnacle', closing: true },
  { bookmaker: 'Market average', closing: true },
] as const;

export interface ReferenceOddsTotal {
  bookmaker: string;
  /** Decimal odds: over 2.5, under 2.5. */
  prices: [number, number];
}

/** The closing over/under 2.5 book of each match in the filter (REFERENCE_TOTAL_SOURCES); matches without one are absent. */
export function referenceOddsTotal(db: Db, filter: OddsFilter): Map<number, ReferenceOddsTotal> {
  const bookmakers: string[] = REFERENCE_TOTAL_SOURCES.map((s) => s.bookmaker);
  const where = [
    "o.market = 'OU'",
    'o.line = 2.5',
    'o.closing = 1',
    `o.bookmaker IN (${bookmakers.map(() => '?').join(',')})`,
  ];
  const params: unknown[] = [...bookmakers];
  const scope = matchScopeSql(filter);
  where.push(...scope.clauses);
  params.push(...scope.params);
  const rows = db
    .prepare(
      `SELECT o.match_id, o.bookmaker,
         MAX(CASE WHEN o.selection = 'over' THEN o.price END),
         MAX(CASE WHEN o.selection = 'under' THEN o.price END)
       FROM matches m JOIN competitions c ON c.id = m.competition_id CROSS JOIN odds o ON o.match_id = m.id
       WHERE ${where.join(' AND ')}
       GROUP BY o.match_id, o.bookmaker`,
    )
    .raw()
    .all(...params) as [number, string, number | null, number | null][];
  const result = new Map<number, ReferenceOddsTotal>();
  for (const [matchId, bookmaker, over, under] of rows) {
    if (over === null || under === null) continue;
    const held = result.get(matchId);
    if (held && bookmakers.indexOf(held.bookmaker) <= bookmakers.indexOf(bookmaker)) continue;
    result.set(matchId, { bookmaker, prices: [over, under] });
  }
  return result;
}
