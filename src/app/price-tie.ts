/**
 * Pricing a two-legged tie before its second leg, set up once for every front end: `matchday tie`, the API's
 * /api/tie, the match page's tie section and the library. Which tie (the stored one between the two teams, or one
 * the request describes), its first leg, competition, season, rules and as-of date are decided here; the pricing is
 * knockout/tie-pricer's. Messages name the request's fields (`firstLeg`, `asOf`), never a command-line flag.
 */
import { seasonOfDate } from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';
import { checkTwoTeams, findTeam } from '../history/team-lookup.js';
import { firstLegResult, type FirstLegResult } from '../knockout/calibration-table.js';
import { readTiesBetween } from '../knockout/knockout-reader.js';
import { tieRulesOf } from '../knockout/tie-outcome.js';
import {
  calibrationBefore,
  shippedTieCalibration,
  type TieCalibrationArtifact,
} from '../knockout/tie-calibration-file.js';
import type { TieForecastResult } from '../knockout/tie-model.js';
import { TiePricer, type PricedTie, type TieRequest } from '../knockout/tie-pricer.js';
import type { ReconstructedTie, TieTeam } from '../knockout/tie-reconstruction.js';
import { tieStateAfterFirstLeg } from '../knockout/two-legged-tie.js';
import { registryOf } from '../store/competition-store.js';
import type { Db } from '../store/database.js';
import { readCompetitions, readSeason, requireValue, type TeamRef } from './request-values.js';

export interface PriceTieRequest {
  /**
   * The two teams: names as a user types them (`Atalanta`, `Inter (ITA)`) or resolved teams. When the database has
   * no tie between them, `teamA` hosted the first leg.
   */
  teamA: TeamRef;
  teamB: TeamRef;
  /** Code or name (`uefa.el`, `europa-league`): finds the stored tie and sets the rules. */
  competition?: string;
  /** `2023-24`: which stored tie (default: the one open on `asOf`, else the latest). */
  season?: string;
  /** The first leg's score, its hosts' goals first: instead of the stored one, or for a tie the database lacks. */
  firstLeg?: [number, number];
  /** Price as of this date, on the matches up to it (default: the day before the stored second leg, else today). */
  asOf?: string;
  /** Whether the second leg is at a neutral ground (default: the stored tie's, else not). */
  neutral?: boolean;
  /** `teamA` hosted the first leg, as the asker knows: a stored tie between them the other way round is refused. */
  teamAHostedFirstLeg?: boolean;
  /** What-ifs on the second leg: added to its host's / visitor's log attack and log defence. */
  homeShift?: number;
  awayShift?: number;
  /** The model's grid as it is: no tie calibration, no game state. */
  naive?: boolean;
}

export interface PriceTieOptions {
  /** The tie calibration (default: the one shipped in config/tie-calibration.json). */
  calibration?: TieCalibrationArtifact;
  /** A pricer to share across many ties (it keeps the fitted models per date); its calibration must match. */
  pricer?: TiePricer;
  /** Today as YYYY-MM-DD: the as-of date of a tie the database lacks. */
  today?: string;
}

export interface TieOutlookTeam {
  name: string;
  role: 'first-leg host' | 'second-leg host';
  aggregate: number;
  through: number;
  ninetyMinutes: number;
  extraTime: number;
  penalties: number;
  naiveThrough: number;
}

