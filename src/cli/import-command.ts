import type { Command } from 'commander';
import type { ImportOptions } from './import-action.js';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import match files and folders (recursive): football-data, Football.TXT, engsoccerdata, footballcsv, generic CSV, club lists',
    )
    .argument('<paths...>', 'files or folders')
    .option('--format <id>', 'force a format instead of detecting it from the content')
    .option('--skip-invalid', 'import the valid rows of a file and list the rejected ones')
    .option('--db <path>', 'database file (default: MATCHDAY_DB or ~/.local/share/matchday/matchday.db)')
    .option('--json', 'print the summary as one JSON object')
    .action((paths: string[], options: ImportOptions) =>
      import('./import-action.js').then((action) => action.runImportCommand(paths, options)),
    );
}
