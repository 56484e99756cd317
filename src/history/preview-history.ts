/**
 * What a match preview reads from the database: the two teams (found by name in the database, else in a saved
 * model's team list, so a preview works on an empty database), both teams' matches in every competition before the
 * fixture, the legs of earlier ties for the precedent, goals where the data has them, the fixture itself when it is
 * stored, and the first leg when the fixture is a second leg.
 */
import { MatchdayError } from '../errors.js';
import { strictTeamKey, teamNameKey } from '../identity/team-name-key.js';
import { seasonOfDate } from '../competitions/competition.js';
import { seasonOfDateIn } from '../competitions/seasons.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import {
  competitionCodes,
  findMatches,
  goalsOfMatches,
  type GoalView,
  type StoredMatchView,
} from '../store/match-queries.js';
import { loadTeamNames } from '../store/team-store.js';
import { SeasonStatuses, teamSeasonCoverage, type TeamSeasonCoverage } from './coverage.js';
import { findTeam, type TeamSearch } from './team-lookup.js';

/** A team a model knows: its id in the model and its name. */
export interface NamedTeam {
  id: number;
  name: string;
}

/** One side of the fixture: its id in the database (null when the database does not know it) and in the model. */
export interface PreviewTeam {
  name: string;
  teamId: number | null;
  modelTeam: NamedTeam | null;
}

/**
 * The team a user means. The database decides when it knows the name (aliases, countries, the dominant club); the
 * model's team list is the fallback for an empty database. The model team is matched by name, never by id: a model
 * fitted on another database numbers its teams differently. Pass the team names (loaded for every name to resolve)
 * when resolving several.
 */
export function resolvePreviewTeam(
  db: Db,
  query: string,
  modelTeams: readonly NamedTeam[],
  names: TeamSearch = loadTeamNames(db, [query]),
): PreviewTeam {
  let stored: { teamId: number; name: string } | null = null;
  try {
    stored = findTeam(db, query, names);
  } catch (error) {
    if (!(error instanceof MatchdayError) || error.code !== 'UNKNOWN_TEAM') throw error;
  }
  const modelTeam =
    modelTeamNamed(modelTeams, stored?.name ?? query) ?? (stored ? modelTeamNamed(modelTeams, query) : null);
  if (stored) return { name: stored.name, teamId: stored.teamId, modelTeam };
  if (modelTeam) return { name: modelTeam.name, teamId: null, modelTeam };
  const known = modelTeams.length > 0 ? ' or in the model file' : '';
  throw new MatchdayError('UNKNOWN_TEAM', `no team of that name in the database${known}`, { team: query });
}

/** The model team with this name: same words first, then the same words without legal forms (`Atalanta BC`). */
function modelTeamNamed(teams: readonly NamedTeam[], name: string): NamedTeam | null {
  const { strict, loose } = keyedModelTeams(teams);
  const sameWords = strict.get(strictTeamKey(name)) ?? [];
  if (sameWords.length === 1) return sameWords[0];
  const sameLooseWords = loose.get(teamNameKey(name)) ?? [];
  return sameLooseWords.length === 1 ? sameLooseWords[0] : null;
}

interface KeyedTeams {
  strict: Map<string, NamedTeam[]>;
  loose: Map<string, NamedTeam[]>;
}

// A model's team list keyed once, not at every name a preview resolves (four, a thousand teams each).
const keyedTeamLists = new WeakMap<readonly NamedTeam[], KeyedTeams>();

function keyedModelTeams(teams: readonly NamedTeam[]): KeyedTeams {
  let keyed = keyedTeamLists.get(teams);
  if (!keyed) {
    keyed = { strict: new Map(), loose: new Map() };
    for (const team of teams) {
      for (const [byKey, key] of [
        [keyed.strict, strictTeamKey(team.name)],
        [keyed.loose, teamNameKey(team.name)],
      ] as const) {
        const list = byKey.get(key);
        if (list) list.push(team);
        else byKey.set(key, [team]);
      }
    }
    keyedTeamLists.set(teams, keyed);
  }
  return keyed;
}

export interface PreviewFixtureQuery {
  homeTeamId: number | null;
  awayTeamId: number | null;
  date: string;
  competitionCode: string;
}

