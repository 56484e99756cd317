/**
 * What the forecaster is fitted on, read either from the database (`predict`, previews, the server) or from the
 * arrays a backtest holds in memory — the same numbers either way, so both fit the same forecaster.
 */
import type { Competition } from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { seasonStartYear } from '../competitions/seasons.js';
import type { Db } from '../store/database.js';
import { registryOf } from '../store/competition-store.js';
import {
  heldCompetitions,
  latestLeagueSince,
  resultRows,
  seasonTotals,
  teamInfo,
  type ResultRow,
  type SeasonTotal,
  type TeamInfo,
} from '../store/match-queries.js';
import { referenceOdds1x2, type ReferenceOdds1x2 } from '../store/odds-queries.js';
import { shotCounts, type ShotCounts } from '../store/stats-queries.js';
import { sortRecords, type LeagueRecords, type SeasonRecord } from './club-stature.js';
import { yearsBefore } from './fit-scope.js';
import { forecastScope } from './forecast-scope.js';

/** A played match as forecasters see it: the result, and shots and odds where the source recorded them. */
export interface HistoryMatch extends ResultRow {
  shots: ShotCounts | null;
  /** The match's reference 1X2 (closing where recorded), margin removed in proportion: home, draw, away. */
  odds?: [number, number, number] | null;
}

export interface ForecastHistory {
  /** The fit date: every match and record is from strictly before it. */
  date: string;
  /** The competitions the history is drawn from (forecastScope). */
  competitions: readonly string[];
  /** Played matches of those competitions, oldest first (date, then id), back to `from`. */
  matches: readonly HistoryMatch[];
  /**
   * The longer list `matches` is a run of, from index `start`: a source that fits one scope on many dates (the
   * backtest's) gives every fit the scope's one list, so the fits' arrays are built once per scope. Absent:
   * `matches` itself.
   */
  within?: { matches: readonly HistoryMatch[]; start: number };
  /** Names and countries of the teams (a team seen only in Europe takes its country's prior). */
  teams: ReadonlyMap<number, TeamInfo>;
  /** Season records of the leagues for the club statures, as known on the fit date. */
  records: LeagueRecords;
  /** The registry's entry for a competition code (kind, format by season). */
  competition(code: string): Competition | undefined;
}

/** Where fits get their history: the scope of a fixture and the history of a scope on a fit date. */
export interface ForecastSource {
  /** The competitions a fixture's forecaster is fitted on as of the fit date (forecastScope). */
  scope(fixture: { competition: string; homeTeamId: number; awayTeamId: number }, date: string): string[];
  /** `years` of matches before `date` of the competitions, with their teams and records. */
  history(competitions: readonly string[], date: string, years: number): ForecastHistory;
}

/** The rows as HistoryMatch objects of one literal shape (it keeps the fits' hot loops monomorphic). */
export function historyMatches(
  rows: readonly ResultRow[],
  shots: ReadonlyMap<number, ShotCounts>,
  odds: ReadonlyMap<number, ReferenceOdds1x2>,
): HistoryMatch[] {
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    competition: row.competition,
    kind: row.kind,
    country: row.country,
    season: row.season,
    homeTeamId: row.homeTeamId,
    awayTeamId: row.awayTeamId,
    homeGoals: row.homeGoals,
    awayGoals: row.awayGoals,
    neutral: row.neutral,
    shots: shots.get(row.id) ?? null,
    odds: fairOdds(odds.get(row.id)),
  }));
}

/** A book's prices as probabilities, the margin removed in proportion (null without a usable book). */
function fairOdds(book: ReferenceOdds1x2 | undefined): [number, number, number] | null {
  if (!book || !book.prices.every((price) => Number.isFinite(price) && price > 1)) return null;
  const [home, draw, away] = book.prices.map((price) => 1 / price);
  const sum = home + draw + away;
  return [home / sum, draw / sum, away / sum];
}

