/**
 * The knockout bracket of one competition-season as it stood on a date: which ties were decided, which were under
 * way, which pairings followed, and which rounds were still to be drawn.
 *
 * "As of" a date means before that day's matches: a match counts as played if it was played strictly before it.
 *
 * When a round's pairings were known is not in the data; the rules used:
 * - a round is known once one of its matches has been played, or once the round before it was complete (the draw
 *   follows within days), or — for the first knockout round — once the group / league stage was over;
 * - some draws settle later rounds in advance (see `drawnWithPreviousRound`): then the later round's fixtures in
 *   the data give the bracket path (the teams met show which earlier ties fed each slot), never who won.
 */
import type { TieRules } from '../competitions/competition.js';
import { MatchdayError } from '../errors.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { TieLegRow, TieRow } from '../store/tie-queries.js';
import type { TieFormat } from './bracket-plan.js';
import { reconstructTie, roundType, type ReconstructedTie, type TieTeam } from './tie-reconstruction.js';

/** A side of a tie in the bracket: a known team, or the winner of tie `winnerOf` of the previous round. */
export type BracketEntry = { team: TieTeam } | { winnerOf: number };

export interface BracketTieState {
  sides: [BracketEntry, BracketEntry];
  /** The side hosting the first leg (two-legged ties); null for a single match or when not known. */
  firstLegHost: 0 | 1 | null;
  status: 'decided' | 'in-progress' | 'to-play';
  winner: TieTeam | null;
  /** The two-legged tie as the data stood on the date (null for a single match or a slot fed by winners). */
  tie: ReconstructedTie | null;
  /** The single match (a final), when the round is one match per pairing and both teams are known. */
  match: { matchId: number; date: string; score: string | null } | null;
}

export type PairingKnowledge =
  | 'played' // one of its matches was played before the date
  | 'previous-round-complete' // the draw follows the round before
  | 'group-stage-complete' // the first knockout round, drawn after the group / league stage
  | 'drawn-with-previous-round' // the competition draws this round together with the one before
  | 'only-pairing'; // two winners left: they can only meet each other

export interface BracketRoundState {
  name: string;
  format: TieFormat;
  /** Null: the round is still to be drawn. */
  knownBecause: PairingKnowledge | null;
  /** Empty while the round is still to be drawn. */
  ties: BracketTieState[];
  /** Teams that join at this round (byes from the group stage), in a round still to be drawn. */
  entrants: TieTeam[];
}

export interface BracketState {
  competition: { code: string; name: string };
  season: string;
  asOf: string;
  /** The season's tie rules from the registry; null when it has none. */
  rules: TieRules | null;
  rounds: BracketRoundState[];
  /** Index of the first round not yet decided; null when the final has been played. */
  currentRound: number | null;
  champion: TieTeam | null;
}

/**
 * One competition-season's matches (legs linked by tie id, as stored) and its tie rules (null: unknown) → the
 * bracket as of the date. knockout-reader.ts reads the matches.
 */
export function bracketFromMatches(
  matches: readonly StoredMatchView[],
  asOf: string,
  rules: TieRules | null,
): BracketState {
  if (matches.length === 0) throw new MatchdayError('NO_MATCHES', 'no matches to build a bracket from');
  const tiesById = tiesAsOf(matches, asOf, rules);
  const competition = { code: matches[0].competition.code, name: matches[0].competition.name };
  const season = matches[0].season;
  const groupPhase = matches.filter(isGroupPhase);
  const groupPhaseEnd = groupPhase.length
    ? groupPhase
        .map((m) => m.date)
        .sort()
        .at(-1)!
    : null;
  const knockout = matches.filter(
    (m) => !isGroupPhase(m) && roundType(m.round) === 'knockout' && (groupPhaseEnd === null || m.date > groupPhaseEnd),
  );
  const roundNames = [...new Set(knockout.map((m) => m.round ?? 'Knockout'))];
  roundNames.sort((x, y) => firstDate(knockout, x).localeCompare(firstDate(knockout, y)));
  if (roundNames.length === 0) {
    throw new MatchdayError('NO_BRACKET', `${competition.name} ${season} has no knockout round in the data`, {
      field: 'season',
    });
  }

  const rounds: BracketRoundState[] = [];
  // For each round, the teams that can stand in each of its ties (a "winner of" side stands for several).
  const possibleTeams: Set<number>[][] = [];
  const teamsSoFar = new Set<number>();
  roundNames.forEach((name, r) => {
    const inRound = knockout.filter((m) => (m.round ?? 'Knockout') === name);
    const previous = rounds[r - 1];
    const pairings = roundPairings(inRound, tiesById);
    const knownBecause = pairingKnowledge({
      round: name,
      pairings,
      previous,
      asOf,
      groupPhaseEnd,
      competition: competition.code,
      season,
    });
    const format: TieFormat = pairings.some((p) => p.tie !== null) ? 'two-legged' : 'single-neutral';
    const entrants = uniqueTeams(pairings.flatMap((p) => p.teams)).filter((t) => r > 0 && !teamsSoFar.has(t.id));
    for (const p of pairings) for (const t of p.teams) teamsSoFar.add(t.id);
    if (knownBecause === null) {
      rounds.push({ name, format, knownBecause, ties: [], entrants });
      possibleTeams.push([]);
      return;
    }
    const feeders = possibleTeams[r - 1] ?? [];
    if (previous) settleFromNextRound(previous, feeders, pairings, asOf);
    const ties = pairings.map((p) => tieState(p, previous, feeders, asOf));
    rounds.push({ name, format, knownBecause, ties, entrants: [] });
    possibleTeams.push(
      ties.map(
        (t) => new Set(t.sides.flatMap((side) => ('team' in side ? [side.team.id] : [...feeders[side.winnerOf]]))),
      ),
    );
  });
  appendRoundsMissingFromData(rounds);

  const currentRound = rounds.findIndex(
    (round) => round.ties.length === 0 || round.ties.some((t) => t.status !== 'decided'),
  );
  const last = rounds.at(-1)!;
  const champion = currentRound === -1 ? (last.ties[0]?.winner ?? null) : null;
  return {
    competition,
    season,
    asOf,
    rules,
    rounds,
    currentRound: currentRound === -1 ? null : currentRound,
    champion,
  };
}

