import type { Command } from 'commander';
import { MatchdayError } from '../errors.js';
import { predictFixture } from '../app/predict.js';
import { forecastFixture, savedFixtureModel, type FixtureForecast } from '../forecast/fixture-forecast.js';
import { fitFixtureModel, fixtureFitScope } from '../app/fixture-model.js';
import { MODEL_FAMILIES, DEFAULT_MODEL_OPTIONS, type ModelFamily } from '../forecast/match-model.js';
import type { TeamCandidate } from '../identity/team-directory.js';
import { lookUpFixture } from '../history/fixture-lookup.js';
import { findTeam } from '../history/team-lookup.js';
import type { Db } from '../store/database.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { readModelFile } from './model-file.js';
import { parseCompetition, parseCompetitions, parseDate, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

interface PredictOptions extends CommonOptions {
  date?: string;
  fitDate?: string;
  competition?: string;
  neutral?: boolean;
  model: string;
  modelFile?: string;
  competitions?: string;
  xi?: string;
  prior?: string;
}

/** `ensemble` is the forecaster (the default); the families are single models, fitted on request. */
const PREDICT_MODELS = ['ensemble', ...MODEL_FAMILIES] as const;

export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('forecast a fixture: expected goals, 1X2, scorelines and every market from one score grid')
    .argument('<home>', 'home team')
    .argument('<away>', 'away team')
    .option('--date <date>', 'fixture date (default: today)')
    .option(
      '--fit-date <date>',
      'fit the forecaster on the matches before this date instead of before the fixture date (as a weekly backtest does)',
    )
    .option('--competition <code>', "the fixture's competition when the database has no such fixture")
    .option('--neutral', 'played at a neutral venue (no home advantage)')
    .option('--model <name>', `${PREDICT_MODELS.join('|')} (ensemble: the forecaster)`, 'ensemble')
    .option('--model-file <file>', 'use a model saved by `matchday fit --out` instead of fitting')
    .option('--competitions <codes>', "single models: history to fit on (default: both teams' leagues + UEFA)")
    .option('--xi <perDay>', 'single models: time-decay rate per day', String(DEFAULT_MODEL_OPTIONS.xi))
    .option(
      '--prior <precision>',
      'single models: prior precision toward the league mean',
      String(DEFAULT_MODEL_OPTIONS.priorStrength),
    )
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((homeName: string, awayName: string, options: PredictOptions) =>
      runCommand(options, () => {
        const date = options.date ? parseDate(options.date, 'date') : new Date().toISOString().slice(0, 10);
        const fitDate = options.fitDate ? parseDate(options.fitDate, 'fit-date') : date;
        const db = openCommandDatabase(options, { readonly: true });
        try {
          const competition = options.competition ? parseCompetition(options.competition, registryOf(db)) : undefined;
          const request = {
            home: findTeam(db, homeName),
            away: findTeam(db, awayName),
            date,
            fitDate,
            ...(competition && { competition }),
            ...(options.neutral && { neutral: true }),
          };
          const forecast =
            options.model === 'ensemble' && !options.modelFile
              ? predictFixture(db, request)
              : { date, ...single(db, request, options) };
          if (options.json) return printJson(forecast);
          printForecast(forecast);
        } finally {
          db.close();
        }
      }),
    );
}

/** A saved model's forecast, or a single model's fitted for the fixture. */
function single(
  db: Db,
  request: { home: TeamCandidate; away: TeamCandidate; date: string; competition?: string; neutral?: boolean },
  options: PredictOptions,
): FixtureForecast {
  const fixture = lookUpFixture(db, request.home, request.away, request.date, request);
  if (options.modelFile) return forecastFixture(readModelFile(options.modelFile), fixture);
  const family = options.model as ModelFamily;
  if (!MODEL_FAMILIES.includes(family)) {
    throw new MatchdayError('BAD_OPTION', `unknown model ${options.model}; one of ${PREDICT_MODELS.join(', ')}`, {
      field: 'model',
    });
  }
  const competitions = options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : undefined;
  const saved = fitFixtureModel(
    db,
    fixtureFitScope(db, [fixture.home.id, fixture.away.id], request.date, competitions),
    {
      family,
      xi: parseNumber(options.xi ?? '0', 'xi', 0),
      priorStrength: parseNumber(options.prior ?? '0', 'prior', 0),
    },
  );
  return forecastFixture(savedFixtureModel(saved), fixture);
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printForecast(f: FixtureForecast): void {
  const m = f.markets;
  const family = f.model.family === 'ensemble' ? 'the forecaster' : f.model.family;
  process.stdout.write(
    `${f.home.name} v ${f.away.name}${f.neutral ? ' (neutral)' : ''} — ${family} fitted on ${f.model.data.matches} matches ` +
      `${f.model.data.firstDate}..${f.model.data.lastDate} (${f.model.data.competitions.join(', ')})\n`,
  );
  printTable(
    ['', f.home.name, 'draw', f.away.name],
    [
      ['1X2', percent(m.result.home), percent(m.result.draw), percent(m.result.away)],
      ['expected goals', f.expectedGoals.home.toFixed(2), '', f.expectedGoals.away.toFixed(2)],
    ],
  );
  if (f.ensemble) {
    const row = (label: string, p: readonly number[] | null) =>
      p ? [label, percent(p[0]), percent(p[1]), percent(p[2])] : [label, '–', '–', '–'];
    printTable(
      ['the forecaster, step by step', f.home.name, 'draw', f.away.name],
      [
        row('goals + shots blend', f.ensemble.blend),
        row('Elo', f.ensemble.elo),
        row('pooled, stretched', f.ensemble.stretched),
        row(
          `shifted (stakes ${f.ensemble.stakesShift.toFixed(3)}, stature ${f.ensemble.statureShift.toFixed(3)})`,
          f.ensemble.outcomes,
        ),
      ],
    );
  }
  const scorelines = (list: { home: number; away: number; probability: number }[]) =>
    list
      .slice(0, 3)
      .map((s) => `${s.home}-${s.away} ${percent(s.probability)}`)
      .join(', ');
  printTable(
    ['most likely scorelines', ''],
    [
      ['overall', scorelines(m.scoreAnalysis.overall)],
      [`${f.home.name} win`, scorelines(m.scoreAnalysis.homeWin)],
      ['draw', scorelines(m.scoreAnalysis.draw)],
      [`${f.away.name} win`, scorelines(m.scoreAnalysis.awayWin)],
    ],
  );
  printTable(
    ['market', 'yes / over', 'no / under'],
    [
      ...m.totals
        .filter((t) => t.line === 2.5 || t.line === 3.5)
        .map((t) => [`total ${t.line}`, percent(t.over.win), percent(t.under.win)]),
      ['both teams to score', percent(m.bothTeamsToScore.yes), percent(m.bothTeamsToScore.no)],
    ],
  );
  if (f.model.teamsFromPrior.length > 0)
    process.stdout.write(`from the league prior (no history): ${f.model.teamsFromPrior.join(', ')}\n`);
}
