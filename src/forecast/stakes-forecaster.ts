import { leagueTable } from '../history/league-table.js';
import { stakeRatio } from '../history/season-stakes.js';
import type { FixturePredictor, HistoryMatch, MatchForecaster } from './match-forecaster.js';
import { logistic, shiftOutcomes } from './outcome-stretch.js';

/**
 * What is left to play for. Late in a season a team that can no longer reach or lose a place that matters
 * (title, Europe, relegation) does worse than its strength says, and its opponent better: on 2016-22 the
 * goal models overrate such a team by ~0.15 in E[home win − away win] (docs/backtest.md). Each side gets a
 * degree of "nothing left to play for", logistic((stake ratio − midpoint) / width) from the league table as
 * of the fit date, and the forecast's superiority moves by `shift` × (away's degree − home's degree).
 */
export interface StakesOptions {
  ratioMidpoint: number;
  ratioWidth: number;
  /** On the ordered-logit superiority scale (the outcome stretch's). */
  shift: number;
}

/** Fitted by maximum likelihood on 2012-16 and checked on 2016-22 (docs/backtest.md). */
export const STAKES: StakesOptions = { ratioMidpoint: 0.6, ratioWidth: 0.1, shift: 0.5 };

/**
 * `forecaster` with the stakes shift on league fixtures whose season is known and has been played in before
 * the fit date. The table is the one as of the fit date — the fit sees nothing later — with the fixture's
 * teams added if they have not played yet.
 */
export function stakesForecaster(forecaster: MatchForecaster, options: StakesOptions = STAKES): MatchForecaster {
  const nothingToPlayFor = (ratio: number): number =>
    ratio === Infinity ? 1 : logistic((ratio - options.ratioMidpoint) / options.ratioWidth);
  return {
    historyYears: forecaster.historyYears,
    fit(history, date): FixturePredictor {
      const predictor = forecaster.fit(history, date);
      const seasons = leagueSeasons(history);
      return {
        predict(fixture) {
          const prediction = predictor.predict(fixture);
          if ('skipped' in prediction || fixture.season === undefined) return prediction;
          const matches = seasons.get(seasonKey(fixture.competition, fixture.season));
          if (!matches) return prediction;
          const table = leagueTable(matches, [fixture.homeTeamId, fixture.awayTeamId]);
          const home = nothingToPlayFor(stakeRatio(table, fixture.homeTeamId));
          const away = nothingToPlayFor(stakeRatio(table, fixture.awayTeamId));
          return { probabilities: shiftOutcomes(prediction.probabilities, options.shift * (away - home)) };
        },
      };
    },
  };
}

function seasonKey(competition: string, season: string): string {
  return `${competition} ${season}`;
}

/** The league matches of the history by competition and season. */
function leagueSeasons(history: readonly HistoryMatch[]): Map<string, HistoryMatch[]> {
  const seasons = new Map<string, HistoryMatch[]>();
  for (const m of history) {
    if (m.kind !== 'league') continue;
    const key = seasonKey(m.competition, m.season);
    const list = seasons.get(key);
    if (list) list.push(m);
    else seasons.set(key, [m]);
  }
  return seasons;
}
