import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/insights/compute-facts.js';
import type { RunFact } from '../../src/insights/facts.js';
import { COMPLETE_COVERAGE, factsOf, FIXTURE } from './facts-of.js';
import { HistoryBuilder } from './match-builder.js';

function runOf(facts: RunFact[], run: RunFact['run'], competitions = 'all', venue = 'any', teamId = 1) {
  return facts.find(
    (f) => f.run === run && f.competitions === competitions && f.venue === venue && f.teamId === teamId,
  );
}

describe('runs', () => {
  it('finds successive defeats and the most recent earlier run at least as long ("first time since")', () => {
    const b = new HistoryBuilder();
    b.series(1, '2023-01-10', ['0-1', '0-2']); // 1, 2: an older run of two
    b.series(1, '2023-02-01', ['2-0']); // 3
    b.series(1, '2023-03-31', ['0-1', '1-2', '0-3']); // 4-6: three in March/April 2023
    b.series(1, '2023-05-01', ['1-0', '2-1']); // 7, 8
    b.series(1, '2023-10-01', ['0-1']); // 9: a lone defeat is not a run of two
    b.series(1, '2023-11-01', ['1-0', '1-1', '3-1']); // 10-12
    b.add({ date: '2024-04-11', home: 1, away: 2, score: '0-3', competition: 'uefa.el' }); // 13
    b.add({ date: '2024-04-14', home: 1, away: 50, score: '0-1' }); // 14

    const defeats = runOf(factsOf('run', b.matches), 'defeats');
    expect(defeats).toMatchObject({
      length: 2,
      startDate: '2024-04-11',
      endDate: '2024-04-14',
      ongoing: true,
      endedBy: null,
      previous: { length: 3, startDate: '2023-03-31', endDate: '2023-04-02', matchIds: [4, 5, 6] },
      historyFrom: '2023-01-10',
    });
    expect(defeats?.precededBy?.matchId).toBe(12);
    expect(defeats?.matchIds).toEqual([4, 5, 6, 12, 13, 14]);
  });

  it('compares with earlier runs only over seasons the data holds whole: a gap is no "first time since"', () => {
    const b = new HistoryBuilder();
    b.series(1, '2022-03-01', ['0-1', '0-2', '0-3']); // 1-3: a run of three in 2021-22
    b.series(1, '2022-09-01', ['1-0', '2-0']); // 4, 5: 2022-23, a season whose cup matches the data lacks
    b.series(1, '2023-09-01', ['1-0', '2-0']); // 6, 7
    b.series(1, '2024-04-01', ['0-1', '0-2']); // 8, 9: two defeats now
    const coverage = (_team: number, season: string) => ({
      allCompetitions: season !== '2022-23',
      held: [],
      missing: [],
    });
    const facts = computeFacts({ fixture: FIXTURE, matches: b.matches, coverage }).filter(
      (f): f is RunFact => f.kind === 'run',
    );
    const defeats = runOf(facts, 'defeats');
    expect(defeats).toMatchObject({ length: 2, previous: null, comparedFrom: '2023-09-01' });
    // With the whole history held, the 2022 run is the one it is the first since.
    expect(runOf(factsOf('run', b.matches), 'defeats')).toMatchObject({
      previous: { length: 3, startDate: '2022-03-01' },
      comparedFrom: '2022-03-01',
    });
    // Without coverage nothing is compared at all.
    const unknown = computeFacts({ fixture: FIXTURE, matches: b.matches }).filter(
      (f): f is RunFact => f.kind === 'run',
    );
    expect(runOf(unknown, 'defeats')).toMatchObject({ previous: null, comparedFrom: null });
  });

  it('takes an earlier run of equal length as the previous one', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-01-01', ['1-0', '0-1', '0-2', '1-0', '0-1', '0-2']);
    const defeats = runOf(factsOf('run', b.matches), 'defeats');
    expect(defeats?.previous).toMatchObject({ length: 2, startDate: '2024-01-02', endDate: '2024-01-03' });
    expect(defeats?.matchIds).toEqual([2, 3, 4, 5, 6]);
  });

  it('lets a draw break a run of defeats but not a winless run', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-03-01', ['0-1', '0-2', '1-1', '0-1']);
    const runs = factsOf('run', b.matches);
    expect(runOf(runs, 'defeats')).toBeUndefined();
    const winless = runOf(runs, 'winless');
    expect(winless).toMatchObject({ length: 4, ongoing: true, precededBy: null, previous: null });
    expect(winless?.matchIds).toEqual([1, 2, 3, 4]);
  });

  it('says there is no earlier run when the data holds none ("first time in our data")', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-01-01', ['1-0', '2-0', '0-1', '0-2']);
    const defeats = runOf(factsOf('run', b.matches), 'defeats');
    expect(defeats).toMatchObject({ length: 2, previous: null, historyFrom: '2024-01-01' });
    expect(defeats?.precededBy?.matchId).toBe(2);
    expect(defeats?.matchIds).toEqual([2, 3, 4]);
  });

  it('counts a run ending the day before the fixture and ignores matches on or after the fixture date', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-04-14', ['1-0', '0-1', '0-2', '0-1']); // 1-4: defeats on 15, 16, 17 April
    b.add({ date: '2024-04-18', home: 1, away: 2, score: '3-0' }); // 5: the fixture itself, already played
    b.add({ date: '2024-04-20', home: 1, away: 60, score: '2-0' }); // 6
    const defeats = runOf(factsOf('run', b.matches), 'defeats');
    expect(defeats).toMatchObject({ length: 3, endDate: '2024-04-17', ongoing: true });
    expect(defeats?.matchIds).toEqual([1, 2, 3, 4]);

    // An earlier cut-off (a preview written on the 17th) sees only two of them.
    const early = computeFacts({
      fixture: FIXTURE,
      matches: b.matches,
      cutoff: '2024-04-17',
      coverage: COMPLETE_COVERAGE,
    }).filter((f): f is RunFact => f.kind === 'run');
    expect(runOf(early, 'defeats')).toMatchObject({ length: 2, endDate: '2024-04-16' });
  });

  it('reports a home league unbeaten run the latest home league match ended ("first home league defeat in N months")', () => {
    const b = new HistoryBuilder();
    b.add({ date: '2022-10-29', home: 1, away: 40, score: '1-2' }); // 1: the previous home league defeat
    b.series(1, '2022-11-05', ['2-0', '1-1', '3-0', '2-2', '1-0', '4-1']); // 2-7
    b.add({ date: '2023-01-10', home: 60, away: 1, score: '2-0' }); // 8: away league defeat — other venue
    b.add({ date: '2023-01-12', home: 1, away: 61, score: '0-1', competition: 'eng.facup' }); // 9: home cup defeat
    b.add({ date: '2023-01-15', home: 1, away: 62, score: '0-2', competition: 'uefa.el' }); // 10: home European defeat
    b.series(1, '2023-02-01', ['1-0', '2-0']); // 11, 12
    b.add({ date: '2024-04-14', home: 1, away: 63, score: '0-1' }); // 13: the defeat that ends it

    const run = runOf(factsOf('run', b.matches), 'unbeaten', 'league', 'home');
    expect(run).toMatchObject({
      length: 8,
      startDate: '2022-11-05',
      endDate: '2023-02-02',
      ongoing: false,
      previous: null,
    });
    expect(run?.endedBy).toMatchObject({ matchId: 13, date: '2024-04-14', score: [0, 1] });
    expect(run?.precededBy).toMatchObject({ matchId: 1, date: '2022-10-29' });
    expect(run?.daysSincePrecededBy).toBe(533); // 2022-10-29 → 2024-04-14
    expect(run?.matchIds).toEqual([1, 2, 3, 4, 5, 6, 7, 11, 12, 13]);
  });

  it('counts games without a clean sheet across all competitions, from the last clean sheet', () => {
    const b = new HistoryBuilder();
    b.series(1, '2024-01-01', ['2-0', '1-1', '2-1', '1-2', '3-1']); // 1-5: a clean sheet, then four conceding
    b.series(1, '2024-02-01', ['0-1', '2-2'], { competition: 'uefa.el', venue: 'away' }); // 6, 7
    b.series(1, '2024-03-01', ['1-1', '2-1', '1-3']); // 8-10
    const run = runOf(factsOf('run', b.matches), 'conceding');
    expect(run).toMatchObject({ length: 9, startDate: '2024-01-02', endDate: '2024-03-03', ongoing: true });
    expect(run?.precededBy?.matchId).toBe(1);
    expect(run?.matchIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('every game this season', () => {
  function awayHistory() {
    const b = new HistoryBuilder();
    b.add({ date: '2023-04-30', home: 70, away: 1, score: '2-0' }); // 1: last shut out away, last season
    b.add({ date: '2023-08-13', home: 71, away: 1, score: '1-1' }); // 2
    b.add({ date: '2023-09-21', home: 72, away: 1, score: '1-3', competition: 'uefa.el' }); // 3
    b.add({ date: '2024-01-07', home: 73, away: 1, score: '0-2', competition: 'eng.facup' }); // 4
    b.add({ date: '2024-03-10', home: 74, away: 1, score: '1-1' }); // 5
    b.add({ date: '2023-09-01', home: 1, away: 75, score: '0-0' }); // 6: home blank, not an away game
    b.add({ date: '2024-02-25', home: 1, away: 76, score: '0-0', competition: 'eng.facup', neutral: true }); // 7
    return b;
  }

  it('finds "scored in every away game this season" across competitions, neutral grounds excluded', () => {
    const b = awayHistory();
    const season = factsOf('every-game-this-season', b.matches).find(
      (f) => f.teamId === 1 && f.condition === 'scoring' && f.venue === 'away',
    );
    expect(season).toMatchObject({ season: '2023-24', games: 4 });
    expect(season?.matchIds).toEqual([2, 3, 4, 5]);

    // The same away scoring run says when the team was last shut out on the road.
    const run = runOf(factsOf('run', b.matches), 'scoring', 'all', 'away');
    expect(run).toMatchObject({ length: 4, ongoing: true });
    expect(run?.precededBy).toMatchObject({ matchId: 1, date: '2023-04-30', score: [2, 0] });
    expect(run?.daysSincePrecededBy).toBe(354); // 2023-04-30 → the fixture on 2024-04-18
    expect(run?.matchIds).toEqual([1, 2, 3, 4, 5]);
  });

  it('makes no such claim once one away game this season was goalless', () => {
    const b = awayHistory();
    b.add({ date: '2024-03-30', home: 77, away: 1, score: '0-0' });
    const season = factsOf('every-game-this-season', b.matches).filter(
      (f) => f.teamId === 1 && f.condition === 'scoring' && f.venue === 'away',
    );
    expect(season).toEqual([]);
  });
});
