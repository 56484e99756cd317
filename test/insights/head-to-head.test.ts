import { describe, expect, it } from 'vitest';
import { factsOf } from './facts-of.js';
import { HistoryBuilder } from './match-builder.js';

const ATALANTA = 2;
const LIVERPOOL = 1;
const SECOND_LEG = { homeTeamId: ATALANTA, awayTeamId: LIVERPOOL, competitionCode: 'uefa.el' };

/** Atalanta and Liverpool's meetings, and other visitors to Anfield. */
function meetings() {
  const b = new HistoryBuilder();
  b.add({ date: '2020-11-03', home: ATALANTA, away: LIVERPOOL, score: '0-5', competition: 'uefa.cl' }); // 1
  b.add({ date: '2020-11-25', home: LIVERPOOL, away: ATALANTA, score: '0-2', competition: 'uefa.cl' }); // 2
  b.add({ date: '2024-04-11', home: LIVERPOOL, away: ATALANTA, score: '0-3', competition: 'uefa.el', leg: 1 }); // 3
  // Team 10 won its first visit to Anfield in Europe, not its second; team 12 lost its first; team 11 came once.
  b.add({ date: '2010-09-01', home: LIVERPOOL, away: 10, score: '0-1', competition: 'uefa.cl' }); // 4
  b.add({ date: '2012-09-01', home: LIVERPOOL, away: 10, score: '2-1', competition: 'uefa.cl' }); // 5
  b.add({ date: '2013-09-01', home: LIVERPOOL, away: 11, score: '0-2', competition: 'uefa.cl' }); // 6
  b.add({ date: '2014-09-01', home: LIVERPOOL, away: 12, score: '3-0', competition: 'uefa.el' }); // 7
  b.add({ date: '2015-09-01', home: LIVERPOOL, away: 12, score: '1-2', competition: 'uefa.el' }); // 8
  // Team 20 won its first two league visits to Anfield.
  b.add({ date: '2015-10-01', home: LIVERPOOL, away: 20, score: '1-2' }); // 9
  b.add({ date: '2016-10-01', home: LIVERPOOL, away: 20, score: '0-1' }); // 10
  b.add({ date: '2017-10-01', home: LIVERPOOL, away: 20, score: '1-1' }); // 11
  return b;
}

describe('head-to-head', () => {
  it('gives the record of all meetings and of meetings at this venue from the hosts’ side', () => {
    const records = factsOf('h2h-record', meetings().matches, SECOND_LEG);
    // Every meeting was continental, so there is no separate European record.
    expect(records.map((r) => `${r.competitions}/${r.venue}`)).toEqual(['all/any', 'all/home']);
    expect(records[0]).toMatchObject({
      teamId: ATALANTA,
      opponentId: LIVERPOOL,
      meetings: 3,
      wins: 2,
      draws: 0,
      losses: 1,
      goalsFor: 5,
      goalsAgainst: 5,
      matchIds: [1, 2, 3],
    });
    expect(records[1]).toMatchObject({ meetings: 1, wins: 0, losses: 1, goalsFor: 0, goalsAgainst: 5, matchIds: [1] });
  });

  it('names the first and the last meeting', () => {
    const b = meetings();
    const [first] = factsOf('h2h-first-meeting', b.matches, SECOND_LEG);
    expect(first).toMatchObject({ meetingsTotal: 3, matchIds: [1] });
    expect(first.meeting).toMatchObject({ date: '2020-11-03', score: [0, 5], competition: { code: 'uefa.cl' } });
    const [last] = factsOf('h2h-last-meeting', b.matches, SECOND_LEG);
    expect(last).toMatchObject({ matchIds: [3] });
    expect(last.meeting.date).toBe('2024-04-11');
  });

  it('finds "no other team has won its first two continental away matches" with exact receipts', () => {
    const starts = factsOf('h2h-away-start', meetings().matches, SECOND_LEG).filter((f) => f.teamId === ATALANTA);
    const continental = starts.find((f) => f.competitions === 'continental');
    expect(continental).toMatchObject({
      opponentId: LIVERPOOL,
      wins: 2,
      visits: 2,
      eligibleOthers: 2,
      othersWithSameStart: 0,
      otherTeamIds: [],
    });
    // In date order: team 10's second visit (its first non-win), team 12's first visit, Atalanta's two wins.
    expect(continental?.matchIds).toEqual([5, 7, 2, 3]);
    // Over all competitions team 20 matched it.
    const all = starts.find((f) => f.competitions === 'all');
    expect(all).toMatchObject({ eligibleOthers: 3, othersWithSameStart: 1, otherTeamIds: [20] });
    expect(all?.matchIds).toEqual([5, 7, 9, 10, 2, 3]);
    // Liverpool has visited Atalanta once: no claim.
    expect(factsOf('h2h-away-start', meetings().matches, SECOND_LEG).some((f) => f.teamId === LIVERPOOL)).toBe(false);
  });

  it('says two teams with history never met, and says nothing when a team has no history', () => {
    const b = new HistoryBuilder();
    b.add({ date: '2023-01-01', home: 1, away: 5, score: '1-0' });
    b.add({ date: '2022-06-01', home: 6, away: 2, score: '1-0' });
    const [never] = factsOf('h2h-never-met', b.matches);
    expect(never).toMatchObject({ teamId: 1, opponentId: 2, historyFrom: '2022-06-01', matchIds: [] });

    const lonely = new HistoryBuilder();
    lonely.add({ date: '2023-01-01', home: 1, away: 5, score: '1-0' });
    const facts = factsOf('h2h-never-met', lonely.matches);
    expect(facts).toEqual([]);
  });
});
