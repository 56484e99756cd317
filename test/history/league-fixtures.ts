import type { LeagueFormat } from '../../src/history/league-format.js';
import type { TableMatch } from '../../src/history/league-table.js';

/** A top flight whose teams meet twice, three points a win, three relegated: the made-up leagues' format. */
export const DOUBLE_ROUND_ROBIN: LeagueFormat = {
  robins: 2,
  split: null,
  points: { win: 3, draw: 1 },
  tier: 1,
  promotion: null,
  relegation: 3,
  playoffs: false,
};

/** A played match as a table reads it. */
export function tableMatch(home: number, away: number, homeGoals: number, awayGoals: number): TableMatch {
  return { homeTeamId: home, awayTeamId: away, homeGoals, awayGoals };
}
