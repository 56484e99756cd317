import { predictBracket, type BracketForecast } from '../app/predict-bracket.js';
import type { TiePricer } from '../knockout/tie-pricer.js';
import type { Db } from '../store/database.js';

export type { BracketForecast };

/**
 * Brackets with each team's round-by-round chances, priced as `matchday bracket` prices them
 * (app/predict-bracket.ts). The server keeps them (server/server-work.ts): a competition-season as of a date
 * never changes while the database does not.
 */
export class BracketForecasts {
  constructor(
    private readonly db: Db,
    private readonly pricer: TiePricer,
  ) {}

  forecast(competitionCode: string, season: string, asOf: string): Promise<BracketForecast> {
    // The server prices brackets on a worker thread: simulating there, with no threads of its own, leaves the other
    // cores to the event loop (the counts are the same whatever the threads).
    return predictBracket(
      this.db,
      { competition: competitionCode, season, asOf, simulation: { threads: 0 } },
      this.pricer,
    );
  }
}
