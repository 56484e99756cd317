import { MatchdayError } from '../errors.js';
import { forecastBracketState, type BracketReport } from '../knockout/bracket-forecast.js';
import { bracketTieModel, type BracketModelDescription } from '../knockout/bracket-tie-model.js';
import { readBracketState } from '../knockout/knockout-reader.js';
import type { TiePricer } from '../knockout/tie-pricer.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';

export type { BracketModelDescription };

export type BracketForecast = BracketReport & { model: BracketModelDescription | null };

/**
 * Brackets with each team's round-by-round chances, priced as `matchday bracket` prices them
 * (knockout/bracket-tie-model.ts). The server keeps them (server/server-work.ts): a competition-season as of a date
 * never changes while the database does not.
 */
export class BracketForecasts {
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
    return this.compute(competitionCode, season, asOf);
  }

  private async compute(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    const state = readBracketState(this.db, competitionCode, season, asOf);
    const odds = bracketTieModel(this.pricer, state);
    // The server prices brackets on a worker thread: simulating there, with no threads of its own, leaves the other
    // cores to the event loop (the counts are the same whatever the threads).
    const report = await forecastBracketState(state, odds.model, { threads: 0 });
    return { ...report, model: odds.description };
  }
}
