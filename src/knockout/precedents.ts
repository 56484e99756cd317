/**
 * Precedent queries over reconstructed two-legged ties (pure): "knockout ties whose first leg was won away by 3+ goals —
 * how many, how often was the first-leg winner knocked out, and which ties were they".
 *
 * The subject of every query is the first-leg winner: the filters say how it won the first leg, the outcome says
 * whether it then went through.
 */
import { MatchdayError } from '../errors.js';
import type { TieDecision } from './tie-outcome.js';
import type { ReconstructedTie, RoundType, TieTeam } from './tie-reconstruction.js';

export interface PrecedentQuery {
  /** Competition codes; all when empty. */
  competitions: string[];
  rounds: RoundType | 'all';
  /** Seasons (`2023-24`); all when empty. */
  seasons: string[];
  /** Where the first-leg winner played the first leg. */
  firstLegWinner: 'home' | 'away' | 'either';
  /** The first-leg winner's smallest winning margin (≥ 1). */
  minMargin: number;
  /** Its largest margin; null for no bound. */
  maxMargin: number | null;
  /** Exactly this first-leg score, hosts first; null for any. It must not be a draw. */
  firstLegScore: [number, number] | null;
  /** Only ties settled strictly before this date (ISO); null for all. */
  before: string | null;
  /** Which ties to list as receipts (the counts always cover all of them). */
  outcome: 'through' | 'eliminated' | 'all';
}

export const DEFAULT_PRECEDENT_QUERY: PrecedentQuery = {
  competitions: [],
  rounds: 'knockout',
  seasons: [],
  firstLegWinner: 'either',
  minMargin: 1,
  maxMargin: null,
  firstLegScore: null,
  before: null,
  outcome: 'all',
};

/** How a tie was settled, coarsely: within the second leg's 90 minutes, in extra time, on penalties, in a replay. */
export type Settled = 'ninety-minutes' | 'extra-time' | 'penalties' | 'replay';

export interface OutcomeSplit {
  total: number;
  ninetyMinutes: number;
  extraTime: number;
  penalties: number;
  replay: number;
}

export interface PrecedentLeg {
  matchId: number;
  date: string;
  home: TieTeam;
  away: TieTeam;
  /** `2-1`, with `aet 3-1` and `pens 4-2` where played. */
  score: string;
}

export interface PrecedentTie {
  tieId: number;
  competition: string;
  season: string;
  round: string | null;
  firstLegWinner: TieTeam;
  opponent: TieTeam;
  /** Where the first-leg winner played the first leg: at home, away, or at a neutral ground (neither). */
  firstLegWinnerVenue: 'home' | 'away' | 'neutral';
  margin: number;
  firstLeg: PrecedentLeg;
  secondLeg: PrecedentLeg;
  decidingMatch: PrecedentLeg | null;
  /** Hosts of the first leg first. */
  aggregate: string;
  outcome: 'through' | 'eliminated';
  decidedBy: TieDecision;
  settled: Settled;
}

export interface PrecedentResult {
  query: PrecedentQuery;
  /** Completed ties that match, with a winner the data knows. */
  count: number;
  through: OutcomeSplit;
  eliminated: OutcomeSplit;
  /** Matching ties left out of the count: the winner is unknown (coin toss, missing score) or a leg was awarded. */
  excluded: { undetermined: number; awarded: number };
  /** First and last season among the counted ties. */
  seasonRange: [string, string] | null;
  /** The receipts the outcome filter keeps, in the order the ties were settled. */
  ties: PrecedentTie[];
  phrase: string;
}

