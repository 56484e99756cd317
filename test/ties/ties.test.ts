import { describe, expect, it } from 'vitest';
import { competition } from '../competitions.js';
import { emptyRecordDefaults, type MatchRecord, type Score } from '../../src/ingest/records.js';
import {
  reconstructTie,
  reconstructTies,
  roundType,
  tieRules,
  tiesBetween,
  UEFA_AWAY_GOALS_ERA,
  UEFA_NO_AWAY_GOALS_ERA,
} from '../../src/history/ties.js';
import { openDatabase } from '../../src/store/database.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { TeamStore } from '../../src/store/team-store.js';

/** A small database of two-legged ties written the way the importer writes them. */
function tieDatabase() {
  const db = openDatabase(':memory:');
  const teams = new TeamStore(db);
  const writer = new MatchWriter(db);
  let line = 1;
  const match = (
    code: string,
    season: string,
    round: string,
    date: string,
    home: string,
    away: string,
    ft: Score | null,
    extra: Partial<MatchRecord> = {},
  ) => {
    const record: MatchRecord = {
      ...emptyRecordDefaults(),
      source: { format: 'test', file: 'ties.txt', line: line++ },
      competition: competition(code),
      season,
      date,
      status: ft ? 'played' : 'scheduled',
      home: { name: home, country: 'XXX' },
      away: { name: away, country: 'XXX' },
      round,
      ftScore: ft,
      ...extra,
    };
    writer.write(record, teams.resolve(record.home, null).teamId, teams.resolve(record.away, null).teamId);
  };
  // 2023-24, no away goals: Liverpool 0-3 Atalanta, Atalanta 0-1 Liverpool.
  match('uefa.el', '2023-24', 'Quarter-finals', '2024-04-11', 'Liverpool', 'Atalanta', [0, 3], { leg: 1 });
  match('uefa.el', '2023-24', 'Quarter-finals', '2024-04-18', 'Atalanta', 'Liverpool', [0, 1], { leg: 2 });
  // 2023-24: Marseille level the tie in 90 minutes, no goal in extra time, 4-2 on penalties.
  match('uefa.el', '2023-24', 'Quarter-finals', '2024-04-11', 'Benfica', 'Marseille', [2, 1], { leg: 1 });
  match('uefa.el', '2023-24', 'Quarter-finals', '2024-04-18', 'Marseille', 'Benfica', [1, 0], {
    leg: 2,
    etScore: [1, 0],
    penScore: [4, 2],
  });
  // 2015-16, away goals: 1-1 then 0-0 — the first leg's visitor goes through on away goals.
  match('uefa.cl', '2015-16', 'Round of 16', '2016-02-17', 'Alpha', 'Beta', [1, 1], { leg: 1 });
  match('uefa.cl', '2015-16', 'Round of 16', '2016-03-09', 'Beta', 'Alpha', [0, 0], { leg: 2 });
  // 2015-16, level on away goals after 90 (1-0, 0-1), extra time 1-1: the visitor's extra-time goal counts double.
  match('uefa.cl', '2015-16', 'Round of 16', '2016-02-17', 'Gamma', 'Delta', [1, 0], { leg: 1 });
  match('uefa.cl', '2015-16', 'Round of 16', '2016-03-09', 'Delta', 'Gamma', [1, 0], { leg: 2, etScore: [2, 1] });
  // 1962-63 replay era: level aggregate, a play-off won by the second leg's visitor.
  match('uefa.cl', '1962-63', 'First round', '1962-09-05', 'Epsilon', 'Zeta', [2, 0], { leg: 1 });
  match('uefa.cl', '1962-63', 'First round', '1962-09-19', 'Zeta', 'Epsilon', [2, 0], { leg: 2 });
  match('uefa.cl', '1962-63', 'First round', '1962-09-26', 'Epsilon', 'Zeta', [3, 1], { neutral: true });
  // A qualifying tie whose second leg is still to come.
  match('uefa.cl', '2025-26', 'Qualifying round 2', '2025-07-22', 'Eta', 'Theta', [2, 2], { leg: 1 });
  match('uefa.cl', '2025-26', 'Qualifying round 2', '2025-07-29', 'Theta', 'Eta', null, { leg: 2 });
  writer.linkTies();
  return { db, teams };
}

describe('tie rules by competition and season', () => {
  it('UEFA: replay era, away goals from 1967-68, shoot-outs from 1970-71, no away goals from 2021-22', () => {
    expect(tieRules('uefa.cl', '1960-61')).toMatchObject({ awayGoals: false, extraTime: false, decider: 'replay' });
    expect(tieRules('uefa.cl', '1968-69')).toMatchObject({
      awayGoals: true,
      awayGoalsInExtraTime: false,
      decider: 'replay',
    });
    expect(tieRules('uefa.cl', '2020-21')).toEqual(UEFA_AWAY_GOALS_ERA);
    expect(tieRules('uefa.el', '2021-22')).toEqual(UEFA_NO_AWAY_GOALS_ERA);
    expect(tieRules('eng.leaguecup', '2015-16')).toBeNull();
  });

  it('tells qualifying rounds from knockout rounds', () => {
    expect(roundType('Qualifying round 3')).toBe('qualifying');
    expect(roundType('Play-off round')).toBe('qualifying');
    expect(roundType('Preliminary round')).toBe('qualifying');
    expect(roundType('Knockout round play-offs')).toBe('knockout');
    expect(roundType('Quarter-finals')).toBe('knockout');
  });
});

