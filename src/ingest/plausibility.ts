/**
 * Values no real match has, whichever parser read them. Every parser's records pass through here once (at import),
 * so no format can forget a check: a record with such a value is left out and its row becomes a RowError naming
 * the field.
 */
import type { MatchRecord, ParsedFile, RowError, Score } from './records.js';

/** Goals for one side at half-time, full time or after extra time: more is a typo, not a result. */
const MAX_GOALS = 30;
/**
 * Penalties scored by one side in a shoot-out. Sudden death has no fixed end: the longest top-flight shoot-out went
 * to 20-19 (Argentinos Juniors v Racing Club, 1988), so the bound is twice that.
 */
const MAX_SHOOTOUT_GOALS = 40;
/** Association football's first recorded matches are from the 1860s; the earliest in the shared data, 1871. */
const EARLIEST_DATE = '1850-01-01';

const SCORES: ReadonlyArray<[key: 'htScore' | 'ftScore' | 'etScore', field: string]> = [
  ['htScore', 'half-time score'],
  ['ftScore', 'full-time score'],
  ['etScore', 'extra-time score'],
];

/**
 * The parsed file without its implausible records, each reported as a RowError in line order with the parser's own.
 * `today` is an ISO date; a played match may be dated tomorrow (the source's time zone may be ahead).
 */
export function rejectImplausible(parsed: ParsedFile, today: string): ParsedFile {
  const latest = dayAfter(today);
  const problems: RowError[] = [];
  const records = parsed.records.filter((record) => {
    const found = implausibilities(record, latest);
    problems.push(...found);
    return found.length === 0;
  });
  if (problems.length === 0) return parsed;
  const errors = [...parsed.errors, ...problems].sort((a, b) => a.line - b.line);
  return { ...parsed, records, errors };
}

function implausibilities(record: MatchRecord, latest: string): RowError[] {
  const problems: RowError[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ file: record.source.file, line: record.source.line, field, message });
  };
  if (record.date < EARLIEST_DATE) {
    problem('date', `${record.date} is before ${EARLIEST_DATE.slice(0, 4)}: not a plausible match date`);
  }
  if (record.date > latest && (record.ftScore !== null || record.status === 'played')) {
    problem('date', `${record.date} is in the future, but the match has a result`);
  }
  for (const [key, field] of SCORES) {
    const score = record[key];
    if (score && over(score, MAX_GOALS)) {
      problem(field, `${text(score)} is not a plausible score (more than ${MAX_GOALS} goals for a side)`);
    }
  }
  if (record.penScore && over(record.penScore, MAX_SHOOTOUT_GOALS)) {
    problem(
      'penalty score',
      `${text(record.penScore)} is not a plausible shoot-out (more than ${MAX_SHOOTOUT_GOALS} for a side)`,
    );
  }
  return problems;
}

function over(score: Score, max: number): boolean {
  return score[0] > max || score[1] > max;
}

function text(score: Score): string {
  return `${score[0]}-${score[1]}`;
}

function dayAfter(isoDate: string): string {
  return new Date(Date.parse(isoDate) + 86_400_000).toISOString().slice(0, 10);
}
