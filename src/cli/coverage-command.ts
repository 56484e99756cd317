import type { Command } from 'commander';
import type { CoverageOptions } from './coverage-action.js';

export function registerCoverageCommand(program: Command): void {
  program
    .command('coverage')
    .description('which competitions and seasons the database holds, how complete each is, and the gaps')
    .option('--team <name>', "a team's season across competitions (needs --season)")
    .option('--competition <code>', 'one competition, e.g. eng.1, fa-cup')
    .option('--season <season>', 'one season, e.g. 2023-24 or 2024')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: CoverageOptions) =>
      import('./coverage-action.js').then((action) => action.runCoverageCommand(options)),
    );
}
