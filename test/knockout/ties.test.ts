import { describe, expect, it } from 'vitest';
import { tieRulesIn, type TieRules } from '../../src/competitions/competition.js';
import { emptyRecordDefaults, type MatchRecord, type Score } from '../../src/ingest/records.js';
import { readTies, readTiesBetween } from '../../src/knockout/knockout-reader.js';
import { decideTie, type TieScores } from '../../src/knockout/tie-outcome.js';
import { reconstructTie, roundType } from '../../src/knockout/tie-reconstruction.js';
import { openDatabase } from '../../src/store/database.js';
import { MatchWriter } from '../../src/store/match-writer.js';
import { TeamStore } from '../../src/store/team-store.js';
import { competition } from '../competitions.js';

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
  return { db, match, link: () => writer.linkTies() };
}

const RULES = {
  replay: { awayGoals: false, awayGoalsInExtraTime: false, extraTime: false, decider: 'replay' },
  awayGoalsThenReplay: { awayGoals: true, awayGoalsInExtraTime: false, extraTime: true, decider: 'replay' },
  awayGoalsAlsoInExtraTime: { awayGoals: true, awayGoalsInExtraTime: true, extraTime: true, decider: 'penalties' },
  extraTimeAndPenalties: { awayGoals: false, awayGoalsInExtraTime: false, extraTime: true, decider: 'penalties' },
} satisfies Record<string, TieRules>;

/** The registry's UEFA eras at the seasons where they change. */
const BOUNDARIES: [string, TieRules][] = [
  ['1966-67', RULES.replay],
  ['1967-68', RULES.awayGoalsThenReplay],
  ['1969-70', RULES.awayGoalsThenReplay],
  ['1970-71', RULES.awayGoalsAlsoInExtraTime],
  ['2020-21', RULES.awayGoalsAlsoInExtraTime],
  ['2021-22', RULES.extraTimeAndPenalties],
];
const UEFA = ['uefa.cl', 'uefa.el', 'uefa.conf', 'uefa.cwc'];

describe('tie rules by era, from the registry', () => {
  for (const code of UEFA) {
    it(`${code}: replay era to 1966-67, away goals from 1967-68, in extra time and shoot-outs from 1970-71, none from 2021-22`, () => {
      for (const [season, rules] of BOUNDARIES) expect(tieRulesIn(competition(code), season), season).toEqual(rules);
    });
  }

  it('a domestic cup the registry has no tie rules for: none', () => {
    expect(tieRulesIn(competition('eng.leaguecup'), '2015-16')).toBeNull();
  });
});

/**
 * Three tied-up scorelines, each stored in every UEFA competition at both seasons of an era boundary: the same
 * scores, a different winner or way of winning, because the rules moved.
 * - 1-1, 0-0 and a play-off won by the first leg's host: a replay until 1966-67, away goals (the visitor) from 1967-68;
 * - 1-0, 1-0 after 90 and 2-1 after extra time, then a play-off won by the second leg's host: away goals in extra
 *   time do not count in 1969-70 (the play-off decides), they do from 1970-71 (the first leg's host);
 * - 1-1, 0-0 after extra time and the first leg's host winning the shoot-out: away goals put the visitor through in
 *   2020-21, the shoot-out decides in 2021-22.
 */