/** The database as a forecast source. */
export function storeForecastSource(db: Db, registry: CompetitionRegistry = registryOf(db)): ForecastSource {
  const held = new Set(heldCompetitions(db));
  return {
    scope(fixture, date) {
      const from = yearsBefore(date, SCOPE_YEARS);
      return forecastScope(fixture, {
        registry,
        held,
        latestLeague: (teamId) => latestLeagueSince(db, teamId, from, date),
      });
    },
    history(competitions, date, years) {
      const filter = { competitions: [...competitions], from: yearsBefore(date, years), before: date };
      const matches = historyMatches(resultRows(db, filter), shotCounts(db, filter), referenceOdds1x2(db, filter));
      const ids = new Set(matches.flatMap((m) => [m.homeTeamId, m.awayTeamId]));
      return {
        date,
        competitions,
        matches,
        teams: teamInfo(db, [...ids]),
        records: storeLeagueRecords(db, date),
        competition: (code) => registry.get(code),
      };
    },
  };
}

/** Years before the fit date a team's latest league is looked for (the forecaster's longest window). */
export const SCOPE_YEARS = 8;

/** Season records from the database as known on a date: the clubs asked for, one aggregate query each time. */
function storeLeagueRecords(db: Db, before: string): LeagueRecords {
  return {
    seasonRecords: (competition, firstYear, lastYear, teams) =>
      sumRecords(seasonTotals(db, competition, before, teams), [], firstYear, lastYear, teams),
  };
}

/**
 * A backtest's history in memory as a forecast source: every fit cuts it strictly before its date. `matches`
 * holds every competition a scope may need, oldest first (date, then id); `olderTotals` the season totals of
 * its leagues before the first of them, for the statures' century.
 */
export function memoryForecastSource(input: {
  matches: readonly HistoryMatch[];
  olderTotals: ReadonlyMap<string, readonly SeasonTotal[]>;
  teams: ReadonlyMap<number, TeamInfo>;
  registry: CompetitionRegistry;
  held: ReadonlySet<string>;
}): ForecastSource {
  const { matches, registry } = input;
  const book = new RecordBook(
    input.olderTotals,
    matches.filter((m) => m.kind === 'league'),
  );
  // Each scope's matches, all dates: a fit then takes its window by binary search.
  const byScope = new Map<string, HistoryMatch[]>();
  return {
    scope(fixture, date) {
      const from = yearsBefore(date, SCOPE_YEARS);
      const start = firstOnOrAfter(matches, from);
      const end = firstOnOrAfter(matches, date);
      return forecastScope(fixture, {
        registry,
        held: input.held,
        latestLeague(teamId) {
          for (let i = end - 1; i >= start; i--) {
            const m = matches[i];
            if (m.kind === 'league' && (m.homeTeamId === teamId || m.awayTeamId === teamId)) return m.competition;
          }
          return null;
        },
      });
    },
    history(competitions, date, years) {
      const key = competitions.join(',');
      let scoped = byScope.get(key);
      if (!scoped) {
        const wanted = new Set(competitions);
        byScope.set(key, (scoped = matches.filter((m) => wanted.has(m.competition))));
      }
      const start = firstOnOrAfter(scoped, yearsBefore(date, years));
      return {
        date,
        competitions,
        matches: scoped.slice(start, firstOnOrAfter(scoped, date)),
        within: { matches: scoped, start },
        teams: input.teams,
        records: book.asOf(date),
        competition: (code) => registry.get(code),
      };
    },
  };
}

/**
 * Season records of leagues as known on any date, from season totals (older seasons, summed by the database) and
 * league matches (oldest first). A season range whose every season ended before the date is summed once for
 * every club.
 */
class RecordBook {
  /** Each league's matches; last match date of each league season, by `competition startYear`. */
  private readonly byLeague = new Map<string, ResultRow[]>();
  private readonly lastDate = new Map<string, string>();
  private readonly complete = new Map<string, Map<number, SeasonRecord[]>>();
  private readonly rangeLastDate = new Map<string, string>();

