import { spawn } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import prepareSharedData from '../global-setup.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOSSIER = path.join(ROOT, 'examples/atalanta-liverpool-2024-04-18.dossier.yaml');

/**
 * Builds dist/ and the shared-data database exactly as the vitest set-up does (it is cached, so after `vitest run`
 * this costs seconds), then starts the compiled `matchday serve` on a free port of 127.0.0.1 and hands its address
 * to the tests in MATCHDAY_BASE_URL. Without the shared data the tests skip (CI always has it).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const provided: Record<string, unknown> = {};
  prepareSharedData({ provide: (key: string, value: unknown) => (provided[key] = value) } as unknown as TestProject);
  const db = provided.sharedDb as string;
  if (!db) {
    process.env.MATCHDAY_BASE_URL = '';
    return async () => {};
  }
  const server = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/cli/main.js'), 'serve', '--port', '0', '--db', db, '--dossier', DOSSIER],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.env.MATCHDAY_BASE_URL = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) resolve(address[1]);
    });
    server.once('exit', (code) => reject(new Error(`matchday serve exited (${code}) before listening: ${output}`)));
  });
  return async () => {
    server.kill('SIGTERM');
  };
}
