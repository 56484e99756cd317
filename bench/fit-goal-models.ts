/**
 * Goal-model fitting speed on real football-data.co.uk files.
 *   npx tsx bench/fit-goal-models.ts [--runs 7] [--json]
 * Data is read and converted first; only fitGoalModel is timed. Each (data set, family) is fitted twice to
 * warm the JIT, then `runs` times; the median and fastest wall time are printed with the fit's diagnostics.
 */
import { performance } from 'node:perf_hooks';
import { fitGoalModel } from '../src/models/fit-goal-model.js';
import { GOAL_MODEL_FAMILIES, type GoalModelFamily } from '../src/models/goal-model.js';
import type { FitData } from '../src/models/fit-data.js';
import { fiveLeagueFiles, loadFootballData } from '../test/models/football-data-fixture.js';

interface BenchRow {
  data: string;
  family: GoalModelFamily;
  matches: number;
  teams: number;
  runs: number;
  medianMs: number;
  minMs: number;
  targetMs: number | null;
  iterations: number;
  converged: boolean;
  logLikelihood: number;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
if (!Number.isInteger(runs) || runs < 5) throw new Error('--runs must be a whole number ≥ 5');

const dataSets: { name: string; data: FitData; dixonColesTargetMs: number }[] = [
  { name: 'E0 2023-24', data: loadFootballData(['football-data/E0/2023-24.csv']), dixonColesTargetMs: 3 },
  { name: 'E0+SP1+I1+D1+F1 2015-16..2024-25', data: loadFootballData(fiveLeagueFiles()), dixonColesTargetMs: 150 },
];

const rows: BenchRow[] = [];
for (const { name, data, dixonColesTargetMs } of dataSets) {
  for (const family of GOAL_MODEL_FAMILIES) {
    for (let k = 0; k < 2; k++) fitGoalModel(data, { family });
    const times: number[] = [];
    let model = fitGoalModel(data, { family });
    for (let k = 0; k < runs; k++) {
      const start = performance.now();
      model = fitGoalModel(data, { family });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({
      data: name,
      family,
      matches: data.homeTeam.length,
      teams: data.teamCount,
      runs,
      medianMs: times[Math.floor(runs / 2)],
      minMs: times[0],
      targetMs: family === 'dixon-coles' ? dixonColesTargetMs : null,
      iterations: model.diagnostics.iterations,
      converged: model.diagnostics.converged,
      logLikelihood: model.diagnostics.logLikelihood,
    });
  }
}

if (json) {
  console.log(JSON.stringify({ node: process.version, runs, rows }, null, 2));
} else {
  const header = ['data', 'family', 'matches', 'teams', 'median ms', 'min ms', 'target ms', 'iter', 'conv', 'log-lik'];
  const table = rows.map((r) => [
    r.data,
    r.family,
    String(r.matches),
    String(r.teams),
    r.medianMs.toFixed(2),
    r.minMs.toFixed(2),
    r.targetMs === null ? '' : `≤ ${r.targetMs}`,
    String(r.iterations),
    r.converged ? 'yes' : 'NO',
    r.logLikelihood.toFixed(4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`fitGoalModel wall time, median of ${runs} runs after 2 warm-up fits (node ${process.version})`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
}