export interface PreviewHistory {
  /** Both teams' matches before the date, plus the legs of earlier ties in competitions of the fixture's kind. */
  matches: StoredMatchView[];
  goals: Map<number, GoalView[]>;
  /** The fixture itself (the two teams on the date, home first), played or not, when stored. */
  fixtureMatch: StoredMatchView | null;
  /** The first leg, when the fixture is the second leg of a tie and the first leg was played. */
  firstLeg: StoredMatchView | null;
  /** The fixture's season: the stored match's, else the European season of the date. */
  season: string;
  /** What the database holds of a team's season (read while the database is open), for scoping each fact. */
  coverage: (teamId: number, season: string) => TeamSeasonCoverage | null;
}

/** Everything the insights and the preview read for one fixture. Teams the database does not know have no history. */
export function gatherPreviewHistory(db: Db, query: PreviewFixtureQuery): PreviewHistory {
  const { homeTeamId, awayTeamId, date } = query;
  // Every date is read: the seasons' coverage counts the matches still to come too.
  const statuses = new SeasonStatuses(db, true);
  const everyMatchOf = (id: number | null) => {
    if (id === null) return [];
    const matches = findMatches(db, { teamId: id });
    statuses.holdTeamMatches(id, matches);
    return matches;
  };
  const home = everyMatchOf(homeTeamId).filter((m) => m.date < date);
  const away = everyMatchOf(awayTeamId).filter((m) => m.date < date);
  const fixtureMatch = findFixtureMatch(db, homeTeamId, awayTeamId, date);
  const competition = registryOf(db).find(query.competitionCode);
  const season =
    fixtureMatch?.season ?? (competition ? seasonOfDate(competition, date) : seasonOfDateIn(date, 'autumn-spring'));
  const firstLeg = firstLegOf(home, query, season);
  const byId = new Map<number, StoredMatchView>();
  for (const m of [...home, ...away, ...earlierTieLegs(db, query.competitionCode, date, firstLeg)]) byId.set(m.id, m);
  const matches = [...byId.values()];
  return {
    matches,
    goals: goalsOfMatches(
      db,
      [...home, ...away].map((m) => m.id),
    ),
    fixtureMatch,
    firstLeg,
    season,
    coverage: (teamId, teamSeason) => {
      const coverage = teamSeasonCoverage(db, teamId, teamSeason, statuses);
      // No match of the team that season: it played where the data does not reach.
      return coverage.held.length > 0 ? coverage : null;
    },
  };
}

/** The fixture as stored: the two teams on the date, home first, played or not. */
export function findFixtureMatch(
  db: Db,
  homeTeamId: number | null,
  awayTeamId: number | null,
  date: string,
): StoredMatchView | null {
  if (homeTeamId === null || awayTeamId === null) return null;
  return (
    findMatches(db, { teamId: homeTeamId, from: date, to: date }).find(
      (m) => m.home.id === homeTeamId && m.away.id === awayTeamId,
    ) ?? null
  );
}

/**
 * The precedent's field for a second leg: the legs of earlier ties, in every competition of the fixture's kind, whose
 * first leg stood the way this one does — won by at least as much by the side in the same position, or drawn
 * (insights/precedent compares no other tie). None before a first leg is played.
 */
function earlierTieLegs(
  db: Db,
  competitionCode: string,
  date: string,
  firstLeg: StoredMatchView | null,
): StoredMatchView[] {
  const kind = registryOf(db).find(competitionCode)?.kind;
  if (!firstLeg || (kind !== 'continental' && kind !== 'cup')) return [];
  const [home, away] = firstLeg.score.et ?? firstLeg.score.ft!;
  const firstLegWonBy = { leader: away > home ? ('away' as const) : ('home' as const), margin: Math.abs(home - away) };
  return competitionCodes(db, kind).flatMap((code) =>
    findMatches(db, { competitionCode: code, before: date, playedOnly: true, legsOnly: true, firstLegWonBy }),
  );
}

/** The latest leg-1 match of the competition and season with the teams the other way round. */
function firstLegOf(
  homeMatches: readonly StoredMatchView[],
  query: PreviewFixtureQuery,
  season: string,
): StoredMatchView | null {
  const legs = homeMatches.filter(
    (m) =>
      m.leg === 1 &&
      m.home.id === query.awayTeamId &&
      m.away.id === query.homeTeamId &&
      m.competition.code === query.competitionCode &&
      m.season === season &&
      m.score.ft !== null,
  );
  return legs.at(-1) ?? null;
}
