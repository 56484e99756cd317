/**
 * Two-legged ties rebuilt from their stored legs: who hosted which leg, the aggregate, who went through and how
 * (knockout/tie-outcome), and the rules of that competition and season. Pure: the stored rows, the rules and any
 * deciding match in, the reconstruction out (knockout-reader.ts reads them from the database).
 *
 * Convention (as in two-legged-tie): side A hosted the first leg, side B hosts the second.
 */
import type { TieRules } from '../competitions/competition.js';
import type { TieLegRow, TieRow } from '../store/tie-queries.js';
import type { TieState } from './two-legged-tie.js';
import { decideTie, type TieDecision } from './tie-outcome.js';

/** Qualifying ties (preliminary, qualifying and play-off rounds before the main draw) vs the knockout rounds. */
export type RoundType = 'qualifying' | 'knockout';

const QUALIFYING_ROUND = /^(preliminary|qualifying|play-off round)/i;

export function roundType(round: string | null): RoundType {
  return round !== null && QUALIFYING_ROUND.test(round) ? 'qualifying' : 'knockout';
}

export interface TieTeam {
  id: number;
  name: string;
}

export interface TieLeg {
  matchId: number;
  date: string;
  home: TieTeam;
  away: TieTeam;
  neutral: boolean;
  status: TieLegRow['status'];
  score: {
    ft: [number, number] | null;
    /** After extra time, extra-time goals included. */
    et: [number, number] | null;
    pens: [number, number] | null;
  };
}

/**
 * - completed: both legs played (the winner may still be unknown, e.g. a coin toss);
 * - awaiting-second-leg: first leg played, second not yet;
 * - scheduled: neither played yet;
 * - void: a leg was cancelled or abandoned.
 */
export type TieProgress = 'completed' | 'awaiting-second-leg' | 'scheduled' | 'void';

export interface ReconstructedTie {
  tieId: number;
  competition: { code: string; name: string };
  season: string;
  round: string | null;
  roundType: RoundType;
  /** Hosted the first leg. */
  a: TieTeam;
  /** Hosts the second leg. */
  b: TieTeam;
  firstLeg: TieLeg;
  secondLeg: TieLeg;
  /** A replay or play-off after the second leg (early European Cup), when the data has one. */
  decidingMatch: TieLeg | null;
  /** Null where the registry has no tie rules for the competition's season (most domestic cups). */
  rules: TieRules | null;
  progress: TieProgress;
  /** The tie before the second leg (null until the first leg is played). */
  stateBeforeSecondLeg: TieState | null;
  /** The first leg from A's side: A's goals minus B's (null until played). */
  firstLegMargin: number | null;
  /** Aggregate after both legs' 90 minutes (null when the second leg's is not recorded), then after extra time. */
  aggregateAfterNinety: { a: number; b: number } | null;
  aggregate: { a: number; b: number } | null;
  /** Did the second leg go to extra time / penalties? */
  wentToExtraTime: boolean;
  wentToPenalties: boolean;
  winner: 'A' | 'B' | null;
  winnerTeam: TieTeam | null;
  decidedBy: TieDecision | null;
  /** A leg was awarded (walkover, forfeit): its score was not played for. */
  awarded: boolean;
}

/** What the reconstruction needs besides the stored tie. */
export interface TieContext {
  rules: TieRules | null;
  /** A replay or play-off after the second leg. */
  decidingMatch: TieLegRow | null;
  /** The team the data shows playing on in the competition after the tie, when only one of the two does. */
  playedOnTeamId: number | null;
}

