/**
 * What the database covers: which competitions and seasons it holds, how complete each is against what the
 * competition's format says it should have, the gaps, and — for one team's season — whether "all competitions" is
 * true of the data or what it does cover. Insights read this to scope their claims.
 */
import {
  expectedLeagueMatches,
  seasonFromStartYear,
  type Competition,
  type CompetitionKind,
} from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { parseSeason, seasonOrder } from '../competitions/seasons.js';
import { registryOf } from '../store/competition-store.js';
import {
  holdingsOf,
  seasonHoldings,
  seasonSummaries,
  teamHoldingsBySeason,
  teamSeasonHoldings,
  type SeasonHoldings,
  type SeasonSummary,
  type TeamSeasonHoldings,
} from '../store/coverage-queries.js';
import { storedSeasonSummaries } from '../store/season-summaries.js';
import { countMatches, type StoredMatchView } from '../store/match-queries.js';
import type { Db } from '../store/database.js';

/**
 * - complete: every match the format calls for is stored (a league), or the final is (a cup);
 * - incomplete: matches are missing;
 * - in-progress: the competition's latest season, not finished in the data;
 * - curtailed: the season was cut short in the world (what was played is stored);
 * - unknown: the format does not say what to expect (a competition created from a file, an irregular league).
 */
export type Completeness = 'complete' | 'incomplete' | 'in-progress' | 'curtailed' | 'unknown';

export interface SeasonCoverage extends SeasonHoldings {
  /** Matches the format calls for (leagues), null where not known. */
  expected: number | null;
  status: Completeness;
  /** Why, in words: `380 of 380 matches`, `no final stored`. */
  note: string;
}

export interface CompetitionCoverage {
  competition: string;
  name: string;
  kind: CompetitionKind;
  country: string | null;
  seasons: SeasonCoverage[];
  /** Seasons between the first and the last held that the database lacks. */
  gaps: string[];
}

/** Every competition the database holds (or one, or one season), with completeness and gaps. */
export function competitionCoverage(
  db: Db,
  filter: { competition?: string; season?: string } = {},
): CompetitionCoverage[] {
  const registry = registryOf(db);
  const bySeason = new Map<string, SeasonHoldings[]>();
  for (const holding of seasonHoldings(db, filter)) {
    const list = bySeason.get(holding.competition) ?? [];
    list.push(holding);
    bySeason.set(holding.competition, list);
  }
  return [...bySeason].map(([code, holdings]) => {
    const competition = registry.get(code) ?? unknownCompetition(code);
    const sorted = [...holdings].sort((a, b) => orderOf(a.season) - orderOf(b.season));
    const latest = sorted[sorted.length - 1].season;
    return {
      competition: code,
      name: competition.name,
      kind: competition.kind,
      country: competition.country,
      seasons: sorted.map((h) => seasonCoverage(competition, h, h.season === latest)),
      gaps: filter.season
        ? []
        : seasonGaps(
            competition,
            sorted.map((h) => h.season),
          ),
    };
  });
}

function seasonCoverage(c: Competition, h: SeasonHoldings, latest: boolean): SeasonCoverage {
  return { ...h, ...judgeSeason(c, h, latest) };
}

/** How complete a season is against what the competition's format says it should have. */
function judgeSeason(
  c: Competition,
  h: SeasonSummary,
  latest: boolean,
): Pick<SeasonCoverage, 'expected' | 'status' | 'note'> {
  const stored = h.played + h.scheduled + h.void;
  const unfinished = latest && h.scheduled > 0;
  if (c.kind === 'league') {
    // A season played in sections (North and South) is one round robin per section.
    const expected =
      h.groupTeams.length > 1
        ? sumOrNull(h.groupTeams.map((teams) => expectedLeagueMatches(c, h.season, teams)))
        : expectedLeagueMatches(c, h.season, h.teams);
    const status: Completeness =
      expected === null
        ? 'unknown'
        : stored >= expected
          ? unfinished
            ? 'in-progress'
            : 'complete'
          : c.curtailed.includes(h.season)
            ? 'curtailed'
            : latest
              ? 'in-progress'
              : 'incomplete';
    const note =
      expected === null
        ? `${h.played} matches; the format does not say how many to expect`
        : `${stored} of ${expected} matches`;
    return { expected, status, note: c.curtailed.includes(h.season) ? `${note} (season curtailed)` : note };
  }
  const hasFinal = h.rounds.some((r) => /^final$/i.test(r));
  const finalPlayed = hasFinal && !unfinished;
  return {
    expected: null,
    status: finalPlayed ? 'complete' : latest ? 'in-progress' : h.rounds.length === 0 ? 'unknown' : 'incomplete',
    note: finalPlayed ? `${h.played} matches up to the final` : hasFinal ? 'final still to play' : 'no final stored',
  };
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce((a: number, b) => a + (b as number), 0);
}

