import { createRequire } from 'node:module';
import pc from 'picocolors';
import { systemErrorOf, type MatchdayError } from '../errors.js';

/** Options every command takes. */
export interface CommonOptions {
  db?: string;
  json?: boolean;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

// Required when a table is printed, not at every command's start (a preview prints none).
const require = createRequire(import.meta.url);

export function printTable(head: string[], rows: (string | number)[][]): void {
  const Table = require('cli-table3') as typeof import('cli-table3');
  const table = new Table({ head: head.map((h) => pc.bold(h)), style: { head: [], border: [] } });
  table.push(...rows.map((r) => r.map(String)));
  process.stdout.write(`${table.toString()}\n`);
}

/**
 * Runs a command body and turns a MatchdayError — or a failure of the machine, such as a locked database — into one
 * clear line on stderr and a non-zero exit (a JSON object on stdout with --json). Anything else is a bug and keeps
 * its stack trace.
 */
export async function runCommand(options: CommonOptions, body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const known = systemErrorOf(error, options.db ?? (await import('../store/database.js')).defaultDatabasePath());
    if (!known) throw error;
    reportError(known, options);
  }
}

/** A MatchdayError as the one line (and with --json the object) a failed command ends with; exit code 1. */
export function reportError(error: MatchdayError, options: CommonOptions = {}): void {
  if (options.json) printJson({ error: { code: error.code, message: error.message, location: error.location } });
  process.stderr.write(`${pc.red('error')} ${error.message}\n`);
  process.exitCode = 1;
}
