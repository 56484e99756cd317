/**
 * A competition's bracket as of a date (history/bracket-state) turned into each team's chances: the plan the maths
 * runs on, the odds of every tie, and a report with names, pairings and the phrases a preview quotes
 * ("the winners will face Benfica or Marseille").
 */
import { MatchdayError } from '../errors.js';
import type { BracketRoundState, BracketState, BracketTieState } from './bracket-state.js';
import type { TieTeam } from './tie-reconstruction.js';
import { forecastBracket, type SimulationOptions } from './bracket.js';
import { fixedRoundWinners } from './bracket-exact.js';
import { pairOdds, type TieModel } from './bracket-odds.js';
import type { BracketPlan, BracketRound, BracketSide, FixedTie } from './bracket-plan.js';

export interface TeamChances {
  id: number;
  name: string;
  /** Lost a decided tie of the current round. */
  eliminated: boolean;
  /** P(playing in each remaining round), by round name, from the round after the current one. */
  reach: Record<string, number>;
  win: number;
}

export interface TieReport {
  sides: [SideReport, SideReport];
  /** Which side hosts the first leg (0 or 1); null for a single match. */
  firstLegHost: 0 | 1 | null;
  status: BracketTieState['status'];
  /** Scores so far, e.g. "first leg 0-3" or "2-1, 0-0 (agg 2-1)". */
  score: string | null;
  matchIds: number[];
  winner: TieTeam | null;
  /** P(each side goes through), for ties of the current round between two known teams that are not decided. */
  through: [number, number] | null;
  /** For a later tie whose sides are still open: every pairing it can be, most likely first. */
  pairings: { teams: [TieTeam, TieTeam]; probability: number }[] | null;
  phrase: string | null;
}

/**
 * A known team, or the winner of an earlier tie — named by its round and number and, when both its teams are
 * known, them: "QF 1 (Arsenal v Bayern)" — with the chance of each team that can fill the slot.
 */
export type SideReport =
  { team: TieTeam } | { winnerOf: string; candidates: { team: TieTeam; probability: number | null }[] };

export interface RoundReport {
  name: string;
  format: BracketRoundState['format'];
  /** fixed: the pairings are known; draw: still to be drawn. */
  pairing: 'fixed' | 'draw';
  knownBecause: BracketRoundState['knownBecause'];
  ties: TieReport[];
  entrants: TieTeam[];
}

export interface BracketReport {
  competition: BracketState['competition'];
  season: string;
  asOf: string;
  /** Index into `rounds` of the first round not decided; null when the competition is over. */
  currentRound: number | null;
  champion: TieTeam | null;
  method: 'exact' | 'monte-carlo' | 'decided';
  simulation: { runs: number; seed: number; threads: number; maxStandardError: number } | null;
  rounds: RoundReport[];
  /** Teams of the current round and later entrants, most likely winner first. */
  teams: TeamChances[];
  phrases: string[];
}

