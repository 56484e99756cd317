import { priceTieInFull, dayBefore, type PricedTieOutlook, type PriceTieRequest } from '../app/price-tie.js';
import { MatchdayError } from '../errors.js';
import type { TieForecastResult } from '../knockout/tie-model.js';
import type { TiePricer } from '../knockout/tie-pricer.js';
import type { TieTeam } from '../knockout/tie-reconstruction.js';
import type { Db } from '../store/database.js';

/** What `/api/tie` is asked: the tie to price, and the second leg's date and competition as asked. */
export interface TieAnswerRequest {
  tie: PriceTieRequest;
  date: string;
  competition: string;
}

export type TieAnswer = Record<string, unknown> & { home: SecondLegOutlook['home']; away: SecondLegOutlook['away'] };

/** A second leg's tie forecast in this fixture's orientation: home = the second leg's hosts (side B). */
export interface SecondLegOutlook {
  result: TieForecastResult;
  home: { name: string; ninetyMinutes: number; extraTime: number; penalties: number; total: number };
  away: { name: string; ninetyMinutes: number; extraTime: number; penalties: number; total: number };
  /** What the trailing side needs, or null when the tie is level. */
  needs: string | null;
  extraTimeScale: number;
}

/**
 * Ties for the API and the match page, set up and priced by app/price-tie.ts as `matchday tie` and the library do,
 * with one pricer for the server (fitted models are kept per date), so the numbers agree.
 */
export class TieOutlooks {
  constructor(
    private readonly db: Db,
    private readonly pricer: TiePricer,
  ) {}

  /** priceTie with the server's pricer. */
  price(request: PriceTieRequest): PricedTieOutlook {
    return priceTieInFull(this.db, request, { pricer: this.pricer });
  }

  /** `/api/tie`'s answer: the priced tie from the second leg's hosts' side, as plain data (a worker returns it). */
  answer(request: TieAnswerRequest): TieAnswer {
    const full = this.price(request.tie);
    const { outlook, priced } = full;
    const result = priced.forecast;
    const view = secondLegView(full);
    return {
      date: request.date,
      competition: outlook.tie.competition ?? request.competition,
      season: outlook.tie.season,
      home: view.home,
      away: view.away,
      extraTime: result.extraTime,
      penalties: result.penalties,
      needs: view.needs,
      mostLikelySecondLegScores: result.mostLikelySecondLegScores,
      rules: result.rules,
      secondLegExpected: result.secondLegExpected,
      extraTimeScale: view.extraTimeScale,
      penaltyHomeWin: result.penaltyHomeWin,
      model: { kind: result.model, ...priced.grids, teamsFromPrior: priced.teamsFromPrior },
    };
  }

  /** The second leg of a stored tie, or a what-if of it; null when the registry has no tie rules for it. */
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
  }): SecondLegOutlook | null {
    try {
      return secondLegView(
        this.price({
          teamA: { teamId: options.away.id, name: options.away.name },
          teamB: { teamId: options.home.id, name: options.home.name },
          teamAHostedFirstLeg: true,
          competition: options.competitionCode,
          season: options.season,
          asOf: dayBefore(options.date),
          firstLeg: [options.firstLeg.hostGoals, options.firstLeg.visitorGoals],
          neutral: options.neutral,
          homeShift: options.homeShift,
          awayShift: options.awayShift,
        }),
      );
    } catch (error) {
      if (error instanceof MatchdayError && error.code === 'UNKNOWN_RULES') return null;
      throw error;
    }
  }
}

/** A priced tie from the second leg's hosts' side: home = b, away = a. */
export function secondLegView({ priced, a, b }: PricedTieOutlook): SecondLegOutlook {
  const result = priced.forecast;
  return {
    result,
    home: { name: b.name, ...result.b },
    away: { name: a.name, ...result.a },
    needs: result.needs.trailing === null ? null : result.needs.phrase,
    extraTimeScale: result.extraTimeScale,
  };
}
