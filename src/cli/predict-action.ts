import { predictFixture } from '../app/predict.js';
import type { FixtureForecast } from '../forecast/fixture-forecast.js';
import { DEFAULT_MODEL_OPTIONS } from '../forecast/model-families.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { readModelFile } from './model-file.js';
import { parseCompetition, parseCompetitions, parseDate, parseModelName, parseModelNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface PredictOptions extends CommonOptions {
  date?: string;
  fitDate?: string;
  competition?: string;
  neutral?: boolean;
  model: string;
  modelFile?: string;
  competitions?: string;
  xi?: string;
  prior?: string;
}

/** `matchday predict`, loaded when the command runs (start-up and --help stay fast): options → predictFixture. */
export function runPredictCommand(homeName: string, awayName: string, options: PredictOptions): Promise<void> {
  return runCommand(options, () => {
    const date = options.date ? parseDate(options.date, 'date') : new Date().toISOString().slice(0, 10);
    const fitDate = options.fitDate ? parseDate(options.fitDate, 'fit-date') : date;
    const family = parseModelName(options.model);
    const db = openCommandDatabase(options, { readonly: true });
    try {
      const registry = registryOf(db);
      const forecast = predictFixture(db, {
        home: homeName,
        away: awayName,
        date,
        fitDate,
        ...(options.competition && { competition: parseCompetition(options.competition, registry) }),
        ...(options.neutral && { neutral: true }),
        ...(family !== 'ensemble' && {
          model: {
            family,
            xi: parseModelNumber(options.xi ?? String(DEFAULT_MODEL_OPTIONS.xi), 'xi'),
            priorStrength: parseModelNumber(options.prior ?? String(DEFAULT_MODEL_OPTIONS.priorStrength), 'prior'),
          },
          ...(options.competitions && { competitions: parseCompetitions(options.competitions, registry) }),
        }),
        ...(options.modelFile && { savedModel: readModelFile(options.modelFile) }),
      });
      if (options.json) return printJson(forecast);
      printForecast(forecast);
    } finally {
      db.close();
    }
  });
}

const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

function printForecast(f: FixtureForecast): void {
  const m = f.markets;
  const family = f.model.family === 'ensemble' ? 'the forecaster' : f.model.family;
  process.stdout.write(
    `${f.home.name} v ${f.away.name}${f.neutral ? ' (neutral)' : ''} — ${family} fitted on ${f.model.data.matches} matches ` +
      `${f.model.data.firstDate}..${f.model.data.lastDate} (${f.model.data.competitions.join(', ')})\n`,
  );
  printTable(
    ['', f.home.name, 'draw', f.away.name],
    [
      ['1X2', percent(m.result.home), percent(m.result.draw), percent(m.result.away)],
      ['expected goals', f.expectedGoals.home.toFixed(2), '', f.expectedGoals.away.toFixed(2)],
    ],
  );
  if (f.ensemble) {
    const row = (label: string, p: readonly number[] | null) =>
      p ? [label, percent(p[0]), percent(p[1]), percent(p[2])] : [label, '–', '–', '–'];
    printTable(
      ['the forecaster, step by step', f.home.name, 'draw', f.away.name],
      [
        row('goals + shots blend', f.ensemble.blend),
        row('Elo', f.ensemble.elo),
        row('pooled, stretched', f.ensemble.stretched),
        row(
          `shifted (stakes ${f.ensemble.stakesShift.toFixed(3)}, stature ${f.ensemble.statureShift.toFixed(3)})`,
          f.ensemble.outcomes,
        ),
      ],
    );
  }
  const scorelines = (list: { home: number; away: number; probability: number }[]) =>
    list
      .slice(0, 3)
      .map((s) => `${s.home}-${s.away} ${percent(s.probability)}`)
      .join(', ');
  printTable(
    ['most likely scorelines', ''],
    [
      ['overall', scorelines(m.scoreAnalysis.overall)],
      [`${f.home.name} win`, scorelines(m.scoreAnalysis.homeWin)],
      ['draw', scorelines(m.scoreAnalysis.draw)],
      [`${f.away.name} win`, scorelines(m.scoreAnalysis.awayWin)],
    ],
  );
  printTable(
    ['market', 'yes / over', 'no / under'],
    [
      ...m.totals
        .filter((t) => t.line === 2.5 || t.line === 3.5)
        .map((t) => [`total ${t.line}`, percent(t.over.win), percent(t.under.win)]),
      ['both teams to score', percent(m.bothTeamsToScore.yes), percent(m.bothTeamsToScore.no)],
    ],
  );
  if (f.model.teamsFromPrior.length > 0)
    process.stdout.write(`from the league prior (no history): ${f.model.teamsFromPrior.join(', ')}\n`);
}
