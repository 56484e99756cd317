import type { Command } from 'commander';
import { SOURCES } from '../sync/source-plan.js';
import type { SyncOptions } from './sync-action.js';

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('download what changed in the public files (football-data.co.uk, openfootball) and import it')
    .option('--competitions <codes>', 'competitions (default: those in the database that have a public source)')
    .option('--seasons <seasons>', "seasons, e.g. 2023-24,2024-25 or 2019-20..2024-25 (default: each one's current)")
    .option('--source <names>', `${SOURCES.join('|')} (default: each competition's first)`)
    .option('--dry-run', 'list the files a sync would fetch; fetch and change nothing')
    .option('--mirror <url>', 'fetch every file from this scheme and host, same paths (default: MATCHDAY_MIRROR)')
    .option('--cache <dir>', 'where downloaded files are kept (default: cache/ beside the database)')
    .option('--delay <ms>', 'pause between two requests to one host', '1000')
    .option('--timeout <seconds>', 'give up an attempt after this long', '30')
    .option('--retries <n>', 'retries of a file after a server or network error (waits 1 s, 2 s, 4 s, ...)', '3')
    .option('--today <date>', 'act as if today were this date (replay a past round)')
    .option('--db <path>', 'database file (default: MATCHDAY_DB or ~/.local/share/matchday/matchday.db)')
    .option('--json', 'print the report as JSON')
    .action((options: SyncOptions) => import('./sync-action.js').then((action) => action.runSyncCommand(options)));
}
