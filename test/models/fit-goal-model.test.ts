import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { dixonColesLikelihood } from '../../src/models/dixon-coles.js';
import { fitDataFromMatches, type FitData, type NamedMatch } from '../../src/models/fit-data.js';
import { fitGoalModel } from '../../src/models/fit-goal-model.js';
import { extraIndex } from '../../src/models/goal-likelihood.js';
import { createGoalModelProblem } from '../../src/models/goal-model-problem.js';
import { GOAL_MODEL_FAMILIES, type FittedGoalModel } from '../../src/models/goal-model.js';
import { buildPairTable } from '../../src/models/pair-table.js';
import {
  predictScoreGrid,
  predictScoreGridFromStrengths,
  priorTeamStrength,
  teamStrength,
} from '../../src/models/predict-score-grid.js';
import { SeededRandom } from '../../src/models/random.js';
import { randomStrengths, simulateLeague, poissonSampler } from './synthetic.js';

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof MatchdayError) return e.code;
    throw e;
  }
  return 'no error';
}

/** A simulated league as named matches, team names prefixed so two leagues never share a club. */
function league(prefix: string, seed: number, teams = 8, seasons = 3): NamedMatch[] {
  const rng = new SeededRandom(seed);
  const data = simulateLeague(rng, randomStrengths(rng, teams, 0.3), seasons, poissonSampler);
  return Array.from(data.homeTeam, (h, i) => ({
    homeTeam: `${prefix}${h}`,
    awayTeam: `${prefix}${data.awayTeam[i]}`,
    homeGoals: data.homeGoals[i],
    awayGoals: data.awayGoals[i],
  }));
}

const leagueA = league('A', 1);
const leagueB = league('B', 2);
const teamsA = Array.from({ length: 8 }, (_, i) => `A${i}`);
const teamsB = Array.from({ length: 8 }, (_, i) => `B${i}`);