/**
 * Competitions whose draw settles a round together with the one before it. UEFA has drawn the quarter-finals and
 * semi-finals together since 2018-19 (Champions League, Europa League; the Conference League from its start in
 * 2021-22); from 2024-25 the round-of-16 draw fixes the whole bracket to the final.
 */
export function drawnWithPreviousRound(competitionCode: string, season: string, round: string): boolean {
  if (!['uefa.cl', 'uefa.el', 'uefa.conf'].includes(competitionCode)) return false;
  const startYear = Number(season.slice(0, 4));
  if (startYear >= 2024) return round === 'Quarter-finals' || round === 'Semi-finals';
  if (startYear >= 2018) return round === 'Semi-finals';
  return false;
}

/** One pairing of a round in the data: a two-legged tie or a single match (with any replay folded in). */
interface Pairing {
  teams: [TieTeam, TieTeam];
  tie: ReconstructedTie | null;
  /** Single-match pairings: the matches between the two teams in this round, in date order. */
  matches: StoredMatchView[];
  dates: string[];
}

function roundPairings(
  inRound: readonly StoredMatchView[],
  tiesById: ReadonlyMap<number, ReconstructedTie>,
): Pairing[] {
  const pairings: Pairing[] = [];
  const byTie = new Map<number, Pairing>();
  const singles: StoredMatchView[] = [];
  for (const m of inRound) {
    const tie = m.tieId === null ? undefined : tiesById.get(m.tieId);
    if (!tie) {
      singles.push(m);
      continue;
    }
    if (byTie.has(tie.tieId)) continue;
    const pairing: Pairing = {
      teams: [tie.a, tie.b],
      tie,
      matches: [],
      dates: [tie.firstLeg.date, tie.secondLeg.date],
    };
    byTie.set(tie.tieId, pairing);
    pairings.push(pairing);
  }
  for (const m of singles) {
    // A replay of a two-legged tie in this round belongs to that tie (the reconstruction already used it).
    const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
    const k = key(m.home.id, m.away.id);
    if (pairings.some((p) => p.tie !== null && key(p.teams[0].id, p.teams[1].id) === k)) continue;
    const existing = pairings.find((p) => p.tie === null && key(p.teams[0].id, p.teams[1].id) === k);
    if (existing) {
      existing.matches.push(m);
      existing.dates.push(m.date);
    } else {
      pairings.push({ teams: [m.home, m.away], tie: null, matches: [m], dates: [m.date] });
    }
  }
  return pairings;
}

function pairingKnowledge(context: {
  round: string;
  pairings: Pairing[];
  previous: BracketRoundState | undefined;
  asOf: string;
  groupPhaseEnd: string | null;
  competition: string;
  season: string;
}): PairingKnowledge | null {
  const { pairings, previous, asOf } = context;
  if (pairings.some((p) => p.dates.some((d) => d < asOf))) return 'played';
  if (previous === undefined) {
    return context.groupPhaseEnd === null || context.groupPhaseEnd < asOf ? 'group-stage-complete' : null;
  }
  if (previous.knownBecause === null) return null;
  if (previous.ties.every((t) => t.status === 'decided')) return 'previous-round-complete';
  if (previous.ties.length === 2 && pairings.length === 1) return 'only-pairing';
  if (drawnWithPreviousRound(context.competition, context.season, context.round)) return 'drawn-with-previous-round';
  return null;
}

