import type { Command } from 'commander';
import { BUILT_IN_TIE_CALIBRATION } from '../knockout/tie-calibration-file.js';
import type { TieCalibrationOptions } from './tie-calibration-action.js';

export function registerTieCalibrationCommand(program: Command): void {
  program
    .command('tie-calibration')
    .description(
      "how well tie forecasts did on the database's ties, by the first leg's result: how often the first-leg " +
        'winner went through against the forecast made the day before the second leg',
    )
    .option('--competitions <codes>', 'competition codes or names, comma-separated (default: every one with tie rules)')
    .option('--from <date>', 'ties whose second leg was on or after this date')
    .option('--to <date>', 'ties whose second leg was on or before this date')
    .option(
      '--reuse-days <n>',
      'reuse a goal-model fit for second legs up to this many days after its date (0: fit every date)',
      '6',
    )
    .option('--calibration <file>', 'tie calibration written by bench/tie-calibration.ts', BUILT_IN_TIE_CALIBRATION)
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: TieCalibrationOptions) =>
      import('./tie-calibration-action.js').then((action) => action.runTieCalibrationCommand(options)),
    );
}
