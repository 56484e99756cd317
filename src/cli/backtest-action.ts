import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import pc from 'picocolors';
import { runBacktest } from '../evaluate/backtest.js';
import { defaultHistoryCompetitions, loadBacktestInput, loadBacktestInputWith } from '../evaluate/backtest-input.js';
import { summarizeBacktest, type BacktestGroup, type BacktestReport } from '../evaluate/backtest-report.js';
import { reliabilityDiagramSvg } from '../evaluate/calibration.js';
import { forecasterTask, ForecasterThreads } from '../evaluate/forecaster-threads.js';
import type { MeanWithError } from '../evaluate/metrics.js';
import { MatchdayError } from '../errors.js';
import {
  backtestHistoryYears,
  createBacktestModel,
  DEFAULT_BACKTEST_MODEL,
  forecasterConstants,
  parseBacktestModel,
  type BacktestModelOptions,
} from '../forecast/backtest-models.js';
import { FORECASTER } from '../forecast/forecaster.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDateRange, parseModelNumber, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';
import { progressBar } from './progress.js';

export interface BacktestOptions extends CommonOptions {
  competitions: string;
  from: string;
  to: string;
  model?: string;
  refit: string;
  windowYears?: string;
  xi?: string;
  prior?: string;
  scope?: string;
  history?: string;
  svg?: string;
  threads?: string;
}

/** `matchday backtest`, loaded when the command runs (start-up and --help stay fast). */
export function runBacktestCommand(options: BacktestOptions): Promise<void> {
  return runCommand(options, async () => {
    const db = openCommandDatabase(options, { readonly: true });
    const registry = registryOf(db);
    const competitions = parseCompetitions(options.competitions, registry);
    const { from, to } = parseDateRange(options.from, options.to) as { from: string; to: string };
    const model: BacktestModelOptions = {
      // Defaults here rather than in the command's definition: the forecaster's constants load with the models.
      model: options.model ? parseBacktestModel(options.model) : DEFAULT_BACKTEST_MODEL.model,
      windowYears: options.windowYears
        ? parseNumber(options.windowYears, 'window-years', 0.1)
        : DEFAULT_BACKTEST_MODEL.windowYears,
      xi: options.xi ? parseModelNumber(options.xi, 'xi') : DEFAULT_BACKTEST_MODEL.xi,
      priorStrength: options.prior ? parseModelNumber(options.prior, 'prior') : DEFAULT_BACKTEST_MODEL.priorStrength,
      scope: options.scope ? parseScope(options.scope) : DEFAULT_BACKTEST_MODEL.scope,
    };
    const refitDays = parseRefit(options.refit);
    const started = performance.now();
    const history = options.history
      ? parseCompetitions(options.history, registry)
      : defaultHistoryCompetitions(db, competitions);
    const historyYears = backtestHistoryYears(model);
    const threads = options.threads ? parseNumber(options.threads, 'threads', 1) : availableParallelism();
    // The forecaster's workers load their code while this thread reads the input, and the first of them reads the
    // input's older season totals.
    const pool = model.model === 'ensemble' ? new ForecasterThreads(Math.floor(threads)) : null;
    const scope = {
      competitions,
      from,
      to,
      historyCompetitions: history,
      historyYears,
      shotYears: model.windowYears,
    };
    const dbFile = db.name;
    const input = pool
      ? await loadBacktestInputWith(db, scope, pool.readOlderTotals(db, scope))
      : loadBacktestInput(db, scope);
    db.close();
    const backtestModel = pool
      ? await pool.forecast(forecasterTask(dbFile, input, forecasterConstants(model), refitDays))
      : createBacktestModel(model, input);
    const bar = progressBar(!options.json, 'backtest');
    const run = runBacktest(input, backtestModel, {
      refitDays,
      onProgress: (done, total, date) => bar.update(done, total, date),
    });
    bar.stop();
    const report = summarizeBacktest(run);
    const seconds = (performance.now() - started) / 1000;
    if (options.svg) {
      const title = `Reliability of ${model.model} 1X2 forecasts, ${competitions.join(', ')}, ${from}..${to} (${report.scored} matches)`;
      writeFileSync(options.svg, reliabilityDiagramSvg(report.calibration.model, { title }));
    }
    const settings = {
      competitions,
      history,
      from,
      to,
      refitDays,
      ...model,
      // The forecaster's own constants (and the blend's), for machines comparing runs.
      ...(model.model === 'shots' || model.model === 'ensemble' ? { forecaster: forecasterConstants(model) } : {}),
      historyYears,
      seconds,
    };
    if (options.json) return printJson({ settings, report });
    printReport(report, settings);
  });
}