/**
 * A tie both of whose legs were played but whose winner the data does not give (a coin toss, a replay missing):
 * if one of its teams played in the next round before the date, that team went through.
 */
function settleFromNextRound(
  previous: BracketRoundState,
  feeders: readonly Set<number>[],
  pairings: readonly Pairing[],
  asOf: string,
): void {
  for (const pairing of pairings) {
    if (!pairing.dates.some((d) => d < asOf)) continue;
    for (const team of pairing.teams) {
      const k = feeders.findIndex((teams) => teams.has(team.id));
      const fed = previous.ties[k];
      if (fed && fed.status === 'in-progress' && fed.tie?.progress === 'completed') {
        fed.status = 'decided';
        fed.winner = team;
      }
    }
  }
}

/**
 * A pairing of a known round as of the date. Sides fed by a previous-round tie that was not decided by then are
 * written as "winner of" that tie — the data's later fixture shows the slot, not who filled it.
 */
function tieState(
  pairing: Pairing,
  previous: BracketRoundState | undefined,
  feeders: readonly Set<number>[],
  asOf: string,
): BracketTieState {
  const sides = pairing.teams.map((team): BracketEntry => {
    const k = feeders.findIndex((teams) => teams.has(team.id));
    if (k === -1 || previous!.ties[k].status === 'decided') return { team };
    return { winnerOf: k };
  }) as [BracketEntry, BracketEntry];
  const bothKnown = 'team' in sides[0] && 'team' in sides[1];
  if (pairing.tie) {
    const tie = pairing.tie;
    // A completed tie with no winner in the data (a coin toss, a replay not in it) stays in progress.
    const status: BracketTieState['status'] =
      tie.progress === 'completed' && tie.winnerTeam
        ? 'decided'
        : tie.progress === 'completed' || tie.progress === 'awaiting-second-leg'
          ? 'in-progress'
          : 'to-play';
    return {
      sides,
      firstLegHost: 0,
      status: bothKnown ? status : 'to-play',
      winner: bothKnown && status === 'decided' ? tie.winnerTeam : null,
      tie: bothKnown ? tie : null,
      match: null,
    };
  }
  const played = pairing.matches.filter((m) => m.date < asOf && m.score.ft !== null);
  const deciding = played.at(-1);
  const winnerId = deciding ? singleMatchWinner(deciding) : null;
  const match = pairing.matches.at(-1)!;
  return {
    sides,
    firstLegHost: null,
    status: !bothKnown ? 'to-play' : winnerId !== null ? 'decided' : played.length > 0 ? 'in-progress' : 'to-play',
    winner: bothKnown && winnerId !== null ? pairing.teams.find((t) => t.id === winnerId)! : null,
    tie: null,
    match: bothKnown
      ? {
          matchId: (deciding ?? match).id,
          date: (deciding ?? match).date,
          score: deciding ? scoreText(deciding) : null,
        }
      : null,
  };
}

/**
 * Rounds the data does not reach yet (a season in progress): halve the field until the final. A final is one
 * match at a neutral venue; earlier rounds are two-legged.
 */
function appendRoundsMissingFromData(rounds: BracketRoundState[]): void {
  let teams = 0;
  for (const round of rounds)
    teams = round.knownBecause !== null ? 2 * round.ties.length : teams / 2 + round.entrants.length;
  // A field that does not halve to a final (a tie missing from the data) is left for the plan check to report.
  while (teams > 2 && Number.isInteger(Math.log2(teams))) {
    teams /= 2;
    rounds.push({
      name: teams === 2 ? 'Final' : teams === 4 ? 'Semi-finals' : teams === 8 ? 'Quarter-finals' : `Round of ${teams}`,
      format: teams === 2 ? 'single-neutral' : 'two-legged',
      knownBecause: null,
      ties: [],
      entrants: [],
    });
  }
}

/**
 * The season's two-legged ties as the data stood before `asOf` (legs on or after it not played yet), each rebuilt by
 * history/ties. A replay after a level tie (early European Cup) is the same two teams' leg-less match in that round.
 */
