import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/store/database.js';
import { importPaths, type ImportSummary } from '../src/store/import-files.js';
import { hasSharedData, SHARED_DATA } from './shared-data.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database with all of ../shared/data imported, or '' when the data is absent. Open it read-only. */
    sharedDb: string;
    sharedImportSummary: ImportSummary | null;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'matchday');

/**
 * Builds dist/ (CLI tests run the compiled bin, as a user does after `npm ci`) and imports ../shared/data once for
 * every integration test. The import is cached under node_modules/.cache keyed by the data and the import code, so
 * a local re-run does not pay the minute again; CI starts clean and builds it once.
 */
export default function setup(project: TestProject): void {
  // As `npm run build` does: compile, then make the bin executable.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/executable-bin.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (!hasSharedData) {
    project.provide('sharedDb', '');
    project.provide('sharedImportSummary', null);
    return;
  }
  mkdirSync(CACHE, { recursive: true });
  const key = importCodeAndDataHash();
  const file = path.join(CACHE, `shared-${key}.db`);
  const summaryFile = `${file}.summary.json`;
  if (!existsSync(file)) {
    const building = `${file}.building`;
    const db = openDatabase(building);
    const summary = importPaths(db, [SHARED_DATA]);
    db.pragma('journal_mode = DELETE'); // one self-contained file, safe to rename and to open read-only
    db.close();
    writeFileSync(summaryFile, JSON.stringify(summary));
    renameSync(building, file);
  }
  project.provide('sharedDb', file);
  project.provide('sharedImportSummary', JSON.parse(readFileSync(summaryFile, 'utf8')) as ImportSummary);
}

function importCodeAndDataHash(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(SHARED_DATA, 'MANIFEST.csv')));
  for (const dir of ['src/ingest', 'src/identity', 'src/store', 'src/competitions', 'config']) {
    for (const file of listFiles(path.join(ROOT, dir))) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}
