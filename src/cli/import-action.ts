import pc from 'picocolors';
import { importPaths, type ImportSummary } from '../store/import-files.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { progressBar } from './progress.js';

export interface ImportOptions extends CommonOptions {
  format?: string;
  skipInvalid?: boolean;
}

/** `matchday import`, loaded when the command runs (start-up and --help stay fast). */
export function runImportCommand(paths: string[], options: ImportOptions): Promise<void> {
  return runCommand(options, () => {
    const db = openCommandDatabase(options);
    const bar = progressBar(!options.json, 'importing');
    const summary = importPaths(db, paths, {
      format: options.format,
      skipInvalid: options.skipInvalid,
      onProgress: (done, total, file) => bar.update(done, total, file),
    });
    bar.stop();
    db.close();
    if (options.json) printJson(summary);
    else printSummary(summary);
    if (summary.totals.rejected > 0) process.exitCode = 1;
  });
}

function printSummary(summary: ImportSummary): void {
  const t = summary.totals;
  printTable(
    [
      'files',
      'imported',
      'unchanged',
      'skipped',
      'rejected',
      'matches added',
      'enriched',
      'unchanged',
      'teams created',
      'rejected rows',
      'warnings',
      'conflicts',
      'seconds',
    ],
    [
      [
        t.files,
        t.imported,
        t.unchanged,
        t.skipped,
        t.rejected,
        t.matchesAdded,
        t.matchesEnriched,
        t.matchesUnchanged,
        t.teamsCreated,
        t.rejectedRows,
        t.warnings,
        t.conflicts,
        t.seconds.toFixed(1),
      ],
    ],
  );
  for (const file of summary.files) {
    if (file.status === 'rejected') process.stderr.write(`${pc.red('rejected')} ${file.error}\n`);
    for (const row of file.warnings) {
      process.stderr.write(
        `${pc.yellow('warning')} ${row.file}:${row.line}${row.field ? ` field ${row.field}` : ''}: ${row.message}\n`,
      );
    }
    for (const row of file.rejectedRows) {
      process.stderr.write(
        `${pc.yellow('skipped row')} ${row.file}:${row.line}${row.field ? ` field ${row.field}` : ''}: ${row.message}\n`,
      );
    }
  }
}
