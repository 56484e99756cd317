import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BracketPlan } from '../../src/knockout/bracket-plan.js';
import { simulateBracket } from '../../src/knockout/bracket.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A 16-team bracket: round of 16 fixed with given odds, every later round drawn. */
function sixteenTeams(): BracketPlan {
  const n = 16;
  const twoLegged = new Float64Array(n * n);
  const singleNeutral = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const p = (n - i) / (2 * n - i - j);
      twoLegged[i * n + j] = p;
      singleNeutral[i * n + j] = p;
    }
  }
  return {
    teamCount: n,
    odds: { teamCount: n, twoLegged, singleNeutral },
    rounds: [
      {
        name: 'Round of 16',
        format: 'two-legged',
        pairing: 'fixed',
        ties: Array.from({ length: 8 }, (_, k) => ({
          sides: [{ team: k }, { team: 15 - k }] as [{ team: number }, { team: number }],
          firstLegHost: 1 as const,
          sideZeroThrough: null,
        })),
      },
      { name: 'Quarter-finals', format: 'two-legged', pairing: 'draw', entrants: [] },
      { name: 'Semi-finals', format: 'two-legged', pairing: 'draw', entrants: [] },
      { name: 'Final', format: 'single-neutral', pairing: 'draw', entrants: [] },
    ],
  };
}

describe('bracket simulation on worker threads', () => {
  // Workers run compiled JavaScript: the test setup builds dist/ as `npm run build` does.
  const workerScript = pathToFileURL(path.join(root, 'dist/knockout/bracket-simulation-worker.js'));

  it('gives exactly the in-thread counts for the same seed', async () => {
    const plan = sixteenTeams();
    const inThread = await simulateBracket(plan, { runs: 30_000, seed: 9, threads: 0 });
    const onWorkers = await simulateBracket(plan, { runs: 30_000, seed: 9, threads: 3, workerScript });
    expect(onWorkers.threads).toBe(3);
    expect(onWorkers.champion).toEqual(inThread.champion);
    expect(onWorkers.reach).toEqual(inThread.reach);
    expect(inThread.champion.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Every round has 16, 8, 4, 2 teams in every run.
    expect(inThread.reach.map((row) => Math.round(row.reduce((a, b) => a + b, 0)))).toEqual([16, 8, 4, 2]);
  });
});
