import { describe, it, expect } from 'vitest';
import { burnInWeights, chronologicalOrder } from '../../src/models/ratings/rating-fit.js';
import type { FitData } from '../../src/models/fit-data.js';

const DATA: FitData = {
  teamCount: 2,
  homeTeam: Int32Array.of(0, 1, 0, 1),
  awayTeam: Int32Array.of(1, 0, 1, 0),
  homeGoals: Int32Array.of(1, 0, 2, 1),
  awayGoals: Int32Array.of(0, 0, 1, 3),
  neutral: new Uint8Array(4),
  ageDays: Float64Array.of(400, 10, 700, 0),
};

describe('chronologicalOrder', () => {
  it('orders oldest first by age', () => {
    expect([...chronologicalOrder(DATA)]).toEqual([2, 0, 1, 3]);
  });

  it('keeps input order without ages', () => {
    expect([...chronologicalOrder({ ...DATA, ageDays: undefined })]).toEqual([0, 1, 2, 3]);
  });
});

describe('burnInWeights', () => {
  it('drops the matches in the first burn-in days of the data', () => {
    // The oldest match is 700 days old; a 365-day burn-in keeps ages ≤ 335.
    expect([...burnInWeights(DATA, 365)]).toEqual([0, 1, 0, 1]);
    expect([...burnInWeights(DATA, 0)]).toEqual([1, 1, 1, 1]);
  });

  it('says so when the burn-in leaves nothing to fit', () => {
    expect(() => burnInWeights(DATA, 1000)).toThrow(/burn-in of 1000 days: the data spans 700 days/);
    expect(() => burnInWeights({ ...DATA, ageDays: undefined }, 365)).toThrow(/spans 0 days/);
  });
});
