import { describe, expect, it } from 'vitest';
import { defaultHistoryCompetitions } from '../../src/evaluate/backtest-input.js';
import { competition } from '../competitions.js';
import { emptyRecordDefaults, type MatchRecord, type OddsRecord } from '../../src/ingest/records.js';
import { openDatabase } from '../../src/store/database.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { referenceOdds1x2 } from '../../src/store/odds-queries.js';
import { shotCounts } from '../../src/store/stats-queries.js';
import { TeamStore } from '../../src/store/team-store.js';

function book(bookmaker: string, closing: boolean, prices: (number | null)[]): OddsRecord[] {
  return (['home', 'draw', 'away'] as const).flatMap((selection, k) =>
    prices[k] === null
      ? []
      : [{ bookmaker, market: '1X2' as const, line: null, selection, price: prices[k]!, closing }],
  );
}

function setup(records: Partial<MatchRecord>[]) {
  const db = openDatabase(':memory:');
  const teams = new TeamStore(db);
  const writer = new MatchWriter(db);
  records.forEach((overrides, i) => {
    const r: MatchRecord = {
      ...emptyRecordDefaults(),
      source: { format: 'test', file: 'a.csv', line: i + 2 },
      competition: competition('eng.1'),
      season: '2023-24',
      date: `2023-08-${String(10 + i).padStart(2, '0')}`,
      status: 'played',
      home: { name: `Home ${i}`, country: 'ENG' },
      away: { name: `Away ${i}`, country: 'ENG' },
      ftScore: [1, 0],
      ...overrides,
    };
    writer.write(r, teams.resolve(r.home, 'ENG').teamId, teams.resolve(r.away, 'ENG').teamId);
  });
  return db;
}

const side = (shots: number | null, shotsOnTarget: number | null) => ({
  shots,
  shotsOnTarget,
  corners: 4,
  fouls: 10,
  yellowCards: 1,
  redCards: 0,
});

describe('referenceOdds1x2', () => {
  it('takes Pinnacle closing, else the market-average closing, else the pre-match books, and only complete books', () => {
    const db = setup([
      { odds: [...book('Pinnacle', true, [2, 3.5, 4]), ...book('Market average', true, [1.9, 3.4, 3.9])] },
      { odds: [...book('Pinnacle', true, [2, 3.5, null]), ...book('Market average', true, [1.9, 3.4, 3.9])] },
      { odds: [...book('Pinnacle', false, [2.1, 3.3, 3.8]), ...book('Market average', false, [2, 3.2, 3.7])] },
      { odds: [...book('Bet365', true, [2, 3.5, 4]), ...book('Betbrain average', false, [2.2, 3.1, 3.5])] },
      { odds: book('Bet365', true, [2, 3.5, 4]) },
    ]);
    const odds = [...referenceOdds1x2(db, {}).entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => o);
    expect(odds).toEqual([
      { bookmaker: 'Pinnacle', closing: true, prices: [2, 3.5, 4] },
      { bookmaker: 'Market average', closing: true, prices: [1.9, 3.4, 3.9] },
      { bookmaker: 'Pinnacle', closing: false, prices: [2.1, 3.3, 3.8] },
      { bookmaker: 'Betbrain average', closing: false, prices: [2.2, 3.1, 3.5] },
    ]);
    expect(referenceOdds1x2(db, { from: '2023-08-11', to: '2023-08-12' }).size).toBe(2);
    expect(referenceOdds1x2(db, { competitions: ['es.1'] }).size).toBe(0);
  });
});

describe('shotCounts', () => {
  it('returns the matches with both sides’ shots and shots on target', () => {
    const db = setup([
      { stats: { home: side(12, 5), away: side(8, 2) } },
      { stats: { home: side(12, null), away: side(8, 2) } },
      { stats: null },
    ]);
    const counts = [...shotCounts(db, {}).values()];
    expect(counts).toEqual([{ homeShots: 12, awayShots: 8, homeShotsOnTarget: 5, awayShotsOnTarget: 2 }]);
    expect(shotCounts(db, { before: '2023-08-10' }).size).toBe(0);
  });
});

describe('defaultHistoryCompetitions', () => {
  it('adds the second tiers the database holds for the forecast leagues’ countries', () => {
    const db = setup([{}, { competition: competition('eng.2') }, { competition: competition('de.2') }]);
    expect(defaultHistoryCompetitions(db, ['eng.1'])).toEqual(['eng.1', 'eng.2']);
    expect(defaultHistoryCompetitions(db, ['eng.1', 'es.1'])).toEqual(['eng.1', 'es.1', 'eng.2']);
    expect(defaultHistoryCompetitions(db, ['it.1'])).toEqual(['it.1']);
  });
});
