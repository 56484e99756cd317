/**
 * Fits the tie calibration walk-forward on every completed continental tie in the database and reports how well
 * calibrated the forecasts are: each season's ties forecast as of their second legs with the leg calibration and
 * game state fitted on earlier ties only (knockout/tie-calibration.ts fitTieCalibration).
 *   npx tsx bench/tie-calibration.ts [--db FILE] [--competitions uefa.cl,uefa.el] [--reuse-days 6]
 *                                    [--legs forecaster|goal-model] [--write config/tie-calibration.json] [--json]
 * Prints the table by the first leg's result (calibrated and naive), Brier score and log loss of both with their
 * paired difference, reliability by predicted probability, and the fitted constants of the latest model.
 * --write saves the artifact every tie forecast reads.
 */
import { writeFileSync } from 'node:fs';
import { reliabilityTable, type ReliabilityTable } from '../src/evaluate/calibration.js';
import { meanDifference, meanWithError } from '../src/evaluate/metrics.js';
import { withinTolerance, type CalibrationRow } from '../src/knockout/calibration-table.js';
import { standingLabels } from '../src/knockout/game-state.js';
import { readTies } from '../src/knockout/knockout-reader.js';
import {
  brier,
  calibrationArtifact,
  fitTieCalibration,
  logLoss,
  type CalibrationFitReport,
} from '../src/knockout/tie-calibration.js';
import { TiePricer, type LegModel } from '../src/knockout/tie-pricer.js';
import { defaultDatabasePath, openDatabase } from '../src/store/database.js';
import { continentalCodes } from '../src/store/tie-queries.js';
import { option, flag } from './bench-arguments.js';

const dbPath = option('--db') ?? defaultDatabasePath();
const write = option('--write');
const reuseDays = Number(option('--reuse-days') ?? 6);
const legs = option('--legs') as LegModel | undefined;
if (legs !== undefined && legs !== 'forecaster' && legs !== 'goal-model') {
  throw new Error(`--legs ${legs}: forecaster or goal-model`);
}

const db = openDatabase(dbPath, { readonly: true });
const competitions = option('--competitions')?.split(',') ?? continentalCodes(db);
// The calibration is fitted here: the pricer must not read the shipped one.
const pricer = new TiePricer(db, { legs, calibration: null, preload: true });
let lastShown = 0;
const report = fitTieCalibration(pricer, readTies(db, { competitions }), {
  reuseDays,
  onProgress: (done, total) => {
    if (done - lastShown >= 500 || done === total) {
      process.stderr.write(`  ${done}/${total} ties\n`);
      lastShown = done;
    }
  },
});
db.close();

if (write) {
  const command = `npx tsx bench/tie-calibration.ts ${process.argv.slice(2).join(' ')}`.trim();
  writeFileSync(write, `${JSON.stringify(calibrationArtifact(report, pricer, command), null, 2)}\n`);
  process.stderr.write(`wrote ${write}\n`);
}
const outcome = report.ties.map((t) => t.aThrough);
const calibrated = report.ties.map((t) => t.probabilityA);
const naive = report.ties.map((t) => t.naive);
const scores = {
  naive: scoresOf(naive),
  calibrated: scoresOf(calibrated),
  difference: {
    brier: meanDifference(
      calibrated.map((p, i) => brier(p, outcome[i])),
      naive.map((p, i) => brier(p, outcome[i])),
    ),
    logLoss: meanDifference(
      calibrated.map((p, i) => logLoss(p, outcome[i])),
      naive.map((p, i) => logLoss(p, outcome[i])),
    ),
  },
};
const reliability = [
  reliabilityTable(naive, outcome, { label: 'naive', bins: 10 }),
  reliabilityTable(calibrated, outcome, { label: 'calibrated', bins: 10 }),
];
if (flag('--json')) {
  const { ties: _ties, ...summary } = report;
  process.stdout.write(`${JSON.stringify({ ...summary, scores, reliability }, null, 2)}\n`);
} else {
  printReport(report);
}

function scoresOf(p: number[]) {
  return {
    brier: meanWithError(p.map((x, i) => brier(x, outcome[i]))),
    logLoss: meanWithError(p.map((x, i) => logLoss(x, outcome[i]))),
  };
}

