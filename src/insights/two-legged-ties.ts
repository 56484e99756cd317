import type { TieRules } from '../competitions/competition.js';
import { decideTie, type TieDecision } from '../knockout/tie-outcome.js';
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
  decidedBy: TieDecision;
}

/**
 * Who went through, decided as every tie is (knockout/tie-outcome) under the competition's rules for the season
 * (null: unknown, and away goals are then never assumed). Null when the data cannot tell (a coin toss, a replay or
 * shoot-out score it lacks).
 */
export function tieOutcome(tie: CompletedTie, rules: TieRules | null): TieOutcome | null {
  const outcome = decideTie(rules, {
    firstLeg: tie.first.score.ft!,
    secondLeg: tie.second.score.ft,
    secondLegExtraTime: tie.second.score.et,
    secondLegPenalties: tie.second.score.pens,
    replayWinner: null,
    playedOn: null,
  });
  if (!outcome) return null;
  return { winnerId: outcome.winner === 'A' ? tie.first.home.id : tie.first.away.id, decidedBy: outcome.decidedBy };
}

/** The first-leg goal difference from `teamId`'s side (positive: it won the first leg). */
export function firstLegMargin(tie: CompletedTie, teamId: number): number {
  const [home, away] = finalScore(tie.first);
  return tie.first.home.id === teamId ? home - away : away - home;
}
