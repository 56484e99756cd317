/**
 * Two-legged ties rebuilt from the stored legs: who hosted which leg, the aggregate, who went through and how, and
 * the rules of that competition and season. Read by tie forecasts, their calibration, precedents and brackets.
 *
 * Convention (as in forecast/two-legged-tie): side A hosted the first leg, side B hosts the second.
 */
import type { Db } from '../store/database.js';
import { findDecidingMatch, findTieRows, type TieFilter, type TieLegRow, type TieRow } from '../store/tie-queries.js';

export type { TieFilter } from '../store/tie-queries.js';

/** How a tie still level after the second leg's 90 minutes (and away goals) is settled. */
export interface TieRules {
  /** Level on aggregate after 90 minutes of the second leg: more away goals goes through. */
  awayGoals: boolean;
  /** Level after extra time: the visitors' extra-time goals count as away goals. */
  awayGoalsInExtraTime: boolean;
  /** 30 minutes of extra time in the second leg. */
  extraTime: boolean;
  /** Still level after that: a shoot-out, or (early European Cup) a replay or a coin toss. */
  decider: 'penalties' | 'replay';
}

/** UEFA club competitions 1970-71..2020-21: away goals (also in extra time), extra time, penalties. */
export const UEFA_AWAY_GOALS_ERA: TieRules = {
  awayGoals: true,
  awayGoalsInExtraTime: true,
  extraTime: true,
  decider: 'penalties',
};
/** UEFA club competitions from 2021-22: extra time and penalties, no away goals. */
export const UEFA_NO_AWAY_GOALS_ERA: TieRules = {
  awayGoals: false,
  awayGoalsInExtraTime: false,
  extraTime: true,
  decider: 'penalties',
};
/** European Cup 1967-68..1969-70: away goals after 90 minutes, then extra time, then a replay or a coin toss. */
export const EUROPEAN_CUP_1967_ERA: TieRules = {
  awayGoals: true,
  awayGoalsInExtraTime: false,
  extraTime: true,
  decider: 'replay',
};
/** European Cup 1955-56..1966-67: a level aggregate went to a play-off match (or a coin toss). */
export const EUROPEAN_CUP_REPLAY_ERA: TieRules = {
  awayGoals: false,
  awayGoalsInExtraTime: false,
  extraTime: false,
  decider: 'replay',
};

const UEFA_COMPETITIONS = new Set(['uefa.cl', 'uefa.el', 'uefa.conf', 'uefa.fairs']);

/**
 * The tie rules of a competition's season, or null where matchday does not know them (domestic cups: their data
 * rarely says how a level tie was settled). Eras as champs.csv shows them: first away-goals decision 1967-68,
 * first shoot-out 1970-71; UEFA dropped away goals from 2021-22.
 */
export function tieRules(competitionCode: string, season: string): TieRules | null {
  if (!UEFA_COMPETITIONS.has(competitionCode)) return null;
  const startYear = Number(season.slice(0, 4));
  if (startYear >= 2021) return UEFA_NO_AWAY_GOALS_ERA;
  if (startYear >= 1970) return UEFA_AWAY_GOALS_ERA;
  if (startYear >= 1967) return EUROPEAN_CUP_1967_ERA;
  return EUROPEAN_CUP_REPLAY_ERA;
}

/** Goals before the second leg (the shape forecast/two-legged-tie's TieState takes). */
export interface TieScoreState {
  goalsA: number;
  goalsB: number;
  /** Of those, the goals each side scored away from home (B's in the first leg; A has none yet). */
  awayGoalsA: number;
  awayGoalsB: number;
}

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

/** How the tie was decided. */
export type TieDecision =
  | 'aggregate' // more goals over the two legs' 90 minutes
  | 'away-goals' // level aggregate after 90 minutes, more away goals
  | 'extra-time' // more goals on aggregate after extra time
  | 'away-goals-extra-time' // level after extra time, the visitors' extra-time goals counted double
  | 'penalties'
  | 'replay'; // a deciding match after the second leg

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
  /** Null where the competition's rules are unknown (domestic cups). */
  rules: TieRules | null;
  progress: TieProgress;
  /** The tie before the second leg (null until the first leg is played). */
  stateBeforeSecondLeg: TieScoreState | null;
  /** The first leg from A's side: A's goals minus B's (null until played). */
  firstLegMargin: number | null;
  /** Aggregate after both legs' 90 minutes, then after extra time where it was played. */
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

