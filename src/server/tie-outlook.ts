import type { FixtureForecast } from '../forecast/fixture-forecast.js';
import { gameStateBefore } from '../evaluate/tie-calibration-file.js';
import {
  fitExtraTimeScale,
  forecastTie,
  SAME_RATE_EXTRA_TIME_SCALE,
  type TieForecastResult,
} from '../forecast/tie-forecast.js';
import { tieStateAfterFirstLeg } from '../forecast/two-legged-tie.js';
import { extraTimeHistory } from '../history/preview-history.js';
import { tieRules } from '../history/ties.js';
import type { Db } from '../store/database.js';
import { LruCache } from './lru-cache.js';

/** A second leg's tie forecast in this fixture's orientation: home = the second leg's hosts (side B). */
export interface TieOutlook {
  result: TieForecastResult;
  home: { name: string; ninetyMinutes: number; extraTime: number; penalties: number; total: number };
  away: { name: string; ninetyMinutes: number; extraTime: number; penalties: number; total: number };
  /** What the trailing side needs, or null when the tie is level. */
  needs: string | null;
  extraTimeScale: number;
}

/**
 * Tie forecasts for a second leg from the same numbers as the page's match forecast (its expected goals, what-ifs
 * included), the way the preview computes its tie: every second-leg score from one grid, extra time at the rate
 * fitted on the European extra times before the date, penalties 50-50, the season's away-goals rule.
 */
export class TieOutlooks {
  private readonly scales = new LruCache<string, number>(64);

  constructor(private readonly db: Db) {}

  /** Null when matchday does not know how a level tie is settled in this competition. */
  secondLeg(options: {
    competitionCode: string;
    season: string;
    date: string;
    forecast: FixtureForecast;
    /** The first leg, played at this fixture's away team's ground: its hosts' goals and the visitors'. */
    firstLeg: { hostGoals: number; visitorGoals: number };
  }): TieOutlook | null {
    const rules = tieRules(options.competitionCode, options.season);
    if (!rules) return null;
    const extraTimeScale = this.scales.getOrCreate(options.date, () => {
      const evidence = extraTimeHistory(this.db, options.date);
      return evidence ? fitExtraTimeScale(evidence) : SAME_RATE_EXTRA_TIME_SCALE;
    });
    const { forecast } = options;
    // Side A hosted the first leg (this fixture's away team); B hosts the second.
    const result = forecastTie({
      names: { a: forecast.away.name, b: forecast.home.name },
      state: tieStateAfterFirstLeg(options.firstLeg.hostGoals, options.firstLeg.visitorGoals),
      rules,
      homeExpected: forecast.expectedGoals.home,
      awayExpected: forecast.expectedGoals.away,
      rho: forecast.rho,
      extraTimeScale,
      gameState: gameStateBefore(options.date),
    });
    return {
      result,
      home: { name: forecast.home.name, ...result.b },
      away: { name: forecast.away.name, ...result.a },
      needs: result.needs.trailing === null ? null : result.needs.phrase,
      extraTimeScale,
    };
  }
}