/** A tie before its second leg: who goes through and how, as every front end shows it. */
export interface TieOutlook {
  asOf: string;
  tie: {
    source: 'database' | 'given';
    competition: string | null;
    season: string;
    round: string | null;
    firstLeg: { date: string | null; home: string; away: string; score: string };
    secondLeg: { date: string | null; home: string; away: string; neutral: boolean };
    rules: TieForecastResult['rules'];
  };
  /** In the order the request named them. */
  teams: TieOutlookTeam[];
  extraTime: number;
  /** P(penalties), or a replay / coin toss where the rules of the season had those. */
  penalties: number;
  secondLeg: {
    expectedGoals: { home: number; away: number };
    modelExpectedGoals: { home: number; away: number };
    gameStateMultipliers: { home: number; away: number };
    mostLikelyScores: { score: string; probability: number; outcome: string }[];
  };
  needs: { trailing: string | null; deficit: number; phrase: string };
  model: {
    kind: TieForecastResult['model'];
    family: string;
    matches: number;
    from: string | null;
    before: string;
    teamsFromPrior: string[];
    extraTimeScale: number;
    penaltyHomeWin: number;
    /**
     * The tie calibration used (null: naive): fitted before this date on these many earlier legs; the class of this
     * tie (how many of its teams the forecaster knows from league play) and its strength σ.
     */
    calibration: {
      fittedBefore: string;
      firstLegs: number;
      secondLegs: number;
      knownTeams: number;
      strengthSigma: number;
    } | null;
  };
  /** Past ties with the same first-leg result in the calibration run: how often this side went through, and the forecast. */
  calibration: {
    firstLeg: FirstLegResult;
    /** The first-leg winner, or after a draw the first leg's host. */
    team: string;
    probability: number;
    past: { ties: number; observed: number; standardError: number; meanForecast: number } | null;
    run: { ties: number; secondLegs: { first: string; last: string }; brier: number; logLoss: number };
  };
  /** What happened, when the database has the second leg (hindsight: after the as-of date). */
  result: { secondLeg: string; through: string; decidedBy: string | null } | null;
}

/** A priced tie: the outlook, and the pricer's own result for views that need more (the API, the match page). */
export interface PricedTieOutlook {
  outlook: TieOutlook;
  priced: PricedTie;
  /** First-leg host (a) and second-leg host (b). */
  a: TieTeam;
  b: TieTeam;
}

/** `matchday tie` as a function: the tie between two teams priced before its second leg. */
export function priceTie(db: Db, request: PriceTieRequest, options: PriceTieOptions = {}): TieOutlook {
  return priceTieInFull(db, request, options).outlook;
}

/** priceTie, with the pricer's result alongside. */
export function priceTieInFull(db: Db, request: PriceTieRequest, options: PriceTieOptions = {}): PricedTieOutlook {
  const calibration = options.calibration ?? shippedTieCalibration();
  const registry = registryOf(db);
  const team = (t: TeamRef) => (typeof t === 'string' ? findTeam(db, t) : t);
  const x = team(request.teamA);
  const y = team(request.teamB);
  checkTwoTeams(x, y, 'teamB');
  const competition =
    request.competition !== undefined
      ? requireValue(readCompetitions(request.competition, registry), request.competition, 'competition')[0]
      : undefined;
  const season =
    request.season !== undefined ? requireValue(readSeason(request.season), request.season, 'season') : undefined;
  const stored = chooseTie(
    readTiesBetween(db, x.teamId, y.teamId, {
      competitions: competition ? [competition] : undefined,
      seasons: season ? [season] : undefined,
    }),
    request.asOf,
  );
  const a = { id: x.teamId, name: x.name };
  const b = { id: y.teamId, name: y.name };
  if (stored && request.teamAHostedFirstLeg && stored.a.id !== a.id) {
    throw new MatchdayError(
      'BAD_TIE',
      `${stored.a.name} hosted the first leg of the ${stored.competition.code} ${stored.season} tie, not ${a.name}`,
      { field: 'firstLeg' },
    );
  }
  const setup = tieSetup(registry, stored, a, b, { ...request, competition, season }, options.today);
  const pricer = options.pricer ?? new TiePricer(db, { calibration: request.naive ? null : calibration });
  const priced = pricer.price(setup.request);
  return {
    outlook: tieOutlook(setup, priced, calibration, [x.teamId, y.teamId]),
    priced,
    a: setup.request.a,
    b: setup.request.b,
  };
}

interface TieSetup {
  request: TieRequest;
  asOf: string;
  source: 'database' | 'given';
  competition: string | null;
  season: string;
  round: string | null;
  firstLeg: { date: string | null; score: [number, number] };
  secondLegDate: string | null;
  stored: ReconstructedTie | null;
}

/**
 * Of the stored ties between the two teams: the latest; with an as-of date, the first one not yet decided on it
 * (else the latest, which tieSetup then reports as decided).
 */
