/**
 * Exact qualification odds for a two-legged tie (and a single-match final): the second-leg grid convolved with the
 * state after the first leg, then extra time and penalties where the rules send the tie there.
 *
 * Convention: team B is at home in the second leg and team A away (so A usually hosted the first leg). Grids are
 * oriented as always, home (B) first: p[b * (maxGoals + 1) + a].
 *
 * Truncated mass: each grid is conditioned on itself (divided by its mass), so P(A) + P(B) = 1; the masses are
 * reported. The scores a grid leaves out are all extreme and would be shared out in proportion anyway.
 */
import type { TieRules } from '../competitions/competition.js';
import { MatchdayError } from '../errors.js';
import { scoreAnalysis } from '../forecast/score-analysis.js';
import type { ScoreGrid } from '../models/score-grid.js';

/** The part of a competition's tie rules the exact maths reads (the registry's TieRules has them). */
export type AwayGoalsRules = Pick<TieRules, 'awayGoals' | 'awayGoalsInExtraTime'>;

/** A single match: level after extra time goes to penalties, with no away goals. */
const SINGLE_MATCH: AwayGoalsRules = { awayGoals: false, awayGoalsInExtraTime: false };

/** The tie before the second leg. */
export interface TieState {
  /** Aggregate goals so far. */
  goalsA: number;
  goalsB: number;
  /** Of those, the goals each side scored away from home. */
  awayGoalsA: number;
  awayGoalsB: number;
}

/** State after a first leg played at A's ground: A scored `homeGoalsA`, B scored `awayGoalsB` (away goals). */
export function tieStateAfterFirstLeg(homeGoalsA: number, awayGoalsB: number): TieState {
  return { goalsA: homeGoalsA, goalsB: awayGoalsB, awayGoalsA: 0, awayGoalsB };
}

export interface TieOptions {
  state: TieState;
  /** 90 minutes of the second leg, B at home. */
  secondLeg: ScoreGrid;
  /** 30 minutes of extra time, B at home (see poisson-grid's extraTimeGrid). */
  extraTime: ScoreGrid;
  rules: AwayGoalsRules;
  /** P(B, the second leg's home side, wins a shoot-out). Default 0.5. */
  penaltyHomeWin?: number;
  /** How many likely second-leg scores to list. Default 5. */
  topScores?: number;
  /** Names used in the phrase. Default "Team A" / "Team B". */
  names?: { a: string; b: string };
}

/** P(through) and how: in 90 minutes (aggregate or away goals), in extra time, on penalties. */
export interface QualificationSplit {
  total: number;
  ninetyMinutes: number;
  extraTime: number;
  penalties: number;
}

export interface SecondLegScore {
  /** B's goals (home side). */
  home: number;
  /** A's goals. */
  away: number;
  probability: number;
  /** Who is through at full time of the second leg, or whether it goes to extra time. */
  afterNinety: 'A' | 'B' | 'extra-time';
  decidedBy: 'aggregate' | 'away-goals' | null;
  /** P(A through | this second-leg score): 0 or 1, or the extra-time chance. */
  probabilityAThrough: number;
}

/** One way for the trailing team to go through or force extra time. */
export interface NeedRule {
  result: 'through' | 'extra-time';
  /** The trailing team's second-leg winning margin; 0 is a draw. */
  winBy: number;
  /** Away goals only: at the margin that levels the aggregate, the trailing team's goals scored or conceded matter. */
  condition: { goals: 'scored' | 'conceded'; comparison: 'at-least' | 'at-most' | 'exactly'; count: number } | null;
  /** The lowest-scoring second-leg result that meets the rule, from the trailing team's side. */
  example: { scored: number; conceded: number };
}

export interface TieNeeds {
  /** The side that is out if the second leg ends 0-0; null when 0-0 sends the tie to extra time. */
  trailing: 'A' | 'B' | null;
  /** Aggregate goals the trailing side is behind (0 when only away goals separate the sides). */
  deficit: number;
  rules: NeedRule[];
  /** E.g. "Liverpool need to win by 3 to force extra time, or win by 4 to go through." */
  phrase: string;
}

export interface TieForecast {
  a: QualificationSplit;
  b: QualificationSplit;
  /** P(the tie reaches extra time), P(it reaches penalties). */
  extraTime: number;
  penalties: number;
  mostLikelySecondLegScores: SecondLegScore[];
  needs: TieNeeds;
  secondLegMass: number;
  extraTimeMass: number;
}

