import { MatchdayError } from '../errors.js';
import { yearsBefore } from '../history/fit-scope.js';
import {
  firstOnOrAfter,
  fitOrSkip,
  type FixturePredictor,
  type MatchForecaster,
  type Probabilities1x2,
} from './match-forecaster.js';

export interface EnsembleMember {
  forecaster: MatchForecaster;
  /** > 0; weights are normalised over the members that price a fixture. */
  weight: number;
}

/**
 * The weighted mean of the members' 1X2 probabilities. Each member sees only its own history window. A member
 * that cannot price a fixture (or whose fit failed) is left out of that fixture's mean; when none can, the fixture is skipped with
 * the first member's reason.
 */
export function ensembleForecaster(members: readonly EnsembleMember[]): MatchForecaster {
  if (members.length === 0) throw new MatchdayError('BAD_OPTION', 'an ensemble needs at least one member');
  for (const m of members) {
    if (!(m.weight > 0) || !Number.isFinite(m.weight)) {
      throw new MatchdayError('BAD_OPTION', `ensemble weights must be positive, got ${m.weight}`, { field: 'weight' });
    }
  }
  return {
    historyYears: Math.max(...members.map((m) => m.forecaster.historyYears)),
    fit(history, date): FixturePredictor {
      const predictors = members.map((m) => {
        const from = yearsBefore(date, m.forecaster.historyYears);
        return {
          predictor: fitOrSkip(m.forecaster, history.slice(firstOnOrAfter(history, from)), date),
          weight: m.weight,
        };
      });
      return {
        predict(fixture) {
          const mean: Probabilities1x2 = [0, 0, 0];
          let total = 0;
          let firstSkip: string | null = null;
          for (const { predictor, weight } of predictors) {
            const prediction = predictor.predict(fixture);
            if ('skipped' in prediction) {
              firstSkip ??= prediction.skipped;
              continue;
            }
            for (let k = 0; k < 3; k++) mean[k] += weight * prediction.probabilities[k];
            total += weight;
          }
          if (total === 0) return { skipped: firstSkip ?? 'no member priced the fixture' };
          return { probabilities: [mean[0] / total, mean[1] / total, mean[2] / total] };
        },
      };
    },
  };
}
