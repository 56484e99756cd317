import { withinTolerance, type CalibrationRow } from '../knockout/calibration-table.js';
import { readTies } from '../knockout/knockout-reader.js';
import { BUILT_IN_TIE_CALIBRATION, readTieCalibration } from '../knockout/tie-calibration-file.js';
import { forecastPastTies, type TieRunReport } from '../knockout/tie-calibration.js';
import { TiePricer } from '../knockout/tie-pricer.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDateRange, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { progressBar } from './progress.js';

export interface TieCalibrationOptions extends CommonOptions {
  competitions?: string;
  from?: string;
  to?: string;
  reuseDays: string;
  calibration?: string;
}

/** `matchday tie-calibration`, loaded when the command runs (start-up and --help stay fast). */
export function runTieCalibrationCommand(options: TieCalibrationOptions): Promise<void> {
  return runCommand(options, () => {
    const calibration = readTieCalibration(options.calibration ?? BUILT_IN_TIE_CALIBRATION);
    const { from, to } = parseDateRange(options.from, options.to);
    const reuseDays = parseNumber(options.reuseDays, 'reuse-days', 0);
    const db = openCommandDatabase(options, { readonly: true });
    const competitions = options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : [];
    const ties = readTies(db, { competitions }).filter(
      (t) => (!from || t.secondLeg.date >= from) && (!to || t.secondLeg.date <= to),
    );
    const pricer = new TiePricer(db, { calibration, preload: true });
    const bar = progressBar(!options.json, 'forecasting ties');
    let report: TieRunReport;
    try {
      report = forecastPastTies(pricer, ties, {
        reuseDays,
        onProgress: (done, total) => bar.update(done, total, ''),
      });
    } finally {
      bar.stop();
      db.close();
    }
    const { ties: forecast, ...summary } = report;
    const output = {
      ...summary,
      ties: forecast.length,
      secondLegs: { first: forecast[0].secondLegDate, last: forecast[forecast.length - 1].secondLegDate },
      competitions: [...new Set(forecast.map((t) => t.competition))].sort(),
      calibration: { file: options.calibration ?? BUILT_IN_TIE_CALIBRATION, createdAt: calibration.createdAt },
    };
    if (options.json) return printJson(output);
    printReport(output);
  });
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printReport(r: {
  ties: number;
  secondLegs: { first: string; last: string };
  competitions: string[];
  table: CalibrationRow[];
  naiveTable: CalibrationRow[];
  scores: TieRunReport['scores'];
  unpriced: TieRunReport['unpriced'];
  fits: number;
  fitsNotConverged: number;
  seconds: number;
}): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${r.ties} ties of ${r.competitions.join(', ')} (second legs ${r.secondLegs.first}..${r.secondLegs.last}), each ` +
      `forecast as of its second leg from earlier matches only; ${r.fits} model fits ` +
      `(${r.fitsNotConverged} not converged), ${r.seconds.toFixed(0)} s`,
  );
  if (r.unpriced.length > 0) {
    out(`${r.unpriced.length} ties left out: the model could not price a leg (first: ${r.unpriced[0].reason})`);
  }
  out('How often the first-leg winner (after a draw: the first leg’s host) went through, against the forecast:');
  printTable(
    ['first leg', 'ties', 'observed ± s.e.', 'predicted', 'difference', 'naive model'],
    r.table.map((row, i) => [
      row.firstLeg,
      String(row.ties),
      `${percent(row.observed)} ± ${percent(row.standardError)}`,
      percent(row.predicted),
      `${(100 * row.difference).toFixed(1)} pts${withinTolerance(row) ? '' : ' (off)'}`,
      percent(r.naiveTable[i].predicted),
    ]),
  );
  out(
    `Brier ${r.scores.calibrated.brier.toFixed(4)} (naive ${r.scores.naive.brier.toFixed(4)}), ` +
      `log loss ${r.scores.calibrated.logLoss.toFixed(4)} (naive ${r.scores.naive.logLoss.toFixed(4)}) of P(first leg’s host through). ` +
      '"(off)": more than 3 points and more than 2 standard errors from what happened.',
  );
}
