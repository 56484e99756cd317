import type { Command } from 'commander';
import { DEFAULT_MODEL_OPTIONS, MODEL_FAMILIES } from '../forecast/model-families.js';
import type { FitOptions } from './fit-action.js';

export function registerFitCommand(program: Command): void {
  program
    .command('fit')
    .description(
      'fit the forecaster (--model ensemble) or a single goal model or rating system and optionally save it as versioned JSON',
    )
    .option('--competitions <codes>', 'comma-separated competition codes or names (default: all)')
    .option('--from <date>', 'first match date to use (YYYY-MM-DD)')
    .option('--to <date>', 'last match date to use (YYYY-MM-DD, default: today)')
    .option(
      '--model <name>',
      `ensemble (the forecaster, as predict uses it: needs --competitions) or a single model: ${MODEL_FAMILIES.join('|')}`,
      DEFAULT_MODEL_OPTIONS.family,
    )
    .option('--xi <perDay>', 'time-decay rate per day: weight exp(-xi·days)', String(DEFAULT_MODEL_OPTIONS.xi))
    .option(
      '--prior <precision>',
      'prior precision pulling teams toward their league mean',
      String(DEFAULT_MODEL_OPTIONS.priorStrength),
    )
    .option('--out <file>', 'save the fitted model as JSON')
    .option('--db <path>', 'database file')
    .option('--json', 'print the fitted model summary as JSON')
    .action((options: FitOptions) => import('./fit-action.js').then((action) => action.runFitCommand(options)));
}
