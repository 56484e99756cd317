import type { Command } from 'commander';
import { MatchdayError } from '../errors.js';
import type { TieForecastResult } from '../forecast/tie-forecast.js';
import { seasonOfDate } from '../competitions/competition.js';
import { CompetitionRegistry } from '../competitions/registry.js';
import { findTeam } from '../history/team-lookup.js';
import { tieRules, tiesBetween, type ReconstructedTie, type TieScoreState, type TieTeam } from '../history/ties.js';
import { binOf, gameStateFor, type TieCalibrationArtifact } from '../evaluate/tie-calibration.js';
import { BUILT_IN_TIE_CALIBRATION, readTieCalibration } from '../evaluate/tie-calibration-file.js';
import { TieForecaster, type TieForecastRequest } from '../evaluate/tie-forecaster.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetition, parseDate, parseScore } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

/** The calibration shipped with matchday (bench/tie-calibration.ts --write config/tie-calibration.json). */

interface TieOptions extends CommonOptions {
  competition?: string;
  season?: string;
  firstLeg?: string;
  asOf?: string;
  naive?: boolean;
  calibration?: string;
}

export function registerTieCommand(program: Command): void {
  program
    .command('tie')
    .description(
      "a two-legged tie before its second leg: each team's chance of going through (90'/extra time/penalties)",
    )
    .argument('<teamA>', 'one team of the tie')
    .argument('<teamB>', 'the other team (when the tie is not in the database: the second leg is at its ground)')
    .option('--competition <code>', 'competition code or name, e.g. europa-league (finds the tie; sets the rules)')
    .option('--season <season>', 'season, e.g. 2023-24 (default: the latest tie between the teams)')
    .option('--first-leg <H-A>', 'first-leg score, its hosts first: overrides the database or forecasts a tie it lacks')
    .option(
      '--as-of <date>',
      'forecast as of this date, using matches up to it (default: the day before the second leg)',
    )
    .option('--naive', 'use the model rates as they are, without the game-state multipliers')
    .option('--calibration <file>', 'tie calibration written by bench/tie-calibration.ts', BUILT_IN_TIE_CALIBRATION)
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((teamA: string, teamB: string, options: TieOptions) =>
      runCommand(options, () => {
        const calibration = readTieCalibration(options.calibration ?? BUILT_IN_TIE_CALIBRATION);
        const db = openCommandDatabase(options, { readonly: true });
        const x = findTeam(db, teamA);
        const y = findTeam(db, teamB);
        const competition = options.competition ? parseCompetition(options.competition, registryOf(db)) : undefined;
        const season = options.season ? parseSeason(options.season) : undefined;
        const asOfOption = options.asOf ? parseDate(options.asOf, 'as-of') : undefined;
        const stored = chooseTie(
          tiesBetween(db, x.teamId, y.teamId, {
            competitions: competition ? [competition] : undefined,
            seasons: season ? [season] : undefined,
          }),
          asOfOption,
        );
        const setup = tieSetup(
          stored,
          { id: x.teamId, name: x.name },
          { id: y.teamId, name: y.name },
          { competition, season, asOf: asOfOption, firstLeg: options.firstLeg },
        );
        const forecaster = new TieForecaster(db);
        const saved = forecaster.modelBefore(setup.request.before);
        const rates = forecaster.secondLegRates(saved, setup.request);
        const gameState = gameStateFor(
          calibration.gameState.bySeason,
          calibration.gameState.latest,
          setup.request.before,
        );
        const naive = forecaster.forecast(setup.request, null, rates);
        const forecast = options.naive ? naive : forecaster.forecast(setup.request, gameState, rates);
        db.close();
        const report = tieReport(setup, forecast, naive, calibration, {
          model: saved,
          teamsFromPrior: rates.teamsFromPrior,
          gameStateTies: options.naive ? null : gameState.matches,
          userOrder: [x.teamId, y.teamId],
        });
        if (options.json) return printJson(report);
        printReport(report);
      }),
    );
}