function parseRefit(text: string): number {
  if (text === 'weekly') return 7;
  if (text === 'daily') return 1;
  const match = /^(\d+)d$/.exec(text);
  if (!match || Number(match[1]) < 1) {
    throw new MatchdayError('BAD_OPTION', `--refit must be weekly, daily or Nd (N ≥ 1 days), got ${text}`, {
      field: 'refit',
    });
  }
  return Number(match[1]);
}

function parseScope(text: string): BacktestModelOptions['scope'] {
  if (text !== 'country' && text !== 'joint') {
    throw new MatchdayError('BAD_OPTION', `--scope must be country or joint, got ${text}`, { field: 'scope' });
  }
  return text;
}

const plusMinus = (m: MeanWithError | null | undefined, digits = 4): string =>
  m ? `${m.mean.toFixed(digits)} ± ${(m.standardError ?? 0).toFixed(digits)}` : '';
const signed = (m: MeanWithError | null | undefined): string =>
  m ? `${m.mean >= 0 ? '+' : ''}${m.mean.toFixed(4)} ± ${(m.standardError ?? 0).toFixed(4)}` : '';

/** A group's row; the market's columns only when the run has odds, the odds count only when some fixtures lack them. */
function groupRow(g: BacktestGroup, columns: MarketColumns): (string | number)[] {
  const s = g.scores;
  const draws = s
    ? [s.draws.model, ...(columns.market ? [s.draws.market] : []), s.draws.observed]
        .map((d) => (d === null ? '–' : d.toFixed(3)))
        .join(' / ')
    : '';
  return [
    g.key,
    g.scored,
    g.skipped,
    ...(columns.oddsCount ? [g.withOdds] : []),
    plusMinus(s?.model.rps),
    s ? s.model.logLoss.mean.toFixed(4) : '',
    s ? s.model.brier.mean.toFixed(4) : '',
    ...(columns.market ? [plusMinus(s?.market?.rps), signed(s?.rpsGap)] : []),
    draws,
  ];
}

interface MarketColumns {
  market: boolean;
  oddsCount: boolean;
}

function describeModel(settings: BacktestModelOptions & { historyYears: number }): string {
  if (settings.model === 'elo' || settings.model === 'pi') return `ratings over ${settings.historyYears} y of history`;
  const goals = `window ${settings.windowYears} y, ξ ${settings.xi}, prior ${settings.priorStrength}`;
  if (settings.model === 'shots')
    return `${goals}, ${settings.scope} fits; shots blended at ${1 - FORECASTER.goalWeight}`;
  if (settings.model !== 'ensemble') return `${goals}, ${settings.scope} fits`;
  return (
    `the forecaster: ${goals}; shots blended at ${1 - FORECASTER.goalWeight}, past prices at ` +
    `${FORECASTER.market.weight}, Elo K ${FORECASTER.elo.k} at ` +
    `${FORECASTER.elo.weight}, stretch ${FORECASTER.stretch}, stakes and stature shifts; one fit per scope`
  );
}

