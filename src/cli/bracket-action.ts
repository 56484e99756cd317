import { MatchdayError } from '../errors.js';
import { predictBracket } from '../app/predict-bracket.js';
import { TIE_MODEL_FAMILIES } from '../forecast/model-families.js';
import type { BracketReport, SideReport } from '../knockout/bracket-forecast.js';
import type { BracketModelDescription } from '../knockout/bracket-tie-model.js';
import { openCommandDatabase } from './database-option.js';
import { parseDate, parseModelName, parseNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface BracketOptions extends CommonOptions {
  competition: string;
  season: string;
  asOf?: string;
  model?: string;
  runs: string;
  seed: string;
  threads?: string;
}

/** `matchday bracket`, loaded when the command runs (start-up and --help stay fast): options → predictBracket. */
export function runBracketCommand(options: BracketOptions): Promise<void> {
  return runCommand(options, async () => {
    const asOf = options.asOf ? parseDate(options.asOf, 'as-of') : new Date().toISOString().slice(0, 10);
    const simulation = {
      runs: wholeNumber(options.runs, 'runs', 1),
      seed: wholeNumber(options.seed, 'seed', 0),
      threads: options.threads === undefined ? undefined : wholeNumber(options.threads, 'threads', 0),
    };
    const model = options.model === undefined ? undefined : parseModelName(options.model, TIE_MODEL_FAMILIES);
    const db = openCommandDatabase(options, { readonly: true });
    let bracket;
    try {
      bracket = await predictBracket(db, {
        competition: options.competition,
        season: options.season,
        asOf,
        model,
        simulation,
      });
    } finally {
      db.close();
    }
    if (options.json) return printJson(bracket);
    printBracket(bracket, bracket.model);
  });
}

function wholeNumber(text: string, field: string, min: number): number {
  const value = parseNumber(text, field, min);
  if (!Number.isInteger(value)) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be a whole number, got ${text}`, { field });
  }
  return value;
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printBracket(report: BracketReport, model: BracketModelDescription | null): void {
  process.stdout.write(`${report.competition.name} ${report.season}, as of ${report.asOf}\n`);
  const sideText = (side: SideReport) =>
    'team' in side ? side.team.name : side.candidates.map((c) => c.team.name).join(' / ');
  for (const round of report.rounds) {
    if (round.pairing === 'draw') {
      const entrants = round.entrants.length ? ` (joining: ${round.entrants.map((t) => t.name).join(', ')})` : '';
      process.stdout.write(`${round.name}: still to be drawn${entrants}\n`);
      continue;
    }
    process.stdout.write(`${round.name} (${round.knownBecause}):\n`);
    for (const tie of round.ties) {
      const odds = tie.through ? ` — ${percent(tie.through[0])} / ${percent(tie.through[1])}` : '';
      const result = tie.winner ? ` — ${tie.winner.name} through` : '';
      const score = tie.score ? ` [${tie.score}]` : '';
      process.stdout.write(`  ${sideText(tie.sides[0])} v ${sideText(tie.sides[1])}${score}${result}${odds}\n`);
      if (tie.pairings && tie.pairings.length <= 4) {
        const pairings = tie.pairings.map((p) => `${p.teams[0].name} v ${p.teams[1].name} ${percent(p.probability)}`);
        process.stdout.write(`    ${pairings.join('; ')}\n`);
      }
    }
  }
  if (report.champion) process.stdout.write(`Winner: ${report.champion.name}\n`);
  if (report.teams.length > 0) {
    const later = report.currentRound === null ? [] : report.rounds.slice(report.currentRound + 1).map((r) => r.name);
    printTable(
      ['team', ...later, 'winner'],
      report.teams
        .filter((t) => !t.eliminated)
        .map((t) => [t.name, ...later.map((name) => percent(t.reach[name])), percent(t.win)]),
    );
  }
  for (const phrase of report.phrases) process.stdout.write(`${phrase}\n`);
  if (report.simulation) {
    const s = report.simulation;
    process.stdout.write(
      `Monte Carlo: ${s.runs} runs, seed ${s.seed}, ${s.threads} worker threads, standard error ≤ ${percent(s.maxStandardError)}\n`,
    );
  } else if (report.method === 'exact') {
    process.stdout.write('Exact: every pairing to the final is known.\n');
  }
  if (model) {
    process.stdout.write(
      `Model: ${model.family} on ${model.data.matches} matches ${model.data.firstDate}..${model.data.lastDate}; ` +
        `extra-time rate ×${model.extraTimeScale.toFixed(3)} of 90 minutes; shoot-outs ${percent(model.penaltyHomeWin)} home; ` +
        `away goals ${model.rules.awayGoals ? 'count' : 'do not count'}${model.rulesAssumed ? ' (assumed: the registry has no tie rules)' : ''}; ` +
        `${model.calibrated ? 'calibrated on past ties (docs/ties.md)' : "the model's grid as it is"}\n`,
    );
  }
}
