import { tieRulesOf } from '../knockout/tie-outcome.js';
import type { TieForecastResult } from '../knockout/tie-model.js';
import type { PricedTie, TiePricer } from '../knockout/tie-pricer.js';
import type { TieTeam } from '../knockout/tie-reconstruction.js';
import { tieStateAfterFirstLeg } from '../knockout/two-legged-tie.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';

/** A second leg's tie forecast in this fixture's orientation: home = the second leg's hosts (side B). */
export interface TieOutlook {
  result: TieForecastResult;
  priced: PricedTie;
  home: { name: string; ninetyMinutes: number; extraTime: number; penalties: number; total: number };
  away: { name: string; ninetyMinutes: number; extraTime: number; penalties: number; total: number };
  /** What the trailing side needs, or null when the tie is level. */
  needs: string | null;
  extraTimeScale: number;
}

/**
 * Second legs for the API and the match page, priced by the one tie pricer `matchday tie` and the preview use
 * (knockout/tie-pricer.ts): the same legs, extra-time rate, calibration and rules, so the numbers agree.
 */
export class TieOutlooks {
  constructor(
    private readonly db: Db,
    private readonly pricer: TiePricer,
  ) {}

  /** Null when the registry has no tie rules for the competition's season. */
  secondLeg(options: {
    competitionCode: string;
    season: string;
    /** The second leg's date: everything is fitted on matches before it. */
    date: string;
    /** The second leg's hosts and visitors (the visitors hosted the first leg). */
    home: TieTeam;
    away: TieTeam;
    neutral: boolean;
    /** The first leg, played at this fixture's away team's ground: its hosts' goals and the visitors'. */
    firstLeg: { hostGoals: number; visitorGoals: number };
    homeShift?: number;
    awayShift?: number;
  }): TieOutlook | null {
    const rules = tieRulesOf(registryOf(this.db), options.competitionCode, options.season);
    if (!rules) return null;
    const priced = this.pricer.price({
      a: options.away,
      b: options.home,
      state: tieStateAfterFirstLeg(options.firstLeg.hostGoals, options.firstLeg.visitorGoals),
      rules,
      neutral: options.neutral,
      before: options.date,
      homeShift: options.homeShift,
      awayShift: options.awayShift,
    });
    const result = priced.forecast;
    return {
      result,
      priced,
      home: { name: options.home.name, ...result.b },
      away: { name: options.away.name, ...result.a },
      needs: result.needs.trailing === null ? null : result.needs.phrase,
      extraTimeScale: result.extraTimeScale,
    };
  }
}
