import type { Command } from 'commander';
import { PREDICT_MODELS } from '../app/request-values.js';
import { DEFAULT_MODEL_OPTIONS } from '../forecast/model-families.js';
import type { PredictOptions } from './predict-action.js';

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
    .option(
      '--model-file <file>',
      'a model saved by `matchday fit --out`: forecasts fixtures from the day after its data instead of fitting (earlier ones are fitted on the database)',
    )
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
      import('./predict-action.js').then((action) => action.runPredictCommand(homeName, awayName, options)),
    );
}
