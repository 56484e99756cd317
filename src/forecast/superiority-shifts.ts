import type { LeagueTable } from '../history/league-table.js';
import { stakeRatio } from '../history/season-stakes.js';
import { logistic } from './outcome-stretch.js';

/**
 * Two things the goal models cannot see that move a league fixture toward one side, each a shift of the
 * forecast's superiority on the ordered-logit scale (> 0 toward home), read from the league before the fit date.
 */

/**
 * What is left to play for. Late in a season a team that can no longer reach or lose a place that matters
 * (title, Europe, promotion, relegation) does worse than its strength says, and its opponent better: the goal
 * models overrate such a team by ~0.15 in E[home win − away win] (docs/backtest.md). Each side gets a degree of
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
 * Club stature. The goal models see a few years; the market sees a century: it rates the clubs that have
 * spent their history at the top of a league above what their recent results say, and the clubs new to it
 * below (on 2016-22 its superiority differs from ours by up to ±0.35 for a whole season for PSG or Manchester
 * United, and for Freiburg, Girona or Cadiz). The superiority moves by `shift` × (home's stature − away's),
 * the stature being points per game in the fixture's league over the last `seasons` seasons
 * (history/club-stature.ts). Top flights only (forecaster.ts, hasStature).
 */
export interface StatureOptions {
  seasons: number;
  shift: number;
}

/** Fitted by maximum likelihood on 2012-16 and checked on 2016-22 (docs/backtest.md). */
export const STATURE: StatureOptions = { seasons: 100, shift: 0.12 };

/** The stakes shift of a fixture between two teams of the table. */
export function stakesShift(
  table: LeagueTable,
  homeTeamId: number,
  awayTeamId: number,
  options: StakesOptions,
): number {
  const nothingToPlayFor = (ratio: number): number =>
    ratio === Infinity ? 1 : logistic((ratio - options.ratioMidpoint) / options.ratioWidth);
  return (
    options.shift * (nothingToPlayFor(stakeRatio(table, awayTeamId)) - nothingToPlayFor(stakeRatio(table, homeTeamId)))
  );
}

/** The stature shift of a fixture; a club without a season in the league has stature 0. */
export function statureShift(
  statures: ReadonlyMap<number, number>,
  homeTeamId: number,
  awayTeamId: number,
  options: StatureOptions,
): number {
  return options.shift * ((statures.get(homeTeamId) ?? 0) - (statures.get(awayTeamId) ?? 0));
}
