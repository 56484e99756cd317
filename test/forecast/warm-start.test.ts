import { expect, inject, it } from 'vitest';
import { GoalModelFitter } from '../../src/forecast/goal-model-forecaster.js';
import { storeForecastSource } from '../../src/history/forecast-history.js';
import { openDatabase } from '../../src/store/database.js';
import { describeWithSharedData } from '../shared-data.js';

describeWithSharedData('weekly Dixon-Coles refits (real data)', () => {
  it('fit from scratch when the week before’s parameters start outside the valid region (Serie A, spring 1984)', () => {
    const db = openDatabase(inject('sharedDb'), { readonly: true });
    const source = storeForecastSource(db);
    const fitter = new GoalModelFitter({ family: 'dixon-coles', xi: 0.002, priorStrength: 3, gradientTolerance: 1e-5 });
    // The fit of 1984-03-19 leaves a ρ at which some τ of the next week's rates is ≤ 0.
    for (const date of ['1984-03-12', '1984-03-19', '1984-03-26', '1984-04-02']) {
      const fitted = fitter.fit(source.history(['it.1'], date, 4).matches, date);
      expect(fitted.model.diagnostics.converged).toBe(true);
    }
    db.close();
  });
});
