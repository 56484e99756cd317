import { seasonOfDate } from '../competitions/competition.js';
import type { Db } from '../store/database.js';
import { registryOf } from '../store/competition-store.js';
import { latestLeague } from '../store/match-queries.js';
import { findFixtureMatch } from './preview-history.js';
import { checkTwoTeams } from './team-lookup.js';

/** A team as a forecast names it: its id, and the league it last played in before the date (its prior if unseen). */
export interface LookedUpTeam {
  id: number;
  name: string;
  group?: string;
}

/** A fixture as the database knows it on a date. */
export interface LookedUpFixture {
  home: LookedUpTeam;
  away: LookedUpTeam;
  neutral: boolean;
  /** Null when neither a stored match, the caller nor the teams' leagues say. */
  competition?: string;
  season?: string;
}

/**
 * The fixture between two teams on a date: the stored match (played or scheduled) gives its competition, season
 * and venue; otherwise `competition` (or, when both teams last played in the same league, that league) and the
 * season of the date in it. The caller's `neutral` wins over the stored venue (a what-if).
 */
export function lookUpFixture(
  db: Db,
  home: { teamId: number; name: string },
  away: { teamId: number; name: string },
  date: string,
  options: { competition?: string; neutral?: boolean } = {},
): LookedUpFixture {
  checkTwoTeams(home, away);
  const team = (t: { teamId: number; name: string }): LookedUpTeam => {
    const league = latestLeague(db, t.teamId, date);
    return { id: t.teamId, name: t.name, ...(league !== null && { group: league }) };
  };
  const homeTeam = team(home);
  const awayTeam = team(away);
  const stored = findFixtureMatch(db, home.teamId, away.teamId, date);
  const competition =
    options.competition ??
    stored?.competition.code ??
    (homeTeam.group !== undefined && homeTeam.group === awayTeam.group ? homeTeam.group : undefined);
  const registered = competition === undefined ? undefined : registryOf(db).get(competition);
  const season =
    stored && stored.competition.code === competition
      ? stored.season
      : registered
        ? seasonOfDate(registered, date)
        : undefined;
  return {
    home: homeTeam,
    away: awayTeam,
    neutral: options.neutral ?? stored?.neutral ?? false,
    ...(competition !== undefined && { competition }),
    ...(season !== undefined && { season }),
  };
}
