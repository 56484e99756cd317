import { describe, expect, it } from 'vitest';
import type { GoalView } from '../../src/store/match-queries.js';
import { factsOf } from './facts-of.js';
import { HistoryBuilder } from './match-builder.js';

const LIVERPOOL = 1;
const ATALANTA = 2;

describe('margin records', () => {
  function europeanHomeDefeats() {
    const b = new HistoryBuilder();
    b.add({ date: '2010-05-01', home: LIVERPOOL, away: 30, score: '0-5' }); // 1: league, heavier
    b.add({ date: '2012-10-01', home: LIVERPOOL, away: 31, score: '2-0', competition: 'uefa.cl' }); // 2
    b.add({ date: '2014-10-01', home: LIVERPOOL, away: 32, score: '0-3', competition: 'uefa.cl' }); // 3
    b.add({ date: '2016-10-01', home: LIVERPOOL, away: 33, score: '1-2', competition: 'uefa.el' }); // 4
    b.add({ date: '2018-10-01', home: LIVERPOOL, away: 34, score: '0-1', competition: 'uefa.cl' }); // 5
    b.add({ date: '2024-04-11', home: LIVERPOOL, away: ATALANTA, score: '0-3', competition: 'uefa.el' }); // 6
    b.add({ date: '2024-04-14', home: LIVERPOOL, away: 35, score: '0-1' }); // 7: one goal, no record
    return b;
  }

  it('finds the joint-heaviest European home defeat and cites every match it ties with', () => {
    const records = factsOf('margin-record', europeanHomeDefeats().matches, { awayTeamId: ATALANTA });
    const liverpool = records.filter((r) => r.teamId === LIVERPOOL);
    // One fact per match: the European context (rank 1, joint) beats all home matches (rank 2 behind the 0-5).
    expect(liverpool).toHaveLength(1);
    expect(liverpool[0]).toMatchObject({
      direction: 'defeat',
      competitions: 'continental',
      venue: 'home',
      margin: 3,
      rank: 1,
      jointWith: 1,
      contextResults: 4,
      contextMatches: 5,
      historyFrom: '2012-10-01',
      matchIds: [3, 6],
    });
    expect(liverpool[0].match.matchId).toBe(6);
  });

  it('ranks behind a heavier result and stops beyond the worst rank reported', () => {
    const b = europeanHomeDefeats();
    b.add({ date: '2024-04-16', home: LIVERPOOL, away: 36, score: '0-2' }); // 8: home defeat by two
    const records = factsOf('margin-record', b.matches, { awayTeamId: ATALANTA }).filter(
      (r) => r.teamId === LIVERPOOL && r.match.matchId === 8,
    );
    // All home defeats by margin: 5, 3, 3, 2 → the 0-2 ranks 4th, beyond the default worst rank of 3;
    // in league home matches: 5, 2 → second-heaviest.
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      competitions: 'league',
      venue: 'home',
      rank: 2,
      jointWith: 0,
      matchIds: [1, 8],
    });
  });

  it('reports a record win from the winner’s side', () => {
    const records = factsOf('margin-record', europeanHomeDefeats().matches, { awayTeamId: ATALANTA }).filter(
      (r) => r.teamId === ATALANTA,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ direction: 'win', venue: 'away', rank: 1, jointWith: 0, matchIds: [6] });
  });
});

