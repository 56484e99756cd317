import { MatchdayError } from '../errors.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import {
  forecastFixture,
  forecasterFixture,
  forecasterModel,
  type FixtureModel,
  type ModelFixture,
} from '../forecast/fixture-forecast.js';
import { Forecasts } from '../forecast/forecasts.js';
import { savedModelAnswers } from '../forecast/model-file.js';
import type { FixtureTeam, ModelTeam } from '../forecast/match-model.js';
import { storeForecastSource } from '../history/forecast-history.js';
import {
  findFixtureMatch,
  gatherPreviewHistory,
  resolvePreviewTeam,
  type PreviewHistory,
  type PreviewTeam,
} from '../history/preview-history.js';
import { readNextRound } from '../knockout/knockout-reader.js';
import { fixtureModelLegGrids } from '../knockout/leg-grids.js';
import type { TieForecastResult } from '../knockout/tie-model.js';
import { tieRulesOf } from '../knockout/tie-outcome.js';
import { TiePricer } from '../knockout/tie-pricer.js';
import { tieStateAfterFirstLeg } from '../knockout/two-legged-tie.js';
import { seasonOfDate } from '../competitions/competition.js';
import { seasonOfDateIn } from '../competitions/seasons.js';
import { registryOf } from '../store/competition-store.js';
import { computeFacts } from '../insights/compute-facts.js';
import type { Fact } from '../insights/facts.js';
import type { Db } from '../store/database.js';
import { findMatches, latestLeague, type StoredMatchView } from '../store/match-queries.js';
import { loadTeamNames } from '../store/team-store.js';
import { findVenues } from '../store/venue-queries.js';
import type { ComposeInput } from './compose-preview.js';
import type { Dossier } from './dossier.js';
import { formatCount } from './preview-layout.js';
import { prepareTeamStory, type TeamStory } from './prepare-story.js';
import { venueOnTheDay } from './write-crowd.js';
import { listJoin } from './write-english.js';

/**
 * Everything a preview is written from, gathered for one fixture: the teams (from the database, else the saved
 * model's team list, so an empty database still gives a preview), the history and its facts, the model and its
 * forecast, the tie, the bracket, the played result, the dossier and the venue, and caveats that say what is
 * missing and what importing history would add.
 */
export interface PreviewRequest {
  home: string;
  away: string;
  /** ISO date; defaults to the dossier's. */
  date?: string;
  /** Code or name; defaults to the dossier's, then the stored fixture's. */
  competition?: string;
  dossier?: Dossier | null;
  /** The dossier line where the first leg is written, for its receipt (the Dossier type does not keep it). */
  dossierFirstLegLine?: number;
  /** A model saved by `matchday fit --out`; without one the forecaster is fitted on the database's history. */
  model?: { model: FixtureModel; file: string } | null;
  seed?: number;
}

