import { describe, it, expect } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import {
  asianHandicap,
  bothTeamsToScore,
  computeMarkets,
  correctScore,
  correctScoreList,
  doubleChance,
  drawNoBet,
  expectedGoals,
  expectedPoints,
  matchResult,
  teamTotalLine,
  totalGoalsLine,
  winToNil,
  type SettledBet,
} from '../../src/forecast/markets.js';
import { summariseGrid } from '../../src/forecast/grid-summary.js';
import { poissonScoreGrid } from '../../src/forecast/poisson-grid.js';
import { handGrid, mirrorGrid, randomGrid } from './hand-grid.js';

// rows = home goals 0..2, columns = away goals 0..2; Σ = 0.80, so 0.20 is "truncated".
const G = handGrid(
  [
    [0.1, 0.08, 0.04],
    [0.15, 0.12, 0.05],
    [0.12, 0.09, 0.05],
  ],
  { home: 1.1, away: 0.8 },
);

function expectBet(bet: SettledBet, expected: Omit<SettledBet, 'fairOdds'> & { fairOdds?: number }): void {
  expect(bet.win).toBeCloseTo(expected.win, 14);
  expect(bet.halfWin).toBeCloseTo(expected.halfWin, 14);
  expect(bet.push).toBeCloseTo(expected.push, 14);
  expect(bet.halfLoss).toBeCloseTo(expected.halfLoss, 14);
  expect(bet.loss).toBeCloseTo(expected.loss, 14);
  if (expected.fairOdds !== undefined) expect(bet.fairOdds).toBeCloseTo(expected.fairOdds, 12);
}

const bet = (win: number, halfWin: number, push: number, halfLoss: number, loss: number, fairOdds?: number) => ({
  win,
  halfWin,
  push,
  halfLoss,
  loss,
  fairOdds,
});

function betSum(b: SettledBet): number {
  return b.win + b.halfWin + b.push + b.halfLoss + b.loss;
}

