import { clubStatures } from '../history/club-stature.js';
import type { SuperiorityShift } from './superiority-shift.js';

/**
 * Club stature. The goal models see a few years; the market sees a century: it rates the clubs that have
 * spent their history at the top of a league above what their recent results say, and the clubs new to it
 * below (on 2016-22 its superiority differs from ours by up to ±0.35 for a whole season for PSG or Manchester
 * United, and for Freiburg, Girona or Cadiz). The superiority moves by `shift` × (home's stature − away's),
 * the stature being points per game in the fixture's league over the last `seasons` seasons.
 */
export interface StatureOptions {
  seasons: number;
  shift: number;
}

/** Fitted by maximum likelihood on 2012-16 and checked on 2016-22 (docs/backtest.md). */
export const STATURE: StatureOptions = { seasons: 100, shift: 0.12 };

/**
 * The stature shift of league fixtures whose season is known. A season's statures depend on the seasons
 * before it only, which every fit of a backtest sees whole (a year more of history than `seasons` makes sure
 * of the oldest): they are worked out once per league season and kept — make one shift per backtest run.
 */
export function statureShift(options: StatureOptions = STATURE): SuperiorityShift {
  const statures = new Map<string, Map<number, number>>();
  return {
    historyYears: options.seasons + 1,
    fit(history) {
      return (fixture) => {
        if (fixture.season === undefined) return 0;
        const key = `${fixture.competition} ${fixture.season}`;
        let stature = statures.get(key);
        if (!stature) {
          const league = history.filter((m) => m.kind === 'league' && m.competition === fixture.competition);
          stature = clubStatures(league, fixture.season, options.seasons);
          statures.set(key, stature);
        }
        return options.shift * ((stature.get(fixture.homeTeamId) ?? 0) - (stature.get(fixture.awayTeamId) ?? 0));
      };
    },
  };
}
