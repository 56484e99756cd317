/**
 * Are tie forecasts right by the first leg's result? Ties grouped by how the first leg ended — an away win by 1, 2,
 * 3+; 0-0; a score draw; a home win by 1, 2, 3+ — with how often the first-leg winner went through (after a draw:
 * the first leg's host), ± its standard error, against the mean forecast. Pure.
 */

export const FIRST_LEG_RESULTS = [
  'away win by 1',
  'away win by 2',
  'away win by 3+',
  '0-0',
  'score draw',
  'home win by 1',
  'home win by 2',
  'home win by 3+',
] as const;

export type FirstLegResult = (typeof FIRST_LEG_RESULTS)[number];

/** One forecast tie: the first leg (its hosts' goals first), P(its hosts go through), whether they did. */
export interface ForecastOutcome {
  firstLeg: [number, number];
  probabilityA: number;
  aThrough: boolean;
}

export interface CalibrationRow {
  firstLeg: FirstLegResult;
  /** Whose going through is counted: the first-leg winner, or after a draw the first leg's host. */
  side: 'first-leg winner' | 'first-leg host';
  ties: number;
  observed: number;
  /** √(p(1 − p)/n) of the observed rate. */
  standardError: number;
  /** Mean forecast. */
  predicted: number;
  /** Predicted − observed. */
  difference: number;
}

export function firstLegResult([home, away]: [number, number]): FirstLegResult {
  const margin = home - away;
  if (margin === 0) return home === 0 ? '0-0' : 'score draw';
  const by = Math.min(3, Math.abs(margin));
  return `${margin > 0 ? 'home' : 'away'} win by ${by === 3 ? '3+' : by}` as FirstLegResult;
}

/** The table, in FIRST_LEG_RESULTS order; results no tie had are left out. */
export function calibrationTable(ties: readonly ForecastOutcome[]): CalibrationRow[] {
  const rows = new Map<FirstLegResult, { ties: number; through: number; predicted: number }>();
  for (const tie of ties) {
    const result = firstLegResult(tie.firstLeg);
    // The subject is the first-leg winner: A after a home win or a draw, B after an away win.
    const subjectIsA = tie.firstLeg[0] >= tie.firstLeg[1];
    const row = rows.get(result) ?? { ties: 0, through: 0, predicted: 0 };
    row.ties++;
    row.through += tie.aThrough === subjectIsA ? 1 : 0;
    row.predicted += subjectIsA ? tie.probabilityA : 1 - tie.probabilityA;
    rows.set(result, row);
  }
  return FIRST_LEG_RESULTS.flatMap((result) => {
    const row = rows.get(result);
    if (!row) return [];
    const observed = row.through / row.ties;
    const predicted = row.predicted / row.ties;
    return [
      {
        firstLeg: result,
        side: result === '0-0' || result === 'score draw' ? 'first-leg host' : 'first-leg winner',
        ties: row.ties,
        observed,
        standardError: Math.sqrt((observed * (1 - observed)) / row.ties),
        predicted,
        difference: predicted - observed,
      },
    ];
  });
}

/** The brief's bar: within 3 percentage points, or within two standard errors of the observed rate. */
export function withinTolerance(row: CalibrationRow): boolean {
  return Math.abs(row.difference) <= 0.03 || Math.abs(row.difference) <= 2 * row.standardError;
}
