import { describe, expect, it } from 'vitest';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import type { TieModel } from '../../src/knockout/bracket-odds.js';
import { forecastBracketState, type SideReport } from '../../src/knockout/bracket-forecast.js';
import { bracketFromMatches as bracketWithRules, type BracketEntry } from '../../src/knockout/bracket-state.js';
import { tieRulesOf } from '../../src/knockout/tie-outcome.js';
import type { StoredMatchView } from '../../src/store/match-queries.js';

/** The bracket with the registry's rules for the matches' competition and season. */
function bracketFromMatches(matches: readonly StoredMatchView[], asOf: string) {
  const { competition, season } = matches[0];
  return bracketWithRules(matches, asOf, tieRulesOf(CompetitionRegistry.builtIn(), competition.code, season));
}

/** Matches of one competition-season, built in order: ids 1, 2, 3 … */
class Season {
  readonly matches: StoredMatchView[] = [];
  constructor(
    private readonly competition: string,
    private readonly season: string,
  ) {}

  match(
    round: string,
    date: string,
    home: number,
    away: number,
    score: string | null,
    extra: Partial<StoredMatchView> = {},
  ) {
    const ft = score ? (score.split('-').map(Number) as [number, number]) : null;
    this.matches.push({
      id: this.matches.length + 1,
      competition: { code: this.competition, name: 'Test Cup', kind: 'continental' },
      season: this.season,
      date,
      time: null,
      home: { id: home, name: `Team ${home}` },
      away: { id: away, name: `Team ${away}` },
      neutral: false,
      venue: null,
      round,
      group: null,
      leg: null,
      tieId: null,
      status: ft ? 'played' : 'scheduled',
      score: { ht: null, ft, et: null, pens: null },
      attendance: null,
      referee: null,
      ...extra,
    });
  }

  tie(round: string, id: number, dates: [string, string], a: number, b: number, first: string, second: string) {
    this.match(round, dates[0], a, b, first, { leg: 1, tieId: id });
    this.match(round, dates[1], b, a, second, { leg: 2, tieId: id });
  }
}

const QF: [string, string] = ['2024-04-11', '2024-04-18'];
const SF: [string, string] = ['2024-05-02', '2024-05-09'];

/** Quarter-finals 1v2, 3v4, 5v6, 7v8; semi-finals 2v3 (2 hosting first) and 6v7; final 2v7 at a neutral ground. */
function knockoutSeason(season: string): Season {
  const s = new Season('uefa.el', season);
  s.match('Group stage', '2023-12-14', 1, 3, '1-0', { group: 'A' });
  s.tie('Quarter-finals', 1, QF, 1, 2, '0-3', '0-1');
  s.tie('Quarter-finals', 2, QF, 3, 4, '2-0', '1-1');
  s.tie('Quarter-finals', 3, QF, 5, 6, '1-2', '0-0');
  s.tie('Quarter-finals', 4, QF, 7, 8, '2-1', '0-1');
  s.tie('Semi-finals', 5, SF, 2, 3, '1-1', '3-0');
  s.tie('Semi-finals', 6, SF, 6, 7, '0-2', '1-1');
  s.match('Final', '2024-05-22', 2, 7, '3-0', { neutral: true });
  return s;
}

const label = (side: BracketEntry) => ('team' in side ? side.team.id : `W${side.winnerOf}`);

