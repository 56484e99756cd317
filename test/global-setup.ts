import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/store/database.js';
import { importPaths, type ImportSummary } from '../src/store/import-files.js';
import { hasSharedData, SHARED_DATA } from './shared-data.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database with all of ../shared/data imported, or '' when the data is absent. */
    sharedDb: string;
    sharedImportSummary: ImportSummary | null;
  }
}

/** Imports ../shared/data once for every integration test (about a minute), instead of once per test file. */
export default function setup(project: TestProject): () => void {
  if (!hasSharedData) {
    project.provide('sharedDb', '');
    project.provide('sharedImportSummary', null);
    return () => {};
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'matchday-shared-'));
  const file = path.join(dir, 'shared.db');
  const db = openDatabase(file);
  const summary = importPaths(db, [SHARED_DATA]);
  db.close();
  project.provide('sharedDb', file);
  project.provide('sharedImportSummary', summary);
  return () => rmSync(dir, { recursive: true, force: true });
}
