import { writeFileSync } from 'node:fs';
import { MatchdayError } from '../errors.js';
import { buildFitHistory } from '../history/fit-history.js';
import { fitMatchModel, type SavedModel } from '../forecast/match-model.js';
import { leagueStrengths } from '../forecast/league-strengths.js';
import { fitForecaster, forecasterHistoryYears } from '../forecast/forecaster.js';
import { forecasterFile } from '../forecast/model-file.js';
import { storeForecastSource } from '../history/forecast-history.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDate, parseDateRange, parseModelName, parseModelNumber } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface FitOptions extends CommonOptions {
  competitions?: string;
  from?: string;
  to?: string;
  model: string;
  xi?: string;
  prior?: string;
  out?: string;
}

/** `matchday fit`, loaded when the command runs (start-up and --help stay fast). */
export function runFitCommand(options: FitOptions): Promise<void> {
  return runCommand(options, () => {
    const family = parseModelName(options.model);
    if (family === 'ensemble') return fitEnsemble(options);
    const range = parseDateRange(options.from, options.to ?? new Date().toISOString().slice(0, 10));
    const to = range.to!;
    const before = dayAfter(to);
    const from = range.from ?? null;
    const db = openCommandDatabase(options, { readonly: true });
    const competitions = options.competitions ? parseCompetitions(options.competitions, registryOf(db)) : [];
    const history = buildFitHistory(db, { competitions, from: from ?? undefined, before });
    db.close();
    const saved = fitMatchModel(
      history,
      {
        family,
        xi: parseModelNumber(options.xi ?? '0', 'xi'),
        priorStrength: parseModelNumber(options.prior ?? '0', 'prior'),
      },
      { competitions, from, before },
    );
    if (options.out) writeFileSync(options.out, `${JSON.stringify(saved)}\n`);
    const summary = fitSummary(saved);
    if (options.json) return printJson({ ...summary, savedTo: options.out ?? null });
    printTable(
      ['model', 'matches', 'teams', 'from', 'to', 'converged', 'iterations', 'log-likelihood', 'seconds'],
      [
        [
          family,
          saved.data.matches,
          saved.teams.length,
          saved.data.firstDate ?? '',
          saved.data.lastDate ?? '',
          String(summary.diagnostics?.converged ?? '-'),
          summary.diagnostics?.iterations ?? '-',
          summary.diagnostics?.logLikelihood.toFixed(4) ?? '-',
          summary.diagnostics?.seconds.toFixed(3) ?? '-',
        ],
      ],
    );
    if (summary.leagues.length > 0) {
      printTable(
        ['league', 'teams', 'mean attack', 'mean defence', 'strength'],
        summary.leagues.map((l) => [
          l.group,
          l.teams,
          l.attack.toFixed(3),
          l.defence.toFixed(3),
          l.strength.toFixed(3),
        ]),
      );
    }
    if (options.out) process.stdout.write(`saved to ${options.out}\n`);
  });
}

/**
 * The forecaster fitted on the competitions' matches before the day after `--to` (their last years, as `predict`
 * fits it for a fixture of that scope), saved with everything it needs to predict offline.
 */
function fitEnsemble(options: FitOptions): void {
  if (!options.competitions) {
    throw new MatchdayError(
      'BAD_OPTION',
      '--model ensemble needs --competitions: the scope to fit on (e.g. eng.1,eng.2 for a Premier League fixture)',
      { field: 'competitions' },
    );
  }
  if (options.from) {
    throw new MatchdayError('BAD_OPTION', '--from does not apply to the forecaster: each part fits its own years', {
      field: 'from',
    });
  }
  const to = options.to ? parseDate(options.to, 'to') : new Date().toISOString().slice(0, 10);
  const db = openCommandDatabase(options, { readonly: true });
  let forecaster;
  let file;
  try {
    const competitions = [...parseCompetitions(options.competitions, registryOf(db))].sort();
    const history = storeForecastSource(db).history(competitions, dayAfter(to), forecasterHistoryYears());
    if (history.matches.length === 0) {
      throw new MatchdayError('NO_HISTORY', `no played matches before ${dayAfter(to)} in ${competitions.join(', ')}`);
    }
    forecaster = fitForecaster(history);
    // The league seasons it keeps are read now, while the database is open.
    file = forecasterFile(forecaster);
  } finally {
    db.close();
  }
  if (options.out) writeFileSync(options.out, `${JSON.stringify(file)}\n`);
  const { state } = forecaster;
  const member = (
    part: { model: { diagnostics: { converged: boolean; iterations: number } } } | { failed: string } | null,
  ) =>
    part === null
      ? 'left out'
      : 'failed' in part
        ? `failed: ${part.failed}`
        : part.model.diagnostics.converged
          ? 'converged'
          : 'not converged';
  const summary = {
    model: 'ensemble',
    fitDate: state.fitDate,
    data: state.data,
    teams: state.teams.length,
    members: {
      goals: member(state.goals),
      shots: member(state.shots),
      market: member(state.market),
      elo:
        state.elo === null
          ? 'left out'
          : 'failed' in state.elo
            ? `failed: ${state.elo.failed}`
            : `${state.elo.teamIds.length} teams rated`,
    },
    seasons: file.seasons.map((s) => `${s.competition} ${s.season}`),
    constants: state.constants,
    savedTo: options.out ?? null,
  };
  if (options.json) return printJson(summary);
  printTable(
    ['model', 'matches', 'teams', 'from', 'to', 'goals', 'shots', 'market', 'Elo', 'seasons kept'],
    [
      [
        'ensemble',
        state.data.matches,
        state.teams.length,
        state.data.firstDate ?? '',
        state.data.lastDate ?? '',
        summary.members.goals,
        summary.members.shots,
        summary.members.market,
        summary.members.elo,
        summary.seasons.join(', '),
      ],
    ],
  );
  if (options.out) process.stdout.write(`saved to ${options.out}\n`);
}

function fitSummary(saved: SavedModel) {
  const model = saved.model;
  const diagnostics = 'diagnostics' in model ? model.diagnostics : null;
  return {
    family: saved.options.family,
    options: saved.options,
    data: saved.data,
    teams: saved.teams.length,
    diagnostics: diagnostics && {
      ...diagnostics,
      components: diagnostics.components.map((c) => ({ teams: c.teams.length, matches: c.matches })),
    },
    parameters:
      'params' in model ? { homeAdvantage: model.params.homeAdvantage, ...extraParameters(model.params) } : null,
    leagues: 'params' in model ? leagueStrengths(saved) : [],
  };
}

function extraParameters(params: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(params).filter(([key, value]) => key !== 'homeAdvantage' && typeof value === 'number'),
  );
}

function dayAfter(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}