/** Pure: one stored tie and its context → the reconstruction. */
export function reconstructTie(row: TieRow, context: TieContext): ReconstructedTie {
  const first = row.firstLeg;
  const second = row.secondLeg;
  const a = { id: first.homeId, name: first.homeName };
  const b = { id: first.awayId, name: first.awayName };
  const progress = progressOf(first, second);
  const firstFt = isPlayed(first) ? first.ft : null;
  const deciding = context.decidingMatch;
  const base: ReconstructedTie = {
    tieId: row.tieId,
    competition: row.competition,
    season: row.season,
    round: row.round,
    roundType: roundType(row.round),
    a,
    b,
    firstLeg: legOf(first),
    secondLeg: legOf(second),
    decidingMatch: deciding ? legOf(deciding) : null,
    rules: context.rules,
    progress,
    stateBeforeSecondLeg: firstFt
      ? { goalsA: firstFt[0], goalsB: firstFt[1], awayGoalsA: 0, awayGoalsB: firstFt[1] }
      : null,
    firstLegMargin: firstFt ? firstFt[0] - firstFt[1] : null,
    aggregateAfterNinety: null,
    aggregate: null,
    wentToExtraTime: false,
    wentToPenalties: false,
    winner: null,
    winnerTeam: null,
    decidedBy: null,
    awarded: first.status === 'awarded' || second.status === 'awarded',
  };
  if (progress !== 'completed' || !firstFt) return base;

  // A second leg known only after extra time (its 90 minutes not recorded) was level after 90 minutes.
  const after90 = second.ft ? { a: firstFt[0] + second.ft[1], b: firstFt[1] + second.ft[0] } : null;
  const et = second.et;
  const sideOf = (teamId: number | null): 'A' | 'B' | null => (teamId === a.id ? 'A' : teamId === b.id ? 'B' : null);
  const outcome = decideTie(context.rules, {
    firstLeg: firstFt,
    secondLeg: second.ft,
    secondLegExtraTime: et,
    secondLegPenalties: second.pens,
    replayWinner: deciding ? sideOf(singleMatchWinner(deciding)) : null,
    playedOn: sideOf(context.playedOnTeamId),
  });
  return {
    ...base,
    aggregateAfterNinety: after90,
    aggregate: et ? { a: firstFt[0] + et[1], b: firstFt[1] + et[0] } : after90,
    wentToExtraTime: et !== null,
    wentToPenalties: second.pens !== null,
    winner: outcome?.winner ?? null,
    winnerTeam: outcome ? (outcome.winner === 'A' ? a : b) : null,
    decidedBy: outcome?.decidedBy ?? null,
  };
}

/** True when a completed tie's winner is not in its scores: a replay, or who played on, may tell. */
export function needsDecider(tie: ReconstructedTie): boolean {
  return tie.progress === 'completed' && tie.winner === null;
}

/** The winner of a single match by its last score (pens, then after extra time, then 90 minutes); null if level. */
function singleMatchWinner(match: TieLegRow): number | null {
  const score = match.pens ?? match.et ?? match.ft;
  if (!score || score[0] === score[1] || !isPlayed(match)) return null;
  return score[0] > score[1] ? match.homeId : match.awayId;
}

/** Played, with a score: after 90 minutes or, where only that is recorded, after extra time. */
function isPlayed(leg: TieLegRow): boolean {
  return (leg.status === 'played' || leg.status === 'awarded') && (leg.ft !== null || leg.et !== null);
}

function progressOf(first: TieLegRow, second: TieLegRow): TieProgress {
  const voided = (leg: TieLegRow) => leg.status === 'cancelled' || leg.status === 'abandoned';
  if (voided(first) || voided(second)) return 'void';
  if (isPlayed(first) && isPlayed(second)) return 'completed';
  if (isPlayed(first)) return 'awaiting-second-leg';
  return 'scheduled';
}

function legOf(leg: TieLegRow): TieLeg {
  return {
    matchId: leg.matchId,
    date: leg.date,
    home: { id: leg.homeId, name: leg.homeName },
    away: { id: leg.awayId, name: leg.awayName },
    neutral: leg.neutral,
    status: leg.status,
    score: { ft: leg.ft, et: leg.et, pens: leg.pens },
  };
}