describe('bracket state from the data', () => {
  it('reads the semi-final path from fixtures drawn with the quarter-finals, never their winners', () => {
    const state = bracketFromMatches(knockoutSeason('2023-24').matches, '2024-04-17');
    expect(state.rounds.map((r) => [r.name, r.knownBecause])).toEqual([
      ['Quarter-finals', 'played'],
      ['Semi-finals', 'drawn-with-previous-round'],
      ['Final', 'only-pairing'],
    ]);
    expect(state.currentRound).toBe(0);
    expect(state.rounds[0].ties.map((t) => t.status)).toEqual([
      'in-progress',
      'in-progress',
      'in-progress',
      'in-progress',
    ]);
    expect(state.rounds[1].ties.map((t) => t.sides.map(label))).toEqual([
      ['W0', 'W1'],
      ['W2', 'W3'],
    ]);
    expect(state.rounds[1].ties.map((t) => [t.status, t.tie, t.winner, t.firstLegHost])).toEqual([
      ['to-play', null, null, 0],
      ['to-play', null, null, 0],
    ]);
    expect(state.rounds[2].ties[0].sides.map(label)).toEqual(['W0', 'W1']);
  });

  it('leaves the semi-finals to the draw when the competition drew them later', () => {
    const state = bracketFromMatches(knockoutSeason('2016-17').matches, '2024-04-17');
    expect(state.rounds.map((r) => r.knownBecause)).toEqual(['played', null, null]);
    expect(state.rounds[1].ties).toEqual([]);
  });

  it('knows a round once the one before is complete, and the champion once the final is played', () => {
    const complete = bracketFromMatches(knockoutSeason('2016-17').matches, '2024-04-19');
    expect(complete.currentRound).toBe(1);
    expect(complete.rounds[1].knownBecause).toBe('previous-round-complete');
    expect(complete.rounds[1].ties.map((t) => t.sides.map(label))).toEqual([
      [2, 3],
      [6, 7],
    ]);
    expect(complete.rounds[0].ties.map((t) => t.winner?.id)).toEqual([2, 3, 6, 7]);
    const over = bracketFromMatches(knockoutSeason('2023-24').matches, '2024-05-23');
    expect(over.currentRound).toBeNull();
    expect(over.champion?.id).toBe(2);
  });

  it('adds the rounds the data does not reach yet, down to a single-match final', () => {
    const s = new Season('uefa.el', '2016-17');
    s.tie('Quarter-finals', 1, QF, 1, 2, '0-0', '0-0');
    s.tie('Quarter-finals', 2, QF, 3, 4, '0-0', '0-0');
    s.tie('Quarter-finals', 3, QF, 5, 6, '0-0', '0-0');
    s.tie('Quarter-finals', 4, QF, 7, 8, '0-0', '0-0');
    const state = bracketFromMatches(s.matches, '2024-04-12');
    expect(state.rounds.map((r) => [r.name, r.format, r.knownBecause])).toEqual([
      ['Quarter-finals', 'two-legged', 'played'],
      ['Semi-finals', 'two-legged', null],
      ['Final', 'single-neutral', null],
    ]);
  });

  it('takes a tie the data cannot settle as won by the team that played the next round', () => {
    const s = new Season('uefa.cl', '1957-58');
    s.tie('First round', 1, ['1957-09-11', '1957-10-13'], 1, 2, '3-1', '3-1');
    s.tie('First round', 2, ['1957-09-11', '1957-10-13'], 3, 4, '1-0', '0-0');
    s.tie('Semi-finals', 3, ['1957-11-20', '1957-11-27'], 2, 3, '1-3', '1-0');
    const state = bracketFromMatches(s.matches, '1957-11-21');
    expect(state.rounds[0].ties.map((t) => [t.status, t.winner?.id])).toEqual([
      ['decided', 2],
      ['decided', 3],
    ]);
    expect(state.rounds[1].ties[0].sides.map(label)).toEqual([2, 3]);
  });
});

/** P(i beats j) = s_i / (s_i + s_j) in every format, and from scratch as if every first leg ended 0-0. */
function strengthModel(strength: (team: number) => number): TieModel {
  const p = (a: number, b: number) => strength(a) / (strength(a) + strength(b));
  return {
    // Under way: each goal of first-leg lead is worth 0.2, capped.
    secondLeg: (a, b, state) => Math.min(1, Math.max(0, p(a, b) + 0.2 * (state.goalsA - state.goalsB))),
    fromScratch: p,
    neutralFinal: p,
  };
}

