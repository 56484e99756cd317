import { predictBracket, type BracketForecast } from '../app/predict-bracket.js';
import type { TiePricer } from '../knockout/tie-pricer.js';
import type { Db } from '../store/database.js';
import { LruCache } from './lru-cache.js';

export type { BracketForecast };

/**
 * Brackets with each team's round-by-round chances, priced as `matchday bracket` prices them
 * (app/predict-bracket.ts), kept once computed: a competition-season as of a date never changes in a
 * read-only database.
 */
export class BracketForecasts {
  private readonly reports = new LruCache<string, Promise<BracketForecast>>(32);

  constructor(
    private readonly db: Db,
    private readonly pricer: TiePricer,
  ) {}

  forecast(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    const key = [competitionCode, season, asOf].join('|');
    const cached = this.reports.get(key);
    if (cached) return cached;
    const report = predictBracket(this.db, { competition: competitionCode, season, asOf }, this.pricer);
    this.reports.set(key, report);
    // A failure is not kept: the next request tries again.
    report.catch(() => this.reports.delete(key));
    return report;
  }
}