interface TieSetup {
  request: TieForecastRequest;
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
  stored: ReconstructedTie | null,
  x: TieTeam,
  y: TieTeam,
  given: { competition?: string; season?: string; asOf?: string; firstLeg?: string },
): TieSetup {
  const firstLegScore = given.firstLeg ? parseScore(given.firstLeg, 'first-leg') : null;
  if (stored) {
    const asOf = given.asOf ?? dayBefore(stored.secondLeg.date);
    const before = dayAfter(asOf);
    const played = stored.stateBeforeSecondLeg !== null && stored.firstLeg.date < before;
    if (!firstLegScore && !played) {
      throw new MatchdayError(
        'FIRST_LEG_NOT_PLAYED',
        `as of ${asOf} the first leg (${stored.firstLeg.date}) had not been played; give --first-leg H-A`,
        { field: 'first-leg' },
      );
    }
    if (!firstLegScore && before > stored.secondLeg.date && stored.progress === 'completed') {
      throw new MatchdayError(
        'TIE_DECIDED',
        `the second leg was played on ${stored.secondLeg.date}: give --as-of ${dayBefore(stored.secondLeg.date)} or earlier`,
        { field: 'as-of' },
      );
    }
    const score = firstLegScore ?? stored.firstLeg.score.ft!;
    return {
      request: {
        a: stored.a,
        b: stored.b,
        state: stateAfterFirstLeg(score),
        rules: knownRules(stored.competition.code, stored.season),
        neutral: stored.secondLeg.neutral,
        before,
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
        `${given.season ? ` ${given.season}` : ''} in the database; give --first-leg H-A (${x.name} hosting it)`,
      { field: 'first-leg' },
    );
  }
  const asOf = given.asOf ?? new Date().toISOString().slice(0, 10);
  // A tie the database lacks: the first named team hosted the first leg; UEFA rules of the season by default.
  const competition = given.competition ?? 'uefa.cl';
  const known = CompetitionRegistry.builtIn().get(competition);
  const season = given.season ?? (known ? seasonOfDate(known, asOf) : asOf.slice(0, 4));
  return {
    request: {
      a: x,
      b: y,
      state: stateAfterFirstLeg(firstLegScore),
      rules: knownRules(competition, season),
      neutral: false,
      before: dayAfter(asOf),
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

function stateAfterFirstLeg([hostGoals, visitorGoals]: [number, number]): TieScoreState {
  return { goalsA: hostGoals, goalsB: visitorGoals, awayGoalsA: 0, awayGoalsB: visitorGoals };
}

function knownRules(competition: string, season: string) {
  const rules = tieRules(competition, season);
  if (!rules) {
    throw new MatchdayError(
      'UNKNOWN_RULES',
      `matchday knows the tie rules of the UEFA competitions only, not ${competition}`,
      {
        field: 'competition',
      },
    );
  }
  return rules;
}

interface TeamLine {
  name: string;
  role: 'first-leg host' | 'second-leg host';
  aggregate: number;
  through: number;
  ninetyMinutes: number;
  extraTime: number;
  penalties: number;
  naiveThrough: number;
}

interface TieReport {
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
  teams: TeamLine[];
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
    gameStateFittedOnSecondLegs: number | null;
  };
  calibration: {
    team: string;
    probability: number;
    bin: {
      lower: number;
      upper: number;
      ties: number;
      meanForecast: number;
      observed: number;
      standardError: number;
    } | null;
    run: { ties: number; secondLegs: { first: string; last: string }; brier: number; logLoss: number };
  };
  /** What happened, when the database has the second leg (hindsight: after the as-of date). */
  result: { secondLeg: string; through: string; decidedBy: string | null } | null;
}

function tieReport(
  setup: TieSetup,
  f: TieForecastResult,
  naive: TieForecastResult,
  calibration: TieCalibrationArtifact,
  context: {
    model: ReturnType<TieForecaster['modelBefore']>;
    teamsFromPrior: string[];
    gameStateTies: number | null;
    userOrder: [number, number];
  },
): TieReport {
  const { a, b, state } = setup.request;
  const lines: TeamLine[] = [
    { name: a.name, role: 'first-leg host', aggregate: state.goalsA, ...split(f.a), naiveThrough: naive.a.total },
    { name: b.name, role: 'second-leg host', aggregate: state.goalsB, ...split(f.b), naiveThrough: naive.b.total },
  ];
  if (context.userOrder[0] !== a.id) lines.reverse();
  const outcomeOf = (s: TieForecastResult['mostLikelySecondLegScores'][number]) =>
    s.afterNinety === 'A'
      ? `${a.name} through`
      : s.afterNinety === 'B'
        ? `${b.name} through`
        : `extra time (${a.name} ${percent(s.probabilityAThrough)})`;
  const bin = binOf(calibration.reliability[f.model === 'naive' ? 'naive' : 'gameState'], f.a.total);
  const scores = calibration.scores[f.model === 'naive' ? 'naive' : 'gameState'];
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
      family: context.model.options.family,
      matches: context.model.data.matches,
      from: context.model.data.from,
      before: context.model.data.before,
      teamsFromPrior: context.teamsFromPrior,
      extraTimeScale: f.extraTimeScale,
      penaltyHomeWin: f.penaltyHomeWin,
      gameStateFittedOnSecondLegs: context.gameStateTies,
    },
    calibration: {
      team: a.name,
      probability: f.a.total,
      bin: bin && {
        lower: bin.lower,
        upper: bin.upper,
        ties: bin.count,
        meanForecast: bin.meanPredicted,
        observed: bin.observedFrequency,
        standardError: bin.standardError,
      },
      run: {
        ties: calibration.ties,
        secondLegs: calibration.secondLegs,
        brier: scores.brier.mean,
        logLoss: scores.logLoss.mean,
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

function printReport(r: TieReport): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const t = r.tie;
  const title = [t.competition, t.season, t.round].filter(Boolean).join(' ');
  out(
    `${title ? `${title}: ` : ''}${t.firstLeg.home} ${t.firstLeg.score} ${t.firstLeg.away} in the first leg` +
      `${t.firstLeg.date ? ` (${t.firstLeg.date})` : ''}${t.source === 'given' ? ' [given]' : ''}; ` +
      `second leg at ${t.secondLeg.home}${t.secondLeg.date ? ` on ${t.secondLeg.date}` : ''}`,
  );
  const m = r.model;
  out(
    `as of ${r.asOf}: ${m.family} fitted on ${m.matches} matches from ${m.from}, before ${m.before}; ` +
      (m.gameStateFittedOnSecondLegs === null
        ? 'naive (no game state)'
        : `game state fitted on ${m.gameStateFittedOnSecondLegs} earlier second legs`),
  );
  const decider = t.rules.decider === 'replay' ? 'replay/toss' : 'penalties';
  printTable(
    ['', 'through', "in 90'", 'extra time', decider, 'naive model'],
    r.teams.map((l) => [
      `${l.name} (${l.role})`,
      percent(l.through),
      percent(l.ninetyMinutes),
      percent(l.extraTime),
      percent(l.penalties),
      percent(l.naiveThrough),
    ]),
  );
  out(`P(extra time) ${percent(r.extraTime)}, P(${decider}) ${percent(r.penalties)}`);
  out(r.needs.phrase);
  const e = r.secondLeg.expectedGoals;
  out(
    `second leg expected goals ${t.secondLeg.home} ${e.home.toFixed(2)} – ${e.away.toFixed(2)} ${t.secondLeg.away} ` +
      `(model before the game state ${r.secondLeg.modelExpectedGoals.home.toFixed(2)} – ${r.secondLeg.modelExpectedGoals.away.toFixed(2)}); ` +
      `most likely: ${r.secondLeg.mostLikelyScores.map((s) => `${s.score} ${percent(s.probability)} (${s.outcome})`).join(', ')}`,
  );
  const c = r.calibration;
  if (c.bin) {
    out(
      `calibration: ${c.team}'s ${percent(c.probability)} falls in the ${percent(c.bin.lower)}-${percent(c.bin.upper)} bin ` +
        `of ${c.run.ties} past ties (${c.run.secondLegs.first}..${c.run.secondLegs.last}): ${c.bin.ties} ties, ` +
        `${percent(c.bin.meanForecast)} forecast on average, ${percent(c.bin.observed)} went through ` +
        `(± ${percent(2 * c.bin.standardError)} expected by chance)`,
    );
  }
  if (m.teamsFromPrior.length > 0) out(`from the prior (no history): ${m.teamsFromPrior.join(', ')}`);
  if (r.result) out(`what happened: ${r.result.secondLeg} — ${r.result.through} through (${r.result.decidedBy})`);
}

function parseSeason(text: string): string {
  if (!/^\d{4}-\d{2}$/.test(text)) {
    throw new MatchdayError('BAD_OPTION', `--season must look like 2023-24, got ${text}`, { field: 'season' });
  }
  return text;
}

function dayAfter(date: string): string {
  return shiftDays(date, 1);
}

function dayBefore(date: string): string {
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
