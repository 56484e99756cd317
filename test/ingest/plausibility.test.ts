import { describe, expect, it } from 'vitest';
import { competition } from '../competitions.js';
import { rejectImplausible } from '../../src/ingest/plausibility.js';
import { emptyRecordDefaults, type MatchRecord, type ParsedFile } from '../../src/ingest/records.js';

const TODAY = '2024-05-01';

function record(line: number, overrides: Partial<MatchRecord>): MatchRecord {
  return {
    ...emptyRecordDefaults(),
    source: { format: 'test', file: 'f.csv', line },
    competition: competition('eng.1'),
    season: '2023-24',
    date: '2024-04-20',
    status: 'played',
    home: { name: 'Alpha', country: 'ENG' },
    away: { name: 'Beta', country: 'ENG' },
    ftScore: [2, 1],
    ...overrides,
  };
}

function check(...records: MatchRecord[]): ParsedFile {
  return rejectImplausible({ format: 'test', file: 'f.csv', records, errors: [] }, TODAY);
}

const errorsOf = (parsed: ParsedFile) => parsed.errors.map((e) => [e.line, e.field, e.message]);
const linesOf = (parsed: ParsedFile) => parsed.records.map((r) => r.source.line);

describe('rejectImplausible', () => {
  it('rejects more than 30 goals for a side at half-time, full time or after extra time', () => {
    const parsed = check(
      record(2, { ftScore: [30, 0], htScore: [30, 0], etScore: [30, 0] }),
      record(3, { ftScore: [31, 0] }),
      record(4, { ftScore: [31, 31], htScore: [0, 31] }),
      record(5, { ftScore: [1, 1], etScore: [1, 32] }),
    );
    expect(errorsOf(parsed)).toEqual([
      [3, 'full-time score', '31-0 is not a plausible score (more than 30 goals for a side)'],
      [4, 'half-time score', '0-31 is not a plausible score (more than 30 goals for a side)'],
      [4, 'full-time score', '31-31 is not a plausible score (more than 30 goals for a side)'],
      [5, 'extra-time score', '1-32 is not a plausible score (more than 30 goals for a side)'],
    ]);
    expect(linesOf(parsed)).toEqual([2]);
  });

  it('takes long shoot-outs (Argentinos Juniors 20-19 Racing Club, 1988) and rejects more than 40 for a side', () => {
    const parsed = check(
      record(2, { penScore: [20, 19] }),
      record(3, { penScore: [40, 39] }),
      record(4, { penScore: [41, 40] }),
    );
    expect(errorsOf(parsed)).toEqual([
      [4, 'penalty score', '41-40 is not a plausible shoot-out (more than 40 for a side)'],
    ]);
    expect(linesOf(parsed)).toEqual([2, 3]);
  });

  it('rejects a date before 1850', () => {
    const parsed = check(record(2, { date: '1850-01-01' }), record(3, { date: '1849-12-31' }));
    expect(errorsOf(parsed)).toEqual([[3, 'date', '1849-12-31 is before 1850: not a plausible match date']]);
    expect(linesOf(parsed)).toEqual([2]);
  });

  it('rejects a played match dated after tomorrow, and keeps fixtures and matches of the day (time zones differ)', () => {
    const parsed = check(
      record(2, { date: '2024-05-02' }),
      record(3, { date: '2024-05-03' }),
      record(4, { date: '2030-01-01', status: 'scheduled', ftScore: null }),
      record(5, { date: '2030-01-01', status: 'postponed', ftScore: null }),
      record(6, { date: '2030-01-01', status: 'awarded', ftScore: [3, 0] }),
    );
    expect(errorsOf(parsed)).toEqual([
      [3, 'date', '2024-05-03 is in the future, but the match has a result'],
      [6, 'date', '2030-01-01 is in the future, but the match has a result'],
    ]);
    expect(linesOf(parsed)).toEqual([2, 4, 5]);
  });

  it('keeps the errors and warnings the parser found, in line order with the new ones', () => {
    const parsed = rejectImplausible(
      {
        format: 'test',
        file: 'f.csv',
        records: [record(2, {}), record(4, { ftScore: [40, 0] })],
        errors: [
          { file: 'f.csv', line: 3, field: 'FTHG', message: 'bad' },
          { file: 'f.csv', line: 5, field: 'FTHG', message: 'bad' },
        ],
        warnings: [{ file: 'f.csv', line: 2, field: 'B365H', message: 'odd' }],
      },
      TODAY,
    );
    expect(parsed.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'FTHG'],
      [4, 'full-time score'],
      [5, 'FTHG'],
    ]);
    expect(parsed.warnings).toEqual([{ file: 'f.csv', line: 2, field: 'B365H', message: 'odd' }]);
    expect(linesOf(parsed)).toEqual([2]);
  });

  it('returns the parsed file itself when everything is plausible', () => {
    const parsed: ParsedFile = { format: 'test', file: 'f.csv', records: [record(2, {})], errors: [] };
    expect(rejectImplausible(parsed, TODAY)).toBe(parsed);
  });
});
