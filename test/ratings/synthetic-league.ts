import type { FitData } from '../../src/models/fit-data.js';

/** mulberry32: a small seeded PRNG so synthetic data is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function samplePoisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

function sampleNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticLeague {
  data: FitData;
  /** Each team's true log goal-rate advantage (attack minus defence). */
  strength: number[];
}

/**
 * A double round robin per season with Poisson goals: log λ = base + home + attack_h − defence_a.
 * Strengths are fixed over the seasons, so a rating system should converge to their order.
 */
export function simulateLeague(options: {
  teams: number;
  seasons: number;
  seed: number;
  homeAdvantage?: number;
}): SyntheticLeague {
  const { teams, seasons, seed, homeAdvantage = 0.25 } = options;
  const random = mulberry32(seed);
  const attack = Array.from({ length: teams }, () => 0.3 * sampleNormal(random));
  const defence = Array.from({ length: teams }, () => 0.3 * sampleNormal(random));
  const home: number[] = [];
  const away: number[] = [];
  const homeGoals: number[] = [];
  const awayGoals: number[] = [];
  const day: number[] = [];
  for (let season = 0; season < seasons; season++) {
    let round = 0;
    for (let h = 0; h < teams; h++) {
      for (let a = 0; a < teams; a++) {
        if (h === a) continue;
        home.push(h);
        away.push(a);
        homeGoals.push(samplePoisson(Math.exp(0.1 + homeAdvantage + attack[h] - defence[a]), random));
        awayGoals.push(samplePoisson(Math.exp(0.1 + attack[a] - defence[h]), random));
        day.push(season * 365 + Math.floor(round++ / (teams / 2)));
      }
    }
  }
  const lastDay = day[day.length - 1];
  return {
    data: {
      teamCount: teams,
      homeTeam: Int32Array.from(home),
      awayTeam: Int32Array.from(away),
      homeGoals: Int32Array.from(homeGoals),
      awayGoals: Int32Array.from(awayGoals),
      neutral: new Uint8Array(home.length),
      ageDays: Float64Array.from(day, (d) => lastDay - d),
    },
    strength: attack.map((v, t) => v + defence[t]),
  };
}
