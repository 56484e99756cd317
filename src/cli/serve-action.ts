import { serve } from '@hono/node-server';
import { systemErrorOf } from '../errors.js';
import { createApp } from '../server/app.js';
import { ServerContext } from '../server/server-context.js';
import { openCommandDatabase } from './database-option.js';
import { readModelFile } from './model-file.js';
import { parseWholeNumber } from './option-parsers.js';
import { readDossier } from './preview-action.js';
import { reportError, runCommand, type CommonOptions } from './output.js';

export interface ServeOptions extends CommonOptions {
  port: string;
  host: string;
  modelFile?: string;
  dossier?: string[];
  cacheMb: string;
}

/** `matchday serve`, loaded when the command runs (start-up and --help stay fast). */
export function runServeCommand(options: ServeOptions): Promise<void> {
  return runCommand(options, () => {
    const port = parseWholeNumber(options.port, 'port', 0, 65535);
    const cacheBytes = parseWholeNumber(options.cacheMb, 'cache-mb', 1, 1_000_000) * 1024 * 1024;
    const savedModel = options.modelFile ? readModelFile(options.modelFile) : undefined;
    const dossiers = (options.dossier ?? []).map(readDossier);
    const db = openCommandDatabase(options, { readonly: true });
    const app = createApp(new ServerContext({ db, savedModel, dossiers, cacheBytes }));
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
  });
}
