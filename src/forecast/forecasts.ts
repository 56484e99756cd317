import type { ForecastSource } from '../history/forecast-history.js';
import {
  FORECASTER,
  fitForecaster,
  forecasterHistoryYears,
  type ForecastOutcome,
  type Forecaster,
  type ForecasterConstants,
  type StrengthShift,
} from './forecaster.js';
import type { ScoreGrid } from '../models/score-grid.js';
import type { Fixture } from './match-forecaster.js';

/**
 * The one way to a forecast, for `predict`, previews, the server, the library and the backtest alike: a fixture's
 * forecaster is fitted on its scope (history/forecast-scope.ts) with the matches strictly before the fit date,
 * and kept, so every fixture of a scope on that date shares one fit. Give the fit date explicitly: `predict`
 * fits as of the fixture's date, a weekly backtest as of its last refit.
 */
export class Forecasts {
  private readonly fitted = new Map<string, Forecaster>();

  constructor(
    private readonly source: ForecastSource,
    readonly constants: ForecasterConstants = FORECASTER,
    /** Fitted forecasters kept; the oldest fit goes first. */
    private readonly capacity = 64,
  ) {}

  /** The forecaster for a fixture fitted as of `fitDate` (one fit per scope and date, kept). */
  forecaster(fixture: Fixture, fitDate: string): Forecaster {
    const scope = this.source.scope(fixture, fitDate);
    const key = `${fitDate} ${scope.join(',')}`;
    let forecaster = this.fitted.get(key);
    if (!forecaster) {
      const history = this.source.history(scope, fitDate, forecasterHistoryYears(this.constants));
      forecaster = fitForecaster(history, this.constants);
      this.fitted.set(key, forecaster);
      if (this.fitted.size > this.capacity) this.fitted.delete(this.fitted.keys().next().value!);
    }
    return forecaster;
  }

  forecast(fixture: Fixture, fitDate: string, whatIf: StrengthShift = {}): ForecastOutcome {
    return this.forecaster(fixture, fitDate).forecast(fixture, whatIf);
  }

  /** The fixture's score grid as of `fitDate` (throws MatchdayError NO_FORECAST when it cannot be priced). */
  scoreGrid(fixture: Fixture, fitDate: string, whatIf: StrengthShift = {}): ScoreGrid {
    return this.forecaster(fixture, fitDate).scoreGrid(fixture, whatIf);
  }

  /** Forecasters fitted and kept. */
  get size(): number {
    return this.fitted.size;
  }
}
