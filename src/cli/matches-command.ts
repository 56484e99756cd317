import type { Command } from 'commander';
import type { MatchesOptions } from './matches-action.js';

export function registerMatchesCommand(program: Command): void {
  program
    .command('matches')
    .description("a team's matches across all competitions and sources")
    .requiredOption('--team <name>', 'team name as any source writes it')
    .option('--competition <code>', 'competition code or name, e.g. eng.1, europa-league')
    .option('--season <season>', 'season, e.g. 2023-24')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON (with scorers and provenance)')
    .action((options: MatchesOptions) =>
      import('./matches-action.js').then((action) => action.runMatchesCommand(options)),
    );
}
