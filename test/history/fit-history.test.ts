import { describe, expect, it } from 'vitest';
import { fitHistoryFromRows } from '../../src/history/fit-history.js';
import { seasonOfDateIn } from '../../src/competitions/seasons.js';
import type { ResultRow } from '../../src/store/match-queries.js';

let nextId = 1;
function row(date: string, competition: string, home: number, away: number, kind = 'league'): ResultRow {
  return {
    id: nextId++,
    date,
    competition,
    kind,
    country: null,
    season: seasonOfDateIn(date, 'autumn-spring'),
    homeTeamId: home,
    awayTeamId: away,
    homeGoals: 1,
    awayGoals: 0,
    neutral: false,
  };
}

describe('fitHistoryFromRows', () => {
  const teams = new Map([
    [1, { name: 'Liverpool', country: 'ENG' }],
    [2, { name: 'Arsenal', country: 'ENG' }],
    [3, { name: 'Benfica', country: 'POR' }],
    [4, { name: 'Porto', country: 'POR' }],
    [5, { name: 'Sporting', country: 'POR' }],
    [6, { name: 'Shamrock Rovers', country: 'IRL' }],
  ]);
  const rows = [
    row('2024-01-01', 'eng.1', 1, 2),
    row('2024-01-08', 'uefa.el', 3, 1, 'continental'),
    row('2024-01-09', 'uefa.el', 4, 2, 'continental'),
    row('2024-01-10', 'uefa.el', 5, 1, 'continental'),
    row('2024-01-11', 'uefa.el', 6, 2, 'continental'),
  ];
  const history = fitHistoryFromRows(rows, '2024-01-31', teams);

  it('indexes teams by first appearance and counts ages back from the date the model is for', () => {
    expect(history.teamIds).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...history.data.ageDays!]).toEqual([30, 23, 22, 21, 20]);
    expect(history.data.teamNames).toEqual(['Liverpool', 'Arsenal', 'Benfica', 'Porto', 'Sporting', 'Shamrock Rovers']);
  });

  it('groups teams by league, Europe-only teams by country, and pools countries with fewer than three of them', () => {
    expect(history.groupLabels).toEqual(['eng.1', 'eng.1', 'europe:POR', 'europe:POR', 'europe:POR', 'europe']);
    expect([...history.data.teamGroup!]).toEqual([0, 0, 1, 1, 1, 2]);
  });
});
