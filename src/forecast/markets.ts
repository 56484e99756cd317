/**
 * Every betting market from one score grid.
 *
 * Truncated mass: markets are computed on the grid as given, so each market's probabilities sum to the grid's mass
 * (1 − truncatedMass), and `mass`/`truncatedMass` are reported beside them. With `normalise: true` every probability
 * is divided by the mass instead (conditional on the score lying inside the grid) and each market sums to 1.
 * Fair odds are always the conditional ones (a complete market's inverse fair odds sum to 1): the few scores a grid
 * leaves out are not allowed to bias a price. With maxGoals 10 and ordinary rates the mass left out is ~1e-7.
 */
import { MatchdayError } from '../errors.js';
import type { ScoreGrid } from '../models/score-grid.js';
import { summariseGrid, type GridSummary } from './grid-summary.js';
import {
  checkQuarterLine,
  counterpartyOf,
  fairOdds,
  settleOnDistribution,
  type IntegerDistribution,
  type SettledBet,
} from './line-settlement.js';
import { scoreAnalysis, type ScoreAnalysis, type Scoreline } from './score-analysis.js';

export type { SettledBet } from './line-settlement.js';
export type { Scoreline, ScoreAnalysis } from './score-analysis.js';

/** 1X2. */
export interface MatchResult {
  home: number;
  draw: number;
  away: number;
  fairOdds: { home: number; draw: number; away: number };
}

export interface DoubleChance {
  homeOrDraw: number;
  homeOrAway: number;
  drawOrAway: number;
  fairOdds: { homeOrDraw: number; homeOrAway: number; drawOrAway: number };
}

/** Stake returned on a draw: the Asian handicap 0 line. */
export interface DrawNoBet {
  home: SettledBet;
  away: SettledBet;
}

/** Over/under one line of a goal count (match total or one side's goals). */
export interface TotalLine {
  line: number;
  over: SettledBet;
  under: SettledBet;
}

/** Asian handicap: `line` is the home side's handicap; the away side gets −line. */
export interface HandicapLine {
  line: number;
  home: SettledBet;
  away: SettledBet;
}

export interface BothTeamsToScore {
  yes: number;
  no: number;
  fairOdds: { yes: number; no: number };
}

export interface WinToNil {
  home: number;
  away: number;
  fairOdds: { home: number; away: number };
}

export interface ExpectedGoals {
  /** From the grid: Σ goals·p (slightly below the model's when mass is truncated and not normalised). */
  home: number;
  away: number;
  total: number;
  /** The goal model's own expectations (not truncated). */
  model: { home: number; away: number; total: number };
}

/** 3 for a win, 1 for a draw. */
export interface ExpectedPoints {
  home: number;
  away: number;
}

export interface CorrectScore extends Scoreline {
  fairOdds: number;
}

export interface MarketOptions {
  /** Match total lines, any multiple of 0.25. Default 0.5 … 5.5. */
  totalLines?: readonly number[];
  /** Lines for each side's own goals. Default 0.5, 1.5, 2.5. */
  teamTotalLines?: readonly number[];
  /** Home handicaps. Default −2 … +2 in quarter steps. */
  handicapLines?: readonly number[];
  /** How many scorelines the score analysis lists, overall and per result. Default 5. */
  topScorelines?: number;
  /** Condition every probability on the grid (divide by its mass). Default false. */
  normalise?: boolean;
}

export interface Markets {
  maxGoals: number;
  /** Σp over the grid. */
  mass: number;
  /** The grid's reported 1 − Σp under the model. */
  truncatedMass: number;
  normalised: boolean;
  result: MatchResult;
  doubleChance: DoubleChance;
  drawNoBet: DrawNoBet;
  totals: TotalLine[];
  teamTotals: { home: TotalLine[]; away: TotalLine[] };
  asianHandicap: HandicapLine[];
  bothTeamsToScore: BothTeamsToScore;
  winToNil: WinToNil;
  expectedGoals: ExpectedGoals;
  expectedPoints: ExpectedPoints;
  scoreAnalysis: ScoreAnalysis;
  correctScore: CorrectScoreMarket;
}