export function preparePreview(db: Db, request: PreviewRequest): ComposeInput {
  const dossier = request.dossier ?? null;
  const date = fixtureDate(request, dossier);
  const saved = request.model && savedModelAnswers(request.model.model, date) ? request.model : null;
  const modelTeams = saved?.model.teams ?? [];
  // The names this preview resolves: the request's, and the dossier's it checks them against.
  const names = loadTeamNames(db, [
    request.home,
    request.away,
    ...(dossier ? [dossier.fixture.home, dossier.fixture.away] : []),
  ]);
  const resolve = (name: string) => resolvePreviewTeam(db, name, modelTeams, names);
  const home = resolve(request.home);
  const away = resolve(request.away);
  if (dossier) checkDossierTeams(dossier, home, away, resolve);
  const fixtureMatch = findFixtureMatch(db, home.teamId, away.teamId, date);
  const competition = fixtureCompetition(db, request, dossier, fixtureMatch);
  const caveats: string[] = [];

  const history: PreviewHistory | null =
    home.teamId !== null || away.teamId !== null
      ? gatherPreviewHistory(db, {
          homeTeamId: home.teamId,
          awayTeamId: away.teamId,
          date,
          competitionCode: competition.code,
        })
      : null;
  const registry = registryOf(db);
  const registered = registry.get(competition.code);
  const season =
    history?.season ?? (registered ? seasonOfDate(registered, date) : seasonOfDateIn(date, 'autumn-spring'));
  const facts = history ? factsFor(history, home, away, date, competition.code, season, registry) : [];
  const withoutHistory = [home, away].filter(
    (team) =>
      team.teamId === null || !history?.matches.some((m) => m.home.id === team.teamId || m.away.id === team.teamId),
  );
  if (withoutHistory.length > 0) {
    caveats.push(
      `This database has no match history for ${listJoin(withoutHistory.map((t) => t.name))}, so the match preview ` +
        'has no form, runs, head-to-head, records or tie precedent for them. Import history (for example with ' +
        'matchday import ../shared/data) and those facts appear, each with the matches it stands on.',
    );
  }

  const savedTeams = saved?.model.teams ?? null;
  const neutral = dossier?.fixture.neutral ?? fixtureMatch?.neutral ?? false;
  const fixture: ModelFixture = {
    home: forecastTeam(db, home, savedTeams, date, 'home'),
    away: forecastTeam(db, away, savedTeams, date, 'away'),
    neutral,
    competition: competition.code,
    season,
  };
  const model = saved?.model ?? fitModel(db, home, away, fixture, date, request.model?.model ?? null);
  const forecast = forecastFixture(model, fixture);
  if (forecast.model.teamsFromPrior.length > 0) {
    caveats.push(
      `The model has no matches of ${listJoin(forecast.model.teamsFromPrior)}: their numbers come from their league's average.`,
    );
  }

  const firstLeg = firstLegOf(history, dossier, request.dossierFirstLegLine ?? 1, caveats);
  const leg = dossier?.fixture.leg ?? fixtureMatch?.leg ?? (firstLeg ? 2 : null);
  const tie =
    firstLeg && leg === 2
      ? tieNumbers(db, registry, {
          saved: saved?.model ?? null,
          // A saved model names teams by its own ids; otherwise both are database teams (the model needed them).
          teams: saved
            ? { home: fixture.home, away: fixture.away }
            : { home: { id: home.teamId!, name: home.name }, away: { id: away.teamId!, name: away.name } },
          neutral,
          firstLeg,
          competition,
          season,
          date,
          caveats,
        })
      : null;
  const nextRound =
    tie && home.teamId !== null && away.teamId !== null
      ? readNextRound(db, competition.code, season, date, [home.teamId, away.teamId])
      : null;

  const matches: StoredMatchView[] = [...(history?.matches ?? [])];
  const played = fixtureMatch?.status === 'played' ? fixtureMatch : null;
  const playedScore = played?.score.ft ?? null;
  if (played && playedScore) matches.push(played);
  const storyOf = (team: PreviewTeam, opponent: PreviewTeam): TeamStory | null => {
    if (team.teamId === null || !history) return null;
    const own = history.matches.filter((m) => m.home.id === team.teamId || m.away.id === team.teamId);
    const { story, matches: tableMatches } = prepareTeamStory(
      db,
      registry,
      { teamId: team.teamId, opponentId: opponent.teamId, date, competitionCode: competition.code, season },
      own,
    );
    const ids = new Set(matches.map((m) => m.id));
    for (const m of tableMatches) if (!ids.has(m.id)) matches.push(m);
    return story;
  };
  const story = { home: storyOf(home, away), away: storyOf(away, home) };
  if (nextRound) {
    // The other tie's legs (who the winners may meet) are the next round's receipts.
    const ids = new Set(matches.map((m) => m.id));
    const wanted = new Set(nextRound.matchIds);
    for (const m of findMatches(db, { competitionCode: competition.code, season, before: date, legsOnly: true })) {
      if (wanted.has(m.id) && !ids.has(m.id)) matches.push(m);
    }
  }
  const known = new Set(matches.map((m) => m.id));

  if (dossier) {
    caveats.push(
      `Team news, line-ups, the venue on the day and quotes are from the dossier ${dossier.file}, written by hand; everything else is computed from match data and the model.`,
    );
  } else {
    caveats.push(
      'No dossier was given: team news, possible line-ups, quotes and the matchday crowd need one (docs/dossier.md).',
    );
  }

  return {
    fixture: {
      home: { teamId: home.teamId, name: home.name },
      away: { teamId: away.teamId, name: away.name },
      date,
      competition: { code: competition.code, name: competition.name },
      round: dossier?.fixture.round ?? fixtureMatch?.round ?? null,
      leg,
    },
    matches,
    facts,
    firstLeg,
    forecast: {
      forecast,
      description: modelDescription(model, saved?.file ?? null),
      receipt: saved ? { file: saved.file, line: 1, label: `Saved ${modelName(model)}` } : null,
      // Never, as --model-file means it (a saved model answers only after its data); kept as the writers' guard.
      sawTheMatch: model.data.before > date,
    },
    tie,
    nextRound: nextRound
      ? {
          round: nextRound.round,
          opponents: nextRound.opponents.map((t) => t.name),
          matchIds: nextRound.matchIds.filter((id) => known.has(id)),
        }
      : null,
    played:
      played && playedScore
        ? {
            matchId: played.id,
            goals: { home: playedScore[0], away: playedScore[1] },
            extraTime: played.score.et !== null,
          }
        : null,
    story,
    dossier,
    venue: venueFor(db, dossier, competition.code),
    caveats,
    seed: request.seed ?? seedOf(`${home.name}|${away.name}|${date}`),
  };
}

