/**
 * A match preview with full history as a user runs it: wall clock of the compiled CLI process
 * `node dist/cli/main.js preview Atalanta Liverpool --date 2024-04-18 --dossier … --model-file … --db FILE`
 * (the shipped example, model cached in its file), median of N runs, with the load average before the first run (the
 * machine is shared).
 *   npm run build && npx tsx bench/preview-speed.ts --db FILE [--runs 3] [--format md|html|json] [--json]
 * FILE: a database with the shared data imported (opened read-only; `matchday import ../shared/data` makes one).
 * Target (issue 13): ≤ 1 s wall, median of 3, on the project's 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flag, option, requiredDbFile } from './bench-arguments.js';

const dbFile = requiredDbFile();
const runs = Number(option('--runs') ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
const format = option('--format') ?? 'md';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'dist/cli/main.js');
if (!existsSync(bin)) throw new Error(`${bin} missing: run npm run build first`);
const argv = [
  bin,
  'preview',
  'Atalanta',
  'Liverpool',
  '--date',
  '2024-04-18',
  '--dossier',
  'examples/atalanta-liverpool-2024-04-18.dossier.yaml',
  '--model-file',
  'examples/atalanta-liverpool-2024-04-18.model.json',
  '--format',
  format,
  '--db',
  path.resolve(dbFile),
];

const load = os.loadavg()[0];
const times: number[] = [];
let bytes = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const result = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  times.push((performance.now() - started) / 1000);
  if (result.status !== 0) throw new Error(`preview exited ${result.status}: ${result.stderr}`);
  bytes = Buffer.byteLength(result.stdout);
  process.stderr.write(`run ${run + 1}: ${times.at(-1)!.toFixed(2)} s\n`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const result = {
  node: process.version,
  format,
  runs,
  loadAverage: load,
  medianSeconds: median(times),
  times,
  outputBytes: bytes,
};
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `preview Atalanta v Liverpool 2024-04-18 (${format}, saved model): median ${result.medianSeconds.toFixed(2)} s of ${runs} ` +
      `(runs ${times.map((t) => t.toFixed(2)).join(' ')}; target ≤ 1 s); load average ${load.toFixed(2)} before; ` +
      `${bytes} bytes (node ${process.version})`,
  );
}