describe('markets on a hand-computed 3×3 grid', () => {
  it('1X2 with fair odds conditional on the grid', () => {
    const r = matchResult(G);
    expect(r.home).toBeCloseTo(0.36, 15);
    expect(r.draw).toBeCloseTo(0.27, 15);
    expect(r.away).toBeCloseTo(0.17, 15);
    expect(r.fairOdds.home).toBeCloseTo(0.8 / 0.36, 12);
    expect(r.fairOdds.draw).toBeCloseTo(0.8 / 0.27, 12);
    expect(r.fairOdds.away).toBeCloseTo(0.8 / 0.17, 12);
    expect(1 / r.fairOdds.home + 1 / r.fairOdds.draw + 1 / r.fairOdds.away).toBeCloseTo(1, 14);
  });

  it('double chance', () => {
    const d = doubleChance(G);
    expect(d.homeOrDraw).toBeCloseTo(0.63, 15);
    expect(d.homeOrAway).toBeCloseTo(0.53, 15);
    expect(d.drawOrAway).toBeCloseTo(0.44, 15);
    expect(d.fairOdds.drawOrAway).toBeCloseTo(0.8 / 0.44, 12);
  });

  it('draw no bet: the draw is a push', () => {
    const d = drawNoBet(G);
    expectBet(d.home, bet(0.36, 0, 0.27, 0, 0.17, 1 + 0.17 / 0.36));
    expectBet(d.away, bet(0.17, 0, 0.27, 0, 0.36, 1 + 0.36 / 0.17));
  });

  it('correct score: one cell, the whole list, and scores beyond the grid', () => {
    expect(correctScore(G, 2, 1)).toBe(0.09);
    const list = correctScoreList(G);
    expect(list).toHaveLength(9);
    expect(list[7]).toEqual({ home: 2, away: 1, probability: 0.09, fairOdds: expect.closeTo(0.8 / 0.09, 12) });
    expect(() => correctScore(G, 3, 0)).toThrow(MatchdayError);
    expect(() => correctScore(G, -1, 0)).toThrow(MatchdayError);
  });

  it('totals on half, whole and quarter lines', () => {
    // total goals: 0:0.10 1:0.23 2:0.28 3:0.14 4:0.05
    const l25 = totalGoalsLine(G, 2.5);
    expectBet(l25.over, bet(0.19, 0, 0, 0, 0.61, 1 + 0.61 / 0.19));
    expectBet(l25.under, bet(0.61, 0, 0, 0, 0.19, 1 + 0.19 / 0.61));
    expectBet(totalGoalsLine(G, 2).over, bet(0.19, 0, 0.28, 0, 0.33, 1 + 0.33 / 0.19));
    // 2.25 = half on 2 and half on 2.5: exactly two goals loses half the stake.
    expectBet(totalGoalsLine(G, 2.25).over, bet(0.19, 0, 0, 0.28, 0.33, 1 + (0.14 + 0.33) / 0.19));
    expectBet(totalGoalsLine(G, 2.25).under, bet(0.33, 0.28, 0, 0, 0.19, 1 + 0.19 / (0.33 + 0.14)));
    // 2.75 = half on 2.5 and half on 3: exactly three goals wins half.
    expectBet(totalGoalsLine(G, 2.75).over, bet(0.05, 0.14, 0, 0, 0.61, 1 + 0.61 / (0.05 + 0.07)));
    expectBet(totalGoalsLine(G, 0.5).over, bet(0.7, 0, 0, 0, 0.1));
  });

  it('team totals', () => {
    // home goals 0:0.22 1:0.32 2:0.26; away goals 0:0.37 1:0.29 2:0.14
    expectBet(teamTotalLine(G, 'home', 1.5).over, bet(0.26, 0, 0, 0, 0.54));
    expectBet(teamTotalLine(G, 'home', 0.75).over, bet(0.26, 0.32, 0, 0, 0.22, 1 + 0.22 / (0.26 + 0.16)));
    expectBet(teamTotalLine(G, 'away', 1.5).over, bet(0.14, 0, 0, 0, 0.66));
    expectBet(teamTotalLine(G, 'away', 1).under, bet(0.37, 0, 0.29, 0, 0.14));
  });

  it('Asian handicap on half, whole and quarter lines, both sides', () => {
    // goal difference −2:0.04 −1:0.13 0:0.27 1:0.24 2:0.12
    expectBet(asianHandicap(G, -0.5).home, bet(0.36, 0, 0, 0, 0.44));
    expectBet(asianHandicap(G, 0).home, bet(0.36, 0, 0.27, 0, 0.17));
    expectBet(asianHandicap(G, -0.25).home, bet(0.36, 0, 0, 0.27, 0.17, 1 + (0.135 + 0.17) / 0.36));
    expectBet(asianHandicap(G, 0.25).home, bet(0.36, 0.27, 0, 0, 0.17, 1 + 0.17 / (0.36 + 0.135)));
    expectBet(asianHandicap(G, -0.75).home, bet(0.12, 0.24, 0, 0, 0.44, 1 + 0.44 / 0.24));
    expectBet(asianHandicap(G, -0.75).away, bet(0.44, 0, 0, 0.24, 0.12, 1 + (0.12 + 0.12) / 0.44));
    expectBet(asianHandicap(G, -1).home, bet(0.12, 0, 0.24, 0, 0.44));
    expectBet(asianHandicap(G, -1.25).home, bet(0.12, 0, 0, 0.24, 0.44));
    expectBet(asianHandicap(G, 1.5).home, bet(0.76, 0, 0, 0, 0.04));
    expectBet(asianHandicap(G, 0.75).home, bet(0.63, 0, 0, 0.13, 0.04, 1 + (0.065 + 0.04) / 0.63));
  });

  it('both teams to score and win to nil', () => {
    const btts = bothTeamsToScore(G);
    expect(btts.yes).toBeCloseTo(0.31, 15);
    expect(btts.no).toBeCloseTo(0.49, 15);
    expect(btts.fairOdds.yes).toBeCloseTo(0.8 / 0.31, 12);
    const nil = winToNil(G);
    expect(nil.home).toBeCloseTo(0.27, 15);
    expect(nil.away).toBeCloseTo(0.12, 15);
    expect(nil.fairOdds.away).toBeCloseTo(0.8 / 0.12, 12);
  });

  it('expected goals from the grid and from the model, expected points', () => {
    const xg = expectedGoals(G);
    expect(xg.home).toBeCloseTo(0.84, 15);
    expect(xg.away).toBeCloseTo(0.57, 15);
    expect(xg.total).toBeCloseTo(1.41, 15);
    expect(xg.model).toEqual({ home: 1.1, away: 0.8, total: expect.closeTo(1.9, 15) });
    const xp = expectedPoints(G);
    expect(xp.home).toBeCloseTo(1.35, 15);
    expect(xp.away).toBeCloseTo(0.78, 15);
  });

  it('score analysis: top scorelines overall and within each result; ties keep grid order', () => {
    const m = computeMarkets(G, { topScorelines: 3 });
    const pairs = (list: { home: number; away: number; probability: number }[]) =>
      list.map((s) => [s.home, s.away, s.probability]);
    expect(pairs(m.scoreAnalysis.overall)).toEqual([
      [1, 0, 0.15],
      [1, 1, 0.12],
      [2, 0, 0.12],
    ]);
    expect(pairs(m.scoreAnalysis.homeWin)).toEqual([
      [1, 0, 0.15],
      [2, 0, 0.12],
      [2, 1, 0.09],
    ]);
    expect(pairs(m.scoreAnalysis.draw)).toEqual([
      [1, 1, 0.12],
      [0, 0, 0.1],
      [2, 2, 0.05],
    ]);
    expect(pairs(m.scoreAnalysis.awayWin)).toEqual([
      [0, 1, 0.08],
      [1, 2, 0.05],
      [0, 2, 0.04],
    ]);
  });

  it('computeMarkets reports the mass and gathers every market', () => {
    const m = computeMarkets(G, { totalLines: [2.25], teamTotalLines: [1.5], handicapLines: [-0.75] });
    expect(m.mass).toBeCloseTo(0.8, 15);
    expect(m.truncatedMass).toBeCloseTo(0.2, 15);
    expect(m.normalised).toBe(false);
    expect(m.totals).toEqual([totalGoalsLine(G, 2.25)]);
    expect(m.teamTotals.away).toEqual([teamTotalLine(G, 'away', 1.5)]);
    expect(m.asianHandicap).toEqual([asianHandicap(G, -0.75)]);
    expect(m.correctScore.list()).toEqual(correctScoreList(G));
    expect(m.correctScore.list()).toBe(m.correctScore.list()); // built once
    expect(m.correctScore.probability(2, 1)).toBe(0.09);
    // The on-demand list is part of the JSON a CLI prints.
    expect(JSON.parse(JSON.stringify(m)).correctScore).toEqual(JSON.parse(JSON.stringify(correctScoreList(G))));
  });

  it('normalise: divides every probability by the mass; fair odds unchanged', () => {
    const raw = computeMarkets(G, { totalLines: [2.25] });
    const m = computeMarkets(G, { normalise: true, totalLines: [2.25] });
    expect(m.normalised).toBe(true);
    expect(m.result.home).toBeCloseTo(0.45, 15);
    expect(m.result.home + m.result.draw + m.result.away).toBeCloseTo(1, 15);
    expectBet(m.totals[0].over, bet(0.19 / 0.8, 0, 0, 0.28 / 0.8, 0.33 / 0.8, raw.totals[0].over.fairOdds));
    expect(m.result.fairOdds.home).toBeCloseTo(raw.result.fairOdds.home, 12);
    expect(m.expectedGoals.home).toBeCloseTo(0.84 / 0.8, 14);
    expect(m.scoreAnalysis.overall[0].probability).toBeCloseTo(0.15 / 0.8, 15);
    expect(m.correctScore.list()[3].probability).toBeCloseTo(0.15 / 0.8, 15);
    expect(m.correctScore.probability(1, 0)).toBeCloseTo(0.15 / 0.8, 15);
    expect(m.correctScore.list().reduce((s, c) => s + c.probability, 0)).toBeCloseTo(1, 14);
  });

  it('a 2×2 grid (maxGoals 1)', () => {
    const g = handGrid([
      [0.4, 0.1],
      [0.3, 0.2],
    ]);
    const m = computeMarkets(g, { totalLines: [1.5, 0.75], handicapLines: [-1] });
    expect([m.result.home, m.result.draw, m.result.away]).toEqual([0.3, 0.6000000000000001, 0.1]);
    expectBet(m.totals[0].over, bet(0.2, 0, 0, 0, 0.8));
    expectBet(m.totals[1].over, bet(0.2, 0.4, 0, 0, 0.4));
    expectBet(m.asianHandicap[0].home, bet(0, 0, 0.3, 0, 0.7, Infinity));
    expect(m.bothTeamsToScore.yes).toBe(0.2);
    expect(m.winToNil).toEqual({ home: 0.3, away: 0.1, fairOdds: { home: 1 / 0.3, away: 10 } });
  });

  it('an impossible bet gets infinite fair odds, never NaN', () => {
    const allDraws = handGrid([
      [0.6, 0],
      [0, 0.4],
    ]);
    const d = drawNoBet(allDraws);
    expect(d.home).toEqual({ win: 0, halfWin: 0, push: 1, halfLoss: 0, loss: 0, fairOdds: Infinity });
    expect(matchResult(allDraws).fairOdds.home).toBe(Infinity);
  });

  it('rejects lines off the quarter grid and broken grids', () => {
    expect(() => totalGoalsLine(G, 2.3)).toThrow(/multiple of 0.25/);
    expect(() => asianHandicap(G, Number.NaN)).toThrow(MatchdayError);
    const broken = handGrid([
      [0.5, Number.NaN],
      [0.2, 0.1],
    ]);
    expect(() => computeMarkets(broken)).toThrow(/probability NaN/);
    const negative = handGrid([
      [0.5, -0.1],
      [0.2, 0.1],
    ]);
    expect(() => matchResult(negative)).toThrow(MatchdayError);
  });
});

