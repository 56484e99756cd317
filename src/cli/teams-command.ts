import type { Command } from 'commander';
import type { TeamsOptions } from './teams-action.js';

export function registerTeamsCommand(program: Command): void {
  program
    .command('teams')
    .description('list teams, or the candidates for a name with --search')
    .option('--search <name>', 'teams whose names look like this, best first')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: TeamsOptions) => import('./teams-action.js').then((action) => action.runTeamsCommand(options)));
}
