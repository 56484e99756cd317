import type { Command } from 'commander';
import { seasonOfDate } from '../competitions/competition.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { MatchdayError } from '../errors.js';
import { findTeam } from '../history/team-lookup.js';
import { firstLegResult, type FirstLegResult } from '../knockout/calibration-table.js';
import { readTiesBetween } from '../knockout/knockout-reader.js';
import { tieRulesOf } from '../knockout/tie-outcome.js';
import {
  BUILT_IN_TIE_CALIBRATION,
  calibrationBefore,
  readTieCalibration,
  type TieCalibrationArtifact,
} from '../knockout/tie-calibration-file.js';
import type { TieForecastResult } from '../knockout/tie-model.js';
import { TiePricer, type PricedTie, type TieRequest } from '../knockout/tie-pricer.js';
import type { ReconstructedTie, TieTeam } from '../knockout/tie-reconstruction.js';
import { tieStateAfterFirstLeg } from '../knockout/two-legged-tie.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetition, parseDate, parseScore } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

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
    .option('--naive', "the model's grid as it is: no tie calibration, no game state")
    .option('--calibration <file>', 'tie calibration written by bench/tie-calibration.ts', BUILT_IN_TIE_CALIBRATION)
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((teamA: string, teamB: string, options: TieOptions) =>
      runCommand(options, () => {
        const calibration = readTieCalibration(options.calibration ?? BUILT_IN_TIE_CALIBRATION);
        const db = openCommandDatabase(options, { readonly: true });
        const registry = registryOf(db);
        const x = findTeam(db, teamA);
        const y = findTeam(db, teamB);
        const competition = options.competition ? parseCompetition(options.competition, registry) : undefined;
        const season = options.season ? parseSeason(options.season) : undefined;
        const asOfOption = options.asOf ? parseDate(options.asOf, 'as-of') : undefined;
        const stored = chooseTie(
          readTiesBetween(db, x.teamId, y.teamId, {
            competitions: competition ? [competition] : undefined,
            seasons: season ? [season] : undefined,
          }),
          asOfOption,
        );
        const setup = tieSetup(
          registry,
          stored,
          { id: x.teamId, name: x.name },
          { id: y.teamId, name: y.name },
          { competition, season, asOf: asOfOption, firstLeg: options.firstLeg },
        );
        const priced = new TiePricer(db, { calibration: options.naive ? null : calibration }).price(setup.request);
        db.close();
        const report = tieReport(setup, priced, calibration, [x.teamId, y.teamId]);
        if (options.json) return printJson(report);
        printReport(report);
      }),
    );
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
        state: tieStateAfterFirstLeg(score[0], score[1]),
        rules: knownRules(registry, stored.competition.code, stored.season),
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

function tieReport(
  setup: TieSetup,
  priced: PricedTie,
  calibration: TieCalibrationArtifact,
  userOrder: [number, number],
): TieReport {
  const { forecast: f, naive } = priced;
  const { a, b, state } = setup.request;
  const lines: TeamLine[] = [
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
      (m.calibration === null
        ? "naive (the model's grid as it is)"
        : `tie calibration fitted on ${m.calibration.firstLegs} first and ${m.calibration.secondLegs} second legs ` +
          `before ${m.calibration.fittedBefore}`),
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
      `(the model's ${r.secondLeg.modelExpectedGoals.home.toFixed(2)} – ${r.secondLeg.modelExpectedGoals.away.toFixed(2)}); ` +
      `most likely: ${r.secondLeg.mostLikelyScores.map((s) => `${s.score} ${percent(s.probability)} (${s.outcome})`).join(', ')}`,
  );
  const c = r.calibration;
  if (c.past) {
    out(
      `calibration: after a first leg ${c.firstLeg}, ${c.past.ties} of the ${c.run.ties} past ties ` +
        `(${c.run.secondLegs.first}..${c.run.secondLegs.last}): the ${c.firstLeg.includes('win') ? 'first-leg winner' : "first leg's host"} ` +
        `went through in ${percent(c.past.observed)} ± ${percent(c.past.standardError)}, forecast ${percent(c.past.meanForecast)} ` +
        `(here ${c.team} ${percent(c.probability)})`,
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
