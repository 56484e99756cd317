/**
 * A competition as the registry describes it: identity (code, names, country, kind, tier) and the format facts the
 * models and insights read, each by era where the rules changed. Pure data and the questions asked of it.
 */
import { parseSeason, seasonLabel, seasonOfDateIn, seasonOrder, type SeasonCalendar } from './seasons.js';

export type CompetitionKind = 'league' | 'cup' | 'continental' | 'play-off' | 'super-cup';

export const COMPETITION_KINDS: readonly CompetitionKind[] = ['league', 'cup', 'continental', 'play-off', 'super-cup'];

/** A competition as a match record carries it. `code` is matchday's stable code, e.g. `eng.1`, `uefa.el`. */
export interface CompetitionRef {
  code: string;
  name: string;
  kind: CompetitionKind;
  /** Country code as openfootball writes it (ENG, ITA, ESP, GER, FRA, NED, ...), or null for continental. */
  country: string | null;
  /** League tier (1 = top flight), null for cups and where unknown. */
  tier: number | null;
}

/** A rule that held over a span of seasons (both ends inclusive; an open end reaches as far as the data). */
export interface Era<T> {
  from: string | null;
  until: string | null;
  value: T;
}

export interface Points {
  win: number;
  draw: number;
}

export type Tiebreaker = 'goal-difference' | 'goals-scored' | 'head-to-head' | 'away-goals' | 'wins';

/** After `after` rounds the table splits into groups (top six, bottom six) that play `robins` more rounds. */
export interface LeagueSplit {
  after: number;
  groups: readonly number[];
  robins: number;
  /** Points carried into the split are halved (Austria). */
  halvePoints: boolean;
}

/** How a two-legged tie still level after the second leg's 90 minutes is settled. */
export interface TieRules {
  /** Level on aggregate after 90 minutes of the second leg: more away goals goes through. */
  awayGoals: boolean;
  /** Level after extra time: the visitors' extra-time goals count as away goals. */
  awayGoalsInExtraTime: boolean;
  /** 30 minutes of extra time in the second leg. */
  extraTime: boolean;
  /** Still level after that: a shoot-out, or (early European Cup) a replay or a coin toss. */
  decider: 'penalties' | 'replay';
}

/** The seasons a source publishes (both ends inclusive; null = open): sync asks for no season outside them. */
export interface SeasonRange {
  from: string | null;
  until: string | null;
}

export interface CompetitionSources {
  /** football-data.co.uk division code (`E0`): `mmz4281/<season>/E0.csv`. */
  footballData: string | null;
  /** The seasons of football-data's files for it; absent = any season sync is asked for. */
  footballDataSeasons?: SeasonRange;
  /** football-data.co.uk extra-leagues file (`NOR`) and the `League` value its rows carry. */
  footballDataExtra: { file: string; league: string } | null;
  /** openfootball repository, branch and path template (`{season}/1-premierleague.txt`), and its seasons. */
  openfootball: { repo: string; branch: string; path: string; seasons: SeasonRange } | null;
}

/** Where a competition's definition comes from: the shipped registry, a user's YAML, or a file that named it. */
export type CompetitionOrigin = 'registry' | 'user' | 'file';

export interface Competition extends CompetitionRef {
  aliases: readonly string[];
  calendar: readonly Era<SeasonCalendar>[];
  /** Month an autumn-spring season starts in, for a date with no season of its own (July). */
  seasonStartMonth: number;
  points: readonly Era<Points>[];
  tiebreakers: readonly Tiebreaker[];
  /**
   * Times each pair meets before any split (2 = double round robin), by era; null where the format is not a round
   * robin or not known.
   */
  robins: readonly Era<number | null>[];
  split: readonly Era<LeagueSplit>[];
  /** Seasons cut short (COVID 2019-20): what was played is all there is. */
  curtailed: readonly string[];
  /** Places promoted and relegated directly; null where unknown or not applicable. */
  promotion: number | null;
  relegation: number | null;
  /** The league ends in play-offs (promotion, relegation or title): the last table is not the whole story. */
  playoffs: boolean;
  /** Two-legged tie rules by era; empty where matchday does not know them. */
  ties: readonly Era<TieRules>[];
  /** Rounds played at a neutral ground by era (`Final`, `Semi-finals`). */
  neutralRounds: readonly Era<readonly string[]>[];
  /**
   * Rounds of a domestic cup played over two legs (the League Cup's semi-finals); in any other round a second
   * meeting of the same pair is a replay. Continental knockout rounds before the final are two-legged unless a file
   * says otherwise.
   */
  twoLeggedRounds: readonly Era<readonly string[]>[];
  sources: CompetitionSources;
  origin: CompetitionOrigin;
  /** False for a competition created from a file: its format facts are guesses, not knowledge. */
  formatKnown: boolean;
}

