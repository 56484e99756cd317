import { MatchdayError } from '../errors.js';
import { forecastBracketState, type BracketReport } from '../knockout/bracket-forecast.js';
import { bracketTieModel, type BracketModelDescription } from '../knockout/bracket-tie-model.js';
import { readBracketState } from '../knockout/knockout-reader.js';
import type { TiePricer } from '../knockout/tie-pricer.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import { LruCache } from './lru-cache.js';

export type { BracketModelDescription };

export type BracketForecast = BracketReport & { model: BracketModelDescription | null };

/**
 * Brackets with each team's round-by-round chances, priced as `matchday bracket` prices them
 * (knockout/bracket-tie-model.ts), kept once computed: a competition-season as of a date never changes in a
 * read-only database.
 */
export class BracketForecasts {
  private readonly reports = new LruCache<string, Promise<BracketForecast>>(32);

  constructor(
    private readonly db: Db,
    private readonly pricer: TiePricer,
  ) {}

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
    const state = readBracketState(this.db, competitionCode, season, asOf);
    const odds = bracketTieModel(this.pricer, state);
    const report = await forecastBracketState(state, odds.model, {});
    return { ...report, model: odds.description };
  }
}
