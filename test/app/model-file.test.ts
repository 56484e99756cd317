import { describe, expect, it } from 'vitest';
import { fitFixtureModel, fixtureFitScope } from '../../src/app/fixture-model.js';
import { predictFixture } from '../../src/app/predict.js';
import { savedFixtureModel } from '../../src/forecast/fixture-forecast.js';
import { DEFAULT_MODEL_OPTIONS } from '../../src/forecast/model-families.js';
import { findTeam } from '../../src/history/team-lookup.js';
import { smallLeagueDatabase } from '../server/small-league.js';

/**
 * `--model-file` means one thing in predict, preview and serve (forecast/model-file.ts savedModelAnswers): a saved
 * model answers for fixtures from the day after its data; an earlier fixture would be forecast by a model that has
 * seen its result, so it is fitted on the database as without the file.
 */
describe('a saved model answers for fixtures after its data, and only those', () => {
  // A four-team league played 2024-01-01..2024-01-12; the saved model has seen the matches before 2024-01-07.
  const { db } = smallLeagueDatabase();
  const alpha = findTeam(db, 'Alpha');
  const beta = findTeam(db, 'Beta');
  const saved = savedFixtureModel(
    fitFixtureModel(db, fixtureFitScope(db, [alpha.teamId, beta.teamId], '2024-01-07'), DEFAULT_MODEL_OPTIONS),
  );

  it('forecasts a fixture on or after the day its data ends', () => {
    for (const date of ['2024-01-07', '2024-02-01']) {
      const forecast = predictFixture(db, { home: 'Alpha', away: 'Beta', date, savedModel: saved });
      expect(forecast.model.family).toBe('dixon-coles');
      expect(forecast.model.data).toEqual(saved.data);
    }
  });

  it('leaves an earlier fixture to a fit on the database', () => {
    const forecast = predictFixture(db, { home: 'Alpha', away: 'Beta', date: '2024-01-06', savedModel: saved });
    expect(forecast.model.family).toBe('ensemble');
    expect(forecast.model.data.lastDate! < '2024-01-06').toBe(true);
  });

  it('is a saved model or a single model, not both', () => {
    expect(() =>
      predictFixture(db, {
        home: 'Alpha',
        away: 'Beta',
        date: '2024-02-01',
        savedModel: saved,
        model: { family: 'poisson', xi: 0, priorStrength: 0 },
      }),
    ).toThrow('field model: give a single model or a saved model, not both');
  });
});
