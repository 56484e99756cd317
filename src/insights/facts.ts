/**
 * The facts the insights engine produces. A fact is data, never English: another module writes the sentence.
 * Every fact carries `matchIds`, its receipts: every match the fact states something about (the run, the record and
 * the matches it is compared with, the meetings counted), and `notability`, the score facts are ranked by.
 *
 * Notability is on one scale for all families: roughly log10 of how rare the thing is for that team (a run seen at
 * 1% of a team's matches scores 2). See notability.ts.
 */

/** Result from one team's point of view; a shoot-out counts as a draw (the score after extra time decides). */
export type Outcome = 'W' | 'D' | 'L';

/** Which competitions a fact looks at: all of them, or one kind (`league` = domestic league, `continental` = UEFA). */
export type CompetitionScope = 'all' | 'league' | 'cup' | 'continental';

/** Where the team played: anywhere (neutral grounds included), at home, away (neutral grounds excluded). */
export type VenueScope = 'any' | 'home' | 'away';

/** A match as facts quote it: enough to write "a 5-0 win at Atalanta in the 2020-21 Champions League". */
export interface MatchSummary {
  matchId: number;
  date: string;
  season: string;
  competition: { code: string; name: string; kind: string };
  round: string | null;
  home: { id: number; name: string };
  away: { id: number; name: string };
  neutral: boolean;
  /** Final score, home first: after extra time when there was extra time, else after 90 minutes. */
  score: [number, number];
  extraTime: boolean;
  penalties: [number, number] | null;
}

/**
 * What a fact was computed over, checked against what the data covers (history/coverage): a sentence says "in all
 * competitions" only when `complete`, else what `covers` says.
 */
export interface FactScope {
  /** Competition codes of the matches the fact looked at, sorted. */
  competitions: string[];
  /** Their seasons, oldest first. */
  seasons: string[];
  /** The data holds every match of the fact's team(s) in those seasons (vacuously true for a fact about no team). */
  complete: boolean;
  /** `all competitions` when complete, else what the data holds of those seasons: `league and European matches`. */
  covers: string;
}

interface FactBase {
  /** Receipts: ids of every match this fact states something about, in date order, no duplicates. */
  matchIds: number[];
  notability: number;
  scope: FactScope;
}

// ── form ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The team's last results (up to the form length), oldest first. */
export interface FormFact extends FactBase {
  family: 'form';
  kind: 'form';
  teamId: number;
  competitions: CompetitionScope;
  /** Oldest first; `matchIds[i]` is the match of `results[i]`. */
  results: Outcome[];
  wins: number;
  draws: number;
  losses: number;
  goalsFor: number;
  goalsAgainst: number;
}

/** "Only their third win from their last 11 across all competitions": the window where the count stands out most. */
export interface WinsInLastFact extends FactBase {
  family: 'form';
  kind: 'wins-in-last';
  teamId: number;
  competitions: CompetitionScope;
  window: number;
  wins: number;
  /** The team's win rate over the matches before the window (smoothed), and the wins it implies for the window. */
  baselineWinRate: number;
  expectedWins: number;
  /** `few`: fewer wins than the team's norm; `many`: more. */
  direction: 'few' | 'many';
  /** The wins inside the window (a subset of matchIds, which holds the whole window). */
  winMatchIds: number[];
}

// ── streaks ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * What a run counts: `conceding` = games without a clean sheet, `scoring` = games with a goal,
 * `goalless` = games without scoring, `clean-sheets` = games without conceding.
 */
export type RunKind =
  'wins' | 'defeats' | 'unbeaten' | 'winless' | 'conceding' | 'clean-sheets' | 'scoring' | 'goalless';

/** An earlier run of the same kind, for "for the first time since a run of three in March/April 2023". */
export interface EarlierRun {
  length: number;
  startDate: string;
  endDate: string;
  matchIds: number[];
}

/**
 * A run of consecutive matches (in the scope) that all satisfy `run`. Either still running (it includes the team's
 * latest match in the scope) or just ended (the team's latest match in the scope broke it — "first home league
 * defeat in 18 months" is an `unbeaten` league/home run with `ongoing: false`).
 */
