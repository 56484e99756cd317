/** Runs of consecutive items satisfying a predicate, over a chronological list. */

/** Inclusive index range of a maximal run. */
export interface RunSpan {
  start: number;
  end: number;
}

export function spanLength(span: RunSpan): number {
  return span.end - span.start + 1;
}

/** Every maximal run of items for which `holds` is true, oldest first. */
export function maximalRuns<T>(items: readonly T[], holds: (item: T) => boolean): RunSpan[] {
  const spans: RunSpan[] = [];
  let start = -1;
  items.forEach((item, i) => {
    if (holds(item)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      spans.push({ start, end: i - 1 });
      start = -1;
    }
  });
  if (start >= 0) spans.push({ start, end: items.length - 1 });
  return spans;
}

/**
 * The run that matters at the end of the list: the one that includes the last item (`ongoing`), or the one the last
 * item broke. Null when the last item neither continues nor ends a run.
 */
export function latestRun(spans: readonly RunSpan[], itemCount: number): { span: RunSpan; ongoing: boolean } | null {
  const last = spans.at(-1);
  if (!last) return null;
  if (last.end === itemCount - 1) return { span: last, ongoing: true };
  if (last.end === itemCount - 2) return { span: last, ongoing: false };
  return null;
}

/** The most recent run that ended before `span` began and was at least `length` long. */
export function previousRunAtLeast(spans: readonly RunSpan[], span: RunSpan, length: number): RunSpan | null {
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s.end < span.start && spanLength(s) >= length) return s;
  }
  return null;
}

/** How many items closed a run of at least `length` so far (the positions at which such a run was going). */
export function positionsInRunsAtLeast(spans: readonly RunSpan[], length: number): number {
  return spans.reduce((sum, s) => sum + Math.max(0, spanLength(s) - length + 1), 0);
}
