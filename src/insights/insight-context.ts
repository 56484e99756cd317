import type { TieRules } from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import type { GoalView, StoredMatchView } from '../store/match-queries.js';
import type { FactScopes, SeasonCoverageLookup } from './fact-scope.js';
import type { MatchHistory } from './match-history.js';
import type { CompletedTie } from './two-legged-ties.js';

/** The match the facts are for. */
export interface Fixture {
  homeTeamId: number;
  awayTeamId: number;
  /** ISO date; facts use only matches strictly before it. */
  date: string;
  /** Competition code of the fixture, e.g. `uefa.el`. */
  competitionCode: string;
  /** The fixture's season (`2023-24`): "this season" means the teams' matches of this season. */
  season: string;
  /** For a second leg: the first leg's match id. Found automatically when omitted and the history holds a leg-1
   * match of the same competition and season with the teams the other way round. */
  tie?: { firstLegMatchId: number };
}

export interface InsightsOptions {
  /** Results in a form line. */
  formLength: number;
  /** Smallest and largest window tried for "wins in the last N". */
  winsWindow: [number, number];
  /** How many of a team's latest matches are checked for records. */
  recordLookback: number;
  /** Worst rank still reported as a record ("third-heaviest"). */
  recordMaxRank: number;
}

export const DEFAULT_OPTIONS: InsightsOptions = {
  formLength: 6,
  winsWindow: [5, 15],
  recordLookback: 3,
  recordMaxRank: 3,
};

export interface InsightsInput {
  fixture: Fixture;
  /** Matches of all competitions; anything on or after the cut-off, or not played, is ignored. */
  matches: readonly StoredMatchView[];
  /** Goals by match id, where the data has them (scorers and in-match comebacks use them). */
  goals?: ReadonlyMap<number, readonly GoalView[]>;
  /** Only matches strictly before this date count; defaults to the fixture date and may not be later. */
  cutoff?: string;
  options?: Partial<InsightsOptions>;
  /** The competitions as the database knows them (tie rules by season). Default: the shipped registry. */
  registry?: CompetitionRegistry;
  /** What the data holds of a team's season (history/coverage). Without it no claim is "in all competitions" and
   * nothing is compared across seasons ("first time since", records). */
  coverage?: SeasonCoverageLookup;
}

/** What every fact family reads. */
export interface InsightContext {
  fixture: Fixture;
  cutoff: string;
  history: MatchHistory;
  goals: ReadonlyMap<number, readonly GoalView[]>;
  options: InsightsOptions;
  /** Kind of the fixture's competition (`continental`, `league`, `cup`), when known. */
  fixtureKind: 'league' | 'cup' | 'continental' | null;
  /** The first leg when the fixture is a second leg. */
  firstLeg: StoredMatchView | null;
  /** Every two-legged tie of the history with both legs played (two-legged-ties.ts), gathered once. */
  ties: readonly CompletedTie[];
  /** How a level tie was settled in a competition's season (null: unknown). */
  tieRules: (competitionCode: string, season: string) => TieRules | null;
  /** Each fact's scope, checked against the data's coverage. */
  scopes: FactScopes;
}