export function competitionRef(c: CompetitionRef): CompetitionRef {
  return { code: c.code, name: c.name, kind: c.kind, country: c.country, tier: c.tier };
}

/** The era's value that applies to a season, or null when no era covers it. */
export function inEra<T>(eras: readonly Era<T>[], season: string): T | null {
  const order = seasonOrder(season);
  for (const era of eras) {
    if (era.from !== null && order < seasonOrder(era.from)) continue;
    if (era.until !== null && order > seasonOrder(era.until)) continue;
    return era.value;
  }
  return null;
}

/** The calendar a competition played in the year a season starts; the first era is the fallback. */
function calendarForStartYear(c: Competition, startYear: number): SeasonCalendar {
  for (const era of c.calendar) {
    const label = seasonLabel(startYear, era.value);
    if (inEra([era], label) !== null) return era.value;
  }
  return c.calendar[c.calendar.length - 1]?.value ?? 'autumn-spring';
}

/** A season given by its first year (engsoccerdata's `Season` column), written the way the competition writes it. */
export function seasonFromStartYear(c: Competition, startYear: number): string {
  return seasonLabel(startYear, calendarForStartYear(c, startYear));
}

/** The season a date falls in for this competition: `2024-04-18` → `2023-24` in the Premier League, `2024` in Norway. */
export function seasonOfDate(c: Competition, isoDate: string): string {
  for (const era of c.calendar) {
    const label = seasonOfDateIn(isoDate, era.value, c.seasonStartMonth);
    if (inEra([era], label) !== null) return label;
  }
  return seasonOfDateIn(isoDate, c.calendar[c.calendar.length - 1]?.value ?? 'autumn-spring', c.seasonStartMonth);
}

/** True when the label is a season this competition could have (its calendar at that time). */
export function isSeasonOf(c: Competition, season: string): boolean {
  const parts = parseSeason(season);
  return parts !== null && c.calendar.some((era) => era.value === parts.calendar && inEra([era], season) !== null);
}

export function pointsIn(c: Competition, season: string): Points {
  return inEra(c.points, season) ?? { win: 3, draw: 1 };
}

/** The tie rules of a competition's season, or null where matchday does not know them. */
export function tieRulesIn(c: Competition, season: string): TieRules | null {
  return inEra(c.ties, season);
}

/** Times each pair met before any split in that season, or null where the format is not known. */
export function robinsIn(c: Competition, season: string): number | null {
  return inEra(c.robins, season);
}

/**
 * The league matches a season has by its format: every pair meets `robins` times, then each split group plays its
 * own rounds. Null where the format is not known.
 */
export function expectedLeagueMatches(c: Competition, season: string, teams: number): number | null {
  const robins = robinsIn(c, season);
  if (c.kind !== 'league' || robins === null || !c.formatKnown) return null;
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const split = splitIn(c, season);
  const afterSplit = split ? split.groups.reduce((sum, size) => sum + pairs(size) * split.robins, 0) : 0;
  return pairs(teams) * robins + afterSplit;
}

export function splitIn(c: Competition, season: string): LeagueSplit | null {
  return inEra(c.split, season);
}

/** True when the round (`Final`) of that season was played at a neutral ground by the competition's rules. */
export function isNeutralRound(c: Competition, season: string, round: string | null): boolean {
  return roundListed(inEra(c.neutralRounds, season), round);
}

/** True when the cup round of that season was played over two legs. */
export function isTwoLeggedRound(c: Competition, season: string, round: string | null): boolean {
  return roundListed(inEra(c.twoLeggedRounds, season), round);
}

function roundListed(rounds: readonly string[] | null, round: string | null): boolean {
  return round !== null && rounds !== null && rounds.some((r) => r.toLowerCase() === round.toLowerCase());
}

export interface CreatedCompetition {
  code: string;
  name: string;
  kind: CompetitionKind;
  country: string | null;
  tier: number | null;
  /** The labels the file used (a division code, a header title): a user's definition matching one renames it. */
  aliases: readonly string[];
  calendar?: SeasonCalendar;
}

/**
 * A competition a file named that the registry does not know, created from what the file says. Its format is not
 * known: models and insights that need it (points, rounds, splits) treat it as unknown rather than guess.
 */
export function createdCompetition(c: CreatedCompetition): Competition {
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    country: c.country,
    tier: c.tier,
    aliases: c.aliases,
    calendar: [{ from: null, until: null, value: c.calendar ?? 'autumn-spring' }],
    seasonStartMonth: 7,
    points: [],
    tiebreakers: [],
    robins: [],
    curtailed: [],
    split: [],
    promotion: null,
    relegation: null,
    playoffs: false,
    ties: [],
    neutralRounds: [],
    twoLeggedRounds: [],
    sources: { footballData: null, footballDataExtra: null, openfootball: null },
    origin: 'file',
    formatKnown: false,
  };
}
