import { describe, expect, it } from 'vitest';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import { DEFAULT_PRECEDENT_QUERY, selectPrecedents, type PrecedentQuery } from '../../src/knockout/precedents.js';
import { tieRulesOf } from '../../src/knockout/tie-outcome.js';
import { reconstructTie, type ReconstructedTie } from '../../src/knockout/tie-reconstruction.js';
import type { TieLegRow } from '../../src/store/tie-queries.js';

let nextId = 1;

/** A completed tie: first leg `first` at team `home`'s ground, second leg `second` at the other's (hosts first). */
function tie(
  competition: string,
  round: string,
  date: string,
  first: string,
  second: string,
  extra: { et?: [number, number]; pens?: [number, number]; season?: string; awarded?: boolean; neutral?: boolean } = {},
): ReconstructedTie {
  const id = nextId++;
  const home = { id: 1000 + 2 * id, name: `Home ${id}` };
  const away = { id: 1001 + 2 * id, name: `Away ${id}` };
  const score = (text: string) => text.split('-').map(Number) as [number, number];
  const leg = (matchId: number, legDate: string, h: typeof home, a: typeof home, ft: string): TieLegRow => ({
    matchId,
    date: legDate,
    homeId: h.id,
    homeName: h.name,
    awayId: a.id,
    awayName: a.name,
    neutral: false,
    status: 'played',
    ft: score(ft),
    et: null,
    pens: null,
  });
  const secondDate = new Date(Date.parse(date) + 7 * 86_400_000).toISOString().slice(0, 10);
  const firstLeg = leg(10 * id, date, home, away, first);
  if (extra.awarded) firstLeg.status = 'awarded';
  if (extra.neutral) firstLeg.neutral = true;
  const secondLeg = {
    ...leg(10 * id + 1, secondDate, away, home, second),
    et: extra.et ?? null,
    pens: extra.pens ?? null,
  };
  const season = extra.season ?? '2022-23';
  return reconstructTie(
    {
      tieId: id,
      competition: {
        code: competition,
        name: competition === 'uefa.cl' ? 'UEFA Champions League' : 'UEFA Europa League',
      },
      season,
      round,
      firstLeg,
      secondLeg,
    },
    {
      rules: tieRulesOf(CompetitionRegistry.builtIn(), competition, season),
      decidingMatch: null,
      playedOnTeamId: null,
    },
  );
}

const TIES = [
  // Won away by 3: through in 90 minutes.
  tie('uefa.el', 'Round of 16', '2023-03-09', '0-3', '1-0'),
  // Won away by 4, then lost 0-4 at home and conceded again in extra time: the first-leg winner is out.
  tie('uefa.el', 'Quarter-finals', '2023-04-13', '1-5', '0-4', { et: [0, 5] }),
  // Won at home by 3, level after extra time, lost on penalties.
  tie('uefa.cl', 'Semi-finals', '2023-05-09', '3-0', '3-0', { et: [3, 0], pens: [4, 2] }),
  // Qualifying round, won away by 3, through.
  tie('uefa.cl', 'Qualifying round 2', '2022-07-20', '0-3', '2-2'),
  // Won away by 1, through.
  tie('uefa.el', 'Round of 16', '2023-03-09', '1-2', '0-0'),
  // A level first leg has no first-leg winner.
  tie('uefa.el', 'Round of 16', '2023-03-09', '1-1', '0-2'),
  // An awarded first leg: counted apart.
  tie('uefa.el', 'Round of 16', '2023-03-09', '0-3', '0-0', { awarded: true }),
  // Won away by 3 in an older season, pegged back to 3-3, through in extra time.
  tie('uefa.el', 'Semi-finals', '2012-04-26', '0-3', '0-3', { season: '2011-12', et: [1, 3] }),
];

function query(overrides: Partial<PrecedentQuery>): PrecedentQuery {
  return { ...DEFAULT_PRECEDENT_QUERY, ...overrides };
}