function fixtureDate(request: PreviewRequest, dossier: Dossier | null): string {
  if (request.date && dossier && request.date !== dossier.fixture.date) {
    throw new MatchdayError('DOSSIER_MISMATCH', `the dossier is for ${dossier.fixture.date}, not ${request.date}`, {
      file: dossier.file,
      field: 'fixture.date',
    });
  }
  const date = request.date ?? dossier?.fixture.date;
  if (!date) throw new MatchdayError('NO_DATE', 'give the fixture date (YYYY-MM-DD) or a dossier', { field: 'date' });
  return date;
}

/** The dossier must be about the same two teams, home and away the same way round. */
function checkDossierTeams(
  dossier: Dossier,
  home: PreviewTeam,
  away: PreviewTeam,
  resolve: (name: string) => PreviewTeam,
): void {
  const same = (a: PreviewTeam, b: PreviewTeam) =>
    a.teamId !== null && b.teamId !== null ? a.teamId === b.teamId : a.name === b.name;
  for (const [side, team] of [
    ['home', home],
    ['away', away],
  ] as const) {
    const named = dossier.fixture[side];
    const resolved = resolve(named);
    if (!same(resolved, team)) {
      throw new MatchdayError('DOSSIER_MISMATCH', `the dossier's ${side} team is ${named}, not ${team.name}`, {
        file: dossier.file,
        field: `fixture.${side}`,
      });
    }
  }
}

function fixtureCompetition(
  db: Db,
  request: PreviewRequest,
  dossier: Dossier | null,
  stored: StoredMatchView | null,
): { code: string; name: string; kind: string | null } {
  if (request.competition) {
    const found = registryOf(db).find(request.competition);
    if (!found) {
      throw new MatchdayError('UNKNOWN_COMPETITION', `unknown competition ${request.competition}`, {
        field: 'competition',
      });
    }
    if (dossier && dossier.fixture.competition !== found.code) {
      throw new MatchdayError(
        'DOSSIER_MISMATCH',
        `the dossier is for ${dossier.fixture.competitionName}, not ${found.name}`,
        {
          file: dossier.file,
          field: 'fixture.competition',
        },
      );
    }
    return { code: found.code, name: found.name, kind: found.kind };
  }
  if (dossier) {
    return {
      code: dossier.fixture.competition,
      name: dossier.fixture.competitionName,
      kind: registryOf(db).find(dossier.fixture.competition)?.kind ?? null,
    };
  }
  if (stored) return { ...stored.competition };
  throw new MatchdayError(
    'NO_COMPETITION',
    'the database has no such fixture on that date: say which competition (or give a dossier)',
    { field: 'competition' },
  );
}