/** The filters, counts and receipts of a query over reconstructed ties (knockout-reader's findPrecedents reads them). */
export function selectPrecedents(ties: readonly ReconstructedTie[], query: PrecedentQuery): PrecedentResult {
  checkQuery(query);
  const through = emptySplit();
  const eliminated = emptySplit();
  const excluded = { undetermined: 0, awarded: 0 };
  const counted: PrecedentTie[] = [];
  for (const tie of ties) {
    if (!matchesQuery(tie, query)) continue;
    if (tie.awarded) {
      excluded.awarded++;
      continue;
    }
    const precedent = toPrecedent(tie);
    if (!precedent) {
      excluded.undetermined++;
      continue;
    }
    const split = precedent.outcome === 'through' ? through : eliminated;
    split.total++;
    split[splitKey[precedent.settled]]++;
    counted.push(precedent);
  }
  const seasons = counted.map((t) => t.season).sort();
  const result: PrecedentResult = {
    query,
    count: counted.length,
    through,
    eliminated,
    excluded,
    seasonRange: seasons.length ? [seasons[0], seasons.at(-1)!] : null,
    ties: query.outcome === 'all' ? counted : counted.filter((t) => t.outcome === query.outcome),
    phrase: '',
  };
  result.phrase = precedentPhrase(result, ties);
  return result;
}

function matchesQuery(tie: ReconstructedTie, query: PrecedentQuery): boolean {
  if (tie.progress !== 'completed' || tie.firstLegMargin === null) return false;
  if (query.competitions.length > 0 && !query.competitions.includes(tie.competition.code)) return false;
  if (query.seasons.length > 0 && !query.seasons.includes(tie.season)) return false;
  if (query.rounds !== 'all' && tie.roundType !== query.rounds) return false;
  if (query.before !== null && settledOn(tie) >= query.before) return false;
  const margin = Math.abs(tie.firstLegMargin);
  if (margin === 0 || margin < query.minMargin) return false;
  if (query.maxMargin !== null && margin > query.maxMargin) return false;
  // A first leg at a neutral ground (a tie moved to a third country) was won neither at home nor away.
  const venue = tie.firstLeg.neutral ? 'neutral' : tie.firstLegMargin > 0 ? 'home' : 'away';
  if (query.firstLegWinner !== 'either' && venue !== query.firstLegWinner) return false;
  const ft = tie.firstLeg.score.ft!;
  if (query.firstLegScore && (ft[0] !== query.firstLegScore[0] || ft[1] !== query.firstLegScore[1])) return false;
  return true;
}

/** The date the tie was over: its replay if it had one, else its second leg. */
function settledOn(tie: ReconstructedTie): string {
  return (tie.decidingMatch ?? tie.secondLeg).date;
}

function toPrecedent(tie: ReconstructedTie): PrecedentTie | null {
  if (tie.winner === null || tie.decidedBy === null || tie.firstLegMargin === null) return null;
  const leaderIsA = tie.firstLegMargin > 0;
  const leader = leaderIsA ? tie.a : tie.b;
  const aggregate = tie.aggregate!;
  return {
    tieId: tie.tieId,
    competition: tie.competition.code,
    season: tie.season,
    round: tie.round,
    firstLegWinner: leader,
    opponent: leaderIsA ? tie.b : tie.a,
    firstLegWinnerVenue: tie.firstLeg.neutral ? 'neutral' : leaderIsA ? 'home' : 'away',
    margin: Math.abs(tie.firstLegMargin),
    firstLeg: legOf(tie.firstLeg),
    secondLeg: legOf(tie.secondLeg),
    decidingMatch: tie.decidingMatch ? legOf(tie.decidingMatch) : null,
    aggregate: `${aggregate.a}-${aggregate.b}`,
    outcome: (tie.winner === 'A') === leaderIsA ? 'through' : 'eliminated',
    decidedBy: tie.decidedBy,
    settled: settledBy[tie.decidedBy],
  };
}

const settledBy: Record<TieDecision, Settled> = {
  aggregate: 'ninety-minutes',
  'away-goals': 'ninety-minutes',
  'extra-time': 'extra-time',
  'away-goals-extra-time': 'extra-time',
  penalties: 'penalties',
  replay: 'replay',
};

