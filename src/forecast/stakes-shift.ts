import { leagueTable } from '../history/league-table.js';
import { stakeRatio } from '../history/season-stakes.js';
import { logistic } from './outcome-stretch.js';
import type { HistoryMatch } from './match-forecaster.js';
import type { SuperiorityShift } from './superiority-shift.js';

/**
 * What is left to play for. Late in a season a team that can no longer reach or lose a place that matters
 * (title, Europe, relegation) does worse than its strength says, and its opponent better: the goal models
 * overrate such a team by ~0.15 in E[home win − away win] (docs/backtest.md). Each side gets a degree of
 * "nothing left to play for", logistic((stake ratio − midpoint) / width) from the league table as of the fit
 * date, and the superiority moves by `shift` × (away's degree − home's degree).
 */
export interface StakesOptions {
  ratioMidpoint: number;
  ratioWidth: number;
  shift: number;
}

/** Fitted by maximum likelihood on 2012-16 and checked on 2016-22 (docs/backtest.md). */
export const STAKES: StakesOptions = { ratioMidpoint: 0.6, ratioWidth: 0.1, shift: 0.5 };

/**
 * The stakes shift of league fixtures whose season is known and has been played in before the fit date; the
 * table is the one as of the fit date, with the fixture's teams added if they have not played yet.
 */
export function stakesShift(options: StakesOptions = STAKES): SuperiorityShift {
  const nothingToPlayFor = (ratio: number): number =>
    ratio === Infinity ? 1 : logistic((ratio - options.ratioMidpoint) / options.ratioWidth);
  return {
    // A season's matches all lie within two years before any of its dates.
    historyYears: 2,
    fit(history) {
      const seasons = leagueSeasons(history);
      return (fixture) => {
        if (fixture.season === undefined) return 0;
        const matches = seasons.get(seasonKey({ competition: fixture.competition, season: fixture.season }));
        if (!matches) return 0;
        const table = leagueTable(matches, [fixture.homeTeamId, fixture.awayTeamId]);
        const home = nothingToPlayFor(stakeRatio(table, fixture.homeTeamId));
        const away = nothingToPlayFor(stakeRatio(table, fixture.awayTeamId));
        return options.shift * (away - home);
      };
    },
  };
}

function seasonKey(m: { competition: string; season: string }): string {
  return `${m.competition} ${m.season}`;
}

/** The league matches of the history by competition and season. */
function leagueSeasons(history: readonly HistoryMatch[]): Map<string, HistoryMatch[]> {
  const seasons = new Map<string, HistoryMatch[]>();
  for (const m of history) {
    if (m.kind !== 'league') continue;
    const key = seasonKey(m);
    const list = seasons.get(key);
    if (list) list.push(m);
    else seasons.set(key, [m]);
  }
  return seasons;
}