describe('the rules move the outcome of a reconstructed tie at each era boundary', () => {
  const { db, match, link } = tieDatabase();
  const year = (season: string) => Number(season.slice(0, 4));
  UEFA.forEach((code, c) => {
    const teams = (season: string, scenario: string) => [
      `${code} ${season} ${scenario} A`,
      `${code} ${season} ${scenario} B`,
    ];
    for (const season of ['1966-67', '1967-68']) {
      const [a, b] = teams(season, 'replay');
      match(code, season, 'First round', `${year(season)}-09-1${c}`, a, b, [1, 1], { leg: 1 });
      match(code, season, 'First round', `${year(season)}-09-2${c}`, b, a, [0, 0], { leg: 2 });
      match(code, season, 'First round', `${year(season)}-10-0${c + 1}`, a, b, [2, 0], { neutral: true });
    }
    for (const season of ['1969-70', '1970-71']) {
      const [a, b] = teams(season, 'extra');
      match(code, season, 'First round', `${year(season)}-09-1${c}`, a, b, [1, 0], { leg: 1 });
      match(code, season, 'First round', `${year(season)}-09-2${c}`, b, a, [1, 0], { leg: 2, etScore: [2, 1] });
      match(code, season, 'First round', `${year(season)}-10-0${c + 1}`, b, a, [1, 0], { neutral: true });
    }
    for (const season of ['2020-21', '2021-22']) {
      const [a, b] = teams(season, 'pens');
      match(code, season, 'Round of 16', `${year(season) + 1}-02-1${c}`, a, b, [1, 1], { leg: 1 });
      match(code, season, 'Round of 16', `${year(season) + 1}-03-1${c}`, b, a, [0, 0], {
        leg: 2,
        etScore: [0, 0],
        penScore: [2, 4],
      });
    }
  });
  link();
  const ties = readTies(db);
  const decision = (code: string, season: string) => {
    const tie = ties.find((t) => t.competition.code === code && t.season === season)!;
    return { through: tie.winnerTeam?.name.split(' ').at(-1), decidedBy: tie.decidedBy };
  };

  for (const code of UEFA) {
    it(`${code}: 1966-67 replay, 1967-68 away goals`, () => {
      expect(decision(code, '1966-67')).toEqual({ through: 'A', decidedBy: 'replay' });
      expect(decision(code, '1967-68')).toEqual({ through: 'B', decidedBy: 'away-goals' });
    });
    it(`${code}: 1969-70 away goals in extra time do not count, 1970-71 they do`, () => {
      expect(decision(code, '1969-70')).toEqual({ through: 'B', decidedBy: 'replay' });
      expect(decision(code, '1970-71')).toEqual({ through: 'A', decidedBy: 'away-goals-extra-time' });
    });
    it(`${code}: 2020-21 away goals, 2021-22 the shoot-out`, () => {
      expect(decision(code, '2020-21')).toEqual({ through: 'B', decidedBy: 'away-goals' });
      expect(decision(code, '2021-22')).toEqual({ through: 'A', decidedBy: 'penalties' });
    });
  }
});

