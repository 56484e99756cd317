import type { Command } from 'commander';
import { DEFAULT_SIMULATION_RUNS, DEFAULT_SIMULATION_SEED } from '../knockout/bracket.js';
import { TIE_MODEL_FAMILIES } from '../forecast/model-families.js';
import type { BracketOptions } from './bracket-action.js';

export function registerBracketCommand(program: Command): void {
  program
    .command('bracket')
    .description("a knockout competition's remaining rounds as of a date: pairings and each team's chances")
    .requiredOption('--competition <code>', 'competition code or name, e.g. europa-league')
    .requiredOption('--season <season>', 'season, e.g. 2023-24')
    .option('--as-of <date>', "the bracket before this day's matches (default: today)")
    .option(
      '--model <family>',
      `legs from one goal model (${TIE_MODEL_FAMILIES.join('|')}) instead of the tie calibration's (the forecaster's)`,
    )
    .option('--runs <n>', 'simulated competitions when a draw is still to come', String(DEFAULT_SIMULATION_RUNS))
    .option('--seed <n>', 'seed of the simulation', String(DEFAULT_SIMULATION_SEED))
    .option('--threads <n>', 'worker threads for the simulation (0: none; default: one per CPU)')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: BracketOptions) =>
      import('./bracket-action.js').then((action) => action.runBracketCommand(options)),
    );
}
