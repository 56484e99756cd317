import { MatchdayError } from '../errors.js';
import type { FitData } from '../models/fit-data.js';
import type { Db } from '../store/database.js';
import { resultRows, teamInfo, type ResultRow, type TeamInfo } from '../store/match-queries.js';

export interface FitHistoryOptions {
  /** Competition codes; all competitions when empty. */
  competitions?: string[];
  /** First match date to use (inclusive). */
  from?: string;
  /** The date the model is for: only matches strictly before it are used, and ages count back from it. */
  before: string;
}

/** Match history as the arrays a goal model fits, with the ids needed to map indices back to teams and matches. */
export interface FitHistory {
  data: FitData;
  /** Database team id of each team index (order of first appearance). */
  teamIds: number[];
  /**
   * Each team's group: its main league code; a team that played no league match in the history is grouped with its
   * country's other such teams (`europe:POR`), or in `europe` when its country has fewer than three of them.
   */
  groupLabels: string[];
  matches: readonly ResultRow[];
}

/** The group of teams seen only outside the leagues fitted, from countries with too few of them for a prior of their own. */
export const EUROPE_GROUP = 'europe';
/** Fewest teams a country's European-only group needs to keep its own prior mean (a lone team's mean is itself). */
const MIN_EUROPE_GROUP_TEAMS = 3;
const DAY_MS = 86_400_000;

export function buildFitHistory(db: Db, options: FitHistoryOptions): FitHistory {
  const matches = resultRows(db, { competitions: options.competitions, from: options.from, before: options.before });
  return fitHistoryFromRows(matches, options.before, teamInfo(db, distinctTeams(matches)));
}

/**
 * Pure part of buildFitHistory: rows in date order → FitData. `teams` gives names and countries; without it teams
 * are unnamed and a Europe-only team's country is unknown.
 */
export function fitHistoryFromRows(
  matches: readonly ResultRow[],
  before: string,
  teams: ReadonlyMap<number, TeamInfo> = new Map(),
): FitHistory {
  return new FitRows(matches).fitHistory(0, matches.length, before, teams);
}

/**
 * Rows in date order held as columns, so that the FitHistory of any run of them is built from typed arrays: a
 * backtest fits hundreds of windows of the same rows, and reading the row objects (and parsing their dates) for
 * each was a good part of its time.
 */
export class FitRows {
  private readonly homeTeamId: Int32Array;
  private readonly awayTeamId: Int32Array;
  private readonly homeGoals: Int32Array;
  private readonly awayGoals: Int32Array;
  private readonly neutral: Uint8Array;
  /** Date.parse of each row's date. */
  private readonly dateMs: Float64Array;
  /** Each league match's league as an index into `leagues` (−1 for other competitions), for the groups. */
  private readonly league: Int32Array;
  private readonly leagues: string[] = [];
  private readonly largestTeamId: number;

  constructor(readonly rows: readonly ResultRow[]) {
    const n = rows.length;
    this.homeTeamId = new Int32Array(n);
    this.awayTeamId = new Int32Array(n);
    this.homeGoals = new Int32Array(n);
    this.awayGoals = new Int32Array(n);
    this.neutral = new Uint8Array(n);
    this.dateMs = new Float64Array(n);
    this.league = new Int32Array(n);
    const leagueIndex = new Map<string, number>();
    let largest = -1;
    let lastDate: string | null = null;
    let lastMs = 0;
    for (let i = 0; i < n; i++) {
      const m = rows[i];
      if (!(
        Number.isSafeInteger(m.homeTeamId) &&
        m.homeTeamId >= 0 &&
        Number.isSafeInteger(m.awayTeamId) &&
        m.awayTeamId >= 0
      )) {
        throw new MatchdayError('FIT_DATA_INVALID', `match ${m.id}: team ids must be whole numbers ≥ 0`, {
          field: 'teamId',
        });
      }
      largest = Math.max(largest, m.homeTeamId, m.awayTeamId);
      this.homeTeamId[i] = m.homeTeamId;
      this.awayTeamId[i] = m.awayTeamId;
      this.homeGoals[i] = m.homeGoals;
      this.awayGoals[i] = m.awayGoals;
      this.neutral[i] = m.neutral ? 1 : 0;
      // Rows come in date order: a date is parsed again only when it changes.
      if (m.date !== lastDate) {
        lastDate = m.date;
        lastMs = Date.parse(m.date);
      }
      this.dateMs[i] = lastMs;
      if (m.kind !== 'league') {
        this.league[i] = -1;
        continue;
      }
      let league = leagueIndex.get(m.competition);
      if (league === undefined) {
        leagueIndex.set(m.competition, (league = this.leagues.length));
        this.leagues.push(m.competition);
      }
      this.league[i] = league;
    }
    this.largestTeamId = largest;
  }

