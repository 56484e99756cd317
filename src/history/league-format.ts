import {
  pointsIn,
  robinsIn,
  splitIn,
  type Competition,
  type LeagueSplit,
  type Points,
} from '../competitions/competition.js';

/**
 * What the run-in of a league season looks like, from the registry: how many matches each team plays (round robins,
 * a split into groups), what a win is worth, and the places that matter. The stakes shift reads it; where the
 * registry does not know it, there is no format and no shift.
 */
export interface LeagueFormat {
  /** Times each pair meets before any split. */
  robins: number;
  split: LeagueSplit | null;
  points: Points;
  /** 1 = top flight; null where the registry gives none (treated as a top flight). */
  tier: number | null;
  /** Places promoted directly (lower tiers), null where unknown. */
  promotion: number | null;
  /** Places relegated directly. */
  relegation: number;
  /** The season ends in play-offs: a relegation play-off in a top flight, a promotion play-off below it. */
  playoffs: boolean;
}

/**
 * The format of a league's season, or null where the registry does not know it well enough to say what is left
 * to play for: a competition created from a file (`formatKnown` false), a season that is no round robin (or whose
 * rounds are not known), or a league whose relegation places are not given. (A season later cut short keeps its
 * format: before it was cut, that was what everyone played for.)
 */
export function leagueFormat(competition: Competition, season: string): LeagueFormat | null {
  if (competition.kind !== 'league' || !competition.formatKnown) return null;
  const robins = robinsIn(competition, season);
  if (robins === null || competition.relegation === null) return null;
  return {
    robins,
    split: splitIn(competition, season),
    points: pointsIn(competition, season),
    tier: competition.tier,
    promotion: competition.promotion,
    relegation: competition.relegation,
    playoffs: competition.playoffs,
  };
}

/**
 * The lines of a table with `teams` teams that matter, each as the number of places above it (line 1 is below
 * the 1st). One set for every league, tuned on the five big leagues (docs/backtest.md) and carried over by
 * what the registry says:
 *  - below the 1st (the title; the top of a lower tier);
 *  - in a top flight, below the 4th to the 7th (the European places, which vary by league and year), those in
 *    the top half of the table;
 *  - in a lower tier, below the promoted places and, where the season ends in play-offs, four places lower (the
 *    play-off zone: 3rd–6th in England's Championship);
 *  - above the relegated places, and in a top flight with play-offs one place higher (the relegation play-off:
 *    16th in the Bundesliga and Ligue 1).
 * Exact places change from season to season and a team near any of these lines has something to play for, so
 * the lines are approximate by design: per-league, per-season zones did no better (docs/backtest.md).
 */
export function tableLines(format: LeagueFormat, teams: number): number[] {
  const topFlight = format.tier === null || format.tier === 1;
  const lines = [1];
  if (topFlight) {
    for (let line = 4; line <= 7; line++) if (line < teams / 2) lines.push(line);
  } else if (format.promotion !== null && format.promotion > 0) {
    lines.push(format.promotion);
    if (format.playoffs) lines.push(format.promotion + 4);
  }
  lines.push(teams - format.relegation - (topFlight && format.playoffs ? 1 : 0));
  return [...new Set(lines)].filter((line) => line >= 1 && line < teams).sort((a, b) => a - b);
}