function printReport(r: CalibrationFitReport): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const num = (x: number) => x.toFixed(4);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${r.ties.length} ties (${r.ties[0].secondLegDate}..${r.ties[r.ties.length - 1].secondLegDate}), ` +
      `${r.fits} fits of ${pricer.settings.legs} legs, ${r.seconds.toFixed(1)} s (${dbPath})`,
  );
  out(
    `${r.unpriced.length} ties left out: the legs' model could not price them` +
      r.unpriced
        .slice(0, 5)
        .map((u) => `; ${u.a} v ${u.b} (${u.competition} ${u.season}): ${u.reason}`)
        .join(''),
  );
  out(
    `convergence: ${r.fitsNotConverged} of ${r.fits} leg-model fits and ` +
      `${r.calibrationFits.notConverged} of ${r.calibrationFits.fits} calibration fits did not converge`,
  );
  out();
  out('model       Brier            log loss');
  for (const [name, s] of [
    ['naive', scores.naive],
    ['calibrated', scores.calibrated],
  ] as const) {
    out(
      `${name.padEnd(11)} ${num(s.brier.mean)} ± ${num(s.brier.standardError ?? 0)}  ` +
        `${num(s.logLoss.mean)} ± ${num(s.logLoss.standardError ?? 0)}`,
    );
  }
  const d = scores.difference;
  out(
    `difference  ${num(d.brier.mean)} ± ${num(d.brier.standardError ?? 0)}  ` +
      `${num(d.logLoss.mean)} ± ${num(d.logLoss.standardError ?? 0)}  (calibrated − naive, paired)`,
  );
  printTable('calibrated (walk-forward)', r.table);
  printTable('naive', r.naiveTable);
  for (const table of reliability) printReliability(table);
  const latest = r.latest;
  out();
  out(`latest model (before ${latest.before}), by how many of a leg's teams the goal model knows from league play:`);
  out('  known  first legs  host ln λ′          visitor ln μ′        strength σ');
  latest.legs.forEach((legs, known) => {
    out(
      `  ${String(known).padStart(5)}  ${String(legs.legs).padStart(10)}  ` +
        `${legs.homeIntercept.toFixed(3)} + ${legs.slope.toFixed(3)}·ln λ  ${legs.awayIntercept.toFixed(3)} + ${legs.slope.toFixed(3)}·ln μ  ` +
        `${legs.sigma.toFixed(3)}`,
    );
  });
  const gs = latest.gameState;
  out(
    `game state fitted on ${gs.matches} second legs and ${gs.extraTimes} extra times, by the host's running standing; ` +
      `the sides' gap stretched by γ = ${gs.strengthStretch.toFixed(3)}; extra time's rates × ${Math.exp(gs.extraTimeLog).toFixed(3)}`,
  );
  out('  standing                            host ×  visitor ×');
  standingLabels(gs.maxLead).forEach((label, i) => {
    const multipliers = `${Math.exp(gs.homeLog[i]).toFixed(3).padStart(7)}  ${Math.exp(gs.awayLog[i]).toFixed(3).padStart(9)}`;
    out(`  ${label.padEnd(34)}  ${multipliers}`);
  });
  out(
    `extra-time scale (ET goals / 90-minute goals): ${r.extraTimeScale.first.toFixed(3)} at the first tie, ` +
      `${r.extraTimeScale.last.toFixed(3)} at the last`,
  );
  out(
    `shoot-outs in these second legs: ${r.shootouts.secondLegs}, won by the host ${r.shootouts.homeWins} ` +
      `(${pct(r.shootouts.homeWins / Math.max(1, r.shootouts.secondLegs))})`,
  );

  function printTable(label: string, rows: CalibrationRow[]): void {
    out();
    out(`${label}: by the first leg's result, how often the first-leg winner (after a draw: its host) went through`);
    out('first leg        ties  observed ± s.e.   predicted  difference');
    for (const row of rows) {
      out(
        `${row.firstLeg.padEnd(15)} ${String(row.ties).padStart(5)}  ${pct(row.observed).padStart(6)} ± ${pct(row.standardError).padStart(5)}  ` +
          `${pct(row.predicted).padStart(9)}  ${(100 * row.difference).toFixed(1).padStart(6)} pts${withinTolerance(row) ? '' : '  (off)'}`,
      );
    }
  }

  function printReliability(table: ReliabilityTable): void {
    out();
    out(`${table.label}: P(first-leg host through) by forecast, ${table.count} ties`);
    out('bin          ties  mean forecast  observed  observed − forecast  2 s.e.');
    for (const b of table.bins) {
      out(
        `${`${pct(b.lower)}-${pct(b.upper)}`.padEnd(12)} ${String(b.count).padStart(4)}  ${pct(b.meanPredicted).padStart(13)}  ` +
          `${pct(b.observedFrequency).padStart(8)}  ${pct(b.observedFrequency - b.meanPredicted).padStart(19)}  ` +
          `${pct(2 * b.standardError).padStart(6)}`,
      );
    }
  }
}