/** Days after a second leg in which a replay is looked for. */
const REPLAY_WINDOW_DAYS = 60;

/** Every stored tie matching the filter, rebuilt, in the order the second legs were (or will be) played. */
export function reconstructTies(db: Db, filter: TieFilter = {}): ReconstructedTie[] {
  return findTieRows(db, filter).map((row) => {
    const tie = reconstructTie(row, null);
    if (tie.progress === 'completed' && tie.winner === null && tie.rules?.decider === 'replay') {
      const deciding = findDecidingMatch(db, row, REPLAY_WINDOW_DAYS);
      if (deciding) return reconstructTie(row, deciding);
    }
    return tie;
  });
}

/** The ties between two teams (either hosting first), optionally in one competition and season. */
export function tiesBetween(
  db: Db,
  teamX: number,
  teamY: number,
  filter: { competitions?: string[]; seasons?: string[] } = {},
): ReconstructedTie[] {
  return reconstructTies(db, { ...filter, teamId: teamX }).filter((t) => t.a.id === teamY || t.b.id === teamY);
}

/** Pure: one stored tie (and its deciding match, if any) → the reconstruction. */
export function reconstructTie(row: TieRow, deciding: TieLegRow | null): ReconstructedTie {
  const first = row.firstLeg;
  const second = row.secondLeg;
  const a = { id: first.homeId, name: first.homeName };
  const b = { id: first.awayId, name: first.awayName };
  const rules = tieRules(row.competition.code, row.season);
  const progress = progressOf(first, second);
  const firstFt = isPlayed(first) ? first.ft : null;
  const stateBeforeSecondLeg: TieScoreState | null = firstFt
    ? { goalsA: firstFt[0], goalsB: firstFt[1], awayGoalsA: 0, awayGoalsB: firstFt[1] }
    : null;

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
    rules,
    progress,
    stateBeforeSecondLeg,
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
  const aggregate = et ? { a: firstFt[0] + et[1], b: firstFt[1] + et[0] } : after90;
  const pens = second.pens;
  const outcome = decide(rules, firstFt, second.ft, et, pens, deciding, a.id);
  return {
    ...base,
    aggregateAfterNinety: after90,
    aggregate,
    wentToExtraTime: et !== null,
    wentToPenalties: pens !== null,
    winner: outcome?.winner ?? null,
    winnerTeam: outcome ? (outcome.winner === 'A' ? a : b) : null,
    decidedBy: outcome?.decidedBy ?? null,
  };
}

/**
 * Who went through, read from the scores the data gives, in the order the rules apply them. Rules unknown (null):
 * aggregate, then extra time and penalties where the data shows them; away goals are never assumed.
 */
function decide(
  rules: TieRules | null,
  firstFt: [number, number],
  secondFt: [number, number] | null,
  secondEt: [number, number] | null,
  pens: [number, number] | null,
  deciding: TieLegRow | null,
  teamA: number,
): { winner: 'A' | 'B'; decidedBy: TieDecision } | null {
  if (secondFt) {
    const goalsA = firstFt[0] + secondFt[1];
    const goalsB = firstFt[1] + secondFt[0];
    if (goalsA !== goalsB) return { winner: goalsA > goalsB ? 'A' : 'B', decidedBy: 'aggregate' };
    // Away goals: B's came in the first leg, A's in the second.
    if (rules?.awayGoals && secondFt[1] !== firstFt[1]) {
      return { winner: secondFt[1] > firstFt[1] ? 'A' : 'B', decidedBy: 'away-goals' };
    }
  }
  if (secondEt) {
    const etA = firstFt[0] + secondEt[1];
    const etB = firstFt[1] + secondEt[0];
    if (etA !== etB) return { winner: etA > etB ? 'A' : 'B', decidedBy: 'extra-time' };
    if (rules?.awayGoalsInExtraTime && secondEt[1] !== firstFt[1]) {
      return { winner: secondEt[1] > firstFt[1] ? 'A' : 'B', decidedBy: 'away-goals-extra-time' };
    }
  }
  if (pens && pens[0] !== pens[1]) return { winner: pens[0] > pens[1] ? 'B' : 'A', decidedBy: 'penalties' };
  if (deciding) {
    const winnerId = singleMatchWinner(deciding);
    if (winnerId !== null) return { winner: winnerId === teamA ? 'A' : 'B', decidedBy: 'replay' };
  }
  return null;
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
