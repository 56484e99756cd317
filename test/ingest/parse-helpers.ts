import { MatchdayError } from '../../src/errors.js';

/** A file's text from its lines, newline-terminated. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/** The MatchdayError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): MatchdayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MatchdayError) return error;
    throw error;
  }
  throw new Error('expected a MatchdayError');
}
