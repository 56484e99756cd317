import type { StoredMatchView } from '../../src/store/match-queries.js';

/** Small hand-built histories for the insights tests: ids are given in order, seasons follow the date. */

const COMPETITIONS: Record<string, { code: string; name: string; kind: string }> = {
  'eng.1': { code: 'eng.1', name: 'Premier League', kind: 'league' },
  'it.1': { code: 'it.1', name: 'Serie A', kind: 'league' },
  'eng.facup': { code: 'eng.facup', name: 'FA Cup', kind: 'cup' },
  'uefa.cl': { code: 'uefa.cl', name: 'UEFA Champions League', kind: 'continental' },
  'uefa.el': { code: 'uefa.el', name: 'UEFA Europa League', kind: 'continental' },
};

export interface MatchSpec {
  date: string;
  home: number;
  away: number;
  /** `2-1`: home first. */
  score: string;
  competition?: keyof typeof COMPETITIONS;
  season?: string;
  ht?: string;
  et?: string;
  pens?: string;
  neutral?: boolean;
  round?: string;
  leg?: 1 | 2;
  tieId?: number;
  status?: StoredMatchView['status'];
}

/** Builds StoredMatchView arrays with ids 1, 2, 3 … in the order matches are added. */
export class HistoryBuilder {
  readonly matches: StoredMatchView[] = [];

  add(spec: MatchSpec): number {
    const id = this.matches.length + 1;
    this.matches.push(storedMatch(id, spec));
    return id;
  }

  /** Adds matches of `team` against successive opponents on successive days from `from`; returns the ids. */
  series(
    team: number,
    from: string,
    results: string[],
    rest: Partial<MatchSpec> & { venue?: 'home' | 'away' } = {},
  ): number[] {
    const { venue = 'home', ...other } = rest;
    return results.map((score, i) => {
      const opponent = 100 + this.matches.length;
      const [own, theirs] = score.split('-');
      return this.add({
        date: addDays(from, i),
        home: venue === 'home' ? team : opponent,
        away: venue === 'home' ? opponent : team,
        score: venue === 'home' ? score : `${theirs}-${own}`,
        ...other,
      });
    });
  }
}

export function storedMatch(id: number, spec: MatchSpec): StoredMatchView {
  const competition = COMPETITIONS[spec.competition ?? 'eng.1'];
  return {
    id,
    competition: { ...competition },
    season: spec.season ?? seasonOf(spec.date),
    date: spec.date,
    time: null,
    home: { id: spec.home, name: `Team ${spec.home}` },
    away: { id: spec.away, name: `Team ${spec.away}` },
    neutral: spec.neutral ?? false,
    venue: null,
    round: spec.round ?? null,
    group: null,
    leg: spec.leg ?? null,
    tieId: spec.tieId ?? null,
    status: spec.status ?? 'played',
    score: { ht: pair(spec.ht), ft: pair(spec.score), et: pair(spec.et), pens: pair(spec.pens) },
    attendance: null,
    referee: null,
  };
}

/** European season of a date: July onwards belongs to the season starting that year. */
export function seasonOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pair(text: string | undefined): [number, number] | null {
  if (text === undefined) return null;
  const [a, b] = text.split('-').map(Number);
  return [a, b];
}
