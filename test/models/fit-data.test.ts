import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { fitDataFromMatches, groupCount, validateFitData, type FitData } from '../../src/models/fit-data.js';

function errorOf(fn: () => unknown): MatchdayError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MatchdayError) return e;
    throw e;
  }
  throw new Error('expected a MatchdayError');
}

describe('fitDataFromMatches', () => {
  it('indexes teams by first appearance and copies scores, neutral flags and ages', () => {
    const data = fitDataFromMatches([
      { homeTeam: 'Leeds', awayTeam: 'Hull', homeGoals: 2, awayGoals: 1, ageDays: 10 },
      { homeTeam: 'Hull', awayTeam: 'York', homeGoals: 0, awayGoals: 0, neutral: true },
    ]);
    expect(data.teamNames).toEqual(['Leeds', 'Hull', 'York']);
    expect(data.teamCount).toBe(3);
    expect(Array.from(data.homeTeam)).toEqual([0, 1]);
    expect(Array.from(data.awayTeam)).toEqual([1, 2]);
    expect(Array.from(data.homeGoals)).toEqual([2, 0]);
    expect(Array.from(data.awayGoals)).toEqual([1, 0]);
    expect(Array.from(data.neutral)).toEqual([0, 1]);
    expect(Array.from(data.ageDays ?? [])).toEqual([10, 0]);
    expect(data.teamGroup).toBeUndefined();
    expect(groupCount(data)).toBe(1);
  });

  it('keeps a given team list (teams without matches included) and groups', () => {
    const data = fitDataFromMatches([{ homeTeam: 'B', awayTeam: 'A', homeGoals: 1, awayGoals: 3 }], {
      teams: ['A', 'B', 'Promoted'],
      groupOf: (team) => (team === 'Promoted' ? 1 : 0),
    });
    expect(data.teamCount).toBe(3);
    expect(Array.from(data.homeTeam)).toEqual([1]);
    expect(Array.from(data.teamGroup ?? [])).toEqual([0, 0, 1]);
    expect(groupCount(data)).toBe(2);
  });

  it('names the team missing from the team list', () => {
    const error = errorOf(() =>
      fitDataFromMatches([{ homeTeam: 'A', awayTeam: 'Z', homeGoals: 0, awayGoals: 0 }], { teams: ['A'] }),
    );
    expect(error.code).toBe('FIT_DATA_INVALID');
    expect(error.location.team).toBe('Z');
  });

  it('rejects fractional or negative goals', () => {
    expect(
      errorOf(() => fitDataFromMatches([{ homeTeam: 'A', awayTeam: 'B', homeGoals: 1.5, awayGoals: 0 }])).location
        .field,
    ).toBe('homeGoals');
    expect(
      errorOf(() => fitDataFromMatches([{ homeTeam: 'A', awayTeam: 'B', homeGoals: 1, awayGoals: -1 }])).location.field,
    ).toBe('awayGoals');
  });
});

describe('validateFitData', () => {
  const valid = (): FitData => ({
    teamCount: 2,
    homeTeam: Int32Array.from([0]),
    awayTeam: Int32Array.from([1]),
    homeGoals: Int32Array.from([1]),
    awayGoals: Int32Array.from([1]),
    neutral: Uint8Array.from([0]),
  });

  it('accepts valid data', () => {
    expect(() => validateFitData(valid())).not.toThrow();
  });

  it.each([
    ['awayTeam', (d: FitData): FitData => ({ ...d, awayTeam: Int32Array.from([0]) })],
    ['awayTeam', (d: FitData): FitData => ({ ...d, awayTeam: Int32Array.from([1, 0]) })],
    ['homeTeam', (d: FitData): FitData => ({ ...d, homeTeam: Int32Array.from([5]) })],
    ['homeGoals', (d: FitData): FitData => ({ ...d, homeGoals: Int32Array.from([-2]) })],
    ['neutral', (d: FitData): FitData => ({ ...d, neutral: Uint8Array.from([2]) })],
    ['ageDays', (d: FitData): FitData => ({ ...d, ageDays: Float64Array.from([-1]) })],
    ['ageDays', (d: FitData): FitData => ({ ...d, ageDays: Float64Array.from([NaN]) })],
    ['teamGroup', (d: FitData): FitData => ({ ...d, teamGroup: Int32Array.from([0]) })],
    ['teamNames', (d: FitData): FitData => ({ ...d, teamNames: ['only one'] })],
  ])('rejects a bad %s', (field, spoil) => {
    const error = errorOf(() => validateFitData(spoil(valid())));
    expect(error.code).toBe('FIT_DATA_INVALID');
    expect(error.location.field).toBe(field);
  });
});