/**
 * Correct score over every cell of the grid. The list of 121-odd cells is built on first use (most callers only
 * want the score analysis); JSON output includes it.
 */
export class CorrectScoreMarket {
  #list: CorrectScore[] | undefined;

  constructor(
    readonly grid: ScoreGrid,
    /** Multiplies every probability: 1, or 1 / mass to condition on the grid. */
    readonly scale: number,
  ) {}

  probability(home: number, away: number): number {
    return correctScore(this.grid, home, away) * this.scale;
  }

  /** Every cell with its fair price, in grid order. */
  list(): readonly CorrectScore[] {
    this.#list ??= correctScoreList(this.grid, this.scale);
    return this.#list;
  }

  toJSON(): readonly CorrectScore[] {
    return this.list();
  }
}

export const DEFAULT_TOTAL_LINES: readonly number[] = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5];
export const DEFAULT_TEAM_TOTAL_LINES: readonly number[] = [0.5, 1.5, 2.5];
export const DEFAULT_HANDICAP_LINES: readonly number[] = [
  -2, -1.75, -1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2,
];

/** All markets from one grid, in one pass over it (the correct-score list is built on demand). */
export function computeMarkets(grid: ScoreGrid, options: MarketOptions = {}): Markets {
  const normalised = options.normalise ?? false;
  const summary = summariseGrid(grid, normalised);
  const totalLines = options.totalLines ?? DEFAULT_TOTAL_LINES;
  const teamTotalLines = options.teamTotalLines ?? DEFAULT_TEAM_TOTAL_LINES;
  const handicapLines = options.handicapLines ?? DEFAULT_HANDICAP_LINES;
  const scale = summary.total / summary.mass;

  return {
    maxGoals: grid.maxGoals,
    mass: summary.mass,
    truncatedMass: grid.truncatedMass,
    normalised,
    result: matchResult(summary),
    doubleChance: doubleChance(summary),
    drawNoBet: drawNoBet(summary),
    totals: totalLines.map((line) => totalGoalsLine(summary, line)),
    teamTotals: {
      home: teamTotalLines.map((line) => teamTotalLine(summary, 'home', line)),
      away: teamTotalLines.map((line) => teamTotalLine(summary, 'away', line)),
    },
    asianHandicap: handicapLines.map((line) => asianHandicap(summary, line)),
    bothTeamsToScore: bothTeamsToScore(summary),
    winToNil: winToNil(summary),
    expectedGoals: expectedGoals(grid, summary),
    expectedPoints: expectedPoints(summary),
    scoreAnalysis: scoreAnalysis(grid, options.topScorelines ?? 5, scale),
    correctScore: new CorrectScoreMarket(grid, scale),
  };
}

/** A grid, or its one-pass summary when several markets are wanted from it. */
export type MarketSource = ScoreGrid | GridSummary;

function summaryOf(source: MarketSource): GridSummary {
  return 'p' in source ? summariseGrid(source) : source;
}

export function matchResult(source: MarketSource): MatchResult {
  const s = summaryOf(source);
  return {
    home: s.homeWin,
    draw: s.draw,
    away: s.awayWin,
    fairOdds: {
      home: fairOdds(s.homeWin, s.total),
      draw: fairOdds(s.draw, s.total),
      away: fairOdds(s.awayWin, s.total),
    },
  };
}

export function doubleChance(source: MarketSource): DoubleChance {
  const s = summaryOf(source);
  const homeOrDraw = s.homeWin + s.draw;
  const homeOrAway = s.homeWin + s.awayWin;
  const drawOrAway = s.draw + s.awayWin;
  return {
    homeOrDraw,
    homeOrAway,
    drawOrAway,
    fairOdds: {
      homeOrDraw: fairOdds(homeOrDraw, s.total),
      homeOrAway: fairOdds(homeOrAway, s.total),
      drawOrAway: fairOdds(drawOrAway, s.total),
    },
  };
}

