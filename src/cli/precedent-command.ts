import type { Command } from 'commander';
import { DEFAULT_PRECEDENT_QUERY } from '../knockout/precedents.js';
import type { PrecedentOptions } from './precedent-action.js';

export function registerPrecedentCommand(program: Command): void {
  program
    .command('precedent')
    .description('how two-legged ties went after a first leg like this one: count, outcomes and the ties themselves')
    .option(
      '--competitions <codes>',
      'competition codes or names, comma-separated, e.g. champions-league,uefa-cup (default: all)',
    )
    .option('--rounds <type>', 'knockout | qualifying | all', DEFAULT_PRECEDENT_QUERY.rounds)
    .option('--seasons <list>', 'seasons, comma-separated, ranges allowed: 2011-12..2020-21,2023-24 (default: all)')
    .option('--first-leg-winner <venue>', 'where the first-leg winner played it: home | away (default: either)')
    .option(
      '--min-margin <goals>',
      "the first-leg winner's smallest winning margin",
      String(DEFAULT_PRECEDENT_QUERY.minMargin),
    )
    .option('--max-margin <goals>', 'its largest winning margin (default: no limit)')
    .option('--first-leg-score <H-A>', 'exactly this first-leg score, hosts first, e.g. 0-3')
    .option('--before <date>', 'only ties settled before this date (default: all in the data)')
    .option('--outcome <outcome>', 'which ties to list: through | eliminated | all (first-leg winner)', 'all')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: PrecedentOptions) =>
      import('./precedent-action.js').then((action) => action.runPrecedentCommand(options)),
    );
}