/** Seasons missing between the first and the last held, in the competition's own calendar. */
function seasonGaps(c: Competition, held: readonly string[]): string[] {
  const years = held.map((s) => parseSeason(s)?.startYear).filter((y): y is number => y !== undefined);
  if (years.length === 0) return [];
  const have = new Set(held);
  const gaps: string[] = [];
  for (let year = Math.min(...years) + 1; year < Math.max(...years); year++) {
    const season = seasonFromStartYear(c, year);
    // Either calendar's label counts as held (a competition that switched calendars).
    if (!have.has(season) && !held.some((s) => parseSeason(s)?.startYear === year)) gaps.push(season);
  }
  return gaps;
}

function orderOf(season: string): number {
  return parseSeason(season) ? seasonOrder(season) : 0;
}

function unknownCompetition(code: string): Competition {
  // A competition stored by an older matchday without a definition: show it, expect nothing of it.
  return {
    code,
    name: code,
    kind: 'league',
    country: null,
    tier: null,
    aliases: [],
    calendar: [],
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

export interface TeamCompetitionCoverage {
  competition: string;
  name: string;
  kind: CompetitionKind;
  played: number;
  scheduled: number;
  /** The competition's season as the database holds it. */
  status: Completeness;
}

export interface MissingCompetition {
  competition: string;
  name: string;
  kind: CompetitionKind;
  reason: string;
}

export interface TeamSeasonCoverage {
  teamId: number;
  season: string;
  held: TeamCompetitionCoverage[];
  /** Competitions the team's season may have included that the database does not hold for that season. */
  missing: MissingCompetition[];
  /** True when "all competitions" is true of the data: nothing missing and nothing incomplete. */
  allCompetitions: boolean;
  /** What the team's matches in the data cover, for a sentence: `league, cup and European matches`. */
  covers: string;
}

/**
 * What the database holds of a team's season across competitions, and what it may lack: the national cups of the
 * team's league country the registry knows but the database does not hold for that season, and European competition
 * when the database holds none at all for the season.
 */
export function teamSeasonCoverage(
  db: Db,
  teamId: number,
  season: string,
  statuses: SeasonStatuses = new SeasonStatuses(db),
): TeamSeasonCoverage {
  const { registry } = statuses;
  const holdings = statuses.teamHoldings(teamId, season);
  const league = holdings.map((h) => registry.get(h.competition)).find((c) => c?.kind === 'league');
  // Only the competitions that matter to this team's season: its own, its country's cups, the European ones.
  const relevant = new Set([
    ...holdings.map((h) => h.competition),
    ...(league?.country ? registry.ofCountry(league.country, 'cup').map((c) => c.code) : []),
    ...registry.competitions.filter((c) => c.kind === 'continental').map((c) => c.code),
  ]);
  // The status of the team's own competitions; of the others only whether the database holds the season at all.
  const seasonStatus = new Map<string, Completeness>();
  const heldCodes = new Set(holdings.map((h) => h.competition));
  for (const code of relevant) {
    const status = heldCodes.has(code) ? statuses.of(code, season) : statuses.holds(code, season) ? 'unknown' : null;
    if (status) seasonStatus.set(code, status);
  }
  const held = holdings.map((h): TeamCompetitionCoverage => {
    const c = registry.get(h.competition);
    return {
      competition: h.competition,
      name: c?.name ?? h.competition,
      kind: c?.kind ?? 'league',
      played: h.played,
      scheduled: h.scheduled,
      status: seasonStatus.get(h.competition) ?? 'unknown',
    };
  });
  const missing = missingCompetitions(registry, league?.country ?? null, seasonStatus, season);
  const allCompetitions =
    missing.length === 0 &&
    held.every((h) => h.status === 'complete' || h.status === 'curtailed' || h.status === 'in-progress');
  return { teamId, season, held, missing, allCompetitions, covers: describeCovers(held, allCompetitions) };
}

/**
 * Competitions' seasons as `competitionCoverage` judges one season asked about alone, each read once: a preview asks
 * about both teams' every season, which share their European competitions.
 */
export class SeasonStatuses {
  readonly registry: CompetitionRegistry;
  private readonly statuses = new Map<string, Completeness | null>();
  private readonly held = new Map<string, boolean>();
  private readonly wholeCompetitions = new Set<string>();
  private readonly teams = new Map<number, Map<string, TeamSeasonHoldings[]>>();
  /** Every competition season's summary, as stored at the last import (null when a write has made them stale). */
  private readonly stored: Map<string, SeasonSummary> | null;

  /** `manySeasons`: read each competition's and team's seasons all at once (a preview walks back through them all);
   * else one season at a time (the coverage command asks about one). */
  constructor(
    private readonly db: Db,
    private readonly manySeasons = false,
  ) {
    this.registry = registryOf(db);
    this.stored = manySeasons ? storedSeasonSummaries(db) : null;
  }

  /** Null when the database holds no match of the competition's season. */
  of(code: string, season: string): Completeness | null {
    const key = `${code}|${season}`;
    if (this.stored) {
      const summary = this.stored.get(key);
      // Judged as if asked about alone (the latest of what is asked), as below.
      return summary ? judgeSeason(this.registry.get(code) ?? unknownCompetition(code), summary, true).status : null;
    }
    if (this.manySeasons && !this.wholeCompetitions.has(code)) {
      this.wholeCompetitions.add(code);
      const competition = this.registry.get(code) ?? unknownCompetition(code);
      // Each season judged as if asked about alone (the latest of what is asked), as below.
      for (const h of seasonSummaries(this.db, { competition: code })) {
        this.statuses.set(`${code}|${h.season}`, judgeSeason(competition, h, true).status);
      }
    }
    if (!this.statuses.has(key)) {
      const coverage = this.manySeasons ? undefined : competitionCoverage(this.db, { competition: code, season })[0];
      this.statuses.set(key, coverage ? coverage.seasons[0].status : null);
    }
    return this.statuses.get(key) ?? null;
  }

  /**
   * Counts the team's holdings from its matches of every date, read by the caller anyway (a preview reads both
   * teams' whole histories), instead of reading them again at the first `teamHoldings`.
   */
  holdTeamMatches(teamId: number, matches: readonly StoredMatchView[]): void {
    const byDateAndId = [...matches].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
    this.teams.set(
      teamId,
      holdingsOf(
        byDateAndId.map((m) => ({
          competition: m.competition.code,
          season: m.season,
          status: m.status,
          round: m.round,
        })),
      ),
    );
  }

  /** The team's competitions in the season and how many matches it has in each. */
  teamHoldings(teamId: number, season: string): TeamSeasonHoldings[] {
    if (!this.manySeasons) return teamSeasonHoldings(this.db, teamId, season);
    let seasons = this.teams.get(teamId);
    if (!seasons) {
      seasons = teamHoldingsBySeason(this.db, teamId);
      this.teams.set(teamId, seasons);
    }
    return seasons.get(season) ?? [];
  }

  /** Whether the database holds any match of the competition's season (a cheap count, not a status). */
  holds(code: string, season: string): boolean {
    const key = `${code}|${season}`;
    if (this.stored) return this.stored.has(key);
    if (!this.held.has(key)) this.held.set(key, countMatches(this.db, code, season) > 0);
    return this.held.get(key) ?? false;
  }
}

function missingCompetitions(
  registry: CompetitionRegistry,
  country: string | null,
  seasonStatus: ReadonlyMap<string, Completeness>,
  season: string,
): MissingCompetition[] {
  const missing: MissingCompetition[] = [];
  if (country) {
    for (const cup of registry.ofCountry(country, 'cup')) {
      if (seasonStatus.has(cup.code)) continue;
      missing.push({
        competition: cup.code,
        name: cup.name,
        kind: 'cup',
        reason: `no ${cup.name} matches of ${season} in the database`,
      });
    }
  }
  const europeHeld = [...seasonStatus.keys()].some((code) => registry.get(code)?.kind === 'continental');
  if (!europeHeld) {
    missing.push({
      competition: 'uefa',
      name: 'European competition',
      kind: 'continental',
      reason: `no European matches of ${season} in the database`,
    });
  }
  return missing;
}

const KIND_WORDS: Readonly<Record<CompetitionKind, string>> = {
  league: 'league',
  cup: 'cup',
  continental: 'European',
  'play-off': 'play-off',
  'super-cup': 'super cup',
};

function describeCovers(held: readonly TeamCompetitionCoverage[], allCompetitions: boolean): string {
  if (allCompetitions) return 'all competitions';
  return describeKinds(held.filter((h) => h.played + h.scheduled > 0).map((h) => h.kind));
}

/** What matches of these kinds of competition cover, for a sentence: `league and European matches`. */
export function describeKinds(kinds: readonly CompetitionKind[]): string {
  const words = [...new Set(kinds.map((k) => KIND_WORDS[k]))];
  if (words.length === 0) return 'no matches';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `${list} matches`;
}
