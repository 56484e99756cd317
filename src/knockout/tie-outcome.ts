/**
 * Who went through a two-legged tie, read from the scores the data gives, in the order the competition's rules
 * apply them. The one answer: tie reconstruction, insights, precedents and brackets all decide here.
 *
 * Side A hosted the first leg, side B hosts the second. With the rules unknown (null: a domestic cup the registry
 * has no tie rules for) only what the data shows decides — aggregate, then extra time and a shoot-out where it
 * has them; away goals are never assumed.
 */
import { tieRulesIn, type TieRules } from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';

/** The tie rules of a competition's season from the registry (config/competitions.yaml); null when it has none. */
export function tieRulesOf(registry: CompetitionRegistry, competitionCode: string, season: string): TieRules | null {
  const competition = registry.get(competitionCode);
  return competition ? tieRulesIn(competition, season) : null;
}

/** How a tie was decided. */
export type TieDecision =
  | 'aggregate' // more goals over the two legs' 90 minutes
  | 'away-goals' // level aggregate after 90 minutes, more away goals
  | 'extra-time' // more goals on aggregate after extra time
  | 'away-goals-extra-time' // level after extra time, the visitors' extra-time goals counted as away goals
  | 'penalties'
  | 'replay'; // a deciding match (or a coin toss) after the second leg

export interface TieScores {
  /** First leg after 90 minutes, A's (the hosts') goals first. */
  firstLeg: [number, number];
  /**
   * Second leg after 90 minutes, B's (the hosts') goals first; null when the data gives it only after extra time
   * (the UEFA Cup history before 2000-01): it was level after 90 minutes.
   */
  secondLeg: [number, number] | null;
  /** Second leg after extra time, cumulative, B's first; null when the data has no extra time. */
  secondLegExtraTime: [number, number] | null;
  /** The shoot-out, B's first; null when the data has none. */
  secondLegPenalties: [number, number] | null;
  /** The winner of a replay or play-off after the second leg, when the data has one. */
  replayWinner: 'A' | 'B' | null;
  /**
   * The side the data shows playing on in the competition (a later round), when only one does. Used only when the
   * scores leave the tie level where the rules send it to a decider the data lacks (a shoot-out without its score,
   * a coin toss): the decision is the rules' decider.
   */
  playedOn: 'A' | 'B' | null;
}

export interface TieOutcome {
  winner: 'A' | 'B';
  decidedBy: TieDecision;
}

/** The outcome, or null when the data cannot tell (level with no decider in the data, or unknown rules). */
export function decideTie(rules: TieRules | null, scores: TieScores): TieOutcome | null {
  const [firstA, firstB] = scores.firstLeg;
  if (scores.secondLeg) {
    const [secondB, secondA] = scores.secondLeg;
    const goalsA = firstA + secondA;
    const goalsB = firstB + secondB;
    if (goalsA !== goalsB) return { winner: goalsA > goalsB ? 'A' : 'B', decidedBy: 'aggregate' };
    // Away goals: B's came in the first leg, A's in the second.
    if (rules?.awayGoals && secondA !== firstB) {
      return { winner: secondA > firstB ? 'A' : 'B', decidedBy: 'away-goals' };
    }
  }
  const extraTime = scores.secondLegExtraTime;
  if (extraTime) {
    const [etB, etA] = extraTime;
    if (firstA + etA !== firstB + etB) {
      return { winner: firstA + etA > firstB + etB ? 'A' : 'B', decidedBy: 'extra-time' };
    }
    if (rules?.awayGoalsInExtraTime && etA !== firstB) {
      return { winner: etA > firstB ? 'A' : 'B', decidedBy: 'away-goals-extra-time' };
    }
  }
  const pens = scores.secondLegPenalties;
  if (pens && pens[0] !== pens[1]) return { winner: pens[0] > pens[1] ? 'B' : 'A', decidedBy: 'penalties' };
  if (scores.replayWinner) return { winner: scores.replayWinner, decidedBy: 'replay' };
  if (rules && scores.playedOn) return { winner: scores.playedOn, decidedBy: rules.decider };
  return null;
}
