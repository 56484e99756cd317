import type { Command } from 'commander';
import { MARGIN_METHODS } from '../evaluate/implied-probabilities.js';
import type { ImpliedOptions } from './implied-action.js';

export function registerImpliedCommand(program: Command): void {
  program
    .command('implied')
    .description(
      'from 1X2 odds (and over/under) to fair probabilities by every margin method and the goal expectancies they imply',
    )
    .argument('<home>', 'home-win odds: decimal 2.10, fractional 11/10, American +110')
    .argument('<draw>', 'draw odds')
    .argument('<away>', 'away-win odds')
    .option('--method <m>', `margin removal for the goal inversion: ${MARGIN_METHODS.join('|')}`, 'shin')
    .option('--over <odds>', 'over odds on --line (fits Dixon-Coles rho too)')
    .option('--under <odds>', 'under odds on --line')
    .option('--line <goals>', 'total-goals line of --over/--under', '2.5')
    .option('--json', 'print JSON')
    .action((home: string, draw: string, away: string, options: ImpliedOptions) =>
      import('./implied-action.js').then((action) => action.runImpliedCommand(home, draw, away, options)),
    );
}
