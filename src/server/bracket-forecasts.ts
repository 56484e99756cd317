import { forecastBracketState, type BracketReport } from '../forecast/bracket-forecast.js';
import { DEFAULT_MODEL_OPTIONS } from '../forecast/match-model.js';
import { bracketTieModel, type BracketModelDescription } from '../evaluate/bracket-tie-model.js';
import { gameStateBefore } from '../evaluate/tie-calibration-file.js';
import { TieForecaster } from '../evaluate/tie-forecaster.js';
import { MatchdayError } from '../errors.js';
import { registryOf } from '../store/competition-store.js';
import { bracketState } from '../history/bracket-state.js';
import type { Db } from '../store/database.js';
import { LruCache } from './lru-cache.js';

export type { BracketModelDescription };

export type BracketForecast = BracketReport & { model: BracketModelDescription | null };

/**
 * Brackets with each team's round-by-round chances, priced as `matchday bracket` prices them
 * (evaluate/bracket-tie-model.ts), kept once computed: a competition-season as of a date never changes in a read-only database.
 */
export class BracketForecasts {
  private forecaster: TieForecaster | null = null;
  private readonly reports = new LruCache<string, Promise<BracketForecast>>(32);

  constructor(private readonly db: Db) {}

  forecast(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    if (registryOf(this.db).get(competitionCode)?.kind === 'league') {
      return Promise.reject(
        new MatchdayError('NO_BRACKET', `${competitionCode} is a league: it has no bracket`, { field: 'competition' }),
      );
    }
    const key = [competitionCode, season, asOf].join('|');
    const cached = this.reports.get(key);
    if (cached) return cached;
    const report = this.compute(competitionCode, season, asOf);
    this.reports.set(key, report);
    // A failure is not kept: the next request tries again.
    report.catch(() => this.reports.delete(key));
    return report;
  }

  private async compute(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    const state = bracketState(this.db, competitionCode, season, asOf);
    this.forecaster ??= new TieForecaster(this.db, { model: DEFAULT_MODEL_OPTIONS });
    const odds = bracketTieModel(this.forecaster, state, gameStateBefore(state.asOf));
    const report = await forecastBracketState(state, odds.model, {});
    return { ...report, model: odds.description };
  }
}