describe('precedent queries', () => {
  it('counts knockout ties won away by 3+ and how the first-leg winners fared', () => {
    const result = selectPrecedents(TIES, query({ firstLegWinner: 'away', minMargin: 3 }));
    // 0-3, 1-5 and the 2011-12 0-3; not the qualifier, not the awarded tie.
    expect(result.count).toBe(3);
    expect(result.through).toEqual({ total: 2, ninetyMinutes: 1, extraTime: 1, penalties: 0, replay: 0 });
    expect(result.eliminated).toEqual({ total: 1, ninetyMinutes: 0, extraTime: 1, penalties: 0, replay: 0 });
    expect(result.excluded).toEqual({ undetermined: 0, awarded: 1 });
    expect(result.seasonRange).toEqual(['2011-12', '2022-23']);
    expect(result.ties.map((t) => t.firstLeg.score)).toEqual(['0-3', '1-5', '0-3']);
    const out = result.ties.find((t) => t.outcome === 'eliminated')!;
    expect(out).toMatchObject({ margin: 4, firstLegWinnerVenue: 'away', decidedBy: 'extra-time', aggregate: '6-5' });
    expect(out.secondLeg.score).toBe('0-4 aet 0-5');
    expect(result.phrase).toBe(
      'Of 3 knockout ties (2011-12 to 2022-23) whose first leg was won away by 3 or more goals, the first-leg winner was eliminated in 1 (33.3%).',
    );
  });

  it('filters by competition, season, rounds, margin bounds, exact score, date and outcome', () => {
    const count = (q: Partial<PrecedentQuery>) => selectPrecedents(TIES, query(q)).count;
    expect(count({ competitions: ['uefa.cl'] })).toBe(1);
    expect(count({ competitions: ['uefa.cl'], rounds: 'all' })).toBe(2);
    expect(count({ rounds: 'qualifying' })).toBe(1);
    expect(count({ seasons: ['2011-12'] })).toBe(1);
    expect(count({ firstLegWinner: 'home' })).toBe(1);
    expect(count({ minMargin: 1, maxMargin: 1 })).toBe(1);
    expect(count({ minMargin: 4 })).toBe(1);
    expect(count({ firstLegScore: [0, 3] })).toBe(2);
    expect(count({ before: '2023-03-16' })).toBe(1);
    expect(count({ before: '2023-03-17' })).toBe(3);
    const eliminated = selectPrecedents(TIES, query({ outcome: 'eliminated' }));
    expect(eliminated.count).toBe(5);
    expect(eliminated.ties.map((t) => t.decidedBy)).toEqual(['extra-time', 'penalties']);
  });

  it('counts a first leg at a neutral ground as won neither at home nor away', () => {
    // Wolfsberger AC 1-4 Tottenham, played in Budapest (2020-21).
    const moved = tie('uefa.el', 'Round of 32', '2021-02-18', '1-4', '4-0', { season: '2020-21', neutral: true });
    const ties = [...TIES, moved];
    expect(selectPrecedents(ties, query({ firstLegWinner: 'away', minMargin: 3 })).count).toBe(3);
    expect(selectPrecedents(ties, query({ firstLegWinner: 'home', minMargin: 3 })).count).toBe(1);
    const either = selectPrecedents(ties, query({ minMargin: 3, seasons: ['2020-21'] }));
    expect(either.ties.map((t) => [t.firstLeg.score, t.firstLegWinnerVenue, t.outcome])).toEqual([
      ['1-4', 'neutral', 'through'],
    ]);
  });

  it('splits eliminations on penalties', () => {
    const result = selectPrecedents(TIES, query({ firstLegWinner: 'home', minMargin: 3 }));
    expect(result.eliminated).toEqual({ total: 1, ninetyMinutes: 0, extraTime: 0, penalties: 1, replay: 0 });
    expect(result.phrase).toContain('won at home by 3 or more goals');
  });

  it('rejects a margin below 1 and a drawn first-leg score', () => {
    expect(() => selectPrecedents(TIES, query({ minMargin: 0 }))).toThrow(/margin/);
    expect(() => selectPrecedents(TIES, query({ firstLegScore: [1, 1] }))).toThrow(/draw/);
    expect(() => selectPrecedents(TIES, query({ minMargin: 3, maxMargin: 2 }))).toThrow(/maximum/);
  });

  it('says so when nothing matches', () => {
    const result = selectPrecedents(TIES, query({ minMargin: 9 }));
    expect(result.count).toBe(0);
    expect(result.phrase).toMatch(/^No completed knockout tie/);
  });
});
