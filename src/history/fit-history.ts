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
  /** Database team id of each team index. */
  teamIds: number[];
  /** Each team's group label: its main league code, or `europe:CCC` for a team seen only outside the leagues fitted. */
  groupLabels: string[];
  matches: ResultRow[];
}

const DAY_MS = 86_400_000;

export function buildFitHistory(db: Db, options: FitHistoryOptions): FitHistory {
  const matches = resultRows(db, { competitions: options.competitions, from: options.from, before: options.before });
  return fitHistoryFromRows(matches, options.before, teamInfo(db, distinctTeams(matches)));
}

/** Pure part of buildFitHistory: rows in date order → FitData (teams indexed in order of first appearance). */
export function fitHistoryFromRows(matches: ResultRow[], before: string, teams: Map<number, TeamInfo>): FitHistory {
  const teamIds = distinctTeams(matches);
  const indexOf = new Map(teamIds.map((id, i) => [id, i]));
  const reference = Date.parse(before);
  const data: FitData = {
    teamCount: teamIds.length,
    homeTeam: Int32Array.from(matches, (m) => indexOf.get(m.homeTeamId)!),
    awayTeam: Int32Array.from(matches, (m) => indexOf.get(m.awayTeamId)!),
    homeGoals: Int32Array.from(matches, (m) => m.homeGoals),
    awayGoals: Int32Array.from(matches, (m) => m.awayGoals),
    neutral: Uint8Array.from(matches, (m) => (m.neutral ? 1 : 0)),
    ageDays: Float64Array.from(matches, (m) => Math.max(0, (reference - Date.parse(m.date)) / DAY_MS)),
    teamNames: teamIds.map((id) => teams.get(id)?.name ?? `team ${id}`),
  };
  const groupLabels = mainLeagues(matches, teamIds, teams);
  const groupIndex = new Map([...new Set(groupLabels)].map((label, i) => [label, i]));
  return {
    data: { ...data, teamGroup: Int32Array.from(groupLabels, (label) => groupIndex.get(label)!) },
    teamIds,
    groupLabels,
    matches,
  };
}

function distinctTeams(matches: ResultRow[]): number[] {
  const seen = new Set<number>();
  for (const m of matches) {
    seen.add(m.homeTeamId);
    seen.add(m.awayTeamId);
  }
  return [...seen];
}

/**
 * The league a team played most of its league matches in; a team seen only in cups or Europe is grouped with its
 * country's other such teams (`europe:POR`), which gives its prior a sensible level.
 */
function mainLeagues(matches: ResultRow[], teamIds: number[], teams: Map<number, TeamInfo>): string[] {
  const counts = new Map<number, Map<string, number>>();
  for (const m of matches) {
    if (m.kind !== 'league') continue;
    for (const team of [m.homeTeamId, m.awayTeamId]) {
      let perLeague = counts.get(team);
      if (!perLeague) counts.set(team, (perLeague = new Map()));
      perLeague.set(m.competition, (perLeague.get(m.competition) ?? 0) + 1);
    }
  }
  return teamIds.map((id) => {
    const perLeague = counts.get(id);
    if (!perLeague) return `europe:${teams.get(id)?.country ?? 'unknown'}`;
    return [...perLeague].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  });
}