const slotName = (side: SideReport) => ('team' in side ? side.team.name : `winner of ${side.winnerOf}`);

describe('bracket forecast', () => {
  it('is exact through a bracket fixed to the final, with the "will face" phrases', async () => {
    const state = bracketFromMatches(knockoutSeason('2023-24').matches, '2024-04-17');
    const report = await forecastBracketState(
      state,
      strengthModel((t) => t),
    );
    expect(report.method).toBe('exact');
    // Quarter-final 1 v 2: first leg 0-3, so P(1) = 1/3 − 0.6 → 0.
    const qf = report.rounds[0].ties.map((t) => t.through);
    expect(qf[0]).toEqual([0, 1]);
    expect(qf[1]![0]).toBeCloseTo(3 / 7 + 0.4, 12);
    const team2 = report.teams.find((t) => t.id === 2)!;
    expect(team2.reach['Semi-finals']).toBe(1);
    const p3 = 3 / 7 + 0.4;
    // Team 2 meets 3 or 4 in the semi-final (2 hosts the first leg, which ends 0-0), then 6/7/5/8 in the final.
    expect(team2.reach.Final).toBeCloseTo(p3 * (2 / 5) + (1 - p3) * (2 / 6), 12);
    expect(report.teams.reduce((sum, t) => sum + t.win, 0)).toBeCloseTo(1, 12);
    expect(report.phrases).toContain('The winners of Team 1 v Team 2 will face Team 3 or Team 4 in the semi-finals.');
    const semi = report.rounds[1].ties[0];
    expect(semi.pairings!.map((p) => p.teams.map((t) => t.id))).toEqual([
      [2, 3],
      [2, 4],
    ]);
    expect(semi.pairings![0].probability).toBeCloseTo(p3, 12);
    // A later slot is named by the tie it comes from, never "winner of winner of …".
    const sides = report.rounds.slice(1).map((round) => round.ties.map((t) => t.sides.map(slotName)));
    expect(sides).toEqual([
      [
        ['winner of QF 1 (Team 1 v Team 2)', 'winner of QF 2 (Team 3 v Team 4)'],
        ['winner of QF 3 (Team 5 v Team 6)', 'winner of QF 4 (Team 7 v Team 8)'],
      ],
      [['winner of SF 1', 'winner of SF 2']],
    ]);
  });

  it('simulates when a draw is still to come, the same for a seed', async () => {
    const state = bracketFromMatches(knockoutSeason('2016-17').matches, '2024-04-17');
    const model = strengthModel((t) => t);
    const first = await forecastBracketState(state, model, { runs: 20_000, seed: 4, threads: 0 });
    const again = await forecastBracketState(state, model, { runs: 20_000, seed: 4, threads: 0 });
    expect(first.method).toBe('monte-carlo');
    expect(again.teams).toEqual(first.teams);
    expect(first.phrases[0]).toBe('The winners of Team 1 v Team 2 go into the draw for the semi-finals.');
    const reachFinal = first.teams.reduce((sum, t) => sum + t.reach.Final, 0);
    expect(reachFinal).toBeCloseTo(2, 12);
  });

  it('refuses a bracket whose first knockout round is not drawn yet', async () => {
    const state = bracketFromMatches(knockoutSeason('2023-24').matches, '2023-12-01');
    expect(state.rounds[0].knownBecause).toBeNull();
    await expect(
      forecastBracketState(
        state,
        strengthModel((t) => t),
      ),
    ).rejects.toThrow(/Quarter-finals pairings are not known yet/);
  });

  it('reports the champion once the final is played', async () => {
    const state = bracketFromMatches(knockoutSeason('2023-24').matches, '2024-06-01');
    const report = await forecastBracketState(
      state,
      strengthModel(() => 1),
    );
    expect(report).toMatchObject({ method: 'decided', champion: { id: 2 }, teams: [] });
    expect(report.phrases).toEqual(['Team 2 won the final.']);
  });
});
