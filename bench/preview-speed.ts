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
import { existsSync, readFileSync } from 'node:fs';
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
const cpuSeconds: number[] = [];
let bytes = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const result = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  times.push((performance.now() - started) / 1000);
  if (result.status !== 0) throw new Error(`preview exited ${result.status}: ${result.stderr}`);
  const cpuAfter = childrenCpuSeconds();
  if (cpuBefore !== null && cpuAfter !== null) cpuSeconds.push(cpuAfter - cpuBefore);
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
  medianCpuSeconds: cpuSeconds.length > 0 ? median(cpuSeconds) : null,
  cpuSeconds,
  outputBytes: bytes,
};
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `preview Atalanta v Liverpool 2024-04-18 (${format}, saved model): median ${result.medianSeconds.toFixed(2)} s of ${runs} ` +
      `(runs ${times.map((t) => t.toFixed(2)).join(' ')}; target ≤ 1 s; CPU ${result.medianCpuSeconds?.toFixed(2) ?? '?'} s); ` +
      `load average ${load.toFixed(2)} before; ` +
      `${bytes} bytes (node ${process.version})`,
  );
}

/**
 * CPU seconds (user + system) of this process's children that have ended, from /proc/self/stat (Linux; null
 * elsewhere): with other work on the machine the wall clock varies a lot, the preview's own CPU time much less.
 */
function childrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces) in parentheses; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
