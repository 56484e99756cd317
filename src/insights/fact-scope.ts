import type { CompetitionKind } from '../competitions/competition.js';
import { parseSeason } from '../competitions/seasons.js';
import { describeKinds, type TeamSeasonCoverage } from '../history/coverage.js';
import type { StoredMatchView } from '../store/match-queries.js';
import type { CompetitionScope, FactScope } from './facts.js';
import type { MatchHistory } from './match-history.js';

/** What the data holds of one team's season (history/coverage's teamSeasonCoverage); null when the data holds none
 * of the team's matches that season (a gap: the team played somewhere the data does not reach) or it is not known. */
export type SeasonCoverageLookup = (
  teamId: number,
  season: string,
) => Pick<TeamSeasonCoverage, 'allCompetitions' | 'held' | 'missing'> | null;

/** Statuses under which the data holds every match of a competition's season that was played. */
const HELD_WHOLE: ReadonlySet<string> = new Set(['complete', 'curtailed', 'in-progress']);

/**
 * The scope of each claim, checked against what the data covers: which competitions and seasons a fact was computed
 * over, and whether the data holds every match of the team in those seasons. Without a coverage lookup nothing is
 * known to be complete, so no claim says "all competitions".
 */
export class FactScopes {
  private readonly seasons = new Map<string, ReturnType<SeasonCoverageLookup>>();
  private readonly completeFromByTeam = new Map<string, string | null>();

  constructor(
    private readonly lookup: SeasonCoverageLookup | null,
    private readonly history: MatchHistory,
  ) {}

  /** The scope of a claim about `teamIds` computed over `matches`. */
  of(teamIds: readonly number[], matches: readonly StoredMatchView[]): FactScope {
    const ordered = [...matches].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const seasons = [...new Set(ordered.map((m) => m.season))];
    const competitions = [...new Set(ordered.map((m) => m.competition.code))].sort();
    const complete = teamIds.every((team) => seasons.every((s) => this.season(team, s)?.allCompetitions === true));
    if (complete) return { competitions, seasons, complete, covers: 'all competitions' };
    // Say what the data holds of those seasons, else what the matches themselves are.
    const held = teamIds.flatMap((team) => seasons.flatMap((s) => this.season(team, s)?.held ?? []));
    const kinds =
      held.length > 0
        ? held.filter((h) => h.played > 0).map((h) => h.kind)
        : ordered.map((m) => m.competition.kind as CompetitionKind);
    return { competitions, seasons, complete, covers: describeKinds(kinds) };
  }

  /**
   * The date of the team's first match in the longest run of consecutive seasons, ending with its latest season, of
   * which the data holds every match in the scope (all competitions, or one kind: a missing cup does not stop a
   * European record): how far back "first time since" and records may look without taking a data gap for a fact
   * about the world. A season the team is not in the data at all breaks the run. Null when even the latest season is
   * not complete.
   */
  completeFrom(teamId: number, competitions: CompetitionScope): string | null {
    const cacheKey = `${teamId}|${competitions}`;
    if (this.completeFromByTeam.has(cacheKey)) return this.completeFromByTeam.get(cacheKey) ?? null;
    const firstDates = new Map<number, { season: string; date: string }>();
    let season: string | null = null; // consecutive matches mostly share a season: each run of one is parsed once
    for (const tm of this.history.of(teamId)) {
      if (tm.match.season === season) continue;
      season = tm.match.season;
      const start = parseSeason(season);
      if (start && !firstDates.has(start.startYear)) firstDates.set(start.startYear, { season, date: tm.match.date });
    }
    const years = [...firstDates.keys()];
    let from: string | null = null;
    // Every season from the latest back, the ones without a match of the team too: a gap stops the run.
    for (let year = Math.max(...years); year >= Math.min(...years); year--) {
      const held = firstDates.get(year);
      const season = held?.season ?? seasonLabel(year, firstDates.get(year + 1)?.season ?? null);
      if (!this.wholeSeason(teamId, season, competitions)) break;
      if (held) from = held.date;
    }
    this.completeFromByTeam.set(cacheKey, from);
    return from;
  }

  private wholeSeason(teamId: number, season: string, competitions: CompetitionScope): boolean {
    const coverage = this.season(teamId, season);
    if (!coverage) return false;
    if (competitions === 'all') return coverage.allCompetitions;
    return (
      !coverage.missing.some((m) => m.kind === competitions) &&
      coverage.held.filter((h) => h.kind === competitions).every((h) => HELD_WHOLE.has(h.status))
    );
  }

  private season(teamId: number, season: string): ReturnType<SeasonCoverageLookup> {
    const key = `${teamId}|${season}`;
    if (!this.seasons.has(key)) this.seasons.set(key, this.lookup ? this.lookup(teamId, season) : null);
    return this.seasons.get(key) ?? null;
  }
}

/** The label of a season the team has no match in, in the calendar of the season after it. */
function seasonLabel(startYear: number, next: string | null): string {
  const calendarYear = next !== null && parseSeason(next)?.calendar === 'calendar-year';
  return calendarYear ? String(startYear) : `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
