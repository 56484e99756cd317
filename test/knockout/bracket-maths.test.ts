import { describe, expect, it } from 'vitest';
import { exactBracket } from '../../src/knockout/bracket-exact.js';
import { checkBracketPlan, type BracketPlan, type PairOdds } from '../../src/knockout/bracket-plan.js';
import { forecastBracket, simulateBracket } from '../../src/knockout/bracket.js';
import { addCounts, emptyCounts, simulateTask, simulationChunks } from '../../src/knockout/bracket-simulation.js';

/** Pair odds from a table of "strengths": P(i beats j) = s_i / (s_i + s_j), hosting the first leg worth `edge`. */
function oddsFromStrengths(strengths: number[], edge = 0): PairOdds {
  const n = strengths.length;
  const twoLegged = new Float64Array(n * n);
  const singleNeutral = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const p = strengths[i] / (strengths[i] + strengths[j]);
      singleNeutral[i * n + j] = p;
      twoLegged[i * n + j] = Math.min(1, p + edge);
    }
  }
  return { teamCount: n, twoLegged, singleNeutral };
}

/** Semi-finals 0 v 1 (under way: P(0) = 0.6) and 2 v 3 (not started, 2 hosts first), then a neutral final. */
function fourTeamBracket(): BracketPlan {
  return {
    teamCount: 4,
    odds: oddsFromStrengths([4, 3, 2, 1], 0.05),
    rounds: [
      {
        name: 'Semi-finals',
        format: 'two-legged',
        pairing: 'fixed',
        ties: [
          { sides: [{ team: 0 }, { team: 1 }], firstLegHost: 0, sideZeroThrough: 0.6 },
          { sides: [{ team: 2 }, { team: 3 }], firstLegHost: 0, sideZeroThrough: null },
        ],
      },
      {
        name: 'Final',
        format: 'single-neutral',
        pairing: 'fixed',
        ties: [{ sides: [{ winnerOf: 0 }, { winnerOf: 1 }], firstLegHost: null, sideZeroThrough: null }],
      },
    ],
  };
}

