import { describe, expect, it } from 'vitest';
import { nextRounds } from '../../src/app/upcoming-fixtures.js';
import type { StoredMatchView } from '../../src/store/match-queries.js';

let nextId = 1;
function fixture(competition: string, date: string, home: number, away: number): StoredMatchView {
  return {
    id: nextId++,
    competition: { code: competition, name: competition, kind: 'league' },
    season: '2023-24',
    date,
    time: null,
    home: { id: home, name: `T${home}` },
    away: { id: away, name: `T${away}` },
    neutral: false,
    venue: null,
    round: null,
    group: null,
    leg: null,
    tieId: null,
    status: 'scheduled',
    score: { ht: null, ft: null, et: null, pens: null },
    attendance: null,
    referee: null,
  };
}

describe('nextRounds', () => {
  it("takes each competition's fixtures until a team would play twice", () => {
    const fixtures = [
      fixture('eng.1', '2024-03-02', 1, 2),
      fixture('es.1', '2024-03-02', 11, 12),
      fixture('eng.1', '2024-03-03', 3, 4),
      fixture('eng.1', '2024-03-04', 5, 6),
      // Midweek: team 2 again, so the round ended on the 4th.
      fixture('eng.1', '2024-03-06', 2, 7),
      fixture('eng.1', '2024-03-09', 8, 9),
      fixture('es.1', '2024-03-09', 12, 13),
    ];
    expect(nextRounds(fixtures).map((m) => `${m.competition.code} ${m.date} ${m.home.id}-${m.away.id}`)).toEqual([
      'eng.1 2024-03-02 1-2',
      'es.1 2024-03-02 11-12',
      'eng.1 2024-03-03 3-4',
      'eng.1 2024-03-04 5-6',
    ]);
  });
});
