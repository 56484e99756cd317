import { describe, expect, it } from 'vitest';
import { fitGoalModel } from '../../src/models/fit-goal-model.js';
import { GOAL_MODEL_FAMILIES } from '../../src/models/goal-model.js';
import { predictScoreGrid } from '../../src/models/predict-score-grid.js';
import { hasSharedData } from '../shared-data.js';
import { FIVE_LEAGUES, fiveLeagueFiles, loadFootballData } from './football-data-fixture.js';

describe.skipIf(!hasSharedData)('goal models on football-data.co.uk (real data)', () => {
  it('Dixon-Coles on the 2023-24 Premier League reaches the reference maximum', () => {
    const data = loadFootballData(['football-data/E0/2023-24.csv']);
    expect(data.homeTeam.length).toBe(380);
    expect(data.teamCount).toBe(20);
    const model = fitGoalModel(data, { family: 'dixon-coles' });
    expect(model.diagnostics.converged).toBe(true);
    // Reference maximum of the unweighted, prior-free Dixon-Coles likelihood (log-factorials included).
    expect(model.diagnostics.logLikelihood).toBeGreaterThanOrEqual(-1135.251 - 1e-3);
    expect(model.params.homeAdvantage).toBeCloseTo(0.197, 3);
    expect(model.params.rho).toBeCloseTo(-0.02, 3);
    expect(model.diagnostics.components).toHaveLength(1);

    const names = model.teams ?? [];
    const city = names.indexOf('E0:Man City');
    const sheffield = names.indexOf('E0:Sheffield United');
    const grid = predictScoreGrid(model, city, sheffield, { maxGoals: 10 });
    expect(grid.homeExpected).toBeGreaterThan(2.5); // the champions at home to the bottom club
    expect(grid.truncatedMass).toBeGreaterThan(1e-3); // such a rate leaves real mass beyond 10 goals…
    expect(predictScoreGrid(model, city, sheffield, { maxGoals: 20 }).truncatedMass).toBeLessThan(1e-7); // …and none beyond 20
  });

  it('every family fits ten seasons of five leagues, one component per league', () => {
    const data = loadFootballData(fiveLeagueFiles());
    expect(data.homeTeam.length).toBe(18_011);
    expect(data.teamCount).toBe(160);
    for (const family of GOAL_MODEL_FAMILIES) {
      const model = fitGoalModel(data, { family });
      expect(model.diagnostics.converged, family).toBe(true);
      const { components } = model.diagnostics;
      expect(components).toHaveLength(FIVE_LEAGUES.length);
      expect(components.reduce((s, c) => s + c.matches, 0)).toBe(18_011);
      for (const component of components) {
        const leagues = new Set(component.teams.map((t) => (model.teams?.[t] ?? '').split(':')[0]));
        expect(leagues.size).toBe(1);
        const meanDefence = component.teams.reduce((s, t) => s + model.params.defence[t], 0) / component.teams.length;
        expect(Math.abs(meanDefence)).toBeLessThan(1e-5);
      }
      expect(model.params.homeAdvantage).toBeGreaterThan(0.15);
      expect(model.params.homeAdvantage).toBeLessThan(0.3);
    }
  });
});
