/**
 * Which public files a sync fetches: the competitions and seasons asked for, each from its source in the registry
 * (URL templates at the top of config/competitions.yaml, a division, file or repository path per competition).
 * No URL is written in code.
 */
import {
  isSeasonOf,
  seasonFromStartYear,
  seasonOfDate,
  type Competition,
  type SeasonRange,
} from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { parseSeason, seasonOrder } from '../competitions/seasons.js';
import { MatchdayError } from '../errors.js';

export const SOURCES = ['football-data', 'football-data-extra', 'openfootball'] as const;
export type SourceName = (typeof SOURCES)[number];

export interface SourceFile {
  /** The URL as the registry gives it (the cache is laid out by it, whatever mirror serves it). */
  url: string;
  source: SourceName;
  /** Results of the competitions' seasons, or fixtures still to be played (football-data's fixtures files). */
  role: 'results' | 'fixtures';
  /** Competitions the file holds rows of that this sync asked for. */
  competitions: string[];
  /** The season of a one-season file; null for files of every season (extra leagues) and fixtures. */
  season: string | null;
}

export interface PlanRequest {
  competitions: readonly Competition[];
  /** Season labels as the user wrote them (`2023-24`, `2024`); empty = each competition's current season. */
  seasons: readonly string[];
  /** Sources to use; empty = each competition's first (football-data before its extra files before openfootball). */
  sources: readonly SourceName[];
  today: string;
}

export function planSourceFiles(registry: CompetitionRegistry, request: PlanRequest): SourceFile[] {
  const files = new Map<string, SourceFile>();
  const add = (file: Omit<SourceFile, 'competitions'>, competition: string): void => {
    const known = files.get(file.url);
    if (known) {
      if (!known.competitions.includes(competition)) known.competitions.push(competition);
    } else files.set(file.url, { ...file, competitions: [competition] });
  };
  const templates = registry.sources;
  for (const competition of request.competitions) {
    const sources = sourcesOf(competition, request.sources);
    if (sources.length === 0 && request.sources.length > 0 && request.competitions.length === 1) {
      throw new MatchdayError(
        'NO_SOURCE',
        `${competition.code} has no ${request.sources.join(' or ')} source in the registry (config/competitions.yaml)`,
        { field: 'source' },
      );
    }
    const seasons = seasonsOf(competition, request);
    // Fixtures are only ever this season's.
    const fixtures = seasons.includes(seasonOfDate(competition, request.today));
    for (const source of sources) {
      if (source === 'football-data' && templates.footballData) {
        const division = competition.sources.footballData!;
        for (const season of seasons.filter((s) => within(s, competition.sources.footballDataSeasons ?? ANY_SEASON))) {
          const url = fill(templates.footballData.season, { division, yyyy: yyyy(season) });
          add({ url, source, role: 'results', season }, competition.code);
        }
        if (fixtures)
          add({ url: templates.footballData.fixtures, source, role: 'fixtures', season: null }, competition.code);
      } else if (source === 'football-data-extra' && templates.footballData) {
        const file = competition.sources.footballDataExtra!.file;
        add(
          { url: fill(templates.footballData.extra, { file }), source, role: 'results', season: null },
          competition.code,
        );
        if (fixtures) {
          add({ url: templates.footballData.extraFixtures, source, role: 'fixtures', season: null }, competition.code);
        }
      } else if (source === 'openfootball' && templates.openfootball) {
        const of = competition.sources.openfootball!;
        for (const season of seasons.filter((s) => within(s, of.seasons))) {
          const path = fill(of.path, { season });
          const url = fill(templates.openfootball.file, { repo: of.repo, branch: of.branch, path });
          add({ url, source, role: 'results', season }, competition.code);
        }
      }
    }
  }
  return [...files.values()];
}

/** The sources of a competition a sync uses: those asked for that it has, or its first. */
function sourcesOf(competition: Competition, asked: readonly SourceName[]): SourceName[] {
  const has: SourceName[] = SOURCES.filter((source) =>
    source === 'football-data'
      ? competition.sources.footballData !== null
      : source === 'football-data-extra'
        ? competition.sources.footballDataExtra !== null
        : competition.sources.openfootball !== null,
  );
  return asked.length > 0 ? has.filter((s) => asked.includes(s)) : has.slice(0, 1);
}

/**
 * The seasons asked for, as this competition writes them: a label names the season that starts in its first year,
 * so `2024-25` is Norway's `2024`. Without a list, the season today is in.
 */
function seasonsOf(competition: Competition, request: PlanRequest): string[] {
  if (request.seasons.length === 0) return [seasonOfDate(competition, request.today)];
  return [
    ...new Set(
      request.seasons.map((label) => {
        const parts = parseSeason(label)!;
        const own = seasonFromStartYear(competition, parts.startYear);
        return isSeasonOf(competition, label) ? label : own;
      }),
    ),
  ];
}

const ANY_SEASON: SeasonRange = { from: null, until: null };

function within(season: string, range: SeasonRange): boolean {
  const order = seasonOrder(season);
  return (
    (range.from === null || order >= seasonOrder(range.from)) &&
    (range.until === null || order <= seasonOrder(range.until))
  );
}

/** `2023-24` → `2324` (football-data's season folders). */
function yyyy(season: string): string {
  const start = parseSeason(season)!.startYear;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined)
      throw new MatchdayError('INVALID_COMPETITION', `source template ${template}: no value for ${whole}`);
    return value;
  });
}
