import { yearsBefore } from '../history/fit-scope.js';
import {
  firstOnOrAfter,
  type Fixture,
  type FixturePredictor,
  type HistoryMatch,
  type MatchForecaster,
} from './match-forecaster.js';
import { shiftOutcomes } from './outcome-stretch.js';

/**
 * Something the goal models do not see that moves a fixture toward one side, read from the league history
 * before the fit date: a shift of the forecast's superiority on the ordered-logit scale (> 0 toward home).
 */
export interface SuperiorityShift {
  /** Years of history before the fit date it needs. */
  readonly historyYears: number;
  /**
   * `history`: played matches strictly before `date`, oldest first, no older than `historyYears`. Returns the
   * shift of a fixture (0: nothing to say).
   */
  fit(history: readonly HistoryMatch[], date: string): (fixture: Fixture) => number;
}

/**
 * `forecaster` with the sum of `shifts` applied to every forecast it makes. Each part sees only its own years
 * of the history (the stature shift's century is not the goal models' four years).
 */
export function shiftedForecaster(forecaster: MatchForecaster, shifts: readonly SuperiorityShift[]): MatchForecaster {
  const ownYears = (history: readonly HistoryMatch[], date: string, years: number): readonly HistoryMatch[] =>
    history.slice(firstOnOrAfter(history, yearsBefore(date, years)));
  return {
    historyYears: Math.max(forecaster.historyYears, ...shifts.map((s) => s.historyYears)),
    fit(history, date): FixturePredictor {
      const predictor = forecaster.fit(ownYears(history, date, forecaster.historyYears), date);
      const shiftOf = shifts.map((s) => s.fit(ownYears(history, date, s.historyYears), date));
      return {
        predict(fixture) {
          const prediction = predictor.predict(fixture);
          if ('skipped' in prediction) return prediction;
          const shift = shiftOf.reduce((sum, of) => sum + of(fixture), 0);
          return shift === 0 ? prediction : { probabilities: shiftOutcomes(prediction.probabilities, shift) };
        },
      };
    },
  };
}
