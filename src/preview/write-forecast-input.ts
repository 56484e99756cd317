import type { Markets } from '../forecast/markets.js';
import type { TieOutcome } from './preview-document.js';

/**
 * The numbers the verdict and the data analysis are written from, as the composer hands them over: one fixture's
 * markets from one score grid, and for a second leg the chance of each side going through.
 */
export interface ForecastNumbers {
  markets: Markets;
  expectedGoals: { home: number; away: number };
  /** What produced the numbers, e.g. "Dixon-Coles fitted on 4,674 matches from 2020-06-17 to 2024-04-17 (…)". */
  description: string;
  /** Fact id of the model, cited by every sentence that states its numbers. */
  factId: string;
  /** The model was fitted on matches up to or after the fixture: it must not claim to be a forecast "beforehand". */
  sawTheMatch: boolean;
}

/** A two-legged tie before its second leg, in the fixture's orientation (home = this match's hosts). */
export interface TieNumbers {
  home: TieOutcome;
  away: TieOutcome;
  /** Away goals settle a level aggregate (UEFA until 2020-21). */
  awayGoalsRule: boolean;
  /** What the trailing side needs, in words; null when the sides are level. */
  needs: string | null;
  /** How the numbers were worked out. */
  description: string;
  factId: string;
}

/** The first leg in the fixture's orientation: the goals of this match's home and away sides. */
export interface FirstLegScore {
  date: string;
  goals: { home: number; away: number };
  factId: string;
}