/** Two leagues that never meet plus a promoted club (no matches) grouped with league B. */
function twoLeagues(): FitData {
  return fitDataFromMatches([...leagueA, ...leagueB], {
    teams: [...teamsA, ...teamsB, 'Promoted'],
    groupOf: (team) => (team.startsWith('A') ? 0 : 1),
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

describe('fitGoalModel: identifiability per connected component', () => {
  const model = fitGoalModel(twoLeagues(), { family: 'dixon-coles' });

  it('reports the components and the team without matches', () => {
    const { components, teamsWithoutMatches } = model.diagnostics;
    expect(components).toEqual([
      { teams: [0, 1, 2, 3, 4, 5, 6, 7], matches: 168 },
      { teams: [8, 9, 10, 11, 12, 13, 14, 15], matches: 168 },
      { teams: [16], matches: 0 },
    ]);
    expect(teamsWithoutMatches).toEqual([16]);
    expect(model.diagnostics.converged).toBe(true);
  });

  it('centres defence on 0 inside each component', () => {
    expect(mean(model.params.defence.slice(0, 8))).toBeCloseTo(0, 6);
    expect(mean(model.params.defence.slice(8, 16))).toBeCloseTo(0, 6);
  });

  it('fits a league and a disjoint copy of it exactly as the league alone', () => {
    // Home advantage and ρ are shared by all components; with an exact copy their optimum does not move,
    // so each component must reproduce the lone fit — and the copy must get the same strengths.
    const copy = leagueB.map((m) => ({ ...m, homeTeam: `C${m.homeTeam}`, awayTeam: `C${m.awayTeam}` }));
    const alone = fitGoalModel(fitDataFromMatches(leagueB, { teams: teamsB }), { family: 'dixon-coles' });
    const both = fitGoalModel(
      fitDataFromMatches([...leagueB, ...copy], { teams: [...teamsB, ...teamsB.map((t) => `C${t}`)] }),
      {
        family: 'dixon-coles',
      },
    );
    expect(both.diagnostics.components.map((c) => c.teams.length)).toEqual([8, 8]);
    expect(both.params.rho).toBeCloseTo(alone.params.rho, 6);
    for (let t = 0; t < 8; t++) {
      expect(both.params.attack[t]).toBeCloseTo(alone.params.attack[t], 5);
      expect(both.params.attack[8 + t]).toBeCloseTo(alone.params.attack[t], 5);
      expect(both.params.defence[8 + t]).toBeCloseTo(alone.params.defence[t], 5);
    }
    const together = predictScoreGrid(both, 8 + 2, 8 + 5);
    const separate = predictScoreGrid(alone, 2, 5);
    together.p.forEach((v, k) => expect(v).toBeCloseTo(separate.p[k], 6));
  });

  it("predicts a team without matches at its group's mean", () => {
    const promoted = teamStrength(model, 16);
    expect(promoted.attack).toBeCloseTo(mean(model.params.attack.slice(8, 16)), 12);
    expect(promoted.defence).toBeCloseTo(mean(model.params.defence.slice(8, 16)), 12);
    expect(priorTeamStrength(model, 1)).toEqual(promoted);
    const grid = predictScoreGrid(model, 16, 9);
    expect(grid.p.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });
});

describe('fitGoalModel: the prior', () => {
  it('shrinks strengths toward the group mean and keeps a team without matches at that mean', () => {
    const data = twoLeagues();
    const free = fitGoalModel(data, { family: 'poisson' });
    const shrunk = fitGoalModel(data, { family: 'poisson', priorStrength: 40 });
    const spread = (m: FittedGoalModel): number => {
      const a = m.params.attack.slice(8, 16);
      const c = mean(a);
      return Math.sqrt(mean(a.map((v) => (v - c) ** 2)));
    };
    expect(spread(shrunk)).toBeLessThan(0.8 * spread(free));
    expect(shrunk.prior.strength).toBe(40);
    expect(shrunk.params.attack[16]).toBeCloseTo(mean(shrunk.params.attack.slice(8, 16)), 6);
    expect(shrunk.diagnostics.converged).toBe(true);
    // The prior costs likelihood: the unpenalised log-likelihood can only be lower.
    expect(shrunk.diagnostics.logLikelihood).toBeLessThan(free.diagnostics.logLikelihood);
  });

  it('gives every team the prior mean when it is overwhelming', () => {
    const model = fitGoalModel(twoLeagues(), { family: 'poisson', priorStrength: 1e7 });
    const a = model.params.attack.slice(8, 16);
    expect(Math.max(...a) - Math.min(...a)).toBeLessThan(1e-3);
  });
});

describe('fitGoalModel: weights and neutral grounds', () => {
  it('treats two copies of a match at weight ½ like the match itself', () => {
    const base = leagueA;
    const xi = 0.01;
    const halfAge = Math.log(2) / xi;
    const doubled = fitDataFromMatches(
      base.flatMap((m) => [
        { ...m, ageDays: halfAge },
        { ...m, ageDays: halfAge },
      ]),
      { teams: teamsA },
    );
    const plain = fitGoalModel(fitDataFromMatches(base, { teams: teamsA }), { family: 'dixon-coles' });
    const weighted = fitGoalModel(doubled, { family: 'dixon-coles', xi });
    expect(weighted.diagnostics.totalWeight).toBeCloseTo(base.length, 9);
    expect(weighted.diagnostics.logLikelihood).toBeCloseTo(plain.diagnostics.logLikelihood, 6);
    weighted.params.attack.forEach((v, i) => expect(v).toBeCloseTo(plain.params.attack[i], 5));
    expect(weighted.params.rho).toBeCloseTo(plain.params.rho, 5);
    expect(weighted.xi).toBe(xi);
  });

  it('follows recent form when matches decay', () => {
    // Team X scored 4 a game long ago and 0 recently; decay must lower its attack.
    const matches: NamedMatch[] = [];
    for (let k = 0; k < 20; k++) {
      const old = k < 10;
      matches.push({ homeTeam: 'X', awayTeam: 'Y', homeGoals: old ? 4 : 0, awayGoals: 1, ageDays: old ? 1000 : 10 });
      matches.push({ homeTeam: 'Y', awayTeam: 'X', homeGoals: 1, awayGoals: old ? 4 : 0, ageDays: old ? 1000 : 10 });
    }
    const data = fitDataFromMatches(matches);
    const flat = fitGoalModel(data, { family: 'poisson' });
    const decayed = fitGoalModel(data, { family: 'poisson', xi: 0.005 });
    expect(decayed.params.attack[0]).toBeLessThan(flat.params.attack[0] - 1);
  });

  it('gives no home advantage at a neutral ground', () => {
    // Home sides score 2 and concede 1 at home grounds; at neutral grounds the "home" side is drawn at random.
    const matches: NamedMatch[] = [];
    for (let k = 0; k < 30; k++) {
      matches.push({ homeTeam: 'P', awayTeam: 'Q', homeGoals: 2, awayGoals: 1 });
      matches.push({ homeTeam: 'Q', awayTeam: 'P', homeGoals: 2, awayGoals: 1 });
      matches.push({
        homeTeam: k % 2 ? 'P' : 'Q',
        awayTeam: k % 2 ? 'Q' : 'P',
        homeGoals: 1,
        awayGoals: 1,
        neutral: true,
      });
    }
    const model = fitGoalModel(fitDataFromMatches(matches), { family: 'poisson' });
    expect(model.params.homeAdvantage).toBeCloseTo(Math.log(2), 5);
    const neutral = predictScoreGrid(model, 0, 1, { neutral: true });
    expect(neutral.homeExpected).toBeCloseTo(1, 5);
    expect(predictScoreGrid(model, 0, 1).homeExpected).toBeCloseTo(2, 5);
    const even = priorTeamStrength(model);
    const symmetric = predictScoreGridFromStrengths(model, even, even, { neutral: true, maxGoals: 6 });
    for (let i = 0; i <= 6; i++)
      for (let j = 0; j <= 6; j++) expect(symmetric.p[i * 7 + j]).toBeCloseTo(symmetric.p[j * 7 + i], 15);
  });
});

describe('fitGoalModel: results are plain JSON', () => {
  for (const family of GOAL_MODEL_FAMILIES) {
    it(`${family} survives a JSON round trip with identical forecasts`, () => {
      const model = fitGoalModel(twoLeagues(), { family, priorStrength: 1 });
      const copy = JSON.parse(JSON.stringify(model)) as FittedGoalModel;
      expect(copy).toEqual(model);
      expect(copy.teams?.[16]).toBe('Promoted');
      expect(copy.formatVersion).toBe(1);
      expect(Array.from(predictScoreGrid(copy, 3, 4).p)).toEqual(Array.from(predictScoreGrid(model, 3, 4).p));
    });
  }
});

describe('fitGoalModel: optimiser control', () => {
  it('converges in fewer iterations from a warm start to the same optimum', () => {
    const data = twoLeagues();
    const cold = fitGoalModel(data, { family: 'bivariate-poisson' });
    const warm = fitGoalModel(data, { family: 'bivariate-poisson', warmStart: cold });
    expect(warm.diagnostics.iterations).toBeLessThan(cold.diagnostics.iterations);
    expect(warm.diagnostics.logLikelihood).toBeCloseTo(cold.diagnostics.logLikelihood, 6);
  });

  it('reports an unconverged fit instead of pretending', () => {
    const model = fitGoalModel(twoLeagues(), { family: 'negative-binomial', maxIterations: 2 });
    expect(model.diagnostics.converged).toBe(false);
    expect(model.diagnostics.reason).toBe('max-iterations');
    expect(model.params.attack.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(model.diagnostics.logLikelihood)).toBe(true);
  });

  it('reports the full log-likelihood, log-factorials included', () => {
    const data = fitDataFromMatches([
      { homeTeam: 'A', awayTeam: 'B', homeGoals: 3, awayGoals: 2 },
      { homeTeam: 'B', awayTeam: 'A', homeGoals: 1, awayGoals: 4 },
    ]);
    const model = fitGoalModel(data, { family: 'poisson' });
    // Recompute Σ ln Poisson(score) from the fitted rates.
    const lnPoisson = (k: number, l: number): number => {
      let lf = 0;
      for (let j = 2; j <= k; j++) lf += Math.log(j);
      return -l + k * Math.log(l) - lf;
    };
    const g1 = predictScoreGrid(model, 0, 1);
    const g2 = predictScoreGrid(model, 1, 0);
    const expected =
      lnPoisson(3, g1.homeExpected) +
      lnPoisson(2, g1.awayExpected) +
      lnPoisson(1, g2.homeExpected) +
      lnPoisson(4, g2.awayExpected);
    expect(model.diagnostics.logLikelihood).toBeCloseTo(expected, 10);
  });
});

describe('Dixon-Coles ρ stays where every τ > 0', () => {
  it('returns Infinity outside the valid region instead of NaN', () => {
    const data = twoLeagues();
    const problem = createGoalModelProblem(data, { family: 'dixon-coles' });
    const likelihood = dixonColesLikelihood(buildPairTable(data, 0), { barrier: false });
    const x = Float64Array.from(problem.start);
    const gradient = new Float64Array(problem.dimension);
    for (const rho of [1, 1.5, -5, 30]) {
      x[extraIndex(data.teamCount, 0)] = rho;
      expect(likelihood.negLogLikelihood(x, gradient)).toBe(Infinity);
    }
  });

  it('fits data that push ρ against the wall without NaN, keeping every fitted τ positive', () => {
    // Only 0-0, 1-1 and big wins: the likelihood wants ρ as negative as τ(0,1), τ(1,0) > 0 allow.
    const matches: NamedMatch[] = [];
    const scores: [number, number][] = [
      [0, 0],
      [1, 1],
      [0, 0],
      [4, 2],
      [2, 4],
    ];
    for (const [h, a] of [
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'A'],
      ['B', 'A'],
      ['C', 'B'],
      ['A', 'C'],
    ]) {
      for (const [x, y] of scores) matches.push({ homeTeam: h, awayTeam: a, homeGoals: x, awayGoals: y });
    }
    const model = fitGoalModel(fitDataFromMatches(matches), { family: 'dixon-coles' });
    const { rho } = model.params;
    expect(model.diagnostics.converged).toBe(true); // the barrier turns the wall into an interior optimum
    expect(Number.isFinite(rho)).toBe(true);
    expect(rho).toBeLessThan(-0.2);
    for (let h = 0; h < 3; h++) {
      for (let a = 0; a < 3; a++) {
        if (h === a) continue;
        const grid = predictScoreGrid(model, h, a);
        expect(1 + rho * grid.homeExpected).toBeGreaterThan(0);
        expect(1 + rho * grid.awayExpected).toBeGreaterThan(0);
        expect(1 - rho * grid.homeExpected * grid.awayExpected).toBeGreaterThan(0);
        expect(grid.p.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      }
    }
    // The reported log-likelihood is Σ ln p(score) of the fitted grids: barrier excluded, τ and factorials included.
    const data = fitDataFromMatches(matches);
    let direct = 0;
    for (let i = 0; i < data.homeTeam.length; i++) {
      const grid = predictScoreGrid(model, data.homeTeam[i], data.awayTeam[i]);
      direct += Math.log(grid.p[data.homeGoals[i] * (grid.maxGoals + 1) + data.awayGoals[i]]);
    }
    expect(model.diagnostics.logLikelihood).toBeCloseTo(direct, 9);
  });
});

describe('fitGoalModel and predictScoreGrid: errors', () => {
  const empty: FitData = {
    teamCount: 2,
    homeTeam: new Int32Array(0),
    awayTeam: new Int32Array(0),
    homeGoals: new Int32Array(0),
    awayGoals: new Int32Array(0),
    neutral: new Uint8Array(0),
  };

  it('throws typed errors on bad input', () => {
    expect(errorCode(() => fitGoalModel(empty, { family: 'poisson' }))).toBe('FIT_NO_MATCHES');
    expect(errorCode(() => fitGoalModel(twoLeagues(), { family: 'poisson', xi: -1 }))).toBe('FIT_OPTIONS_INVALID');
    expect(errorCode(() => fitGoalModel(twoLeagues(), { family: 'poisson', priorStrength: NaN }))).toBe(
      'FIT_OPTIONS_INVALID',
    );
    const poisson = fitGoalModel(twoLeagues(), { family: 'poisson' });
    expect(errorCode(() => fitGoalModel(twoLeagues(), { family: 'dixon-coles', warmStart: poisson }))).toBe(
      'FIT_OPTIONS_INVALID',
    );
    expect(errorCode(() => predictScoreGrid(poisson, 0, 17))).toBe('MODEL_UNKNOWN_TEAM');
    expect(errorCode(() => priorTeamStrength(poisson, 2))).toBe('MODEL_UNKNOWN_GROUP');
  });
});
