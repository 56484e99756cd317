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