function factsFor(
  history: PreviewHistory,
  home: PreviewTeam,
  away: PreviewTeam,
  date: string,
  competitionCode: string,
  season: string,
  registry: CompetitionRegistry,
): Fact[] {
  // A team the database does not know has no matches; a placeholder id keeps the other team's facts.
  return computeFacts({
    registry,
    fixture: {
      homeTeamId: home.teamId ?? -1,
      awayTeamId: away.teamId ?? -2,
      date,
      competitionCode,
      season,
      ...(history.firstLeg && { tie: { firstLegMatchId: history.firstLeg.id } }),
    },
    matches: history.matches,
    goals: history.goals,
    coverage: history.coverage,
  });
}

/**
 * The forecaster fitted on the matches before the fixture's date, as `predict` fits it. `unused`: a saved model
 * given for a later date, named when nothing can be fitted instead.
 */
function fitModel(
  db: Db,
  home: PreviewTeam,
  away: PreviewTeam,
  fixture: ModelFixture,
  date: string,
  unused: FixtureModel | null,
): FixtureModel {
  if (home.teamId === null || away.teamId === null) {
    const why = unused
      ? `the saved model answers for fixtures from ${unused.data.before} (it has seen the matches before then)`
      : 'give a model saved by matchday fit';
    throw new MatchdayError('NO_MODEL', `no model: ${why}, or import history so one can be fitted`, {
      field: 'model',
    });
  }
  const forecasts = new Forecasts(storeForecastSource(db));
  return forecasterModel(forecasts.forecaster(forecasterFixture(fixture), date));
}

/**
 * The team as the model knows it. A model fitted here uses database ids; a saved model is matched by name (its ids
 * belong to the database it was fitted on). A team it never saw is predicted from its league's prior.
 */
function forecastTeam(
  db: Db,
  team: PreviewTeam,
  savedTeams: readonly ModelTeam[] | null,
  date: string,
  side: 'home' | 'away',
): FixtureTeam {
  const league = team.teamId !== null ? latestLeague(db, team.teamId, date) : null;
  const placeholder = side === 'home' ? -1 : -2;
  // A model fitted here knows the database's ids (and a team it has not seen takes its league's prior).
  if (savedTeams === null)
    return { id: team.teamId ?? placeholder, name: team.name, ...(league !== null && { group: league }) };
  // A saved model's team was matched by name when the teams were resolved.
  const inModel = team.modelTeam
    ? savedTeams.find((t) => t.id === team.modelTeam?.id)
    : savedTeams.find((t) => t.name === team.name);
  if (inModel) return { id: inModel.id, name: team.name, group: league ?? inModel.group };
  // An id no model team has: the model falls back to the prior of the team's league.
  return { id: placeholder, name: team.name, ...(league !== null && { group: league }) };
}

type FirstLeg = NonNullable<ComposeInput['firstLeg']>;

/** The stored first leg, else the dossier's; when both exist and disagree, the stored one wins and a caveat says so. */
function firstLegOf(
  history: PreviewHistory | null,
  dossier: Dossier | null,
  dossierLine: number,
  caveats: string[],
): FirstLeg | null {
  const stored = history?.firstLeg;
  const written = dossier?.fixture.firstLeg;
  if (stored?.score.ft) {
    const [legHome, legAway] = stored.score.et ?? stored.score.ft;
    if (written && (written.homeGoals !== legHome || written.awayGoals !== legAway)) {
      caveats.push(
        `The dossier gives the first leg as ${written.home} ${written.homeGoals}-${written.awayGoals} ${written.away}; the match data has ${legHome}-${legAway}, which the preview uses.`,
      );
    }
    // The first leg's hosts are this fixture's away side.
    return { date: stored.date, goals: { home: legAway, away: legHome }, source: { matchId: stored.id } };
  }
  if (!written || !dossier) return null;
  return {
    date: written.date,
    goals: { home: written.awayGoals, away: written.homeGoals },
    source: {
      document: {
        file: dossier.file,
        line: dossierLine,
        label: `from the dossier: ${written.home} ${written.homeGoals}-${written.awayGoals} ${written.away}, ${written.date}`,
      },
    },
  };
}

/**
 * The tie before the second leg, priced as `matchday tie` and the API price it (knockout/tie-pricer): the same legs,
 * extra-time rate, calibration and rules. With a saved model the legs come from it instead.
 */
