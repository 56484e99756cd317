import type { Command } from 'commander';
import { BACKTEST_MODELS } from '../forecast/model-families.js';
import type { BacktestOptions } from './backtest-action.js';

export function registerBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .description('walk-forward backtest of a model against the closing market: refit on a schedule, forecast, score')
    .requiredOption('--competitions <codes>', 'competitions to forecast, e.g. E0,SP1,I1,D1,F1')
    .requiredOption('--from <date>', 'first fixture date (inclusive)')
    .requiredOption('--to <date>', 'last fixture date (inclusive)')
    .option('--model <name>', `${BACKTEST_MODELS.join('|')} (default: ensemble, the forecaster)`)
    .option('--refit <interval>', 'weekly, daily or Nd (every N days)', 'weekly')
    .option('--window-years <n>', "years of history per goal-model fit (default: the forecaster's)")
    .option('--xi <perDay>', "time decay per day of the goal model (default: the forecaster's)")
    .option('--prior <precision>', "prior precision toward the league mean (default: the forecaster's)")
    .option(
      '--scope <scope>',
      'country (one fit per country, the default) or joint (one fit), for the goal models; the forecaster fits its own scopes',
    )
    .option(
      '--history <codes>',
      "competitions to learn from (default: what the forecaster's scopes take in: each league with its neighbouring tiers)",
    )
    .option('--svg <file>', 'write the reliability diagram of the model as SVG')
    .option('--threads <n>', 'the forecaster: threads that share out its fit dates (default: the cores)')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: BacktestOptions) =>
      import('./backtest-action.js').then((action) => action.runBacktestCommand(options)),
    );
}
