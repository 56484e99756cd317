/**
 * Everything knockout/ reads from the database, in one place: stored ties rebuilt (with the registry's rules, any
 * replay, and who played on where a shoot-out's score is missing), a competition's bracket as of a date, precedent
 * queries, and the extra times the extra-time rate is fitted on. The modules it calls are pure.
 */
import { MatchdayError } from '../errors.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import { findMatches } from '../store/match-queries.js';
import {
  continentalCodes,
  extraTimeTotals,
  findDecidingMatch,
  findTieRows,
  teamsPlayingAfter,
  type TieFilter,
} from '../store/tie-queries.js';
import { bracketFromMatches, nextRoundOf, type BracketState, type NextRound } from './bracket-state.js';
import type { ExtraTimeEvidence } from './extra-time.js';
import { selectPrecedents, type PrecedentQuery, type PrecedentResult } from './precedents.js';
import { tieRulesOf } from './tie-outcome.js';
import { needsDecider, reconstructTie, type ReconstructedTie } from './tie-reconstruction.js';

export type { TieFilter } from '../store/tie-queries.js';

/** Days after a second leg in which a replay is looked for. */
const REPLAY_WINDOW_DAYS = 60;

/** Every stored tie matching the filter, rebuilt, in the order the second legs were (or will be) played. */
export function readTies(db: Db, filter: TieFilter = {}): ReconstructedTie[] {
  const registry = registryOf(db);
  return findTieRows(db, filter).map((row) => {
    const rules = tieRulesOf(registry, row.competition.code, row.season);
    const tie = reconstructTie(row, { rules, decidingMatch: null, playedOnTeamId: null });
    if (!needsDecider(tie)) return tie;
    // Level in the data: a replay (replay era), else the team that played on in the competition, tells.
    const decidingMatch = rules?.decider === 'replay' ? findDecidingMatch(db, row, REPLAY_WINDOW_DAYS) : null;
    const playedOn = teamsPlayingAfter(db, row.competition.code, row.season, row.secondLeg.date, [tie.a.id, tie.b.id]);
    return reconstructTie(row, { rules, decidingMatch, playedOnTeamId: playedOn.length === 1 ? playedOn[0] : null });
  });
}

/** The ties between two teams (either hosting first), optionally in one competition and season. */
export function readTiesBetween(
  db: Db,
  teamX: number,
  teamY: number,
  filter: { competitions?: string[]; seasons?: string[] } = {},
): ReconstructedTie[] {
  return readTies(db, { ...filter, teamId: teamX }).filter((t) => t.a.id === teamY || t.b.id === teamY);
}

/** The bracket of `competitionCode` `season` as of `asOf` (before that day's matches). */
export function readBracketState(db: Db, competitionCode: string, season: string, asOf: string): BracketState {
  const matches = findMatches(db, { competitionCode, season });
  if (matches.length === 0) {
    throw new MatchdayError('NO_MATCHES', `no ${competitionCode} matches in ${season}`, { field: 'season' });
  }
  return bracketFromMatches(matches, asOf, tieRulesOf(registryOf(db), competitionCode, season));
}

/** Who the winner of the two teams' tie meets next, as of the date; null when unknown or there is no bracket. */
export function readNextRound(
  db: Db,
  competitionCode: string,
  season: string,
  date: string,
  teamIds: [number, number],
): NextRound | null {
  let state: BracketState;
  try {
    state = readBracketState(db, competitionCode, season, date);
  } catch (error) {
    if (error instanceof MatchdayError) return null;
    throw error;
  }
  return nextRoundOf(state, teamIds);
}

/** Runs a precedent query on the database. */
export function findPrecedents(db: Db, query: PrecedentQuery): PrecedentResult {
  const ties = readTies(db, {
    competitions: query.competitions,
    seasons: query.seasons,
    firstLegBefore: query.before ?? undefined,
  });
  return selectPrecedents(ties, query);
}

/** Extra times and 90-minute goals in the continental competitions before a date; null without a continental match. */
export function readExtraTimeEvidence(db: Db, before: string): ExtraTimeEvidence | null {
  const totals = extraTimeTotals(db, continentalCodes(db), before);
  if (totals.matches === 0 || totals.goals === 0) return null;
  return {
    extraTimeMatches: totals.extraTimeMatches,
    extraTimeGoals: totals.extraTimeGoals,
    ninetyMinuteGoalsPerMatch: totals.goals / totals.matches,
  };
}
