import { SeededRandom } from '../../src/models/random.js';
import type { ScoreGrid } from '../../src/models/score-grid.js';

/** A grid written out by hand: rows[home][away]. truncatedMass is 1 − Σ unless given. */
export function handGrid(
  rows: readonly (readonly number[])[],
  expected: { home: number; away: number } = { home: 1, away: 1 },
): ScoreGrid {
  const size = rows.length;
  const p = new Float64Array(size * size);
  let sum = 0;
  rows.forEach((row, h) => {
    if (row.length !== size) throw new Error('hand grid must be square');
    row.forEach((v, a) => {
      p[h * size + a] = v;
      sum += v;
    });
  });
  return {
    maxGoals: size - 1,
    p,
    truncatedMass: Math.max(0, 1 - sum),
    homeExpected: expected.home,
    awayExpected: expected.away,
  };
}

/** The grid with home and away swapped. */
export function mirrorGrid(grid: ScoreGrid): ScoreGrid {
  const size = grid.maxGoals + 1;
  const p = new Float64Array(size * size);
  for (let h = 0; h < size; h++) for (let a = 0; a < size; a++) p[a * size + h] = grid.p[h * size + a];
  return { ...grid, p, homeExpected: grid.awayExpected, awayExpected: grid.homeExpected };
}

/** A seeded arbitrary grid (not from any model) with total mass `mass`. */
export function randomGrid(maxGoals: number, seed: number, mass = 1): ScoreGrid {
  const random = new SeededRandom(seed);
  const size = maxGoals + 1;
  const p = new Float64Array(size * size);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    p[i] = random.uniform() ** 3;
    sum += p[i];
  }
  for (let i = 0; i < p.length; i++) p[i] = (p[i] / sum) * mass;
  return { maxGoals, p, truncatedMass: 1 - mass, homeExpected: 1.4, awayExpected: 1.1 };
}
