/**
 * Start-up time of the compiled `matchday` bin: wall time of `node dist/cli/main.js <args>` for `--help` and a few
 * commands' `--help`, median of runs (target ≤ 300 ms), with a bare `node -e 0` beside it for what Node itself costs
 * on this machine.
 *   npm run build && npx tsx bench/cli-startup.ts [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');

const BIN = path.resolve(import.meta.dirname, '../dist/cli/main.js');
const CASES: [string, string[]][] = [
  ['node -e 0 (Node alone)', ['-e', '0']],
  ['matchday --help', [BIN, '--help']],
  ['matchday predict --help', [BIN, 'predict', '--help']],
  ['matchday serve --help', [BIN, 'serve', '--help']],
  ['matchday preview --help', [BIN, 'preview', '--help']],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

for (const [label, argv] of CASES) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${label} exited ${result.status}: ${result.stderr}`);
  }
  const shown = times.map((t) => t.toFixed(0)).join(' ');
  process.stdout.write(`${label.padEnd(26)} median ${median(times).toFixed(0).padStart(5)} ms  (runs: ${shown})\n`);
}