/** Exact P(each side through) for a two-legged tie before its second leg. */
export function twoLeggedTie(options: TieOptions): TieForecast {
  const { state, secondLeg, extraTime, rules } = options;
  checkState(state);
  if (!rules.awayGoals && rules.awayGoalsInExtraTime) {
    throw new MatchdayError('INVALID_ARGUMENT', 'away goals in extra time need the away-goals rule', {
      field: 'rules',
    });
  }
  const penaltyHomeWin = options.penaltyHomeWin ?? 0.5;
  if (!(penaltyHomeWin >= 0 && penaltyHomeWin <= 1)) {
    throw new MatchdayError('INVALID_ARGUMENT', `penalty probability must lie in [0, 1], got ${penaltyHomeWin}`, {
      field: 'penaltyHomeWin',
    });
  }

  const ninety = secondLeg.p;
  const size = secondLeg.maxGoals + 1;
  const secondLegMass = gridMass(secondLeg, 'secondLeg');
  const extraTimeMass = gridMass(extraTime, 'extraTime');
  const afterExtraTime = resolveExtraTime(extraTime, extraTimeMass, rules, penaltyHomeWin);

  let aIn90 = 0;
  let bIn90 = 0;
  let reachExtraTime = 0;
  for (let b = 0; b < size; b++) {
    for (let a = 0; a < size; a++) {
      const v = ninety[b * size + a];
      const winner = afterSecondLeg(state, rules, b, a).winner;
      if (winner === 'A') aIn90 += v;
      else if (winner === 'B') bIn90 += v;
      else reachExtraTime += v;
    }
  }
  aIn90 /= secondLegMass;
  bIn90 /= secondLegMass;
  reachExtraTime /= secondLegMass;

  const a: QualificationSplit = {
    ninetyMinutes: aIn90,
    extraTime: reachExtraTime * afterExtraTime.aInExtraTime,
    penalties: reachExtraTime * afterExtraTime.aOnPenalties,
    total: 0,
  };
  const b: QualificationSplit = {
    ninetyMinutes: bIn90,
    extraTime: reachExtraTime * afterExtraTime.bInExtraTime,
    penalties: reachExtraTime * afterExtraTime.bOnPenalties,
    total: 0,
  };
  a.total = a.ninetyMinutes + a.extraTime + a.penalties;
  b.total = b.ninetyMinutes + b.extraTime + b.penalties;

  const aThroughAfterExtraTime = afterExtraTime.aInExtraTime + afterExtraTime.aOnPenalties;
  const mostLikelySecondLegScores = scoreAnalysis(secondLeg, options.topScores ?? 5, 1 / secondLegMass).overall.map(
    (score): SecondLegScore => {
      const outcome = afterSecondLeg(state, rules, score.home, score.away);
      return {
        ...score,
        afterNinety: outcome.winner,
        decidedBy: outcome.decidedBy,
        probabilityAThrough: outcome.winner === 'A' ? 1 : outcome.winner === 'B' ? 0 : aThroughAfterExtraTime,
      };
    },
  );

  return {
    a,
    b,
    extraTime: reachExtraTime,
    penalties: reachExtraTime * afterExtraTime.penalties,
    mostLikelySecondLegScores,
    needs: tieNeeds(state, rules, options.names ?? { a: 'Team A', b: 'Team B' }),
    secondLegMass,
    extraTimeMass,
  };
}

export interface SingleMatchOptions {
  /** 90 minutes at a neutral venue (or the listed home side's ground). */
  match: ScoreGrid;
  extraTime: ScoreGrid;
  /** P(the grid's home side wins a shoot-out). Default 0.5. */
  penaltyHomeWin?: number;
  topScores?: number;
}

export interface SingleMatchScore {
  home: number;
  away: number;
  probability: number;
  /** The winner at full time, or extra time. */
  afterNinety: 'home' | 'away' | 'extra-time';
  /** P(the home side wins | this 90-minute score). */
  probabilityHomeWins: number;
}

export interface SingleMatchForecast {
  home: QualificationSplit;
  away: QualificationSplit;
  extraTime: number;
  penalties: number;
  mostLikelyScores: SingleMatchScore[];
  matchMass: number;
  extraTimeMass: number;
}

/** A one-off knockout match (a final): 90 minutes, then extra time, then penalties. */
export function singleMatchKnockout(options: SingleMatchOptions): SingleMatchForecast {
  // A single match is a second leg from 0-0 without away goals; A is the grid's away side.
  const tie = twoLeggedTie({
    state: { goalsA: 0, goalsB: 0, awayGoalsA: 0, awayGoalsB: 0 },
    secondLeg: options.match,
    extraTime: options.extraTime,
    rules: SINGLE_MATCH,
    penaltyHomeWin: options.penaltyHomeWin,
    topScores: options.topScores,
  });
  return {
    home: tie.b,
    away: tie.a,
    extraTime: tie.extraTime,
    penalties: tie.penalties,
    mostLikelyScores: tie.mostLikelySecondLegScores.map((score) => ({
      home: score.home,
      away: score.away,
      probability: score.probability,
      afterNinety: score.afterNinety === 'A' ? 'away' : score.afterNinety === 'B' ? 'home' : 'extra-time',
      probabilityHomeWins: 1 - score.probabilityAThrough,
    })),
    matchMass: tie.secondLegMass,
    extraTimeMass: tie.extraTimeMass,
  };
}

