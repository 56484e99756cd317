import type { CompetitionRegistry } from '../competitions/registry.js';
import { readLeagueStanding } from '../history/league-standing.js';
import type { TableRace } from '../history/table-race.js';
import { readTies } from '../knockout/knockout-reader.js';
import type { Db } from '../store/database.js';
import type { StoredMatchView } from '../store/match-queries.js';

/**
 * What the story's lead is written from besides the insight facts, read for each side with history: where it
 * stands in its league today, and how it got through the previous round of the fixture's competition. The
 * matches these stand on are returned too, so that the preview can cite them.
 */
export interface TeamStory {
  teamId: number;
  standing: StoryStanding | null;
  previousRound: PreviousRound | null;
}

/** A team's place in its league table on the day (see history/league-standing). */
export interface StoryStanding {
  competition: string;
  /** 1-based. */
  position: number;
  matchesLeft: number;
  pointsForWin: number;
  /** The whole table, best first. */
  table: { teamId: number; points: number; played: number }[];
  /** What is still to play for: the title, promotion, relegation. */
  race: TableRace;
  /** The season's league matches before the day: the table's receipts. */
  matchIds: number[];
}

/** The tie the team won in the round before this one, in this competition and season. */
export interface PreviousRound {
  round: string | null;
  opponentId: number;
  goalsFor: number;
  goalsAgainst: number;
  decidedBy: 'aggregate' | 'away-goals' | 'extra-time' | 'penalties' | 'other';
  matchIds: number[];
}

export function prepareTeamStory(
  db: Db,
  registry: CompetitionRegistry,
  query: { teamId: number; opponentId: number | null; date: string; competitionCode: string; season: string },
  teamMatches: readonly StoredMatchView[],
): { story: TeamStory; matches: StoredMatchView[] } {
  const standing = readLeagueStanding(db, registry, query.teamId, query.date, teamMatches);
  return {
    story: {
      teamId: query.teamId,
      standing: standing && {
        competition: standing.competition.name,
        position: standing.position,
        matchesLeft: standing.matchesLeft,
        pointsForWin: standing.pointsForWin,
        table: standing.table.rows.map((r) => ({ teamId: r.teamId, points: r.points, played: r.played })),
        race: standing.race,
        matchIds: standing.matches.map((m) => m.id),
      },
      previousRound: previousRound(db, query),
    },
    matches: standing?.matches ?? [],
  };
}

function previousRound(
  db: Db,
  query: { teamId: number; opponentId: number | null; date: string; competitionCode: string; season: string },
): PreviousRound | null {
  const won = readTies(db, { competitions: [query.competitionCode], seasons: [query.season], teamId: query.teamId })
    .filter(
      (t) =>
        t.secondLeg.date < query.date &&
        t.winnerTeam?.id === query.teamId &&
        t.a.id !== query.opponentId &&
        t.b.id !== query.opponentId &&
        t.aggregate !== null,
    )
    .sort((x, y) => x.secondLeg.date.localeCompare(y.secondLeg.date));
  const tie = won.at(-1);
  if (!tie || !tie.aggregate) return null;
  const isA = tie.a.id === query.teamId;
  const decidedBy = tie.decidedBy;
  return {
    round: tie.round,
    opponentId: isA ? tie.b.id : tie.a.id,
    goalsFor: isA ? tie.aggregate.a : tie.aggregate.b,
    goalsAgainst: isA ? tie.aggregate.b : tie.aggregate.a,
    decidedBy:
      decidedBy === 'aggregate' || decidedBy === 'away-goals' || decidedBy === 'extra-time' || decidedBy === 'penalties'
        ? decidedBy
        : 'other',
    matchIds: [tie.firstLeg.matchId, tie.secondLeg.matchId, ...(tie.decidingMatch ? [tie.decidingMatch.matchId] : [])],
  };
}
