/**
 * How long `matchday import ../shared/data` takes into a fresh database, median of N runs (default 3),
 * and what a second import of the same folder adds. Run: npx tsx bench/import-shared-data.ts [runs] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/store/database.js';
import { importPaths } from '../src/store/import-files.js';
import { SHARED_DATA } from '../test/shared-data.js';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const seconds: number[] = [];
let matches = 0;
let secondRun = { added: -1, seconds: 0 };
for (let run = 0; run < runs; run++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'matchday-bench-'));
  const db = openDatabase(path.join(dir, 'bench.db'));
  const started = performance.now();
  const summary = importPaths(db, [SHARED_DATA]);
  seconds.push((performance.now() - started) / 1000);
  matches = db.prepare('SELECT COUNT(*) FROM matches').pluck().get() as number;
  if (run === 0) {
    const again = importPaths(db, [SHARED_DATA]);
    secondRun = { added: again.totals.matchesAdded, seconds: again.totals.seconds };
  }
  process.stderr.write(
    `run ${run + 1}: ${seconds.at(-1)!.toFixed(2)} s, ${summary.totals.files} files, ${matches} matches\n`,
  );
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const result = { runs, seconds, medianSeconds: median, matches, secondRun };
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(
    `import ${SHARED_DATA}: median ${median.toFixed(2)} s over ${runs} runs (${seconds.map((s) => s.toFixed(2)).join(', ')}); ${matches} matches\n`,
  );
  process.stdout.write(`second import: ${secondRun.added} matches added in ${secondRun.seconds.toFixed(2)} s\n`);
}