describe('reconstructTies on a small database', () => {
  const { db } = tieDatabase();
  const ties = reconstructTies(db);
  const byHost = (name: string) => ties.find((t) => t.a.name === name)!;

  it('pairs every two-legged tie, in the order the second legs were played', () => {
    expect(ties.map((t) => t.a.name)).toEqual(['Epsilon', 'Alpha', 'Gamma', 'Liverpool', 'Benfica', 'Eta']);
  });

  it('Liverpool 0-3 Atalanta, 0-1: Atalanta through on aggregate 3-1; the state before the second leg', () => {
    const tie = byHost('Liverpool');
    expect(tie).toMatchObject({
      b: { name: 'Atalanta' },
      roundType: 'knockout',
      progress: 'completed',
      firstLegMargin: -3,
      stateBeforeSecondLeg: { goalsA: 0, goalsB: 3, awayGoalsA: 0, awayGoalsB: 3 },
      aggregateAfterNinety: { a: 1, b: 3 },
      aggregate: { a: 1, b: 3 },
      winner: 'B',
      winnerTeam: { name: 'Atalanta' },
      decidedBy: 'aggregate',
      rules: UEFA_NO_AWAY_GOALS_ERA,
    });
  });

  it('a host that levels the aggregate and wins the shoot-out after a goalless extra time is through on penalties', () => {
    expect(byHost('Benfica')).toMatchObject({
      aggregateAfterNinety: { a: 2, b: 2 },
      aggregate: { a: 2, b: 2 },
      wentToExtraTime: true,
      wentToPenalties: true,
      winnerTeam: { name: 'Marseille' },
      decidedBy: 'penalties',
    });
  });

  it('away goals after 90 minutes, and away goals in extra time, up to 2020-21', () => {
    expect(byHost('Alpha')).toMatchObject({ winnerTeam: { name: 'Beta' }, decidedBy: 'away-goals' });
    // Gamma 1-0, Delta 1-0 → extra time 2-1 for Delta: 3-3 aggregate, Gamma's extra-time goal away.
    expect(byHost('Gamma')).toMatchObject({
      aggregate: { a: 2, b: 2 },
      winnerTeam: { name: 'Gamma' },
      decidedBy: 'away-goals-extra-time',
    });
  });

  it('finds the play-off of a level tie in the replay era', () => {
    const tie = byHost('Epsilon');
    expect(tie.decidingMatch?.score.ft).toEqual([3, 1]);
    expect(tie).toMatchObject({ winnerTeam: { name: 'Epsilon' }, decidedBy: 'replay' });
  });

  it('a tie awaiting its second leg has a state and no winner', () => {
    expect(byHost('Eta')).toMatchObject({
      roundType: 'qualifying',
      progress: 'awaiting-second-leg',
      stateBeforeSecondLeg: { goalsA: 2, goalsB: 2, awayGoalsA: 0, awayGoalsB: 2 },
      winner: null,
      aggregate: null,
    });
  });

  it('tiesBetween finds a tie whichever team is named first', () => {
    const liverpool = byHost('Liverpool').a.id;
    const atalanta = byHost('Liverpool').b.id;
    expect(tiesBetween(db, atalanta, liverpool).map((t) => t.tieId)).toEqual([byHost('Liverpool').tieId]);
    expect(tiesBetween(db, liverpool, atalanta, { seasons: ['2022-23'] })).toEqual([]);
  });
});

describe('reconstructTie with a second leg recorded only after extra time (UEFA Cup history)', () => {
  const leg = (
    matchId: number,
    date: string,
    home: number,
    away: number,
    ft: Score | null,
    et: Score | null = null,
  ) => ({
    matchId,
    date,
    homeId: home,
    homeName: `Team ${home}`,
    awayId: away,
    awayName: `Team ${away}`,
    neutral: false,
    status: 'played' as const,
    ft: ft ? ([ft[0], ft[1]] as [number, number]) : null,
    et: et ? ([et[0], et[1]] as [number, number]) : null,
    pens: null as [number, number] | null,
  });
  const tie = (season: string, first: Score, secondEt: Score, pens: Score | null = null) =>
    reconstructTie(
      {
        tieId: 1,
        competition: { code: 'uefa.el', name: 'UEFA Europa League' },
        season,
        round: 'Third round',
        firstLeg: leg(1, `${season.slice(0, 4)}-11-23`, 1, 2, first),
        secondLeg: {
          ...leg(2, `${season.slice(0, 4)}-12-07`, 2, 1, null, secondEt),
          pens: pens ? [pens[0], pens[1]] : null,
        },
      },
      null,
    );

  it('was level after 90 minutes: decided by extra time, away goals in extra time, then penalties', () => {
    // Ipswich 3-0 Barcelona; Barcelona 3-0 after extra time, 3-1 on penalties.
    expect(tie('1977-78', [3, 0], [3, 0], [3, 1])).toMatchObject({
      progress: 'completed',
      aggregateAfterNinety: null,
      aggregate: { a: 3, b: 3 },
      wentToExtraTime: true,
      winner: 'B',
      decidedBy: 'penalties',
    });
    expect(tie('2003-04', [1, 0], [2, 0])).toMatchObject({ winner: 'B', decidedBy: 'extra-time' });
    // 1-0, then 2-1 after extra time: 2-2, the first leg's hosts scored away in extra time.
    expect(tie('2003-04', [1, 0], [2, 1])).toMatchObject({ winner: 'A', decidedBy: 'away-goals-extra-time' });
    // Level after extra time and no shoot-out recorded: the winner is unknown, not guessed.
    expect(tie('2003-04', [1, 0], [1, 0])).toMatchObject({ progress: 'completed', winner: null, decidedBy: null });
  });
});