function tieNumbers(
  db: Db,
  registry: CompetitionRegistry,
  context: {
    saved: FixtureModel | null;
    teams: { home: FixtureTeam; away: FixtureTeam };
    neutral: boolean;
    firstLeg: FirstLeg;
    competition: { code: string; name: string };
    season: string;
    date: string;
    caveats: string[];
  },
): NonNullable<ComposeInput['tie']> | null {
  const { saved, teams, firstLeg, competition, season, date, caveats } = context;
  const rules = tieRulesOf(registry, competition.code, season);
  if (!rules) {
    caveats.push(
      `matchday does not know how a level tie is settled in the ${competition.name}, so there is no tie forecast.`,
    );
    return null;
  }
  const pricer = new TiePricer(db);
  const grids = saved
    ? fixtureModelLegGrids(saved, (t) => (t.id === teams.home.id ? teams.home : teams.away))
    : undefined;
  // Side A hosted the first leg (this fixture's away side); B hosts the second.
  const {
    forecast: result,
    constants,
    grids: legs,
  } = pricer.price(
    {
      a: { id: teams.away.id, name: teams.away.name },
      b: { id: teams.home.id, name: teams.home.name },
      state: tieStateAfterFirstLeg(firstLeg.goals.away, firstLeg.goals.home),
      rules,
      neutral: context.neutral,
      before: date,
    },
    grids,
  );
  const outcome = (split: TieForecastResult['a']) => ({
    total: split.total,
    inNormalTime: split.ninetyMinutes,
    inExtraTime: split.extraTime,
    onPenalties: split.penalties,
  });
  return {
    home: outcome(result.b),
    away: outcome(result.a),
    awayGoalsRule: rules.awayGoals,
    needs: result.needs.trailing === null ? null : result.needs.phrase,
    description:
      `Tie: ${saved ? 'the saved model' : `the ${MODEL_NAMES[legs.family]} fitted on the top leagues and European matches before the fixture`} ` +
      `gives the second leg's expected goals; extra time at ${constants.extraTimeScale.toFixed(3)} of a match's ` +
      'expected goals (fitted on earlier European extra times), penalties 50-50; ' +
      (result.model === 'calibrated'
        ? 'the rates read as earlier European ties say (strength uncertainty, the state of the tie: docs/ties.md)'
        : "the model's rates as they are (no earlier ties to calibrate on)"),
  };
}

function venueFor(db: Db, dossier: Dossier | null, competition: string): ComposeInput['venue'] {
  const venue = dossier?.venue;
  if (!venue) return null;
  const names = [venue.name, venue.officialName, venue.competitionName].filter((n): n is string => n !== undefined);
  const registry = findVenues(db, names)[0] ?? null;
  return venueOnTheDay({ competition, registry, dossier });
}

const MODEL_NAMES: Record<string, string> = {
  ensemble: 'forecaster (goals, shots and Elo)',
  poisson: 'Poisson model',
  'dixon-coles': 'Dixon-Coles model',
  'bivariate-poisson': 'bivariate Poisson model',
  'negative-binomial': 'negative binomial model',
  elo: 'Elo model',
  pi: 'pi-ratings model',
};

function modelName(model: FixtureModel): string {
  return MODEL_NAMES[model.family] ?? `${model.family} model`;
}

/** `Forecaster (goals, shots and Elo) fitted on 12,693 matches from 2016-04-18 to 2024-04-17 (eng.1, …), saved in FILE`. */
function modelDescription(model: FixtureModel, file: string | null): string {
  const { data } = model;
  const competitions = data.competitions.length > 0 ? ` (${data.competitions.join(', ')})` : '';
  const span = data.firstDate && data.lastDate ? ` from ${data.firstDate} to ${data.lastDate}` : '';
  const where = file ? `, saved in ${file}` : ', fitted for this preview';
  const name = modelName(model);
  return `${name[0].toUpperCase()}${name.slice(1)} fitted on ${formatCount(data.matches)} matches${span}${competitions}${where}`;
}

/** FNV-1a: a stable seed from the fixture, so the same fixture always reads the same. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
