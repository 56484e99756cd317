import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/insights/compute-facts.js';
import { FIXTURE } from './facts-of.js';
import { HistoryBuilder } from './match-builder.js';

/** A season of mixed results for both teams, their meetings and a two-legged tie. */
function richHistory() {
  const b = new HistoryBuilder();
  b.series(1, '2023-08-10', ['2-0', '1-1', '0-1', '3-2', '0-2', '1-0', '2-2', '1-3', '4-0', '0-0', '2-1', '0-1']);
  b.series(2, '2023-08-12', ['1-0', '0-0', '2-3', '1-1', '0-1', '2-0', '1-0', '0-0', '3-3', '1-2'], { venue: 'away' });
  b.add({ date: '2023-11-01', home: 1, away: 2, score: '2-2', ht: '0-2' });
  b.add({ date: '2024-02-01', home: 2, away: 1, score: '2-0', competition: 'uefa.el', leg: 1, tieId: 7 });
  b.add({ date: '2024-02-08', home: 1, away: 2, score: '3-0', competition: 'uefa.el', leg: 2, tieId: 7 });
  return b;
}

describe('computeFacts', () => {
  it('gives no fact for an empty history', () => {
    expect(computeFacts({ fixture: FIXTURE, matches: [] })).toEqual([]);
  });

  it('ranks facts by notability, with finite scores and receipts in date order from the history', () => {
    const b = richHistory();
    const facts = computeFacts({ fixture: FIXTURE, matches: b.matches });
    expect(facts.length).toBeGreaterThan(10);
    const date = new Map(b.matches.map((m) => [m.id, m.date]));
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i];
      expect(Number.isFinite(f.notability)).toBe(true);
      if (i > 0) expect(f.notability).toBeLessThanOrEqual(facts[i - 1].notability);
      expect(new Set(f.matchIds).size).toBe(f.matchIds.length);
      const dates = f.matchIds.map((id) => date.get(id) ?? 'missing');
      expect(dates).toEqual([...dates].sort());
      if (f.kind !== 'h2h-never-met') expect(f.matchIds.length).toBeGreaterThan(0);
    }
    const kinds = new Set(facts.map((f) => f.kind));
    for (const kind of ['form', 'wins-in-last', 'run', 'h2h-record', 'h2h-first-meeting', 'comeback-record']) {
      expect(kinds).toContain(kind);
    }
  });

  it('ignores matches on or after the fixture date and matches not played', () => {
    const b = richHistory();
    const before = computeFacts({ fixture: FIXTURE, matches: b.matches });
    b.add({ date: FIXTURE.date, home: 1, away: 2, score: '9-0' });
    b.add({ date: '2024-05-01', home: 2, away: 1, score: '0-7', competition: 'uefa.el' });
    b.add({ date: '2024-04-01', home: 1, away: 9, score: '0-0', status: 'postponed' });
    const after = computeFacts({ fixture: FIXTURE, matches: b.matches });
    expect(after).toEqual(before);
    const ids = new Set(after.flatMap((f) => f.matchIds));
    for (const late of b.matches.slice(-3)) expect(ids.has(late.id)).toBe(false);
  });

  it('does not depend on the order the matches come in', () => {
    const b = richHistory();
    const forward = computeFacts({ fixture: FIXTURE, matches: b.matches });
    const backward = computeFacts({ fixture: FIXTURE, matches: [...b.matches].reverse() });
    expect(backward).toEqual(forward);
  });

  it('rejects a bad fixture, a cut-off after the fixture, and bad options with typed errors', () => {
    const matches = richHistory().matches;
    const fails = (input: Parameters<typeof computeFacts>[0], field: string) =>
      expect(() => computeFacts(input)).toThrow(
        expect.objectContaining({ code: 'INSIGHTS_BAD_INPUT', location: expect.objectContaining({ field }) }),
      );
    fails({ fixture: { ...FIXTURE, date: '18/04/2024' }, matches }, 'date');
    fails({ fixture: { ...FIXTURE, awayTeamId: FIXTURE.homeTeamId }, matches }, 'awayTeamId');
    fails({ fixture: FIXTURE, matches, cutoff: '2024-04-19' }, 'cutoff');
    fails({ fixture: FIXTURE, matches, options: { formLength: 0 } }, 'formLength');
    fails({ fixture: FIXTURE, matches, options: { winsWindow: [8, 5] } }, 'winsWindow');
  });
});
