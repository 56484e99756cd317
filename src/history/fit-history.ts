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
 * Pure part of buildFitHistory: rows in date order → FitData. Called for each of the hundreds of windows of a
 * backtest, so it is plain loops with one date parse per run of equal dates. `teams` gives names and countries; without
 * it teams are unnamed and a Europe-only team's country is unknown.
 */
export function fitHistoryFromRows(
  matches: readonly ResultRow[],
  before: string,
  teams: ReadonlyMap<number, TeamInfo> = new Map(),
): FitHistory {
  const n = matches.length;
  const reference = Date.parse(before);
  // Rows come in date order: the age is worked out again only when the date changes.
  let lastDate: string | null = null;
  let lastAge = 0;
  const teamIds: number[] = [];
  const indexOf = teamIndexTable(matches);
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
  const homeGoals = new Int32Array(n);
  const awayGoals = new Int32Array(n);
  const neutral = new Uint8Array(n);
  const ageDays = new Float64Array(n);
  // Each league match's league as a small number (−1 for other competitions), for the groups.
  const leagueOf = new Int32Array(n);
  const leagueIndex = new Map<string, number>();
  const leagues: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = matches[i];
    homeTeam[i] = index(m.homeTeamId);
    awayTeam[i] = index(m.awayTeamId);
    homeGoals[i] = m.homeGoals;
    awayGoals[i] = m.awayGoals;
    neutral[i] = m.neutral ? 1 : 0;
    if (m.date !== lastDate) {
      lastDate = m.date;
      lastAge = Math.max(0, (reference - Date.parse(m.date)) / DAY_MS);
    }
    ageDays[i] = lastAge;
    if (m.kind !== 'league') {
      leagueOf[i] = -1;
      continue;
    }
    let league = leagueIndex.get(m.competition);
    if (league === undefined) {
      leagueIndex.set(m.competition, (league = leagues.length));
      leagues.push(m.competition);
    }
    leagueOf[i] = league;
  }
  // League matches per team and league.
  const leagueCount = leagues.length;
  const counts = new Int32Array(teamIds.length * leagueCount);
  for (let i = 0; i < n; i++) {
    if (leagueOf[i] < 0) continue;
    counts[homeTeam[i] * leagueCount + leagueOf[i]]++;
    counts[awayTeam[i] * leagueCount + leagueOf[i]]++;
  }
  const groupLabels = poolSmallEuropeGroups(
    teamIds.map(
      (id, t) =>
        mainLeague(counts.subarray(t * leagueCount, (t + 1) * leagueCount), leagues) ??
        `${EUROPE_GROUP}:${teams.get(id)?.country ?? 'unknown'}`,
    ),
  );
  const groupIndex = new Map([...new Set(groupLabels)].map((label, g) => [label, g]));
  const teamGroup = Int32Array.from(groupLabels, (label) => groupIndex.get(label)!);
  const teamNames = teams.size > 0 ? teamIds.map((id) => teams.get(id)?.name ?? `team ${id}`) : undefined;
  return {
    data: {
      teamCount: teamIds.length,
      homeTeam,
      awayTeam,
      homeGoals,
      awayGoals,
      neutral,
      ageDays,
      teamGroup,
      teamNames,
    },
    teamIds,
    groupLabels,
    matches,
  };
}

/**
 * A team id → index table for the rows, all −1: ids are the database's small whole numbers, so a typed array
 * indexed by id is the fastest map (this runs for every member of every fit of a backtest).
 */
function teamIndexTable(matches: readonly ResultRow[]): Int32Array {
  let largest = -1;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
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
  }
  return new Int32Array(largest + 1).fill(-1);
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