describe('exact bracket', () => {
  it('multiplies and sums tie probabilities through a fixed four-team bracket', () => {
    const result = exactBracket(fourTeamBracket());
    // Tie 2 v 3: 2/3 + 0.05 hosting the first leg.
    const p2 = 2 / 3 + 0.05;
    expect(result.reach[0]).toEqual(Float64Array.from([1, 1, 1, 1]));
    expect(result.reach[1][0]).toBeCloseTo(0.6, 15);
    expect(result.reach[1][1]).toBeCloseTo(0.4, 15);
    expect(result.reach[1][2]).toBeCloseTo(p2, 15);
    expect(result.reach[1][3]).toBeCloseTo(1 - p2, 15);
    const champion0 = 0.6 * (p2 * (4 / 6) + (1 - p2) * (4 / 5));
    const champion1 = 0.4 * (p2 * (3 / 5) + (1 - p2) * (3 / 4));
    const champion2 = p2 * (0.6 * (2 / 6) + 0.4 * (2 / 5));
    const champion3 = (1 - p2) * (0.6 * (1 / 5) + 0.4 * (1 / 4));
    expect([...result.champion].map((p) => Number(p.toFixed(12)))).toEqual(
      [champion0, champion1, champion2, champion3].map((p) => Number(p.toFixed(12))),
    );
    expect(result.champion.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('counts each order half when the first-leg host is not known', () => {
    const plan = fourTeamBracket();
    const semi = plan.rounds[0];
    if (semi.pairing !== 'fixed') throw new Error('fixed round expected');
    semi.ties[1].firstLegHost = null;
    // 2 hosting first: 2/3 + 0.05; 3 hosting first: 2 wins with 1 − (1/3 + 0.05).
    expect(exactBracket(plan).reach[1][2]).toBeCloseTo((2 / 3 + 0.05 + 1 - (1 / 3 + 0.05)) / 2, 15);
  });

  it('refuses a round still to be drawn', () => {
    expect(() => exactBracket(openDrawBracket())).toThrow(/still to be drawn/);
  });
});

/** Quarter-finals fixed by given odds, then the semi-finals drawn at random, then a neutral final. */
function openDrawBracket(): BracketPlan {
  return {
    teamCount: 8,
    odds: oddsFromStrengths([8, 7, 6, 5, 4, 3, 2, 1]),
    rounds: [
      {
        name: 'Quarter-finals',
        format: 'two-legged',
        pairing: 'fixed',
        ties: [0, 1, 2, 3].map((k) => ({
          sides: [{ team: 2 * k }, { team: 2 * k + 1 }] as [{ team: number }, { team: number }],
          firstLegHost: 0 as const,
          sideZeroThrough: 0.75,
        })),
      },
      { name: 'Semi-finals', format: 'two-legged', pairing: 'draw', entrants: [] },
      { name: 'Final', format: 'single-neutral', pairing: 'draw', entrants: [] },
    ],
  };
}

/** The open-draw bracket by brute force: every quarter-final outcome × each of the three semi-final draws. */
function openDrawByEnumeration(plan: BracketPlan): Float64Array {
  const champion = new Float64Array(8);
  const n = plan.teamCount;
  const beats = (i: number, j: number, single: boolean) =>
    single ? plan.odds.singleNeutral[i * n + j] : plan.odds.twoLegged[i * n + j];
  for (let mask = 0; mask < 16; mask++) {
    const winners = [0, 1, 2, 3].map((k) => 2 * k + ((mask >> k) & 1));
    const pWinners = [0, 1, 2, 3].reduce((p, k) => p * ((mask >> k) & 1 ? 0.25 : 0.75), 1);
    const draws = [
      [
        [winners[0], winners[1]],
        [winners[2], winners[3]],
      ],
      [
        [winners[0], winners[2]],
        [winners[1], winners[3]],
      ],
      [
        [winners[0], winners[3]],
        [winners[1], winners[2]],
      ],
    ];
    for (const [[a, b], [c, d]] of draws) {
      // Open draw: either side may host the first leg.
      const semi = (x: number, y: number) => (beats(x, y, false) + 1 - beats(y, x, false)) / 2;
      for (const [x, px] of [
        [a, semi(a, b)],
        [b, 1 - semi(a, b)],
      ] as const) {
        for (const [y, py] of [
          [c, semi(c, d)],
          [d, 1 - semi(c, d)],
        ] as const) {
          const weight = (pWinners / 3) * px * py;
          champion[x] += weight * beats(x, y, true);
          champion[y] += weight * beats(y, x, true);
        }
      }
    }
  }
  return champion;
}

describe('Monte Carlo bracket', () => {
  it('gives the same counts for a seed however the chunks are shared out', () => {
    const plan = openDrawBracket();
    const chunks = simulationChunks(7, 20_000, 8);
    const whole = simulateTask({ plan, chunks });
    const split = emptyCounts(plan);
    addCounts(split, simulateTask({ plan, chunks: chunks.filter((_, i) => i % 2 === 0) }));
    addCounts(split, simulateTask({ plan, chunks: chunks.filter((_, i) => i % 2 === 1) }));
    expect(split).toEqual(whole);
    expect(whole.runs).toBe(20_000);
  });

  it('is reproducible for a seed and changes with the seed', async () => {
    const plan = openDrawBracket();
    const first = await simulateBracket(plan, { runs: 20_000, seed: 3, threads: 0 });
    const again = await simulateBracket(plan, { runs: 20_000, seed: 3, threads: 0 });
    const other = await simulateBracket(plan, { runs: 20_000, seed: 4, threads: 0 });
    expect(again.champion).toEqual(first.champion);
    expect(other.champion).not.toEqual(first.champion);
  });

  it('agrees with the exact answer on a fixed bracket, within four standard errors', async () => {
    const plan = fourTeamBracket();
    const exact = exactBracket(plan);
    const simulated = await simulateBracket(plan, { runs: 200_000, seed: 11, threads: 0 });
    expect(simulated.threads).toBe(0);
    for (let t = 0; t < 4; t++) {
      expect(Math.abs(simulated.champion[t] - exact.champion[t])).toBeLessThan(4 * simulated.maxStandardError);
      expect(Math.abs(simulated.reach[1][t] - exact.reach[1][t])).toBeLessThan(4 * simulated.maxStandardError);
    }
  });

  it('draws open rounds at random: matches the enumeration of every draw', async () => {
    const plan = openDrawBracket();
    const expected = openDrawByEnumeration(plan);
    const simulated = await simulateBracket(plan, { runs: 200_000, seed: 5, threads: 0 });
    expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let t = 0; t < 8; t++) {
      expect(Math.abs(simulated.champion[t] - expected[t])).toBeLessThan(4 * simulated.maxStandardError);
    }
    // Quarter-final favourites reach the semi-finals 75% of the time, whatever the draw.
    expect(Math.abs(simulated.reach[1][0] - 0.75)).toBeLessThan(4 * simulated.maxStandardError);
  });

  it('pairs entrants with winners in a seeded draw, the entrant hosting the second leg', async () => {
    // 0 beats 1 for sure; 2 enters at the final stage. Hosting the first leg is worth +0.2 here.
    const plan: BracketPlan = {
      teamCount: 3,
      odds: oddsFromStrengths([1, 1, 1], 0.2),
      rounds: [
        {
          name: 'Play-off',
          format: 'two-legged',
          pairing: 'fixed',
          ties: [{ sides: [{ team: 0 }, { team: 1 }], firstLegHost: 0, sideZeroThrough: 1 }],
        },
        { name: 'Final', format: 'two-legged', pairing: 'draw', entrants: [2] },
      ],
    };
    const simulated = await simulateBracket(plan, { runs: 50_000, seed: 2, threads: 0 });
    expect(simulated.reach[1][0]).toBe(1);
    expect(simulated.reach[1][1]).toBe(0);
    // Winner 0 hosts the first leg: P(0) = 0.5 + 0.2.
    expect(Math.abs(simulated.champion[0] - 0.7)).toBeLessThan(4 * simulated.maxStandardError);
  });

  it('forecastBracket is exact for a fixed bracket and simulates otherwise', async () => {
    const fixed = await forecastBracket(fourTeamBracket());
    expect(fixed.method).toBe('exact');
    const drawn = await forecastBracket(openDrawBracket(), { runs: 1000, threads: 0 });
    expect(drawn.method).toBe('monte-carlo');
  });
});

describe('bracket plan checks', () => {
  it('rejects a team entered twice and a winner that goes nowhere', () => {
    const twice = fourTeamBracket();
    const semi = twice.rounds[0];
    if (semi.pairing !== 'fixed') throw new Error('fixed round expected');
    semi.ties[1].sides[0] = { team: 0 };
    expect(() => checkBracketPlan(twice)).toThrow(/twice/);

    const lost = fourTeamBracket();
    const final = lost.rounds[1];
    if (final.pairing !== 'fixed') throw new Error('fixed round expected');
    final.ties[0].sides[1] = { team: 3 };
    expect(() => checkBracketPlan(lost)).toThrow();
  });

  it('rejects odds that are not probabilities', () => {
    const plan = fourTeamBracket();
    plan.odds.twoLegged[1] = Number.NaN;
    expect(() => checkBracketPlan(plan)).toThrow(/pair odds/);
  });
});