function printReport(
  report: BacktestReport,
  settings: {
    competitions: string[];
    history: string[];
    from: string;
    to: string;
    refitDays: number;
    historyYears: number;
    seconds: number;
  } & BacktestModelOptions,
): void {
  process.stdout.write(
    `${pc.bold(settings.model)} on ${settings.competitions.join(', ')} ${settings.from}..${settings.to}: ` +
      `${report.fits} fit dates every ${settings.refitDays} days on ${settings.history.join(', ')} ` +
      `(${describeModel(settings)}) ` +
      `in ${settings.seconds.toFixed(1)} s\n`,
  );
  const columns: MarketColumns = {
    market: report.overall.withOdds > 0,
    oddsCount: report.overall.withOdds < report.overall.scored,
  };
  const head = [
    '',
    'scored',
    'skipped',
    ...(columns.oddsCount ? ['with odds'] : []),
    'model RPS',
    'log loss',
    'Brier',
    ...(columns.market ? ['market RPS', 'gap (RPS)'] : []),
    columns.market ? 'draw model / market / seen' : 'draw model / seen',
  ];
  const row = (g: BacktestGroup) => groupRow(g, columns);
  printTable(head, [...report.byCompetition.map(row), row(report.overall)]);
  printTable(['season', ...head.slice(1)], report.bySeason.map(row));
  printGoalMarkets(report);
  printTable(
    ['outcome', 'model predicted', ...(columns.market ? ['market predicted'] : []), 'observed'],
    report.calibration.modelRates.map((rate, k) => [
      rate.label,
      rate.meanPredicted.toFixed(3),
      ...(columns.market ? [report.calibration.marketRates[k].meanPredicted.toFixed(3)] : []),
      `${rate.observedFrequency.toFixed(3)} ± ${(2 * rate.standardError).toFixed(3)}`,
    ]),
  );
  printTable(
    ['reliability', 'forecasts', 'count', 'mean predicted', 'observed ± 2 se'],
    report.calibration.model.flatMap((table) =>
      table.bins.map((bin) => [
        table.label,
        `${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}`,
        bin.count,
        bin.meanPredicted.toFixed(3),
        `${bin.observedFrequency.toFixed(3)} ± ${(2 * bin.standardError).toFixed(3)}`,
      ]),
    ),
  );
  if (columns.market) {
    const sources = report.marketSources.map((s) => `${s.source} ${s.count}`).join(', ');
    process.stdout.write(`market: ${sources} (margin removed by Shin's method)\n`);
  } else process.stdout.write('market: no odds for these fixtures; the model is scored alone\n');
  if (report.withoutOdds.length > 0 && columns.market) {
    process.stdout.write(`without odds: ${report.withoutOdds.map((s) => `${s.reason} (${s.count})`).join('; ')}\n`);
  }
  if (report.skipped.length > 0) {
    process.stdout.write(`skipped: ${report.skipped.map((s) => `${s.reason} (${s.count})`).join('; ')}\n`);
  }
}

/** The score grid's goal markets by competition and overall, where the model has grids. */
function printGoalMarkets(report: BacktestReport): void {
  const groups = [...report.byCompetition, report.overall].filter((g) => g.scores?.goals);
  if (groups.length === 0) return;
  printTable(
    [
      'goal markets',
      'over 2.5 model / seen',
      'O/U 2.5 log loss',
      'closing O/U: n',
      'model',
      'market',
      'gap',
      'correct score',
    ],
    groups.map((g) => {
      const goals = g.scores!.goals!;
      const market = goals.overUnderMarket;
      return [
        g.key,
        `${goals.over.model.toFixed(3)} / ${goals.over.observed.toFixed(3)}`,
        plusMinus(goals.overUnder),
        market?.fixtures ?? 0,
        market ? market.model.mean.toFixed(4) : '',
        market ? market.market.mean.toFixed(4) : '',
        signed(market?.gap),
        plusMinus(goals.correctScore),
      ];
    }),
  );
}