/** Each team's chance of reaching each remaining round and of winning, with the bracket described. */
export async function forecastBracketState(
  state: BracketState,
  model: TieModel,
  simulation: SimulationOptions = {},
): Promise<BracketReport> {
  const rounds = state.rounds.map((round, r) => roundReport(state, round, r));
  const base = {
    competition: state.competition,
    season: state.season,
    asOf: state.asOf,
    currentRound: state.currentRound,
    champion: state.champion,
    rounds,
  };
  if (state.currentRound === null) {
    return { ...base, method: 'decided', simulation: null, teams: [], phrases: phrasesOf(state, rounds) };
  }
  const where = `${state.competition.name} ${state.season} as of ${state.asOf}`;
  const current = state.rounds[state.currentRound];
  if (current.knownBecause === null) {
    throw new MatchdayError('BRACKET_NOT_DRAWN', `${where}: the ${current.name} pairings are not known yet`);
  }
  const { plan, teams, live } = bracketPlan(state, state.currentRound, model);
  const forecast = await forecastBracket(plan, simulation).catch((error: unknown) => {
    // A tie missing from (or doubled in) the data leaves rounds that do not pair up.
    if (error instanceof MatchdayError && error.code === 'INVALID_BRACKET') {
      throw new MatchdayError(
        'INVALID_BRACKET',
        `${where}: the data's bracket does not hold together: ${error.message}`,
      );
    }
    throw error;
  });
  const later = state.rounds.slice(state.currentRound + 1);
  const chances: TeamChances[] = teams.map((team, i) => ({
    id: team.id,
    name: team.name,
    eliminated: !live.has(team.id),
    reach: Object.fromEntries(later.map((round, r) => [round.name, forecast.reach[r + 1][i]])),
    win: forecast.champion[i],
  }));
  chances.sort((x, y) => y.win - x.win || x.name.localeCompare(y.name));

  describeOdds(rounds, state.currentRound, plan, teams);
  return {
    ...base,
    method: forecast.method,
    simulation:
      forecast.method === 'monte-carlo'
        ? {
            runs: forecast.runs,
            seed: forecast.seed,
            threads: forecast.threads,
            maxStandardError: forecast.maxStandardError,
          }
        : null,
    teams: chances,
    phrases: phrasesOf(state, rounds),
  };
}

/**
 * The plan from the current round on: teams by index (the current round's, then later entrants), each tie's odds
 * (decided 1/0, under way from the tie forecast, otherwise from the pairing odds).
 */
export function bracketPlan(
  state: BracketState,
  from: number,
  model: TieModel,
): { plan: BracketPlan; teams: TieTeam[]; live: Set<number> } {
  const teams: TieTeam[] = [];
  const indexOf = new Map<number, number>();
  const add = (team: TieTeam): number => {
    let index = indexOf.get(team.id);
    if (index === undefined) {
      index = teams.length;
      teams.push(team);
      indexOf.set(team.id, index);
    }
    return index;
  };
  const live = new Set<number>();
  const rounds: BracketRound[] = state.rounds.slice(from).map((round, r): BracketRound => {
    if (round.knownBecause === null) {
      return {
        name: round.name,
        format: round.format,
        pairing: 'draw',
        entrants: round.entrants.map((t) => {
          live.add(t.id);
          return add(t);
        }),
      };
    }
    const ties = round.ties.map((tie): FixedTie => {
      const sides = tie.sides.map((side): BracketSide => {
        if ('winnerOf' in side) return { winnerOf: side.winnerOf };
        if (r > 0 || tie.status !== 'decided' || tie.winner?.id === side.team.id) live.add(side.team.id);
        return { team: add(side.team) };
      }) as [BracketSide, BracketSide];
      return { sides, firstLegHost: tie.firstLegHost, sideZeroThrough: r === 0 ? givenOdds(tie, model) : null };
    });
    return { name: round.name, format: round.format, pairing: 'fixed', ties };
  });
  const formats = {
    twoLegged: rounds.some((round) => round.format === 'two-legged'),
    singleNeutral: rounds.some((round) => round.format === 'single-neutral'),
  };
  const liveIds = teams.map((t) => (live.has(t.id) ? t.id : null));
  const plan = { teamCount: teams.length, rounds, odds: pairOdds(model, liveIds, formats) };
  return { plan, teams, live };
}

/** P(side 0 through) for a tie of the current round that does not come from the pairing odds. */
function givenOdds(tie: BracketTieState, model: TieModel): number | null {
  const side0 = tie.sides[0];
  if (!('team' in side0)) return null;
  if (tie.status === 'decided') return tie.winner?.id === side0.team.id ? 1 : 0;
  if (tie.status === 'in-progress' && tie.tie) {
    // A completed tie with no winner in the data (coin toss, replay missing): even.
    if (tie.tie.progress === 'completed') return 0.5;
    const pA = model.secondLeg(tie.tie.a.id, tie.tie.b.id, tie.tie.stateBeforeSecondLeg!);
    return tie.tie.a.id === side0.team.id ? pA : 1 - pA;
  }
  return null;
}

