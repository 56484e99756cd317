import type { StoredMatchView } from '../store/match-queries.js';
import type { MatchHistory } from './match-history.js';
import { finalScore } from './match-history.js';

/** A two-legged tie with both legs in the history: the first leg's hosts are the second leg's visitors. */
export interface CompletedTie {
  first: StoredMatchView;
  second: StoredMatchView;
}

/** Every tie whose two legs were both played before the cut-off, in the order the second legs were played. */
export function completedTies(history: MatchHistory): CompletedTie[] {
  const legs = new Map<number, { first?: StoredMatchView; second?: StoredMatchView }>();
  for (const m of history.matches) {
    if (m.tieId === null || m.leg === null) continue;
    const tie = legs.get(m.tieId) ?? {};
    if (m.leg === 1) tie.first = m;
    else tie.second = m;
    legs.set(m.tieId, tie);
  }
  const ties: CompletedTie[] = [];
  for (const { first, second } of legs.values()) {
    if (first && second && first.home.id === second.away.id && first.away.id === second.home.id) {
      ties.push({ first, second });
    }
  }
  return ties.sort((a, b) => (a.second.date < b.second.date ? -1 : a.second.date > b.second.date ? 1 : 0));
}

export interface TieOutcome {
  winnerId: number;
  decidedBy: 'aggregate' | 'penalties' | 'away-goals';
}

/**
 * Who went through: more goals on aggregate (extra time included), else the shoot-out, else more away goals
 * (the rule in UEFA ties until 2021 and in many domestic cups; a level tie with no shoot-out in the data was
 * decided that way). Null when even away goals are level — the data cannot tell (coin toss, replay, missing score).
 */
export function tieOutcome(tie: CompletedTie): TieOutcome | null {
  const [firstHome, firstAway] = finalScore(tie.first);
  const [secondHome, secondAway] = finalScore(tie.second);
  const a = tie.first.home.id;
  const b = tie.first.away.id;
  const goalsA = firstHome + secondAway;
  const goalsB = firstAway + secondHome;
  if (goalsA !== goalsB) return { winnerId: goalsA > goalsB ? a : b, decidedBy: 'aggregate' };
  const pens = tie.second.score.pens;
  if (pens && pens[0] !== pens[1]) return { winnerId: pens[0] > pens[1] ? b : a, decidedBy: 'penalties' };
  if (secondAway !== firstAway) return { winnerId: secondAway > firstAway ? a : b, decidedBy: 'away-goals' };
  return null;
}

/** The first-leg goal difference from `teamId`'s side (positive: it won the first leg). */
export function firstLegMargin(tie: CompletedTie, teamId: number): number {
  const [home, away] = finalScore(tie.first);
  return tie.first.home.id === teamId ? home - away : away - home;
}