export interface RunFact extends FactBase {
  family: 'streaks';
  kind: 'run';
  teamId: number;
  run: RunKind;
  competitions: CompetitionScope;
  venue: VenueScope;
  length: number;
  startDate: string;
  endDate: string;
  ongoing: boolean;
  /** The match that broke the run (only when `ongoing` is false). */
  endedBy: MatchSummary | null;
  /** The last match before the run, which did not satisfy it ("last shut out away at Chelsea"); null if the run
   * starts with the team's first match in the data. */
  precededBy: MatchSummary | null;
  /** Days from `precededBy` to the match that ended the run, or to the fixture while it runs: "first home league
   * defeat in nearly 18 months", "just over 12 months since they were last shut out away". Null without precededBy. */
  daysSincePrecededBy: number | null;
  /** The most recent earlier run at least as long since `comparedFrom`; null when there is none. */
  previous: EarlierRun | null;
  /** Date of the team's first match in the scope: how far back "in the data" reaches. */
  historyFrom: string;
  /** From when earlier runs were compared: the start of the consecutive seasons, up to now, of which the data holds
   * every match of the team (FactScopes.completeFrom). Null when even this season is not complete: no comparison. */
  comparedFrom: string | null;
}

/** "Scored in every away game this season": every match of the team's season (in the scope) satisfies `condition`. */
export interface EveryGameThisSeasonFact extends FactBase {
  family: 'streaks';
  kind: 'every-game-this-season';
  teamId: number;
  season: string;
  condition: RunKind;
  competitions: CompetitionScope;
  venue: VenueScope;
  games: number;
}

// ── head-to-head ────────────────────────────────────────────────────────────────────────────────────────────────

/** All meetings between the two teams (or those at this venue: the fixture's home team at home), from `teamId`'s side. */
export interface HeadToHeadRecordFact extends FactBase {
  family: 'head-to-head';
  kind: 'h2h-record';
  teamId: number;
  opponentId: number;
  competitions: CompetitionScope;
  /** `any`: every meeting; `home`: meetings with `teamId` (the fixture's hosts) at home, i.e. at this venue. */
  venue: 'any' | 'home';
  meetings: number;
  wins: number;
  draws: number;
  losses: number;
  goalsFor: number;
  goalsAgainst: number;
}

/** The first meeting in the data, and how many there have been. */
export interface FirstMeetingFact extends FactBase {
  family: 'head-to-head';
  kind: 'h2h-first-meeting';
  teamId: number;
  opponentId: number;
  meeting: MatchSummary;
  meetingsTotal: number;
}

/** The latest meeting (only when there have been at least two, else it is the first meeting). */
export interface LastMeetingFact extends FactBase {
  family: 'head-to-head';
  kind: 'h2h-last-meeting';
  teamId: number;
  opponentId: number;
  meeting: MatchSummary;
}

/** Both teams have history in the data but have never met in it. Receipts are empty: it is a claim of absence. */
export interface NeverMetFact extends FactBase {
  family: 'head-to-head';
  kind: 'h2h-never-met';
  teamId: number;
  opponentId: number;
  /** Earliest date either team appears in the data, so the claim can say how far back it holds. */
  historyFrom: string;
}

/**
 * `teamId` won each of its first `wins` away matches at `opponentId` (in the scope), and only `othersWithSameStart`
 * of the other `eligibleOthers` visitors (teams with at least `wins` such visits) did the same:
 * "no other team has won both of their first two continental away matches against Liverpool".
 * Receipts: the team's winning visits, the same visits of any other team that matched it, and for every other
 * eligible team the first of its visits that was not a win.
 */
export interface AwayStartFact extends FactBase {
  family: 'head-to-head';
  kind: 'h2h-away-start';
  teamId: number;
  opponentId: number;
  competitions: CompetitionScope;
  wins: number;
  /** All of the team's visits in the scope (wins ≤ visits). */
  visits: number;
  eligibleOthers: number;
  othersWithSameStart: number;
  otherTeamIds: number[];
}

// ── records ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * One of the team's latest results compared with all its results in a context ("joint-heaviest European home
 * defeat"): `rank` 1 is the heaviest (competition ranking: ties share a rank), `jointWith` other matches share the
 * margin. Receipts: the match and every match in the context with a margin at least as big.
 */