/**
 * Fills in the odds the report shows, from the exact winner distributions of the fixed rounds: each undecided
 * current-round tie's P(through), and for later fixed rounds each open slot's candidates and each tie's pairings.
 */
function describeOdds(rounds: RoundReport[], current: number, plan: BracketPlan, teams: TieTeam[]): void {
  const { tieWinner } = fixedRoundWinners(plan);
  tieWinner.forEach((winners, r) => {
    const round = rounds[current + r];
    const planned = plan.rounds[r];
    if (planned.pairing !== 'fixed') return;
    round.ties.forEach((tie, k) => {
      const [d0, d1] = planned.ties[k].sides.map((side) => sideDistribution(side, tieWinner[r - 1], teams.length));
      if (r === 0) {
        if (tie.status === 'decided') return;
        const [a, b] = planned.ties[k].sides.map((side) => (side as { team: number }).team);
        tie.through = [winners[k][a], winners[k][b]];
        return;
      }
      tie.sides.forEach((side, s) => {
        if (!('winnerOf' in side)) return;
        const distribution = s === 0 ? d0 : d1;
        for (const candidate of side.candidates)
          candidate.probability = distribution[indexOfTeam(teams, candidate.team)];
      });
      const pairings: NonNullable<TieReport['pairings']> = [];
      for (let x = 0; x < teams.length; x++) {
        for (let y = 0; y < teams.length; y++) {
          if (d0[x] > 0 && d1[y] > 0) pairings.push({ teams: [teams[x], teams[y]], probability: d0[x] * d1[y] });
        }
      }
      tie.pairings = pairings.sort((p, q) => q.probability - p.probability);
    });
  });
}

function sideDistribution(side: BracketSide, previous: Float64Array[] | undefined, n: number): Float64Array {
  if ('winnerOf' in side) return previous![side.winnerOf];
  const point = new Float64Array(n);
  point[side.team] = 1;
  return point;
}

function indexOfTeam(teams: readonly TieTeam[], team: TieTeam): number {
  return teams.findIndex((t) => t.id === team.id);
}

function roundReport(state: BracketState, round: BracketRoundState, r: number): RoundReport {
  const previous = state.rounds[r - 1];
  return {
    name: round.name,
    format: round.format,
    pairing: round.knownBecause === null ? 'draw' : 'fixed',
    knownBecause: round.knownBecause,
    entrants: round.entrants,
    ties: round.ties.map((tie) => ({
      sides: tie.sides.map((side): SideReport => {
        if ('team' in side) return { team: side.team };
        const fed = previous.ties[side.winnerOf];
        return {
          winnerOf: feederLabel(state, r - 1, side.winnerOf),
          candidates: candidates(state, r - 1, fed).map((team) => ({ team, probability: null })),
        };
      }) as [SideReport, SideReport],
      firstLegHost: tie.firstLegHost,
      status: tie.status,
      score: scoreOf(tie),
      matchIds: tie.tie ? [tie.tie.firstLeg.matchId, tie.tie.secondLeg.matchId] : tie.match ? [tie.match.matchId] : [],
      winner: tie.winner,
      through: null,
      pairings: null,
      phrase: null,
    })),
  };
}

/** "Liverpool v Atalanta", or "Liverpool v winner of QF 2" for a slot still open. */
function tieLabel(state: BracketState, r: number, k: number): string {
  const tie = state.rounds[r].ties[k];
  const sideLabel = (side: BracketTieState['sides'][number]): string =>
    'team' in side ? side.team.name : `winner of ${tieNumber(state.rounds[r - 1].name, side.winnerOf)}`;
  return `${sideLabel(tie.sides[0])} v ${sideLabel(tie.sides[1])}`;
}

