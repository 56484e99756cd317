import type { Command } from 'commander';
import { MatchdayError } from '../errors.js';
import { forecastFixture, type FixtureForecast } from '../forecast/fixture-forecast.js';
import { fitFixtureModel, fixtureFitScope, fixtureTeam } from '../forecast/fixture-model.js';
import { MODEL_FAMILIES, DEFAULT_MODEL_OPTIONS, type ModelFamily, type SavedModel } from '../forecast/match-model.js';
import { findTeam } from '../history/team-lookup.js';
import type { Db } from '../store/database.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { readModelFile } from './model-file.js';
import { parseCompetitions, parseDate, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

interface PredictOptions extends CommonOptions {
  date?: string;
  neutral?: boolean;
  model?: string;
  modelFile?: string;
  competitions?: string;
  xi?: string;
  prior?: string;
}

export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('forecast a fixture: expected goals, 1X2, scorelines and every market from one score grid')
    .argument('<home>', 'home team')
    .argument('<away>', 'away team')
    .option('--date <date>', 'fixture date; the model uses only matches before it (default: today)')
    .option('--neutral', 'played at a neutral venue (no home advantage)')
    .option('--model <family>', MODEL_FAMILIES.join('|'), DEFAULT_MODEL_OPTIONS.family)
    .option('--model-file <file>', 'use a model saved by `matchday fit --out` instead of fitting')
    .option('--competitions <codes>', "history to fit on (default: both teams' leagues + UEFA competitions)")
    .option('--xi <perDay>', 'time-decay rate per day', String(DEFAULT_MODEL_OPTIONS.xi))
    .option(
      '--prior <precision>',
      'prior precision toward the league mean',
      String(DEFAULT_MODEL_OPTIONS.priorStrength),
    )
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((homeName: string, awayName: string, options: PredictOptions) =>
      runCommand(options, () => {
        const date = options.date ? parseDate(options.date, 'date') : new Date().toISOString().slice(0, 10);
        const db = openCommandDatabase(options, { readonly: true });
        const homeTeam = findTeam(db, homeName);
        const awayTeam = findTeam(db, awayName);
        const saved = options.modelFile
          ? readModelFile(options.modelFile)
          : fitForFixture(db, [homeTeam.teamId, awayTeam.teamId], date, options);
        const home = fixtureTeam(db, homeTeam, date);
        const away = fixtureTeam(db, awayTeam, date);
        db.close();
        const forecast = forecastFixture(saved, home, away, { neutral: options.neutral ?? false });
        if (options.json) return printJson({ date, ...forecast });
        printForecast(forecast);
      }),
    );
}

function fitForFixture(db: Db, teamIds: number[], date: string, options: PredictOptions): SavedModel {
  const family = (options.model ?? DEFAULT_MODEL_OPTIONS.family) as ModelFamily;
  if (!MODEL_FAMILIES.includes(family)) {
    throw new MatchdayError('BAD_OPTION', `unknown model ${options.model}; one of ${MODEL_FAMILIES.join(', ')}`, {
      field: 'model',
    });
  }
  const competitions = options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : undefined;
  return fitFixtureModel(db, fixtureFitScope(db, teamIds, date, competitions), {
    family,
    xi: parseNumber(options.xi ?? '0', 'xi', 0),
    priorStrength: parseNumber(options.prior ?? '0', 'prior', 0),
  });
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printForecast(f: FixtureForecast): void {
  const m = f.markets;
  process.stdout.write(
    `${f.home.name} v ${f.away.name}${f.neutral ? ' (neutral)' : ''} — ${f.model.family} fitted on ${f.model.data.matches} matches ` +
      `${f.model.data.firstDate}..${f.model.data.lastDate}\n`,
  );
  printTable(
    ['', f.home.name, 'draw', f.away.name],
    [
      ['1X2', percent(m.result.home), percent(m.result.draw), percent(m.result.away)],
      ['expected goals', f.expectedGoals.home.toFixed(2), '', f.expectedGoals.away.toFixed(2)],
    ],
  );
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