export function drawNoBet(source: MarketSource): DrawNoBet {
  const { home, away } = asianHandicap(source, 0);
  return { home, away };
}

/** Over/under `line` total goals; quarter lines split the stake over the neighbouring lines. */
export function totalGoalsLine(source: MarketSource, line: number): TotalLine {
  checkQuarterLine(line, 'totalLines');
  return overUnder(summaryOf(source).totalGoals, line);
}

/** Over/under `line` goals scored by one side. */
export function teamTotalLine(source: MarketSource, side: 'home' | 'away', line: number): TotalLine {
  checkQuarterLine(line, 'teamTotalLines');
  const s = summaryOf(source);
  return overUnder(side === 'home' ? s.homeGoals : s.awayGoals, line);
}

/** Asian handicap with the home side given `line` (e.g. −0.75) and the away side −line. */
export function asianHandicap(source: MarketSource, line: number): HandicapLine {
  checkQuarterLine(line, 'handicapLines');
  const home = settleOnDistribution(summaryOf(source).goalDifference, line);
  return { line, home, away: counterpartyOf(home) };
}

export function bothTeamsToScore(source: MarketSource): BothTeamsToScore {
  const s = summaryOf(source);
  return {
    yes: s.bothScore,
    no: s.notBothScore,
    fairOdds: { yes: fairOdds(s.bothScore, s.total), no: fairOdds(s.notBothScore, s.total) },
  };
}

export function winToNil(source: MarketSource): WinToNil {
  const s = summaryOf(source);
  return {
    home: s.homeWinToNil,
    away: s.awayWinToNil,
    fairOdds: { home: fairOdds(s.homeWinToNil, s.total), away: fairOdds(s.awayWinToNil, s.total) },
  };
}

export function expectedGoals(grid: ScoreGrid, summary: GridSummary = summariseGrid(grid)): ExpectedGoals {
  return {
    home: summary.homeGoalsMean,
    away: summary.awayGoalsMean,
    total: summary.homeGoalsMean + summary.awayGoalsMean,
    model: {
      home: grid.homeExpected,
      away: grid.awayExpected,
      total: grid.homeExpected + grid.awayExpected,
    },
  };
}

export function expectedPoints(source: MarketSource): ExpectedPoints {
  const s = summaryOf(source);
  return { home: 3 * s.homeWin + s.draw, away: 3 * s.awayWin + s.draw };
}

/** Probability of one exact score; throws for a score outside the grid (the grid cannot say). */
export function correctScore(grid: ScoreGrid, home: number, away: number): number {
  const { maxGoals } = grid;
  if (!(Number.isInteger(home) && Number.isInteger(away) && home >= 0 && away >= 0)) {
    throw new MatchdayError('INVALID_SCORE', `score ${home}-${away} is not a pair of goal counts`);
  }
  if (home > maxGoals || away > maxGoals) {
    throw new MatchdayError('OUT_OF_GRID', `score ${home}-${away} lies beyond the grid's maxGoals ${maxGoals}`);
  }
  return grid.p[home * (maxGoals + 1) + away];
}

/** Every cell with its fair price, in grid order; probabilities multiplied by `scale`. */
export function correctScoreList(grid: ScoreGrid, scale = 1): CorrectScore[] {
  const { p, maxGoals } = grid;
  const size = maxGoals + 1;
  // A complete market: the fair price of a cell is its share of all cells.
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i] * scale;
  const out: CorrectScore[] = [];
  for (let i = 0; i < p.length; i++) {
    const probability = p[i] * scale;
    out.push({ home: Math.floor(i / size), away: i % size, probability, fairOdds: fairOdds(probability, total) });
  }
  return out;
}

function overUnder(dist: IntegerDistribution, line: number): TotalLine {
  const over = settleOnDistribution(dist, -line);
  return { line, over, under: counterpartyOf(over) };
}