const splitKey: Record<Settled, Exclude<keyof OutcomeSplit, 'total'>> = {
  'ninety-minutes': 'ninetyMinutes',
  'extra-time': 'extraTime',
  penalties: 'penalties',
  replay: 'replay',
};

function legOf(leg: ReconstructedTie['firstLeg']): PrecedentLeg {
  const { ft, et, pens } = leg.score;
  let score = ft ? `${ft[0]}-${ft[1]}` : '-';
  if (et) score += ` aet ${et[0]}-${et[1]}`;
  if (pens) score += ` pens ${pens[0]}-${pens[1]}`;
  return { matchId: leg.matchId, date: leg.date, home: leg.home, away: leg.away, score };
}

function emptySplit(): OutcomeSplit {
  return { total: 0, ninetyMinutes: 0, extraTime: 0, penalties: 0, replay: 0 };
}

/** E.g. "Of 41 UEFA Champions League knockout ties (1955-56 to 2023-24) whose first leg was won away by 3 or more goals, the first-leg winner went out in 1." */
function precedentPhrase(result: PrecedentResult, ties: readonly ReconstructedTie[]): string {
  const q = result.query;
  const competitionNames = new Map(ties.map((t) => [t.competition.code, t.competition.name]));
  const competitions =
    q.competitions.length === 0 ? '' : `${q.competitions.map((c) => competitionNames.get(c) ?? c).join(' / ')} `;
  const rounds = q.rounds === 'all' ? '' : `${q.rounds} `;
  const range = result.seasonRange
    ? ` (${result.seasonRange[0] === result.seasonRange[1] ? result.seasonRange[0] : `${result.seasonRange[0]} to ${result.seasonRange[1]}`})`
    : '';
  const venue = q.firstLegWinner === 'either' ? '' : q.firstLegWinner === 'home' ? ' at home' : ' away';
  const margin = q.firstLegScore
    ? ` ${q.firstLegScore[0]}-${q.firstLegScore[1]}`
    : q.maxMargin === q.minMargin
      ? ` by exactly ${q.minMargin} ${goals(q.minMargin)}`
      : q.minMargin > 1
        ? ` by ${q.minMargin} or more goals${q.maxMargin !== null ? ` (at most ${q.maxMargin})` : ''}`
        : q.maxMargin !== null
          ? ` by at most ${q.maxMargin} ${goals(q.maxMargin)}`
          : '';
  const subject = `${result.count} ${competitions}${rounds}${result.count === 1 ? 'tie' : 'ties'}${range} whose first leg was won${venue}${margin}`;
  if (result.count === 0)
    return `No completed ${competitions}${rounds}tie in the data had a first leg won${venue}${margin}.`;
  const out = result.eliminated.total;
  const verdict =
    out === 0
      ? 'the first-leg winner went through every time'
      : `the first-leg winner was eliminated in ${out} (${((100 * out) / result.count).toFixed(1)}%)`;
  return `Of ${subject}, ${verdict}.`;
}

function goals(n: number): string {
  return n === 1 ? 'goal' : 'goals';
}

function checkQuery(q: PrecedentQuery): void {
  if (!(Number.isInteger(q.minMargin) && q.minMargin >= 1)) {
    throw new MatchdayError(
      'BAD_OPTION',
      `the minimum first-leg margin must be a whole number ≥ 1, got ${q.minMargin}`,
      {
        field: 'min-margin',
      },
    );
  }
  if (q.maxMargin !== null && !(Number.isInteger(q.maxMargin) && q.maxMargin >= q.minMargin)) {
    throw new MatchdayError(
      'BAD_OPTION',
      `the maximum margin must be a whole number ≥ the minimum, got ${q.maxMargin}`,
      {
        field: 'max-margin',
      },
    );
  }
  if (q.firstLegScore && q.firstLegScore[0] === q.firstLegScore[1]) {
    throw new MatchdayError('BAD_OPTION', 'a precedent needs a first-leg winner: the score cannot be a draw', {
      field: 'first-leg-score',
    });
  }
}