function chooseTie(ties: ReconstructedTie[], asOf: string | undefined): ReconstructedTie | null {
  const open = asOf ? ties.find((t) => t.secondLeg.date > asOf) : undefined;
  return open ?? ties.at(-1) ?? null;
}

function tieSetup(
  registry: CompetitionRegistry,
  stored: ReconstructedTie | null,
  x: TieTeam,
  y: TieTeam,
  given: PriceTieRequest,
  today = new Date().toISOString().slice(0, 10),
): TieSetup {
  const firstLegScore = given.firstLeg ?? null;
  const shifts = { homeShift: given.homeShift, awayShift: given.awayShift };
  if (stored) {
    const asOf = given.asOf ?? dayBefore(stored.secondLeg.date);
    const before = dayAfter(asOf);
    const played = stored.stateBeforeSecondLeg !== null && stored.firstLeg.date < before;
    if (!firstLegScore && !played) {
      throw new MatchdayError(
        'FIRST_LEG_NOT_PLAYED',
        `as of ${asOf} the first leg (${stored.firstLeg.date}) had not been played; give its score`,
        { field: 'firstLeg' },
      );
    }
    if (!firstLegScore && before > stored.secondLeg.date && stored.progress === 'completed') {
      throw new MatchdayError(
        'TIE_DECIDED',
        `the second leg was played on ${stored.secondLeg.date}: ask as of ${dayBefore(stored.secondLeg.date)} or earlier`,
        { field: 'asOf' },
      );
    }
    const score = firstLegScore ?? stored.firstLeg.score.ft!;
    return {
      request: {
        a: stored.a,
        b: stored.b,
        state: tieStateAfterFirstLeg(score[0], score[1]),
        rules: knownRules(registry, stored.competition.code, stored.season),
        neutral: given.neutral ?? stored.secondLeg.neutral,
        before,
        ...shifts,
      },
      asOf,
      source: firstLegScore ? 'given' : 'database',
      competition: stored.competition.code,
      season: stored.season,
      round: stored.round,
      firstLeg: { date: stored.firstLeg.date, score },
      secondLegDate: stored.secondLeg.date,
      stored,
    };
  }
  if (!firstLegScore) {
    throw new MatchdayError(
      'NO_TIE',
      `no tie between ${x.name} and ${y.name}${given.competition ? ` in ${given.competition}` : ''}` +
        `${given.season ? ` ${given.season}` : ''} in the database; give the first leg's score (${x.name} hosting it)`,
      { field: 'firstLeg' },
    );
  }
  const asOf = given.asOf ?? today;
  // A tie the database lacks: the first named team hosted the first leg; the Champions League's rules by default.
  const competition = given.competition ?? 'uefa.cl';
  const known = registry.get(competition);
  const season = given.season ?? (known ? seasonOfDate(known, asOf) : asOf.slice(0, 4));
  return {
    request: {
      a: x,
      b: y,
      state: tieStateAfterFirstLeg(firstLegScore[0], firstLegScore[1]),
      rules: knownRules(registry, competition, season),
      neutral: given.neutral ?? false,
      before: dayAfter(asOf),
      ...shifts,
    },
    asOf,
    source: 'given',
    competition: given.competition ?? null,
    season,
    round: null,
    firstLeg: { date: null, score: firstLegScore },
    secondLegDate: null,
    stored: null,
  };
}

function knownRules(registry: CompetitionRegistry, competition: string, season: string) {
  const rules = tieRulesOf(registry, competition, season);
  if (!rules) {
    throw new MatchdayError(
      'UNKNOWN_RULES',
      `the competition registry has no tie rules for ${competition} ${season} (how a level tie is settled)`,
      { field: 'competition' },
    );
  }
  return rules;
}

