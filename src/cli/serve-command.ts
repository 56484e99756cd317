import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { systemErrorOf } from '../errors.js';
import { createApp } from '../server/app.js';
import { ServerContext } from '../server/server-context.js';
import { openCommandDatabase } from './database-option.js';
import { readModelFile } from './model-file.js';
import { parseWholeNumber } from './option-parsers.js';
import { readDossier } from './preview-command.js';
import { reportError, runCommand, type CommonOptions } from './output.js';

interface ServeOptions extends CommonOptions {
  port: string;
  host: string;
  modelFile?: string;
  dossier?: string[];
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('web pages and a JSON API over the database (read-only): forecasts, ties, brackets, previews')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <path>', 'database file')
    .option('--model-file <file>', 'a model saved by `matchday fit --out`, used for fixtures after its data')
    .option('--dossier <files...>', 'dossiers (docs/dossier.md) whose fixtures get team news, line-ups and crowd')
    .action((options: ServeOptions) =>
      runCommand(options, () => {
        const port = parseWholeNumber(options.port, 'port', 0, 65535);
        const savedModel = options.modelFile ? readModelFile(options.modelFile) : undefined;
        const dossiers = (options.dossier ?? []).map(readDossier);
        const db = openCommandDatabase(options, { readonly: true });
        const app = createApp(new ServerContext({ db, savedModel, dossiers }));
        const server = serve({ fetch: app.fetch, port, hostname: options.host }, (info) => {
          process.stdout.write(`matchday serving ${db.name} on http://${options.host}:${info.port}/\n`);
        });
        // Listening fails after serve() returns: a port in use, a host that is not this machine's.
        server.once('error', (error) => {
          db.close();
          const known = systemErrorOf(error, `${options.host}:${port}`);
          if (!known) throw error;
          reportError(known, options);
        });
        const stop = () => server.close(() => db.close());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