describe('market properties', () => {
  const grids = [
    poissonScoreGrid(1.7, 0.9, { rho: -0.1, maxGoals: 10 }),
    poissonScoreGrid(3.5, 2.8, { rho: 0.05, maxGoals: 6 }), // visible truncation
    randomGrid(5, 11, 0.93),
    randomGrid(8, 12, 1),
  ];
  const lines = Array.from({ length: 33 }, (_, i) => -4 + i * 0.25);

  it('every market sums to the grid mass within 1e-12', () => {
    for (const grid of grids) {
      const m = computeMarkets(grid, {
        totalLines: lines.filter((l) => l >= 0),
        teamTotalLines: lines.filter((l) => l >= 0),
        handicapLines: lines,
      });
      const mass = m.mass;
      let direct = 0;
      for (const v of grid.p) direct += v;
      expect(Math.abs(mass - direct)).toBeLessThan(1e-15);
      expect(Math.abs(m.result.home + m.result.draw + m.result.away - mass)).toBeLessThan(1e-12);
      expect(Math.abs(m.doubleChance.homeOrDraw + m.result.away - mass)).toBeLessThan(1e-12);
      expect(Math.abs(m.bothTeamsToScore.yes + m.bothTeamsToScore.no - mass)).toBeLessThan(1e-12);
      expect(Math.abs(m.correctScore.list().reduce((s, c) => s + c.probability, 0) - mass)).toBeLessThan(1e-12);
      const bets = [
        ...m.totals.flatMap((t) => [t.over, t.under]),
        ...m.teamTotals.home.flatMap((t) => [t.over, t.under]),
        ...m.teamTotals.away.flatMap((t) => [t.over, t.under]),
        ...m.asianHandicap.flatMap((h) => [h.home, h.away]),
        m.drawNoBet.home,
        m.drawNoBet.away,
      ];
      for (const b of bets) {
        expect(Math.abs(betSum(b) - mass)).toBeLessThan(1e-12);
        expect(Number.isNaN(b.fairOdds)).toBe(false);
      }
      const normalised = computeMarkets(grid, { normalise: true, handicapLines: lines });
      for (const h of normalised.asianHandicap) expect(Math.abs(betSum(h.home) - 1)).toBeLessThan(1e-12);
    }
  });

  it('score analysis agrees with sorting every cell (ties in grid order)', () => {
    const tied = handGrid([
      [0.1, 0.1, 0.05],
      [0.1, 0.1, 0.05],
      [0.1, 0.1, 0.05],
    ]);
    for (const grid of [...grids, tied]) {
      const size = grid.maxGoals + 1;
      const sorted = Array.from(grid.p, (probability, i) => ({
        home: Math.floor(i / size),
        away: i % size,
        probability,
      }))
        .map((cell, i) => ({ cell, i }))
        .sort((x, y) => y.cell.probability - x.cell.probability || x.i - y.i)
        .map(({ cell }) => cell);
      for (const n of [1, 5, 12]) {
        const analysis = computeMarkets(grid, { topScorelines: n }).scoreAnalysis;
        expect(analysis.overall).toEqual(sorted.slice(0, n));
        expect(analysis.homeWin).toEqual(sorted.filter((c) => c.home > c.away).slice(0, n));
        expect(analysis.draw).toEqual(sorted.filter((c) => c.home === c.away).slice(0, n));
        expect(analysis.awayWin).toEqual(sorted.filter((c) => c.home < c.away).slice(0, n));
      }
    }
  });

  it('AH −0.5 home win is P(home win); AH 0 push is P(draw); AH +0.5 home win is P(not away win)', () => {
    for (const grid of grids) {
      const s = summariseGrid(grid);
      expect(asianHandicap(s, -0.5).home.win).toBeCloseTo(s.homeWin, 14);
      expect(asianHandicap(s, 0).home.push).toBeCloseTo(s.draw, 14);
      expect(asianHandicap(s, 0.5).home.win).toBeCloseTo(s.homeWin + s.draw, 14);
    }
  });

  it('a quarter line is the average of its two neighbouring lines (half stakes)', () => {
    for (const grid of grids) {
      for (const line of [-1.25, -0.75, -0.25, 0.25, 0.75, 1.75]) {
        const q = asianHandicap(grid, line).home;
        const lo = asianHandicap(grid, line - 0.25).home;
        const hi = asianHandicap(grid, line + 0.25).home;
        // Each half stake carries half the weight, so the quarter bet's win and loss weights are the mean of its halves'.
        const winShare = (b: SettledBet) => b.win + b.halfWin / 2;
        const lossShare = (b: SettledBet) => b.loss + b.halfLoss / 2;
        expect(winShare(q)).toBeCloseTo((winShare(lo) + winShare(hi)) / 2, 14);
        expect(lossShare(q)).toBeCloseTo((lossShare(lo) + lossShare(hi)) / 2, 14);
      }
    }
  });

  it('a symmetric grid gives symmetric home and away outputs', () => {
    const base = randomGrid(6, 21);
    const mirrored = mirrorGrid(base);
    const p = base.p.map((v, i) => (v + mirrored.p[i]) / 2);
    const grid = { ...base, p, homeExpected: 1.2, awayExpected: 1.2 };
    const m = computeMarkets(grid, { handicapLines: lines, teamTotalLines: [0.5, 1.25, 2.75] });
    expect(m.result.home).toBeCloseTo(m.result.away, 15);
    expect(m.winToNil.home).toBeCloseTo(m.winToNil.away, 15);
    expect(m.expectedGoals.home).toBeCloseTo(m.expectedGoals.away, 14);
    expect(m.expectedPoints.home).toBeCloseTo(m.expectedPoints.away, 14);
    expect(m.drawNoBet.home.fairOdds).toBeCloseTo(m.drawNoBet.away.fairOdds, 12);
    m.teamTotals.home.forEach((t, i) => expectBet(t.over, m.teamTotals.away[i].over));
    for (const line of lines) expectBet(asianHandicap(grid, line).home, asianHandicap(grid, -line).away);
    const swap = (list: { home: number; away: number; probability: number }[]) =>
      list.map((s) => [s.away, s.home, s.probability]);
    expect(swap(m.scoreAnalysis.homeWin)).toEqual(
      m.scoreAnalysis.awayWin.map((s) => [s.home, s.away, expect.closeTo(s.probability, 15)]),
    );
  });

  it('mirroring a grid swaps every home and away market', () => {
    const grid = grids[0];
    const m = computeMarkets(grid);
    const r = computeMarkets(mirrorGrid(grid));
    expect(r.result.home).toBeCloseTo(m.result.away, 15);
    expect(r.winToNil.away).toBeCloseTo(m.winToNil.home, 15);
    expect(r.expectedGoals.model.home).toBe(m.expectedGoals.model.away);
    m.asianHandicap.forEach((h, i) => expectBet(r.asianHandicap[m.asianHandicap.length - 1 - i].away, h.home));
    m.totals.forEach((t, i) => expectBet(r.totals[i].over, t.over));
  });
});