describe('reconstruction on a small database', () => {
  const { db, match, link } = tieDatabase();
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
  // 2015-16: level after extra time and no shoot-out score in the data; Iota plays on in the quarter-finals.
  match('uefa.cl', '2015-16', 'Round of 16', '2016-02-17', 'Iota', 'Kappa', [1, 0], { leg: 1 });
  match('uefa.cl', '2015-16', 'Round of 16', '2016-03-09', 'Kappa', 'Iota', [1, 0], { leg: 2, etScore: [1, 0] });
  match('uefa.cl', '2015-16', 'Quarter-finals', '2016-04-05', 'Iota', 'Lambda', [0, 0], { leg: 1 });
  // The same, and neither plays again in the data: the winner is unknown.
  match('uefa.cl', '2015-16', 'Round of 16', '2016-02-17', 'Mu', 'Nu', [1, 0], { leg: 1 });
  match('uefa.cl', '2015-16', 'Round of 16', '2016-03-09', 'Nu', 'Mu', [1, 0], { leg: 2, etScore: [1, 0] });
  // A League Cup semi-final (no rules in the registry) level after 90 minutes: away goals are never assumed.
  match('eng.leaguecup', '2015-16', 'Semi-finals', '2016-01-05', 'Omicron', 'Pi', [1, 2], { leg: 1 });
  match('eng.leaguecup', '2015-16', 'Semi-finals', '2016-01-26', 'Pi', 'Omicron', [0, 1], { leg: 2 });
  // A qualifying tie whose second leg is still to come.
  match('uefa.cl', '2025-26', 'Qualifying round 2', '2025-07-22', 'Eta', 'Theta', [2, 2], { leg: 1 });
  match('uefa.cl', '2025-26', 'Qualifying round 2', '2025-07-29', 'Theta', 'Eta', null, { leg: 2 });
  link();
  const ties = readTies(db);
  const byHost = (name: string) => ties.find((t) => t.a.name === name)!;

  it('pairs every two-legged tie, in the order the second legs were played', () => {
    expect(ties.map((t) => t.a.name)).toEqual(['Omicron', 'Iota', 'Mu', 'Liverpool', 'Benfica', 'Eta']);
  });

  it('Liverpool 0-3 Atalanta, 0-1: Atalanta through on aggregate 3-1; the state before the second leg', () => {
    expect(byHost('Liverpool')).toMatchObject({
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
      rules: RULES.extraTimeAndPenalties,
    });
  });

  it('a host that levels the aggregate and wins the shoot-out after a goalless extra time is through on penalties', () => {
    expect(byHost('Benfica')).toMatchObject({
      aggregateAfterNinety: { a: 2, b: 2 },
      wentToExtraTime: true,
      wentToPenalties: true,
      winnerTeam: { name: 'Marseille' },
      decidedBy: 'penalties',
    });
  });

  it('no shoot-out score in the data: the side that played on went through on penalties, else nobody knows', () => {
    expect(byHost('Iota')).toMatchObject({
      wentToPenalties: false,
      winnerTeam: { name: 'Iota' },
      decidedBy: 'penalties',
    });
    expect(byHost('Mu')).toMatchObject({ progress: 'completed', winner: null, decidedBy: null });
  });

  it('a competition without tie rules: level on aggregate is undecided, away goals are not assumed', () => {
    expect(byHost('Omicron')).toMatchObject({ rules: null, aggregate: { a: 2, b: 2 }, winner: null });
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

  it('readTiesBetween finds a tie whichever team is named first', () => {
    const liverpool = byHost('Liverpool').a.id;
    const atalanta = byHost('Liverpool').b.id;
    expect(readTiesBetween(db, atalanta, liverpool).map((t) => t.tieId)).toEqual([byHost('Liverpool').tieId]);
    expect(readTiesBetween(db, liverpool, atalanta, { seasons: ['2022-23'] })).toEqual([]);
  });

  it('tells qualifying rounds from knockout rounds', () => {
    expect(roundType('Qualifying round 3')).toBe('qualifying');
    expect(roundType('Play-off round')).toBe('qualifying');
    expect(roundType('Preliminary round')).toBe('qualifying');
    expect(roundType('Knockout round play-offs')).toBe('knockout');
    expect(roundType('Quarter-finals')).toBe('knockout');
  });
});

describe('a second leg recorded only after extra time (UEFA Cup history before 2000-01)', () => {
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
      { rules: tieRulesIn(competition('uefa.el'), season), decidingMatch: null, playedOnTeamId: null },
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

describe('decideTie: the one answer to who went through', () => {
  const scores = (overrides: Partial<TieScores>): TieScores => ({
    firstLeg: [1, 1],
    secondLeg: [0, 0],
    secondLegExtraTime: null,
    secondLegPenalties: null,
    replayWinner: null,
    playedOn: null,
    ...overrides,
  });

  it('the aggregate first, whatever the rules', () => {
    for (const rules of [...Object.values(RULES), null]) {
      expect(decideTie(rules, scores({ firstLeg: [0, 3], secondLeg: [0, 1] }))).toEqual({
        winner: 'B',
        decidedBy: 'aggregate',
      });
    }
  });

  it('no 90-minute score for the second leg: decided from extra time on', () => {
    expect(
      decideTie(
        RULES.awayGoalsAlsoInExtraTime,
        scores({ firstLeg: [1, 0], secondLeg: null, secondLegExtraTime: [2, 1] }),
      ),
    ).toEqual({ winner: 'A', decidedBy: 'away-goals-extra-time' });
  });

  it('a level aggregate: away goals only where the rules have them', () => {
    expect(decideTie(RULES.awayGoalsAlsoInExtraTime, scores({}))).toEqual({ winner: 'B', decidedBy: 'away-goals' });
    expect(decideTie(RULES.extraTimeAndPenalties, scores({}))).toBeNull();
    expect(decideTie(null, scores({}))).toBeNull();
  });

  it('no shoot-out score: undecided, unless the data shows one side playing on (then the rules’ decider)', () => {
    const level = { secondLegExtraTime: [0, 0] as [number, number] };
    expect(decideTie(RULES.extraTimeAndPenalties, scores(level))).toBeNull();
    expect(decideTie(RULES.extraTimeAndPenalties, scores({ ...level, playedOn: 'A' }))).toEqual({
      winner: 'A',
      decidedBy: 'penalties',
    });
    expect(decideTie(RULES.replay, scores({ playedOn: 'B' }))).toEqual({ winner: 'B', decidedBy: 'replay' });
    // Unknown rules: who played on does not say how.
    expect(decideTie(null, scores({ ...level, playedOn: 'A' }))).toBeNull();
  });

  it('the shoot-out, home side first: 2-4 puts the visitor (A) through', () => {
    expect(
      decideTie(RULES.extraTimeAndPenalties, scores({ secondLegExtraTime: [0, 0], secondLegPenalties: [2, 4] })),
    ).toEqual({ winner: 'A', decidedBy: 'penalties' });
  });
});
