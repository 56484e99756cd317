import type { Command } from 'commander';
import type { FixturesOptions } from './fixtures-action.js';

export function registerFixturesCommand(program: Command): void {
  program
    .command('fixtures')
    .description("upcoming fixtures with each one's forecast (stored as its pre-match forecast)")
    .option('--competitions <codes>', 'competitions (default: all)')
    .option('--from <date>', 'first day (default: the next round of each competition from today)')
    .option('--to <date>', 'last day (default: a week from --from)')
    .option('--today <date>', 'act as if today were this date (replay a past round)')
    .option('--db <path>', 'database file (default: MATCHDAY_DB or ~/.local/share/matchday/matchday.db)')
    .option('--json', 'print JSON')
    .action((options: FixturesOptions) =>
      import('./fixtures-action.js').then((action) => action.runFixturesCommand(options)),
    );
}
