import { describe, expect, it } from 'vitest';
import { historyColumns, historyFromColumns } from '../../src/evaluate/history-columns.js';
import type { HistoryMatch } from '../../src/history/forecast-history.js';

const base = {
  kind: 'league',
  country: 'ENG',
  season: '2023-24',
  neutral: false,
};

const matches: HistoryMatch[] = [
  {
    id: 11,
    date: '2023-08-12',
    competition: 'eng.1',
    ...base,
    homeTeamId: 3,
    awayTeamId: 7,
    homeGoals: 2,
    awayGoals: 1,
    shots: { homeShots: 14, awayShots: 9, homeShotsOnTarget: 6, awayShotsOnTarget: 3 },
    // Probabilities that are no short decimals: they must come back to the last bit.
    odds: [0.1 + 0.2, 1 / 3, 1 - (0.1 + 0.2) - 1 / 3],
  },
  {
    id: 12,
    date: '2023-08-12',
    competition: 'eng.2',
    ...base,
    homeTeamId: 8,
    awayTeamId: 9,
    homeGoals: 0,
    awayGoals: 0,
    shots: null,
    odds: null,
  },
  {
    id: 13,
    date: '2023-09-20',
    competition: 'uefa.cl',
    kind: 'continental',
    country: null,
    season: '2023-24',
    homeTeamId: 3,
    awayTeamId: 40,
    homeGoals: 1,
    awayGoals: 3,
    neutral: true,
    shots: null,
    odds: null,
  },
];

describe('a history as columns', () => {
  it('gives back the same matches, every number to the last bit', () => {
    const columns = historyColumns(matches);
    expect(historyFromColumns(columns)).toStrictEqual(matches);
    expect(historyFromColumns(columns)[0].odds![0]).toBe(0.30000000000000004);
  });

  it('holds each distinct string once and the numbers in one typed array', () => {
    const columns = historyColumns(matches);
    expect(columns.strings).toStrictEqual([
      '2023-08-12',
      'eng.1',
      'league',
      'ENG',
      '2023-24',
      'eng.2',
      '2023-09-20',
      'uefa.cl',
      'continental',
    ]);
    expect(columns.numbers).toBeInstanceOf(Float64Array);
    expect(columns.numbers.length).toBe(60);
  });
});
