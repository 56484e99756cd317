import { MatchdayError } from '../errors.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { CompetitionScope, MatchSummary, Outcome, VenueScope } from './facts.js';

/** One played match from one team's point of view. */
export interface TeamMatch {
  match: StoredMatchView;
  teamId: number;
  opponentId: number;
  venue: 'home' | 'away' | 'neutral';
  /** Final goals (after extra time when played). */
  goalsFor: number;
  goalsAgainst: number;
  outcome: Outcome;
  /** Won or lost a shoot-out; null when there was none. */
  shootout: 'won' | 'lost' | null;
}

/**
 * The played matches strictly before the cut-off date, in kick-off order, with per-team views built on demand.
 * Only this class decides what counts as history, so no fact can see a match on or after the cut-off.
 */
export class MatchHistory {
  readonly matches: readonly StoredMatchView[];
  private readonly byId = new Map<number, StoredMatchView>();
  private matchesByTeam: Map<number, StoredMatchView[]> | null = null;
  private readonly views = new Map<number, TeamMatch[]>();

  constructor(matches: readonly StoredMatchView[], cutoff: string) {
    // Sorting input the store already gives in kick-off order is linear (TimSort), so no need to trust the caller.
    this.matches = matches.filter((m) => m.date < cutoff && isPlayed(m)).sort(kickOffOrder);
    for (const m of this.matches) this.byId.set(m.id, m);
  }

  match(id: number): StoredMatchView | undefined {
    return this.byId.get(id);
  }

  /** The team's matches, oldest first. */
  of(teamId: number): readonly TeamMatch[] {
    let list = this.views.get(teamId);
    if (!list) {
      list = (this.teamIndex().get(teamId) ?? []).map((m) => fromSide(m, teamId));
      this.views.set(teamId, list);
    }
    return list;
  }

  /** One pass over the history indexes every team, so asking for several teams costs no more than for one. */
  private teamIndex(): Map<number, StoredMatchView[]> {
    if (!this.matchesByTeam) {
      const index = new Map<number, StoredMatchView[]>();
      for (const m of this.matches) {
        for (const id of [m.home.id, m.away.id]) {
          const list = index.get(id);
          if (list) list.push(m);
          else index.set(id, [m]);
        }
      }
      this.matchesByTeam = index;
    }
    return this.matchesByTeam;
  }
}

/** Played (or awarded) with a full-time score; scheduled, postponed and abandoned matches are not history. */
export function isPlayed(m: StoredMatchView): boolean {
  return (m.status === 'played' || m.status === 'awarded') && m.score.ft !== null;
}

/** Final score, home first: after extra time when there was extra time. */
export function finalScore(m: StoredMatchView): [number, number] {
  const score = m.score.et ?? m.score.ft;
  // isPlayed() keeps unscored matches out of every history, so this only fires on a programming error.
  if (!score) throw new MatchdayError('INSIGHTS_NO_SCORE', `match ${m.id} has no score`);
  return [score[0], score[1]];
}

export function fromSide(m: StoredMatchView, teamId: number): TeamMatch {
  const isHome = m.home.id === teamId;
  const [home, away] = finalScore(m);
  const goalsFor = isHome ? home : away;
  const goalsAgainst = isHome ? away : home;
  const pens = m.score.pens;
  const penFor = pens ? (isHome ? pens[0] : pens[1]) : 0;
  const penAgainst = pens ? (isHome ? pens[1] : pens[0]) : 0;
  return {
    match: m,
    teamId,
    opponentId: isHome ? m.away.id : m.home.id,
    venue: m.neutral ? 'neutral' : isHome ? 'home' : 'away',
    goalsFor,
    goalsAgainst,
    outcome: goalsFor > goalsAgainst ? 'W' : goalsFor < goalsAgainst ? 'L' : 'D',
    shootout: pens && penFor !== penAgainst ? (penFor > penAgainst ? 'won' : 'lost') : null,
  };
}

export function inScope(tm: TeamMatch, competitions: CompetitionScope, venue: VenueScope): boolean {
  if (competitions !== 'all' && tm.match.competition.kind !== competitions) return false;
  return venue === 'any' || tm.venue === venue;
}

export function summarize(m: StoredMatchView): MatchSummary {
  return {
    matchId: m.id,
    date: m.date,
    season: m.season,
    competition: { ...m.competition },
    round: m.round,
    home: { ...m.home },
    away: { ...m.away },
    neutral: m.neutral,
    score: finalScore(m),
    extraTime: m.score.et !== null,
    penalties: m.score.pens ? [m.score.pens[0], m.score.pens[1]] : null,
  };
}

/** Receipts in kick-off order without duplicates. */
export function receipts(history: MatchHistory, ...groups: (readonly number[])[]): number[] {
  const ids = [...new Set(groups.flat())];
  return ids.sort((a, b) => {
    const ma = history.match(a);
    const mb = history.match(b);
    return ma && mb ? kickOffOrder(ma, mb) : a - b;
  });
}

function kickOffOrder(a: StoredMatchView, b: StoredMatchView): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ta = a.time ?? '';
  const tb = b.time ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id - b.id;
}
