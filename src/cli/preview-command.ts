import type { Command } from 'commander';
import type { PreviewOptions } from './preview-action.js';

export const FORMATS = ['md', 'html', 'json'] as const;

export function registerPreviewCommand(program: Command): void {
  program
    .command('preview')
    .description('write a match preview: facts with receipts, team news, line-ups, verdict, data analysis, crowd')
    .argument('[home]', 'home team')
    .argument('[away]', 'away team')
    .option('--date <date>', "fixture date (default: the dossier's)")
    .option('--competition <code>', "competition code or name (default: the dossier's, or the stored fixture's)")
    .option('--dossier <file>', 'team news, line-ups, venue, ticketing and quotes (docs/dossier.md)')
    .option(
      '--model-file <file>',
      'a model saved by `matchday fit --out`: forecasts fixtures from the day after its data instead of fitting (earlier ones are fitted on the database)',
    )
    .option('--format <format>', FORMATS.join('|'), 'md')
    .option('--out <file>', 'write the preview to a file instead of standard output')
    .option('--seed <n>', 'choose other wordings (default: one fixed by the fixture)')
    .option('--round', "a preview of every fixture of each competition's next round, and an index (--out DIR)")
    .option('--from <date>', 'previews of the fixtures from this day (with --to; --out DIR)')
    .option('--to <date>', 'last day of those fixtures (default: a week from --from)')
    .option('--competitions <codes>', 'with --round or --from: only these competitions')
    .option('--today <date>', 'with --round: act as if today were this date')
    .option('--db <path>', 'database file (a missing file reads as an empty database)')
    .option('--json', 'with --round or --from: print the index as JSON')
    .action((home: string | undefined, away: string | undefined, options: PreviewOptions) =>
      import('./preview-action.js').then((action) => action.runPreviewCommand(home, away, options)),
    );
}