/**
 * The tie a later slot's team comes from: "QF 1 (Arsenal v Bayern)" when both its teams are known, else just
 * "SF 1" — naming its feeders in turn would read "winner of winner of …"; the slot's candidates name the teams.
 */
function feederLabel(state: BracketState, r: number, k: number): string {
  const tie = state.rounds[r].ties[k];
  const number = tieNumber(state.rounds[r].name, k);
  return tie.sides.every((side) => 'team' in side) ? `${number} (${tieLabel(state, r, k)})` : number;
}

/** A tie by its round's short name and its place in the round: "QF 1", "SF 2", "R16 3", "Play-offs 4". */
function tieNumber(roundName: string, k: number): string {
  const sixteen = /round of (\d+)/i.exec(roundName);
  const short = /quarter/i.test(roundName)
    ? 'QF'
    : /semi/i.test(roundName)
      ? 'SF'
      : sixteen
        ? `R${sixteen[1]}`
        : roundName;
  return `${short} ${k + 1}`;
}

/** The teams that can come out of a tie. */
function candidates(state: BracketState, r: number, tie: BracketTieState): TieTeam[] {
  if (tie.winner) return [tie.winner];
  return tie.sides.flatMap((side) =>
    'team' in side ? [side.team] : candidates(state, r - 1, state.rounds[r - 1].ties[side.winnerOf]),
  );
}

function scoreOf(tie: BracketTieState): string | null {
  if (tie.match) return tie.match.score;
  const t = tie.tie;
  if (!t || !t.firstLeg.score.ft) return null;
  const first = t.firstLeg.score.ft;
  if (t.progress !== 'completed' || !t.aggregate) return `first leg ${first[0]}-${first[1]}`;
  const second = t.secondLeg.score;
  let text = `${first[0]}-${first[1]}, ${second.ft ? `${second.ft[0]}-${second.ft[1]}` : '-'}`;
  if (second.et) text += ` aet ${second.et[0]}-${second.et[1]}`;
  if (second.pens) text += ` pens ${second.pens[0]}-${second.pens[1]}`;
  return `${text} (agg ${t.aggregate.a}-${t.aggregate.b})`;
}

/**
 * For each undecided tie between known teams: who its winners meet next — "The winners of Liverpool v Atalanta
 * will face SL Benfica or Olympique Marseille in the semi-finals." — or that they go into the draw.
 */
function phrasesOf(state: BracketState, rounds: RoundReport[]): string[] {
  if (state.currentRound === null) {
    const final = rounds.at(-1)!;
    return state.champion ? [`${state.champion.name} won the ${final.name.toLowerCase()}.`] : [];
  }
  const r = state.currentRound;
  const next = state.rounds[r + 1];
  const phrases: string[] = [];
  state.rounds[r].ties.forEach((tie, k) => {
    if (tie.status === 'decided' || !tie.sides.every((s) => 'team' in s)) return;
    const label = tieLabel(state, r, k);
    let phrase: string;
    if (!next) {
      phrase = `The winners of ${label} win the competition.`;
    } else if (next.knownBecause === null) {
      phrase = `The winners of ${label} go into the draw for the ${next.name.toLowerCase()}.`;
    } else {
      const nextTie = next.ties.find((t) => t.sides.some((s) => 'winnerOf' in s && s.winnerOf === k));
      const opponent = nextTie?.sides.find((s) => !('winnerOf' in s && s.winnerOf === k));
      const names = opponent
        ? 'team' in opponent
          ? [opponent.team.name]
          : candidates(state, r, state.rounds[r].ties[opponent.winnerOf]).map((t) => t.name)
        : [];
      phrase =
        names.length === 0
          ? `The winners of ${label} go through to the ${next.name.toLowerCase()}.`
          : `The winners of ${label} will face ${names.join(' or ')} in the ${next.name.toLowerCase()}.`;
    }
    rounds[r].ties[k].phrase = phrase;
    phrases.push(phrase);
  });
  return phrases;
}