function tieOutlook(
  setup: TieSetup,
  priced: PricedTie,
  calibration: TieCalibrationArtifact,
  userOrder: [number, number],
): TieOutlook {
  const { forecast: f, naive } = priced;
  const { a, b, state } = setup.request;
  const lines: TieOutlookTeam[] = [
    { name: a.name, role: 'first-leg host', aggregate: state.goalsA, ...split(f.a), naiveThrough: naive.a.total },
    { name: b.name, role: 'second-leg host', aggregate: state.goalsB, ...split(f.b), naiveThrough: naive.b.total },
  ];
  if (userOrder[0] !== a.id) lines.reverse();
  const outcomeOf = (s: TieForecastResult['mostLikelySecondLegScores'][number]) =>
    s.afterNinety === 'A'
      ? `${a.name} through`
      : s.afterNinety === 'B'
        ? `${b.name} through`
        : `extra time (${a.name} ${percent(s.probabilityAThrough)})`;
  const scores = calibration.scores[f.model];
  const firstLeg = firstLegResult(setup.firstLeg.score);
  const subjectIsA = setup.firstLeg.score[0] >= setup.firstLeg.score[1];
  const row = calibration.table.find((r) => r.firstLeg === firstLeg);
  const fitted = f.model === 'naive' ? null : calibrationBefore(setup.request.before, calibration);
  const stored = setup.stored;
  const decided =
    setup.source === 'database' && stored?.progress === 'completed' && stored.secondLeg.date >= setup.request.before;
  return {
    asOf: setup.asOf,
    tie: {
      source: setup.source,
      competition: setup.competition,
      season: setup.season,
      round: setup.round,
      firstLeg: {
        date: setup.firstLeg.date,
        home: a.name,
        away: b.name,
        score: `${setup.firstLeg.score[0]}-${setup.firstLeg.score[1]}`,
      },
      secondLeg: { date: setup.secondLegDate, home: b.name, away: a.name, neutral: setup.request.neutral },
      rules: f.rules,
    },
    teams: lines,
    extraTime: f.extraTime,
    penalties: f.penalties,
    secondLeg: {
      expectedGoals: f.secondLegExpected,
      modelExpectedGoals: f.modelExpected,
      gameStateMultipliers: f.multipliers,
      mostLikelyScores: f.mostLikelySecondLegScores.map((s) => ({
        score: `${s.home}-${s.away}`,
        probability: s.probability,
        outcome: outcomeOf(s),
      })),
    },
    needs: {
      trailing: f.needs.trailing === null ? null : f.needs.trailing === 'A' ? a.name : b.name,
      deficit: f.needs.deficit,
      phrase: f.needs.phrase,
    },
    model: {
      kind: f.model,
      family: priced.grids.family,
      matches: priced.grids.data.matches,
      from: priced.grids.data.from,
      before: priced.grids.data.before,
      teamsFromPrior: priced.teamsFromPrior,
      extraTimeScale: f.extraTimeScale,
      penaltyHomeWin: f.penaltyHomeWin,
      calibration: fitted && {
        fittedBefore: fitted.before,
        firstLegs: fitted.legs.reduce((n, legs) => n + legs.legs, 0),
        secondLegs: fitted.gameState.matches,
        knownTeams: f.knownTeams,
        strengthSigma: f.strengthSigma,
      },
    },
    calibration: {
      firstLeg,
      team: subjectIsA ? a.name : b.name,
      probability: subjectIsA ? f.a.total : f.b.total,
      past: row
        ? { ties: row.ties, observed: row.observed, standardError: row.standardError, meanForecast: row.predicted }
        : null,
      run: {
        ties: calibration.ties,
        secondLegs: calibration.secondLegs,
        brier: scores.brier,
        logLoss: scores.logLoss,
      },
    },
    result:
      decided && stored?.winnerTeam
        ? {
            secondLeg: `${b.name} ${scoreText(stored.secondLeg.score)} ${a.name}`,
            through: stored.winnerTeam.name,
            decidedBy: stored.decidedBy,
          }
        : null,
  };
}

function split(s: TieForecastResult['a']) {
  return { through: s.total, ninetyMinutes: s.ninetyMinutes, extraTime: s.extraTime, penalties: s.penalties };
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

export function dayAfter(date: string): string {
  return shiftDays(date, 1);
}

export function dayBefore(date: string): string {
  return shiftDays(date, -1);
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `2-1`, or `2-1 aet` where only the score after extra time is recorded. */
function scoreText(score: { ft: [number, number] | null; et: [number, number] | null }): string {
  const [home, away] = score.ft ?? score.et!;
  return score.ft ? `${home}-${away}` : `${home}-${away} aet`;
}
