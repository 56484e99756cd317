import type { Command } from 'commander';
import type { ServeOptions } from './serve-action.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('web pages and a JSON API over the database (read-only): forecasts, ties, brackets, previews')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <path>', 'database file')
    .option(
      '--model-file <file>',
      'a model saved by `matchday fit --out`: forecasts fixtures from the day after its data instead of fitting (earlier ones are fitted on the database)',
    )
    .option('--cache-mb <mb>', 'memory for cached pages, responses, previews, brackets and fitted models', '256')
    .option('--dossier <files...>', 'dossiers (docs/dossier.md) whose fixtures get team news, line-ups and crowd')
    .action((options: ServeOptions) => import('./serve-action.js').then((action) => action.runServeCommand(options)));
}
