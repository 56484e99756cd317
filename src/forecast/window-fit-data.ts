import type { FitData } from '../models/fit-data.js';
import type { ResultRow } from '../store/match-queries.js';

/** The fit arrays of one history window, with the ids that map team indices back to the database. */
export interface WindowFitData {
  data: FitData;
  /** Database team id of each team index (order of first appearance). */
  teamIds: number[];
  /** Each team's group: the league it played most of its league matches in, `continental` if none. */
  groupLabels: string[];
}

const DAY_MS = 86_400_000;

/**
 * What history/fit-history.ts builds, for the many windows of a backtest: plain loops instead of typed-array
 * `from` with callbacks and one date parse per distinct date, which makes it ~20× faster on a 5,000-match window.
 * `date` is the date the fit is for: ages count back from it.
 */
export function windowFitData(matches: readonly ResultRow[], date: string): WindowFitData {
  const n = matches.length;
  const reference = Date.parse(date);
  const ageOfDate = new Map<string, number>();
  const indexOf = new Map<number, number>();
  const teamIds: number[] = [];
  const index = (id: number): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = teamIds.length;
      indexOf.set(id, i);
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
  // League matches per (team, league), for the groups.
  const leagueCounts = new Map<number, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    const m = matches[i];
    homeTeam[i] = index(m.homeTeamId);
    awayTeam[i] = index(m.awayTeamId);
    homeGoals[i] = m.homeGoals;
    awayGoals[i] = m.awayGoals;
    neutral[i] = m.neutral ? 1 : 0;
    let age = ageOfDate.get(m.date);
    if (age === undefined) ageOfDate.set(m.date, (age = Math.max(0, (reference - Date.parse(m.date)) / DAY_MS)));
    ageDays[i] = age;
    if (m.kind !== 'league') continue;
    for (const team of [homeTeam[i], awayTeam[i]]) {
      let perLeague = leagueCounts.get(team);
      if (!perLeague) leagueCounts.set(team, (perLeague = new Map()));
      perLeague.set(m.competition, (perLeague.get(m.competition) ?? 0) + 1);
    }
  }
  const groupLabels = teamIds.map((_, t) => mainLeague(leagueCounts.get(t)));
  const groupIndex = new Map([...new Set(groupLabels)].map((label, g) => [label, g]));
  const teamGroup = new Int32Array(teamIds.length);
  for (let t = 0; t < teamIds.length; t++) teamGroup[t] = groupIndex.get(groupLabels[t])!;
  return {
    data: { teamCount: teamIds.length, homeTeam, awayTeam, homeGoals, awayGoals, neutral, ageDays, teamGroup },
    teamIds,
    groupLabels,
  };
}

/** The league with most matches (ties to the alphabetically first), as history/fit-history.ts decides. */
function mainLeague(perLeague: Map<string, number> | undefined): string {
  if (!perLeague) return 'continental';
  let best = '';
  let bestCount = -1;
  for (const [league, count] of perLeague) {
    if (count > bestCount || (count === bestCount && league < best)) {
      best = league;
      bestCount = count;
    }
  }
  return best;
}
