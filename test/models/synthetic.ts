import { dixonColesScoreGrid } from '../../src/models/dixon-coles.js';
import type { FitData } from '../../src/models/fit-data.js';
import { SeededRandom } from '../../src/models/random.js';

/** Known parameters of a simulated league: ln λ_home = home + attack[h] − defence[a], ln λ_away = attack[a] − defence[h]. */
export interface TrueStrengths {
  attack: number[];
  defence: number[];
  homeAdvantage: number;
}

/** Draws one scoreline given the two rates. */
export type ScoreSampler = (rng: SeededRandom, homeRate: number, awayRate: number) => [number, number];

export const poissonSampler: ScoreSampler = (rng, l, m) => [rng.poisson(l), rng.poisson(m)];

export function dixonColesSampler(rho: number): ScoreSampler {
  return (rng, l, m) => {
    const grid = dixonColesScoreGrid(l, m, rho, 20);
    let u = rng.uniform() * (1 - grid.truncatedMass);
    for (let k = 0; k < grid.p.length; k++) {
      u -= grid.p[k];
      if (u < 0) return [Math.floor(k / 21), k % 21];
    }
    return [20, 20];
  };
}

export function bivariatePoissonSampler(lambda3: number): ScoreSampler {
  return (rng, l, m) => {
    const shared = rng.poisson(lambda3);
    return [rng.poisson(l) + shared, rng.poisson(m) + shared];
  };
}

export function negativeBinomialSampler(dispersion: number): ScoreSampler {
  return (rng, l, m) => [rng.negativeBinomial(l, 1 / dispersion), rng.negativeBinomial(m, 1 / dispersion)];
}

/** Random strengths for n teams, mean defence exactly 0 (the fitted models' convention). */
export function randomStrengths(
  rng: SeededRandom,
  n: number,
  homeAdvantage: number,
  level = 0.25,
  spread = 0.25,
): TrueStrengths {
  const attack = Array.from({ length: n }, () => level + spread * rng.normal());
  const defence = Array.from({ length: n }, () => spread * rng.normal());
  const meanDefence = defence.reduce((s, v) => s + v, 0) / n;
  return { attack, defence: defence.map((d) => d - meanDefence), homeAdvantage };
}

/** A double round robin per season over teams 0..n−1, scores drawn by `sampler`; age = days before the last season ends. */
export function simulateLeague(
  rng: SeededRandom,
  truth: TrueStrengths,
  seasons: number,
  sampler: ScoreSampler,
): FitData {
  const n = truth.attack.length;
  const home: number[] = [];
  const away: number[] = [];
  const homeGoals: number[] = [];
  const awayGoals: number[] = [];
  const ageDays: number[] = [];
  for (let s = 0; s < seasons; s++) {
    for (let h = 0; h < n; h++) {
      for (let a = 0; a < n; a++) {
        if (h === a) continue;
        const l = Math.exp(truth.homeAdvantage + truth.attack[h] - truth.defence[a]);
        const m = Math.exp(truth.attack[a] - truth.defence[h]);
        const [x, y] = sampler(rng, l, m);
        home.push(h);
        away.push(a);
        homeGoals.push(x);
        awayGoals.push(y);
        ageDays.push((seasons - 1 - s) * 365 + rng.uniform() * 300);
      }
    }
  }
  return {
    teamCount: n,
    homeTeam: Int32Array.from(home),
    awayTeam: Int32Array.from(away),
    homeGoals: Int32Array.from(homeGoals),
    awayGoals: Int32Array.from(awayGoals),
    neutral: new Uint8Array(home.length),
    ageDays: Float64Array.from(ageDays),
  };
}