describe('comebacks', () => {
  it('finds match comebacks from the half-time score, or from goal times when every goal is known', () => {
    const b = new HistoryBuilder();
    b.add({ date: '2020-01-01', home: LIVERPOOL, away: 40, score: '3-2', ht: '0-2' }); // 1: from 2 down at half-time
    b.add({ date: '2021-01-01', home: 41, away: LIVERPOOL, score: '3-4', ht: '1-1' }); // 2: 0-3 down by goal times
    b.add({ date: '2022-01-01', home: LIVERPOOL, away: 42, score: '2-1', ht: '0-1' }); // 3: one goal only
    b.add({ date: '2022-02-01', home: LIVERPOOL, away: 43, score: '1-2', ht: '0-2' }); // 4: lost anyway
    b.add({ date: '2022-03-01', home: LIVERPOOL, away: 44, score: '2-0' }); // 5: nothing known
    const goal = (side: 'home' | 'away', minute: number): GoalView => ({
      side,
      scorer: `Player ${minute}`,
      minute,
      stoppage: null,
      penalty: false,
      ownGoal: false,
    });
    const goals = new Map([
      [2, [goal('home', 5), goal('home', 20), goal('home', 50), ...[55, 60, 70, 80].map((m) => goal('away', m))]],
    ]);
    const [fact] = factsOf('comeback-record', b.matches, {}, goals).filter((f) => f.teamId === LIVERPOOL);
    expect(fact).toMatchObject({
      stage: 'match',
      biggestDeficit: 3,
      measurable: 4,
      trailingBy: null,
      matchIds: [1, 2],
    });
    expect(fact.comebacks.map((c) => [c.deficit, c.measuredAt, c.matches[0].matchId])).toEqual([
      [3, 'goal-times', 2],
      [2, 'half-time', 1],
    ]);
  });

  it('finds tie comebacks and counts those from at least the deficit the team faces now', () => {
    const b = new HistoryBuilder();
    // Tie 50: lost 3-0 away, won 4-0 at home.
    b.add({ date: '2019-05-01', home: 30, away: LIVERPOOL, score: '3-0', competition: 'uefa.cl', leg: 1, tieId: 50 });
    b.add({ date: '2019-05-07', home: LIVERPOOL, away: 30, score: '4-0', competition: 'uefa.cl', leg: 2, tieId: 50 });
    // Tie 51: lost 1-0 away, won 1-0 after extra time at home and on penalties.
    b.add({ date: '2020-03-01', home: 31, away: LIVERPOOL, score: '1-0', competition: 'uefa.cl', leg: 1, tieId: 51 });
    b.add({
      date: '2020-03-08',
      home: LIVERPOOL,
      away: 31,
      score: '1-0',
      et: '1-0',
      pens: '4-2',
      competition: 'uefa.cl',
      leg: 2,
      tieId: 51,
    });
    // Tie 52: lost 2-0 away, 2-1 at home: out.
    b.add({ date: '2021-03-01', home: 32, away: LIVERPOOL, score: '2-0', competition: 'uefa.el', leg: 1, tieId: 52 });
    b.add({ date: '2021-03-08', home: LIVERPOOL, away: 32, score: '2-1', competition: 'uefa.el', leg: 2, tieId: 52 });
    // The current tie: Liverpool lost the first leg 0-3 at home.
    b.add({
      date: '2024-04-11',
      home: LIVERPOOL,
      away: ATALANTA,
      score: '0-3',
      competition: 'uefa.el',
      leg: 1,
      tieId: 60,
    });
    const fixture = { homeTeamId: ATALANTA, awayTeamId: LIVERPOOL, competitionCode: 'uefa.el' };

    const liverpool = factsOf('comeback-record', b.matches, fixture).find((f) => f.teamId === LIVERPOOL);
    expect(liverpool).toMatchObject({
      stage: 'tie',
      biggestDeficit: 3,
      measurable: 3,
      trailingBy: 3,
      fromAtLeastTrailing: 1,
      matchIds: [1, 2],
    });
    expect(liverpool?.comebacks[0]).toMatchObject({
      deficit: 3,
      measuredAt: 'first-leg',
      opponentId: 30,
      onPenalties: false,
    });

    // Trailing by one, the record takes in the one-goal comeback won on penalties.
    const b2 = new HistoryBuilder();
    b2.matches.push(...b.matches.slice(0, 6));
    b2.add({
      date: '2024-04-11',
      home: LIVERPOOL,
      away: ATALANTA,
      score: '0-1',
      competition: 'uefa.el',
      leg: 1,
      tieId: 60,
    });
    const close = factsOf('comeback-record', b2.matches, fixture).find((f) => f.teamId === LIVERPOOL);
    expect(close).toMatchObject({ trailingBy: 1, fromAtLeastTrailing: 2, matchIds: [1, 2, 3, 4] });
    expect(close?.comebacks[1]).toMatchObject({ deficit: 1, onPenalties: true, opponentId: 31 });
  });
});
