import { describe, expect, it } from 'vitest';
import { binomialSurprise, smoothedRate } from '../../src/insights/notability.js';
import { factsOf } from './facts-of.js';
import { HistoryBuilder } from './match-builder.js';

describe('form', () => {
  it('gives the last six results across all competitions and in the league only, oldest first', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-03-01', ['2-0', '1-1', '0-1', '3-2']); // 1-4 league
    b.series(1, '2024-03-10', ['0-2', '1-0'], { competition: 'uefa.el' }); // 5, 6
    b.series(1, '2024-03-20', ['1-1', '2-1'], { venue: 'away' }); // 7, 8 league, team 1 away
    const forms = factsOf('form', b.matches).filter((f) => f.teamId === 1);
    const all = forms.find((f) => f.competitions === 'all');
    expect(all).toMatchObject({
      results: ['L', 'W', 'L', 'W', 'D', 'W'],
      wins: 3,
      draws: 1,
      losses: 2,
      goalsFor: 7,
      goalsAgainst: 7,
      matchIds: [3, 4, 5, 6, 7, 8],
    });
    const league = forms.find((f) => f.competitions === 'league');
    expect(league).toMatchObject({ results: ['W', 'D', 'L', 'W', 'D', 'W'], matchIds: [1, 2, 3, 4, 7, 8] });
  });

  it('has no form for a team without history', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-03-01', ['2-0']);
    expect(factsOf('form', b.matches).filter((f) => f.teamId === 2)).toEqual([]);
    expect(factsOf('wins-in-last', b.matches)).toEqual([]);
  });

  it('picks the window where the win count is least like the team’s norm ("third win in the last 11")', () => {
    const b = new HistoryBuilder();
    // 20 matches at the team's usual level (16 wins), then a slump: 3 wins in the last 11.
    b.series(1, '2023-01-01', [...Array(16).fill('2-0'), ...Array(4).fill('1-1')]);
    b.series(1, '2024-01-01', ['0-1', '1-0', '1-1', '0-2', '2-1', '0-0', '1-2', '1-1', '0-1', '3-0', '1-1']);
    const [fact] = factsOf('wins-in-last', b.matches).filter((f) => f.teamId === 1);
    const outcomes = b.matches.map((m) => ((m.score.ft?.[0] ?? 0) > (m.score.ft?.[1] ?? 0) ? 1 : 0));
    // Recompute every window's surprise the same way: the chosen one is the largest (longest on a tie).
    const surprise = (n: number) => {
      const before = outcomes.slice(0, outcomes.length - n).slice(-60);
      const wins = outcomes.slice(-n).reduce((s: number, w) => s + w, 0);
      return binomialSurprise(
        n,
        wins,
        smoothedRate(
          before.reduce((s: number, w) => s + w, 0),
          before.length,
        ),
      );
    };
    const windows = Array.from({ length: 11 }, (_, i) => i + 5);
    const best = Math.max(...windows.map(surprise));
    expect(fact.window).toBe(Math.max(...windows.filter((n) => surprise(n) === best)));
    expect(fact.direction).toBe('few');
    expect(fact.matchIds).toEqual(b.matches.slice(-fact.window).map((m) => m.id));
    expect(fact.winMatchIds).toEqual(fact.matchIds.filter((id) => outcomes[id - 1] === 1));
    expect(fact.wins).toBe(fact.winMatchIds.length);
    expect(fact.notability).toBeCloseTo(best, 12);
  });

  it('needs ten matches of baseline before it judges a run of wins', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-01-01', Array(14).fill('0-1'));
    expect(factsOf('wins-in-last', b.matches)).toEqual([]);
    b.series(1, '2024-02-01', ['0-1']);
    expect(factsOf('wins-in-last', b.matches)).toHaveLength(1);
  });
});
