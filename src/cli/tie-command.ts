import type { Command } from 'commander';
import { BUILT_IN_TIE_CALIBRATION } from '../knockout/tie-calibration-file.js';
import type { TieOptions } from './tie-action.js';

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
      import('./tie-action.js').then((action) => action.runTieCommand(teamA, teamB, options)),
    );
}