export interface MarginRecordFact extends FactBase {
  family: 'records';
  kind: 'margin-record';
  teamId: number;
  direction: 'win' | 'defeat';
  competitions: CompetitionScope;
  venue: VenueScope;
  match: MatchSummary;
  margin: number;
  rank: number;
  jointWith: number;
  /** Matches of the team in the context that ended in a result of this direction (the field it is ranked in). */
  contextResults: number;
  contextMatches: number;
  /** The first match compared: the start of the seasons of which the data holds every match of the team. */
  historyFrom: string;
  /** The team's first match in the context in the data; later than historyFrom never, earlier when data has gaps. */
  dataFrom: string;
}

/** A comeback: a match won after trailing, or a two-legged tie won after losing the first leg. */
export interface Comeback {
  stage: 'match' | 'tie';
  /** Goals behind: the largest deficit in the match (from goal times, else half-time), or after the first leg. */
  deficit: number;
  /** How the deficit is known. */
  measuredAt: 'goal-times' | 'half-time' | 'first-leg';
  opponentId: number;
  date: string;
  /** The match, or both legs of the tie (first leg first). */
  matches: MatchSummary[];
  /** Won only in a penalty shoot-out. */
  onPenalties: boolean;
}

/**
 * A team's record of comebacks at one stage: every comeback from at least the threshold deficit, biggest first
 * (then most recent). When the fixture is a second leg the team trails in, `trailingBy` is that deficit and
 * `fromAtLeastTrailing` counts the comebacks from that far behind or more.
 */
export interface ComebackRecordFact extends FactBase {
  family: 'records';
  kind: 'comeback-record';
  teamId: number;
  stage: 'match' | 'tie';
  biggestDeficit: number;
  comebacks: Comeback[];
  /** Matches (or ties) of the team where the deficit could be measured at all. */
  measurable: number;
  trailingBy: number | null;
  fromAtLeastTrailing: number | null;
}

// ── scorers ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ScorerLine {
  player: string;
  goals: number;
  penalties: number;
  /** Matches the player scored in. */
  matchIds: number[];
}

/** The team's leading scorers this season, over the matches of the season that have goal data. */
export interface TopScorersFact extends FactBase {
  family: 'scorers';
  kind: 'top-scorers';
  teamId: number;
  season: string;
  /** Best first; everyone level with the last place shown is included. */
  scorers: ScorerLine[];
  matchesWithGoalData: number;
  seasonMatches: number;
}

/** A player's goals for `teamId` against `opponentId` (meetings with goal data). */
export interface ScorerAgainstOpponentFact extends FactBase {
  family: 'scorers';
  kind: 'scorer-vs-opponent';
  teamId: number;
  opponentId: number;
  scorer: ScorerLine;
  meetingsWithGoalData: number;
}

// ── precedent ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The tie situation after the first leg and what happened in every earlier tie that stood the same way.
 * `leaderId` leads by `margin` (null with margin 0 after a drawn first leg; then the counts are for
 * `subjectId`, the first leg's hosts). `match: 'at-least'` counts ties where the first leg's away (or home) side
 * won by at least the margin; `exact-score` ties with the same first-leg score.
 * Receipts: the current first leg and both legs of every tie counted.
 */
export interface TiePrecedentFact extends FactBase {
  family: 'precedent';
  kind: 'tie-precedent';
  competitions: CompetitionScope | 'competition';
  competitionCode: string;
  firstLeg: MatchSummary;
  subjectId: number;
  leaderId: number | null;
  margin: number;
  /** Whether the subject played the first leg away. */
  subjectWasAway: boolean;
  /** The stage of the ties counted, the first leg's own: main-draw knockout ties, or qualifying ties (preliminary,
   * qualifying and play-off rounds) — never the two mixed. */
  rounds: 'knockout' | 'qualifying';
  match: 'at-least' | 'exact-score';
  /** Earlier ties that stood the same way and whose winner is known (= subjectAdvanced + subjectEliminated). */
  ties: number;
  subjectAdvanced: number;
  subjectEliminated: number;
  /** Earlier ties in the scope whose winner the data cannot tell (level with no shoot-out or away-goal split). */
  undetermined: number;
}

export type Fact =
  | FormFact
  | WinsInLastFact
  | RunFact
  | EveryGameThisSeasonFact
  | HeadToHeadRecordFact
  | FirstMeetingFact
  | LastMeetingFact
  | NeverMetFact
  | AwayStartFact
  | MarginRecordFact
  | ComebackRecordFact
  | TopScorersFact
  | ScorerAgainstOpponentFact
  | TiePrecedentFact;

export type FactFamily = Fact['family'];
export type FactKind = Fact['kind'];
