/**
 * Canonical records every parser in ingest/ produces. Parsers only read text and return these;
 * identity/ turns the team names into team ids and store/ writes them.
 */
import type { Competition } from '../competitions/competition.js';

/** A team as the source names it, with the country the source implies (e.g. `(ENG)`), if any. */
export interface TeamRef {
  name: string;
  country: string | null;
}

export type MatchStatus = 'played' | 'scheduled' | 'postponed' | 'cancelled' | 'awarded' | 'abandoned';

export type Side = 'home' | 'away';

/** A score as [home, away]. */
export type Score = readonly [number, number];

export interface GoalRecord {
  /** The side credited with the goal (an own goal is credited to the side that benefits). */
  side: Side;
  scorer: string;
  minute: number | null;
  /** Added time, e.g. 90+3 → minute 90, stoppage 3. */
  stoppage: number | null;
  penalty: boolean;
  ownGoal: boolean;
}

/** Per-side match statistics; any field the source lacks is null. */
export interface SideStats {
  shots: number | null;
  shotsOnTarget: number | null;
  corners: number | null;
  fouls: number | null;
  yellowCards: number | null;
  redCards: number | null;
}

export type OddsMarket = '1X2' | 'OU' | 'AH';
export type OddsSelection = 'home' | 'draw' | 'away' | 'over' | 'under';

export interface OddsRecord {
  /** Bookmaker name, e.g. `Pinnacle`, `Bet365`, or a market aggregate `Market max` / `Market average`. */
  bookmaker: string;
  market: OddsMarket;
  /** Goal line for OU (2.5), home handicap for AH (-0.75); null for 1X2. */
  line: number | null;
  selection: OddsSelection;
  /** Decimal price. */
  price: number;
  /** True for the closing price, false for the pre-match snapshot. */
  closing: boolean;
}

export interface Provenance {
  /** Format id, e.g. `football-data`, `openfootball`, `engsoccerdata-league`. */
  format: string;
  file: string;
  /** 1-based line of the match in the file. */
  line: number;
}

export interface MatchRecord {
  source: Provenance;
  /** From the registry, or created from what the file says (origin `file`) when the registry does not know it. */
  competition: Competition;
  /** `2023-24`; a calendar-year season (single year) is written `2024`. */
  season: string;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** Local kick-off `HH:MM`, if known. */
  time: string | null;
  home: TeamRef;
  away: TeamRef;
  neutral: boolean;
  venue: string | null;
  /** Stage / round label, normalised to English where known (`Quarter-finals`, `Group stage`, `Matchday 12`). */
  round: string | null;
  group: string | null;
  leg: 1 | 2 | null;
  status: MatchStatus;
  /** Score at half-time, after 90 minutes, after extra time (cumulative, incl. the 90), penalty shoot-out. */
  htScore: Score | null;
  ftScore: Score | null;
  etScore: Score | null;
  penScore: Score | null;
  attendance: number | null;
  referee: string | null;
  goals: GoalRecord[];
  stats: { home: SideStats; away: SideStats } | null;
  odds: OddsRecord[];
}

/** A row a parser could not read: where, which field, why. */
export interface RowError {
  file: string;
  line: number;
  field: string | null;
  message: string;
}

export interface ParsedFile {
  format: string;
  file: string;
  records: MatchRecord[];
  /** Rows that could not be read as a match: they make an import reject the file (unless --skip-invalid). */
  errors: RowError[];
  /** Cells left out of a match that was still read (e.g. one impossible bookmaker price): reported, not fatal. */
  warnings?: RowError[];
}

/** Alias knowledge from club lists (openfootball clubs, engsoccerdata teamnames). */
export interface ClubRecord {
  source: Provenance;
  /** Canonical name as the source writes it, e.g. `Atalanta Bergamo`. */
  name: string;
  country: string;
  aliases: string[];
  founded: number | null;
  stadium: string | null;
  city: string | null;
}

export interface StadiumRecord {
  source: Provenance;
  name: string;
  /** Other names: sponsor names (`$Emirates$ Stadium` → `Emirates Stadium`), former names. */
  aliases: string[];
  capacity: number | null;
  opened: number | null;
  city: string | null;
  country: string;
}

export function emptyRecordDefaults(): Pick<
  MatchRecord,
  | 'time'
  | 'neutral'
  | 'venue'
  | 'round'
  | 'group'
  | 'leg'
  | 'htScore'
  | 'etScore'
  | 'penScore'
  | 'attendance'
  | 'referee'
  | 'goals'
  | 'stats'
  | 'odds'
> {
  return {
    time: null,
    neutral: false,
    venue: null,
    round: null,
    group: null,
    leg: null,
    htScore: null,
    etScore: null,
    penScore: null,
    attendance: null,
    referee: null,
    goals: [],
    stats: null,
    odds: [],
  };
}