  constructor(
    private readonly totals: ReadonlyMap<string, readonly SeasonTotal[]>,
    matches: readonly ResultRow[],
  ) {
    for (const m of matches) {
      const list = this.byLeague.get(m.competition);
      if (list) list.push(m);
      else this.byLeague.set(m.competition, [m]);
      this.noteDate(m.competition, m.season, m.date);
    }
    for (const [competition, list] of totals) for (const t of list) this.noteDate(competition, t[1], t[4]);
  }

  asOf(date: string): LeagueRecords {
    return {
      seasonRecords: (competition, firstYear, lastYear, teams) => {
        const totals = this.totals.get(competition) ?? [];
        const matches = this.byLeague.get(competition) ?? [];
        const key = `${competition} ${firstYear} ${lastYear}`;
        if (!(this.lastDateOf(key, competition, firstYear, lastYear) < date)) {
          return sumRecords(totals, matches.slice(0, firstOnOrAfter(matches, date)), firstYear, lastYear, teams);
        }
        let byTeam = this.complete.get(key);
        if (!byTeam) {
          byTeam = new Map();
          for (const r of sumRecords(totals, matches, firstYear, lastYear, null)) {
            const list = byTeam.get(r.teamId);
            if (list) list.push(r);
            else byTeam.set(r.teamId, [r]);
          }
          this.complete.set(key, byTeam);
        }
        return sortRecords(teams.flatMap((team) => byTeam.get(team) ?? []));
      },
    };
  }

  /** The last match date of the range's seasons ('' for none): they are all over on any later date. */
  private lastDateOf(key: string, competition: string, firstYear: number, lastYear: number): string {
    let last = this.rangeLastDate.get(key);
    if (last === undefined) {
      last = '';
      for (let year = firstYear; year <= lastYear; year++) {
        const date = this.lastDate.get(`${competition} ${year}`) ?? '';
        if (date > last) last = date;
      }
      this.rangeLastDate.set(key, last);
    }
    return last;
  }

  private noteDate(competition: string, season: string, date: string): void {
    const key = `${competition} ${startYearOf(season)}`;
    if ((this.lastDate.get(key) ?? '') < date) this.lastDate.set(key, date);
  }
}

/** Season totals and matches summed per club and season start year, in the order LeagueRecords gives. */
function sumRecords(
  totals: readonly SeasonTotal[],
  matches: readonly ResultRow[],
  firstYear: number,
  lastYear: number,
  teams: readonly number[] | null,
): SeasonRecord[] {
  const wanted = teams === null ? null : new Set(teams);
  // Keyed by team id and start year as one number (a season's start year has four digits).
  const byKey = new Map<number, SeasonRecord>();
  const add = (teamId: number, startYear: number, points: number, played: number): void => {
    if (!(startYear >= firstYear && startYear <= lastYear) || (wanted !== null && !wanted.has(teamId))) return;
    const key = teamId * 10_000 + startYear;
    const record = byKey.get(key);
    if (record) {
      record.points += points;
      record.played += played;
    } else byKey.set(key, { teamId, startYear, points, played });
  };
  for (const [teamId, season, points, played] of totals) add(teamId, startYearOf(season), points, played);
  for (const m of matches) {
    const year = startYearOf(m.season);
    add(m.homeTeamId, year, m.homeGoals > m.awayGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0, 1);
    add(m.awayTeamId, year, m.awayGoals > m.homeGoals ? 3 : m.homeGoals === m.awayGoals ? 1 : 0, 1);
  }
  return sortRecords([...byKey.values()]);
}

/** seasonStartYear, parsed once per season label: a league's records are summed over every match of its history. */
const startYears = new Map<string, number>();

function startYearOf(season: string): number {
  let year = startYears.get(season);
  if (year === undefined) startYears.set(season, (year = seasonStartYear(season)));
  return year;
}

/** Index of the first match dated on or after `date` in a date-ordered list (binary search). */
export function firstOnOrAfter(matches: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
