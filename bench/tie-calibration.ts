/**
 * Calibration of two-legged tie forecasts against every completed continental tie in the database: each forecast
 * as of the day before its second leg from earlier matches only, naive and with the game-state model.
 *   npx tsx bench/tie-calibration.ts [--db FILE] [--seasons 2022-23,2023-24] [--write config/tie-calibration.json] [--json]
 * Prints the reliability tables by predicted probability (P that the first leg's host goes through), Brier score and
 * log loss of both models with their paired difference, comebacks by first-leg margin, and the fitted constants.
 * --write saves the artifact `matchday tie` reads (reliability tables + walk-forward game-state models).
 */
import { writeFileSync } from 'node:fs';
import { calibrateTies, calibrationArtifact, type TieCalibrationReport } from '../src/evaluate/tie-calibration.js';
import type { ReliabilityTable } from '../src/evaluate/calibration.js';
import { TieForecaster } from '../src/evaluate/tie-forecaster.js';
import { defaultDatabasePath, openDatabase } from '../src/store/database.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dbPath = option('--db') ?? defaultDatabasePath();
const seasons = option('--seasons')?.split(',');
const write = option('--write');

const db = openDatabase(dbPath, { readonly: true });
let lastShown = 0;
const report = calibrateTies(db, {
  seasons,
  onProgress: (done, total) => {
    if (done - lastShown >= 250 || done === total) {
      process.stderr.write(`  ${done}/${total} ties\n`);
      lastShown = done;
    }
  },
});
const options = new TieForecaster(db).options;
db.close();

if (write) {
  const command = `npx tsx bench/tie-calibration.ts ${args.join(' ')}`.trim();
  writeFileSync(write, `${JSON.stringify(calibrationArtifact(report, options, command), null, 2)}\n`);
  process.stderr.write(`wrote ${write}\n`);
}
if (args.includes('--json')) {
  const { ties: _ties, ...summary } = report;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} else {
  printReport(report);
}

function printReport(r: TieCalibrationReport): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const num = (x: number) => x.toFixed(4);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${r.ties.length} ties (${r.ties[0].secondLegDate}..${r.ties[r.ties.length - 1].secondLegDate}), ` +
      `${r.fits} model fits, ${r.seconds.toFixed(1)} s (${dbPath})`,
  );
  out();
  out('model       Brier            log loss');
  for (const [name, s] of [
    ['naive', r.naive],
    ['game state', r.gameState],
  ] as const) {
    out(
      `${name.padEnd(11)} ${num(s.brier.mean)} ± ${num(s.brier.standardError ?? 0)}  ` +
        `${num(s.logLoss.mean)} ± ${num(s.logLoss.standardError ?? 0)}`,
    );
  }
  out(
    `difference  ${num(r.difference.brier.mean)} ± ${num(r.difference.brier.standardError ?? 0)}  ` +
      `${num(r.difference.logLoss.mean)} ± ${num(r.difference.logLoss.standardError ?? 0)}  (game state − naive, paired)`,
  );
  for (const table of [r.naive.reliability, r.gameState.reliability]) printTable(table, pct);
  out();
  out("comebacks by the first leg's margin (its host's goals minus the visitor's)");
  out('margin  ties  host through  observed  naive   game state');
  for (const row of r.byFirstLegMargin) {
    const margin = `${row.firstLegMargin > 0 ? '+' : ''}${row.firstLegMargin}${Math.abs(row.firstLegMargin) === 4 ? '+' : ''}`;
    out(
      `${margin.padStart(6)}  ${String(row.ties).padStart(4)}  ${String(row.aThrough).padStart(12)}  ` +
        `${pct(row.aThrough / row.ties).padStart(8)}  ${pct(row.naiveMean).padStart(6)}  ${pct(row.gameStateMean).padStart(10)}`,
    );
  }
  out();
  const all = r.gameStateAll;
  out(`game-state multipliers fitted on all ${all.matches} second legs, by the host's running aggregate lead`);
  out('  lead   host ×  visitor ×');
  all.homeLog.forEach((h, i) => {
    const lead = String(i - all.maxLead).padStart(4);
    out(`  ${lead}  ${Math.exp(h).toFixed(3).padStart(7)}  ${Math.exp(all.awayLog[i]).toFixed(3).padStart(9)}`);
  });
  out(
    `extra-time scale (ET goals / 90-minute goals): ${r.extraTimeScale.first.toFixed(3)} at the first tie, ` +
      `${r.extraTimeScale.last.toFixed(3)} at the last`,
  );
  out(
    `shoot-outs in these second legs: ${r.shootouts.secondLegs}, won by the host ${r.shootouts.homeWins} ` +
      `(${pct(r.shootouts.homeWins / Math.max(1, r.shootouts.secondLegs))})`,
  );

  function printTable(table: ReliabilityTable, format: (x: number) => string): void {
    out();
    out(`${table.label}: P(first-leg host through), ${table.count} ties`);
    out('bin        ties  mean forecast  observed  observed − forecast  2 s.e.');
    for (const b of table.bins) {
      const bin = `${format(b.lower)}-${format(b.upper)}`;
      out(
        `${bin.padEnd(10)} ${String(b.count).padStart(4)}  ${format(b.meanPredicted).padStart(13)}  ` +
          `${format(b.observedFrequency).padStart(8)}  ${format(b.observedFrequency - b.meanPredicted).padStart(19)}  ` +
          `${format(2 * b.standardError).padStart(6)}`,
      );
    }
  }
}