export interface SecondLegOutcome {
  winner: 'A' | 'B' | 'extra-time';
  decidedBy: 'aggregate' | 'away-goals' | null;
}

/** Who is through after a second leg ending homeGoalsB–awayGoalsA. */
export function afterSecondLeg(
  state: TieState,
  rules: AwayGoalsRules,
  homeGoalsB: number,
  awayGoalsA: number,
): SecondLegOutcome {
  const aggregateA = state.goalsA + awayGoalsA;
  const aggregateB = state.goalsB + homeGoalsB;
  if (aggregateA !== aggregateB) return { winner: aggregateA > aggregateB ? 'A' : 'B', decidedBy: 'aggregate' };
  if (rules.awayGoals) {
    // B's second-leg goals are home goals; every second-leg goal of A is an away goal.
    const awayA = state.awayGoalsA + awayGoalsA;
    const awayB = state.awayGoalsB;
    if (awayA !== awayB) return { winner: awayA > awayB ? 'A' : 'B', decidedBy: 'away-goals' };
  }
  return { winner: 'extra-time', decidedBy: null };
}

/** P(A, the second leg's visitor, goes through | the tie reaches extra time): extra time, then the decider. */
export function aThroughFromExtraTime(extraTime: ScoreGrid, rules: AwayGoalsRules, penaltyHomeWin = 0.5): number {
  const outcome = resolveExtraTime(extraTime, gridMass(extraTime, 'extraTime'), rules, penaltyHomeWin);
  return outcome.aInExtraTime + outcome.aOnPenalties;
}

interface ExtraTimeOutcome {
  aInExtraTime: number;
  bInExtraTime: number;
  aOnPenalties: number;
  bOnPenalties: number;
  penalties: number;
}

/**
 * Extra time starts level on aggregate (and on away goals when they count), so how it ends does not depend on the
 * second-leg score that led there: one pass over the extra-time grid serves every such score.
 */
function resolveExtraTime(
  grid: ScoreGrid,
  mass: number,
  rules: AwayGoalsRules,
  penaltyHomeWin: number,
): ExtraTimeOutcome {
  const size = grid.maxGoals + 1;
  let aWins = 0;
  let bWins = 0;
  let penalties = 0;
  for (let b = 0; b < size; b++) {
    for (let a = 0; a < size; a++) {
      const v = grid.p[b * size + a];
      if (a > b) aWins += v;
      else if (b > a) bWins += v;
      // Level after extra time: A's extra-time goals are away goals, so a score draw puts A through.
      else if (rules.awayGoalsInExtraTime && a > 0) aWins += v;
      else penalties += v;
    }
  }
  aWins /= mass;
  bWins /= mass;
  penalties /= mass;
  return {
    aInExtraTime: aWins,
    bInExtraTime: bWins,
    aOnPenalties: penalties * (1 - penaltyHomeWin),
    bOnPenalties: penalties * penaltyHomeWin,
    penalties,
  };
}

