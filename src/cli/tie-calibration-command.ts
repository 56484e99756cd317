import type { Command } from 'commander';
import { MatchdayError } from '../errors.js';
import { withinTolerance, type CalibrationRow } from '../knockout/calibration-table.js';
import { readTies } from '../knockout/knockout-reader.js';
import { BUILT_IN_TIE_CALIBRATION, readTieCalibration } from '../knockout/tie-calibration-file.js';
import { forecastPastTies, type TieRunReport } from '../knockout/tie-calibration.js';
import { TiePricer } from '../knockout/tie-pricer.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDate, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { progressBar } from './progress.js';

interface TieCalibrationOptions extends CommonOptions {
  competitions?: string;
  from?: string;
  to?: string;
  reuseDays: string;
  calibration?: string;
}

export function registerTieCalibrationCommand(program: Command): void {
  program
    .command('tie-calibration')
    .description(
      "how well tie forecasts did on the database's ties, by the first leg's result: how often the first-leg " +
        'winner went through against the forecast made the day before the second leg',
    )
    .option('--competitions <codes>', 'competition codes or names, comma-separated (default: every one with tie rules)')
    .option('--from <date>', 'ties whose second leg was on or after this date')
    .option('--to <date>', 'ties whose second leg was on or before this date')
    .option(
      '--reuse-days <n>',
      'reuse a goal-model fit for second legs up to this many days after its date (0: fit every date)',
      '6',
    )
    .option('--calibration <file>', 'tie calibration written by bench/tie-calibration.ts', BUILT_IN_TIE_CALIBRATION)
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: TieCalibrationOptions) =>
      runCommand(options, () => {
        const calibration = readTieCalibration(options.calibration ?? BUILT_IN_TIE_CALIBRATION);
        const from = options.from ? parseDate(options.from, 'from') : undefined;
        const to = options.to ? parseDate(options.to, 'to') : undefined;
        if (from && to && from > to) {
          throw new MatchdayError('BAD_OPTION', `--from ${from} is after --to ${to}`, { field: 'from' });
        }
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
      }),
    );
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printReport(r: {
  ties: number;
  secondLegs: { first: string; last: string };
  competitions: string[];
  table: CalibrationRow[];
  naiveTable: CalibrationRow[];
  scores: TieRunReport['scores'];
  fits: number;
  seconds: number;
}): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${r.ties} ties of ${r.competitions.join(', ')} (second legs ${r.secondLegs.first}..${r.secondLegs.last}), each ` +
      `forecast as of its second leg from earlier matches only; ${r.fits} model fits, ${r.seconds.toFixed(0)} s`,
  );
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
