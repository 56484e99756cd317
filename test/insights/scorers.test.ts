import { describe, expect, it } from 'vitest';
import type { GoalView } from '../../src/store/match-queries.js';
import { factsOf } from './facts-of.js';
import { HistoryBuilder } from './match-builder.js';

function goal(side: 'home' | 'away', scorer: string, extra: Partial<GoalView> = {}): GoalView {
  return { side, scorer, minute: 10, stoppage: null, penalty: false, ownGoal: false, ...extra };
}

describe('scorers', () => {
  function season() {
    const b = new HistoryBuilder();
    b.add({ date: '2023-09-01', home: 1, away: 2, score: '3-1' }); // 1: against the opponent
    b.add({ date: '2023-10-01', home: 3, away: 1, score: '1-2' }); // 2
    b.add({ date: '2023-11-01', home: 1, away: 4, score: '2-0' }); // 3
    b.add({ date: '2023-12-01', home: 1, away: 5, score: '1-0' }); // 4: no goal data
    b.add({ date: '2023-05-01', home: 1, away: 6, score: '5-0' }); // 5: last season
    const goals = new Map<number, GoalView[]>([
      [
        1,
        [
          goal('home', 'Salah'),
          goal('home', 'Salah', { penalty: true }),
          goal('home', 'Nunez', { ownGoal: true }),
          goal('away', 'Visitor'),
        ],
      ],
      [2, [goal('home', 'Scorer Three'), goal('away', 'Jota'), goal('away', 'Diaz')]],
      [3, [goal('home', 'Jota'), goal('home', 'Gakpo')]],
      [
        5,
        [
          goal('home', 'Firmino'),
          goal('home', 'Firmino'),
          goal('home', 'Firmino'),
          goal('home', 'Firmino'),
          goal('home', 'Firmino'),
        ],
      ],
    ]);
    return { b, goals };
  }

  it('lists the season’s leading scorers over the matches with goal data, own goals excluded', () => {
    const { b, goals } = season();
    const [top] = factsOf('top-scorers', b.matches, {}, goals).filter((f) => f.teamId === 1);
    // Salah 2 (one penalty), Jota 2, then Diaz and Gakpo level on one for third place.
    expect(top.scorers.map((s) => [s.player, s.goals, s.penalties])).toEqual([
      ['Jota', 2, 0],
      ['Salah', 2, 1],
      ['Diaz', 1, 0],
      ['Gakpo', 1, 0],
    ]);
    expect(top).toMatchObject({ season: '2023-24', matchesWithGoalData: 3, seasonMatches: 4, matchIds: [1, 2, 3] });
    expect(top.scorers[0].matchIds).toEqual([2, 3]);
  });

  it('credits a player’s goals against the opponent, and nothing without goal data', () => {
    const { b, goals } = season();
    const against = factsOf('scorer-vs-opponent', b.matches, {}, goals);
    expect(against.map((f) => [f.teamId, f.scorer.player, f.scorer.goals, f.matchIds])).toEqual([
      [1, 'Salah', 2, [1]],
      [2, 'Visitor', 1, [1]],
    ]);
    expect(factsOf('top-scorers', b.matches)).toEqual([]);
  });
});
