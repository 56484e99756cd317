import { MatchdayError } from '../errors.js';
import { impliedProbabilities, MARGIN_METHODS, type MarginMethod } from '../evaluate/implied-probabilities.js';
import { parseOdds } from '../evaluate/odds-format.js';
import { impliedGoals } from '../forecast/implied-goals.js';
import { parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface ImpliedOptions extends CommonOptions {
  method: string;
  over?: string;
  under?: string;
  line: string;
}

/** `matchday implied`, loaded when the command runs (start-up and --help stay fast). */
export function runImpliedCommand(home: string, draw: string, away: string, options: ImpliedOptions): Promise<void> {
  return runCommand(options, () => {
    const method = options.method as MarginMethod;
    if (!MARGIN_METHODS.includes(method)) {
      throw new MatchdayError('BAD_OPTION', `unknown --method ${options.method}; one of ${MARGIN_METHODS.join(', ')}`, {
        field: 'method',
      });
    }
    const odds = [home, draw, away].map((text) => parseOdds(text));
    const byMethod = MARGIN_METHODS.map((m) => impliedProbabilities(odds, m));
    const fair = byMethod.find((m) => m.method === method)!.probabilities;
    if ((options.over === undefined) !== (options.under === undefined)) {
      throw new MatchdayError('BAD_OPTION', '--over and --under go together', {
        field: options.over ? 'under' : 'over',
      });
    }
    const total =
      options.over && options.under
        ? {
            line: parseNumber(options.line, 'line', 0),
            odds: { over: parseOdds(options.over), under: parseOdds(options.under) },
          }
        : undefined;
    const goals = impliedGoals({
      result: { probabilities: { home: fair[0], draw: fair[1], away: fair[2] } },
      total,
    });
    if (options.json) return printJson({ odds, booksum: byMethod[0].booksum, probabilities: byMethod, goals });
    const percent = (p: number) => `${(100 * p).toFixed(2)}%`;
    printTable(
      ['method', 'home', 'draw', 'away'],
      byMethod.map((m) => [m.method, ...m.probabilities.map(percent)]),
    );
    printTable(
      ['implied (from ' + method + ')', 'value'],
      [
        ['home expected goals λ', goals.lambda.toFixed(3)],
        ['away expected goals μ', goals.mu.toFixed(3)],
        ['rho', `${goals.rho.toFixed(4)}${goals.rhoFitted ? ' (fitted)' : ' (fixed)'}`],
        ['residual', goals.residual.toExponential(2)],
        ['converged', String(goals.converged)],
      ],
    );
  });
}