/** What the trailing side needs from the second leg, as rules and a phrase. */
export function tieNeeds(state: TieState, rules: AwayGoalsRules, names: { a: string; b: string }): TieNeeds {
  checkState(state);
  const difference = state.goalsA - state.goalsB;
  // Away-goal balance that decides a level aggregate after a 0-0 second leg: positive favours B.
  const awayBalance = state.awayGoalsB - state.awayGoalsA;
  let trailing: 'A' | 'B' | null;
  if (difference !== 0) trailing = difference < 0 ? 'A' : 'B';
  else if (rules.awayGoals && awayBalance !== 0) trailing = awayBalance > 0 ? 'A' : 'B';
  else trailing = null;

  if (trailing === null) {
    const phrase = rules.awayGoals
      ? `The tie is level on aggregate and on away goals: the second-leg winner goes through, 0-0 forces extra ` +
        `time and a score draw takes ${names.a} through on away goals.`
      : 'The tie is level on aggregate: the second-leg winner goes through and a draw forces extra time.';
    return { trailing, deficit: 0, rules: [], phrase };
  }

  const deficit = Math.abs(difference);
  const needRules: NeedRule[] = [];
  if (!rules.awayGoals) {
    needRules.push(rule('through', deficit + 1, null, deficit + 1, 0));
    needRules.push(rule('extra-time', deficit, null, deficit, 0));
  } else if (trailing === 'A') {
    // A is away in the second leg: at a level aggregate, each goal A scores is an away goal, so scoring more helps.
    // A through iff A's second-leg goals > awayBalance; extra time iff equal.
    const needed = awayBalance + 1;
    if (needed <= deficit) {
      needRules.push(rule('through', deficit, null, deficit, 0));
    } else {
      needRules.push(rule('through', deficit + 1, null, deficit + 1, 0));
      needRules.push(
        rule('through', deficit, { goals: 'scored', comparison: 'at-least', count: needed }, needed, needed - deficit),
      );
      needRules.push(
        rule(
          'extra-time',
          deficit,
          { goals: 'scored', comparison: 'exactly', count: needed - 1 },
          needed - 1,
          needed - 1 - deficit,
        ),
      );
    }
  } else {
    // B is at home: at a level aggregate, each goal B concedes is an away goal for A, so conceding fewer helps.
    // B through iff the goals it concedes stay below awayBalance (A's away goals stay below B's); extra time iff equal.
    needRules.push(rule('through', deficit + 1, null, deficit + 1, 0));
    if (awayBalance >= 1) {
      needRules.push(
        rule('through', deficit, { goals: 'conceded', comparison: 'at-most', count: awayBalance - 1 }, deficit, 0),
      );
    }
    if (awayBalance >= 0) {
      needRules.push(
        rule(
          'extra-time',
          deficit,
          { goals: 'conceded', comparison: 'exactly', count: awayBalance },
          deficit + awayBalance,
          awayBalance,
        ),
      );
    }
  }
  const name = trailing === 'A' ? names.a : names.b;
  return { trailing, deficit, rules: needRules, phrase: needsPhrase(name, deficit, needRules) };
}

function rule(
  result: NeedRule['result'],
  winBy: number,
  condition: NeedRule['condition'],
  scored: number,
  conceded: number,
): NeedRule {
  return { result, winBy, condition, example: { scored, conceded } };
}

function needsPhrase(name: string, deficit: number, needRules: readonly NeedRule[]): string {
  const through = needRules.filter((r) => r.result === 'through');
  const extraTime = needRules.find((r) => r.result === 'extra-time');
  // Without away goals the margin alone decides: "win by 3 to force extra time, by 4 to go through".
  if (extraTime && extraTime.condition === null) {
    return `${name} need to win by ${extraTime.winBy} to force extra time, by ${through[0].winBy} to go through.`;
  }
  const describe = (r: NeedRule): string => {
    const margin = r.winBy === 0 ? 'draw' : r.winBy === 1 && deficit === 0 ? 'win' : `win by ${r.winBy}`;
    const score = `${r.example.scored}-${r.example.conceded}`;
    const c = r.condition;
    if (c === null) return margin;
    if (c.goals === 'scored') {
      return r.winBy === 0 ? `draw ${score} or higher` : `${margin} scoring at least ${c.count}`;
    }
    if (c.count === 0) return `${margin} without conceding`;
    return r.winBy === 0 ? `draw ${score} or lower` : `${margin} conceding at most ${c.count}`;
  };
  // Unconditional (bigger) margins first, then the away-goals conditions at the level margin.
  const parts = [...through].sort((x, y) => y.winBy - x.winBy).map(describe);
  const goThrough = parts.length > 1 ? `${parts.join(', or ')}, to go through` : `${parts[0]} to go through`;
  if (!extraTime) return `${name} need to ${goThrough}.`;
  const extraTimeScore = `${extraTime.example.scored}-${extraTime.example.conceded}`;
  const result = extraTime.winBy === 0 ? 'draw' : 'win';
  return `${name} need to ${goThrough}; a ${extraTimeScore} ${result} forces extra time.`;
}

function checkState(state: TieState): void {
  const { goalsA, goalsB, awayGoalsA, awayGoalsB } = state;
  for (const [field, v] of Object.entries(state)) {
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new MatchdayError('INVALID_ARGUMENT', `tie state ${field} must be a non-negative integer, got ${v}`, {
        field,
      });
    }
  }
  if (awayGoalsA > goalsA || awayGoalsB > goalsB) {
    throw new MatchdayError('INVALID_ARGUMENT', 'away goals cannot exceed a side’s aggregate goals', {
      field: 'state',
    });
  }
}

function gridMass(grid: ScoreGrid, field: string): number {
  let mass = 0;
  for (let i = 0; i < grid.p.length; i++) {
    const v = grid.p[i];
    if (!(v >= 0 && v <= 1)) {
      throw new MatchdayError('INVALID_GRID', `cell ${i} has probability ${v}`, { field });
    }
    mass += v;
  }
  if (!(mass > 0)) throw new MatchdayError('INVALID_GRID', 'grid has no probability mass', { field });
  return mass;
}
