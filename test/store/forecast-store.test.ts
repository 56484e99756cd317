import { describe, expect, it } from 'vitest';
import { reviewPreMatchForecast } from '../../src/history/pre-match-review.js';
import { emptyRecordDefaults, type MatchRecord } from '../../src/ingest/records.js';
import { openDatabase } from '../../src/store/database.js';
import { preMatchForecasts, storePreMatchForecast, type PreMatchForecast } from '../../src/store/forecast-store.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { TeamStore } from '../../src/store/team-store.js';
import { competition } from '../competitions.js';

const fixture: MatchRecord = {
  ...emptyRecordDefaults(),
  source: { format: 'test', file: 'fixtures.csv', line: 2 },
  competition: competition('eng.1'),
  season: '2023-24',
  date: '2024-03-04',
  status: 'scheduled',
  home: { name: 'Sheffield United', country: 'ENG' },
  away: { name: 'Arsenal', country: 'ENG' },
  ftScore: null,
};

/** A 3×3 grid (0..2 goals a side) whose cells are 1/9 each, and a 1X2 to match. */
function forecast(madeAt: string, home = 3 / 9): PreMatchForecast {
  return {
    matchId: 1,
    model: 'dixon-coles',
    madeAt,
    dataBefore: '2024-03-04',
    matchesFitted: 638,
    result: { home, draw: 3 / 9, away: 1 - home - 3 / 9 },
    expectedGoals: { home: 1, away: 1 },
    scores: { maxGoals: 2, p: new Array<number>(9).fill(1 / 9) },
  };
}

function setup() {
  const db = openDatabase(':memory:');
  const teams = new TeamStore(db);
  const writer = new MatchWriter(db);
  const write = (r: MatchRecord) =>
    writer.write(r, teams.resolve(r.home, 'ENG').teamId, teams.resolve(r.away, 'ENG').teamId);
  write(fixture);
  return { db, write };
}

describe('stored pre-match forecasts', () => {
  it('keeps the last forecast made while the match has no result, up to its day', () => {
    const { db } = setup();
    expect(storePreMatchForecast(db, forecast('2024-03-01T08:00:00.000Z', 0.2))).toBe(true);
    expect(storePreMatchForecast(db, forecast('2024-03-04T11:00:00.000Z', 0.25))).toBe(true);
    // An older one does not replace a newer one (two runs finishing out of order).
    expect(storePreMatchForecast(db, forecast('2024-03-02T08:00:00.000Z', 0.3))).toBe(false);
    // After the match's day it is no forecast "beforehand".
    expect(storePreMatchForecast(db, forecast('2024-03-05T09:00:00.000Z', 0.4))).toBe(false);
    expect(preMatchForecasts(db, [1]).get(1)).toMatchObject({
      madeAt: '2024-03-04T11:00:00.000Z',
      result: { home: 0.25 },
    });
  });

  it('is frozen once the result is in, and says what it had given the score and the result', () => {
    const { db, write } = setup();
    storePreMatchForecast(db, forecast('2024-03-01T08:00:00.000Z', 0.2));
    write({ ...fixture, status: 'played', ftScore: [0, 6], source: { format: 'test', file: 'E0.csv', line: 260 } });
    expect(storePreMatchForecast(db, forecast('2024-03-04T22:00:00.000Z', 0.9))).toBe(false);
    const stored = preMatchForecasts(db, [1]).get(1)!;
    expect(stored.result.home).toBe(0.2);
    // 0-6 lies beyond the 0..2 grid: the grid gave it nothing; the away win it gave 1 - 0.2 - 1/3.
    expect(reviewPreMatchForecast(stored, [0, 6])).toMatchObject({ outcome: 'away', scoreProbability: 0 });
    expect(reviewPreMatchForecast(stored, [0, 6]).outcomeProbability).toBeCloseTo(1 - 0.2 - 1 / 3, 12);
    expect(reviewPreMatchForecast(stored, [2, 1])).toMatchObject({
      outcome: 'home',
      outcomeProbability: 0.2,
      scoreProbability: 1 / 9,
    });
  });
});
