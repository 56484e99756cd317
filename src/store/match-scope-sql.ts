/** Which matches a read covers: competition codes (all when empty) and a date range. */
export interface MatchScope {
  competitions?: readonly string[];
  /** Inclusive first date. */
  from?: string;
  /** Inclusive last date. */
  to?: string;
  /** Exclusive: only matches strictly before this date (no leakage into forecasts). */
  before?: string;
}

/**
 * WHERE clauses and bound parameters for a scope, over `matches m` joined to `competitions c`. Values only ever
 * travel as parameters.
 */
export function matchScopeSql(scope: MatchScope): { clauses: string[]; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (scope.competitions && scope.competitions.length > 0) {
    clauses.push(`c.code IN (${scope.competitions.map(() => '?').join(',')})`);
    params.push(...scope.competitions);
  }
  // A match dated from `from` on is of a season starting no earlier than the year before: the bound lets the
  // competition-and-season index narrow the read (seasons are written from their first year: 2023-24, 2024).
  if (scope.from && scope.competitions && scope.competitions.length > 0) {
    clauses.push('m.season >= ?');
    params.push(String(Number(scope.from.slice(0, 4)) - 1));
  }
  for (const [value, clause] of [
    [scope.from, 'm.date >= ?'],
    [scope.to, 'm.date <= ?'],
    [scope.before, 'm.date < ?'],
  ] as const) {
    if (value) {
      clauses.push(clause);
      params.push(value);
    }
  }
  return { clauses, params };
}