  get length(): number {
    return this.rows.length;
  }

  /**
   * The fit arrays of rows start..end − 1 as of `before` (ages count back from it). Teams are indexed in order of
   * first appearance in those rows.
   */
  fitHistory(start: number, end: number, before: string, teams: ReadonlyMap<number, TeamInfo>): FitHistory {
    const n = end - start;
    const reference = Date.parse(before);
    const teamIds: number[] = [];
    // A team id → index table, all −1: ids are the database's small whole numbers, so a typed array indexed by
    // id is the fastest map.
    const indexOf = new Int32Array(this.largestTeamId + 1).fill(-1);
    const index = (id: number): number => {
      let i = indexOf[id];
      if (i < 0) {
        i = indexOf[id] = teamIds.length;
        teamIds.push(id);
      }
      return i;
    };
    const homeTeam = new Int32Array(n);
    const awayTeam = new Int32Array(n);
    const ageDays = new Float64Array(n);
    let lastMs = NaN;
    let lastAge = 0;
    for (let k = 0; k < n; k++) {
      const i = start + k;
      homeTeam[k] = index(this.homeTeamId[i]);
      awayTeam[k] = index(this.awayTeamId[i]);
      if (this.dateMs[i] !== lastMs) {
        lastMs = this.dateMs[i];
        lastAge = Math.max(0, (reference - lastMs) / DAY_MS);
      }
      ageDays[k] = lastAge;
    }
    // League matches per team and league.
    const leagueCount = this.leagues.length;
    const counts = new Int32Array(teamIds.length * leagueCount);
    for (let k = 0; k < n; k++) {
      const league = this.league[start + k];
      if (league < 0) continue;
      counts[homeTeam[k] * leagueCount + league]++;
      counts[awayTeam[k] * leagueCount + league]++;
    }
    const groupLabels = poolSmallEuropeGroups(
      teamIds.map(
        (id, t) =>
          mainLeague(counts.subarray(t * leagueCount, (t + 1) * leagueCount), this.leagues) ??
          `${EUROPE_GROUP}:${teams.get(id)?.country ?? 'unknown'}`,
      ),
    );
    const groupIndex = new Map([...new Set(groupLabels)].map((label, g) => [label, g]));
    const teamGroup = Int32Array.from(groupLabels, (label) => groupIndex.get(label)!);
    const teamNames = teams.size > 0 ? teamIds.map((id) => teams.get(id)?.name ?? `team ${id}`) : undefined;
    const rows = this.rows;
    return {
      data: {
        teamCount: teamIds.length,
        homeTeam,
        awayTeam,
        // Views of the columns, not copies: fit data is only read.
        homeGoals: this.homeGoals.subarray(start, end),
        awayGoals: this.awayGoals.subarray(start, end),
        neutral: this.neutral.subarray(start, end),
        ageDays,
        teamGroup,
        teamNames,
      },
      teamIds,
      groupLabels,
      // Cut when asked for: a backtest's fits never read the rows.
      get matches() {
        return start === 0 && end === rows.length ? rows : rows.slice(start, end);
      },
    };
  }
}

function distinctTeams(matches: readonly ResultRow[]): number[] {
  const seen = new Set<number>();
  for (const m of matches) {
    seen.add(m.homeTeamId);
    seen.add(m.awayTeamId);
  }
  return [...seen];
}

/** The league with most matches (ties to the alphabetically first); null for a team with no league match. */
function mainLeague(counts: Int32Array, leagues: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (let l = 0; l < counts.length; l++) {
    const count = counts[l];
    if (count > bestCount || (count === bestCount && count > 0 && leagues[l] < best!)) {
      best = leagues[l];
      bestCount = count;
    }
  }
  return best;
}

/**
 * The prior pulls a team toward its group's mean, so a country with one or two Europe-only teams would give them no
 * real shrinkage (Shamrock Rovers, beaten 0-6 at home, were once given 0.0001 expected goals at Old Trafford).
 */
function poolSmallEuropeGroups(labels: string[]): string[] {
  const size = new Map<string, number>();
  for (const label of labels) size.set(label, (size.get(label) ?? 0) + 1);
  return labels.map((label) =>
    label.startsWith(`${EUROPE_GROUP}:`) && size.get(label)! < MIN_EUROPE_GROUP_TEAMS ? EUROPE_GROUP : label,
  );
}