function tiesAsOf(
  matches: readonly StoredMatchView[],
  asOf: string,
  rules: TieRules | null,
): Map<number, ReconstructedTie> {
  const legs = new Map<number, { first?: StoredMatchView; second?: StoredMatchView }>();
  for (const m of matches) {
    if (m.tieId === null || m.leg === null) continue;
    const tie = legs.get(m.tieId) ?? {};
    tie[m.leg === 1 ? 'first' : 'second'] = m;
    legs.set(m.tieId, tie);
  }
  const ties = new Map<number, ReconstructedTie>();
  for (const [tieId, { first, second }] of legs) {
    if (!first || !second) continue;
    const row: TieRow = {
      tieId,
      competition: { code: first.competition.code, name: first.competition.name },
      season: first.season,
      round: first.round,
      firstLeg: legAsOf(first, asOf),
      secondLeg: legAsOf(second, asOf),
    };
    let tie = reconstructTie(row, { rules, decidingMatch: null, playedOnTeamId: null });
    if (tie.progress === 'completed' && tie.winner === null && rules?.decider === 'replay') {
      const teams = new Set([first.home.id, first.away.id]);
      const replay = matches.find(
        (m) =>
          m.leg === null &&
          m.round === first.round &&
          m.date > second.date &&
          teams.has(m.home.id) &&
          teams.has(m.away.id),
      );
      if (replay) tie = reconstructTie(row, { rules, decidingMatch: legAsOf(replay, asOf), playedOnTeamId: null });
    }
    ties.set(tieId, tie);
  }
  return ties;
}

/** A stored match as a tie leg, not played yet if it is on or after `asOf`. */
function legAsOf(m: StoredMatchView, asOf: string): TieLegRow {
  const played = m.date < asOf && (m.status === 'played' || m.status === 'awarded');
  return {
    matchId: m.id,
    date: m.date,
    homeId: m.home.id,
    homeName: m.home.name,
    awayId: m.away.id,
    awayName: m.away.name,
    neutral: m.neutral,
    status: played ? m.status : 'scheduled',
    ft: played ? m.score.ft : null,
    et: played ? m.score.et : null,
    pens: played ? m.score.pens : null,
  };
}

function isGroupPhase(m: StoredMatchView): boolean {
  return m.group !== null || /group|league phase/i.test(m.round ?? '');
}

function firstDate(matches: readonly StoredMatchView[], round: string): string {
  return matches
    .filter((m) => (m.round ?? 'Knockout') === round)
    .map((m) => m.date)
    .sort()[0];
}

function uniqueTeams(teams: readonly TieTeam[]): TieTeam[] {
  return [...new Map(teams.map((t) => [t.id, t])).values()];
}

function singleMatchWinner(m: StoredMatchView): number | null {
  const score = m.score.pens ?? m.score.et ?? m.score.ft;
  if (!score || score[0] === score[1]) return null;
  return score[0] > score[1] ? m.home.id : m.away.id;
}

function scoreText(m: StoredMatchView): string {
  const { ft, et, pens } = m.score;
  let text = ft ? `${ft[0]}-${ft[1]}` : '-';
  if (et) text += ` aet ${et[0]}-${et[1]}`;
  if (pens) text += ` pens ${pens[0]}-${pens[1]}`;
  return text;
}

/** Who the winner of the tie between two teams meets next, as the bracket stood on its date. */
export interface NextRound {
  /** The next round's name as stored, e.g. `Semi-finals`. */
  round: string;
  /** One team when known, the two teams of the tie that feeds the slot otherwise. */
  opponents: { id: number; name: string }[];
  /** Played legs of the feeding tie (or the known opponent's tie in this round): the receipts. */
  matchIds: number[];
}

/**
 * The next round's opponent (or the two possible opponents) of the tie between the two teams, when the bracket
 * knows the pairing (the draw was made with this round, or the round before was complete); null otherwise.
 */
export function nextRoundOf(state: BracketState, teamIds: [number, number]): NextRound | null {
  const isTeam = (entry: BracketEntry, id: number) => 'team' in entry && entry.team.id === id;
  for (let r = 0; r + 1 < state.rounds.length; r++) {
    const round = state.rounds[r];
    const index = round.ties.findIndex((t) => teamIds.every((id) => t.sides.some((side) => isTeam(side, id))));
    if (index < 0) continue;
    const next = state.rounds[r + 1];
    if (next.knownBecause === null) return null;
    const slot = next.ties.find((t) => t.sides.some((side) => 'winnerOf' in side && side.winnerOf === index));
    if (!slot) return null;
    const other = slot.sides.find((side) => !('winnerOf' in side && side.winnerOf === index));
    if (!other) return null;
    const feeding = 'winnerOf' in other ? round.ties[other.winnerOf] : null;
    const opponents =
      'team' in other
        ? [other.team]
        : feeding?.winner
          ? [feeding.winner]
          : (feeding?.sides ?? []).flatMap((side) => ('team' in side ? [side.team] : []));
    if (opponents.length === 0) return null;
    const legs = feeding?.tie ? [feeding.tie.firstLeg, feeding.tie.secondLeg] : [];
    return {
      round: next.name,
      opponents: opponents.map((t) => ({ id: t.id, name: t.name })),
      matchIds: legs.filter((leg) => leg.date < state.asOf && leg.score.ft !== null).map((leg) => leg.matchId),
    };
  }
  return null;
}
