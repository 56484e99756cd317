import type { Command } from 'commander';
import { MatchdayError } from '../errors.js';
import type { CompetitionRegistry } from '../competitions/registry.js';
import { parseSeason, seasonLabel } from '../competitions/seasons.js';
import { registryOf } from '../store/competition-store.js';
import { findPrecedents } from '../knockout/knockout-reader.js';
import { DEFAULT_PRECEDENT_QUERY, type PrecedentQuery, type PrecedentResult } from '../knockout/precedents.js';
import { openCommandDatabase } from './database-option.js';
import { parseCompetitions, parseDate, parseNumber, parseScore } from './option-parsers.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

interface PrecedentOptions extends CommonOptions {
  competitions?: string;
  rounds: string;
  seasons?: string;
  firstLegWinner?: string;
  minMargin: string;
  maxMargin?: string;
  firstLegScore?: string;
  before?: string;
  outcome: string;
}

export function registerPrecedentCommand(program: Command): void {
  program
    .command('precedent')
    .description('how two-legged ties went after a first leg like this one: count, outcomes and the ties themselves')
    .option(
      '--competitions <codes>',
      'competition codes or names, comma-separated, e.g. champions-league,uefa-cup (default: all)',
    )
    .option('--rounds <type>', 'knockout | qualifying | all', DEFAULT_PRECEDENT_QUERY.rounds)
    .option('--seasons <list>', 'seasons, comma-separated, ranges allowed: 2011-12..2020-21,2023-24 (default: all)')
    .option('--first-leg-winner <venue>', 'where the first-leg winner played it: home | away (default: either)')
    .option(
      '--min-margin <goals>',
      "the first-leg winner's smallest winning margin",
      String(DEFAULT_PRECEDENT_QUERY.minMargin),
    )
    .option('--max-margin <goals>', 'its largest winning margin (default: no limit)')
    .option('--first-leg-score <H-A>', 'exactly this first-leg score, hosts first, e.g. 0-3')
    .option('--before <date>', 'only ties settled before this date (default: all in the data)')
    .option('--outcome <outcome>', 'which ties to list: through | eliminated | all (first-leg winner)', 'all')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: PrecedentOptions) =>
      runCommand(options, () => {
        const db = openCommandDatabase(options, { readonly: true });
        const query = precedentQuery(options, registryOf(db));
        const result = findPrecedents(db, query);
        db.close();
        if (options.json) return printJson(result);
        printPrecedents(result);
      }),
    );
}

function precedentQuery(options: PrecedentOptions, registry: CompetitionRegistry): PrecedentQuery {
  return {
    competitions: options.competitions ? parseCompetitions(options.competitions, registry) : [],
    rounds: oneOf(options.rounds, ['knockout', 'qualifying', 'all'] as const, 'rounds'),
    seasons: options.seasons ? parseSeasons(options.seasons) : [],
    firstLegWinner: options.firstLegWinner
      ? oneOf(options.firstLegWinner, ['home', 'away', 'either'] as const, 'first-leg-winner')
      : 'either',
    minMargin: wholeNumber(options.minMargin, 'min-margin'),
    maxMargin: options.maxMargin === undefined ? null : wholeNumber(options.maxMargin, 'max-margin'),
    firstLegScore: options.firstLegScore ? parseScore(options.firstLegScore, 'first-leg-score') : null,
    before: options.before ? parseDate(options.before, 'before') : null,
    outcome: oneOf(options.outcome, ['through', 'eliminated', 'all'] as const, 'outcome'),
  };
}

function oneOf<T extends string>(text: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be one of ${allowed.join(', ')}, got ${text}`, { field });
  }
  return text as T;
}

function wholeNumber(text: string, field: string): number {
  const value = parseNumber(text, field, 0);
  if (!Number.isInteger(value)) {
    throw new MatchdayError('BAD_OPTION', `--${field} must be a whole number, got ${text}`, { field });
  }
  return value;
}

/** `2011-12..2013-14,2020-21` (or calendar years, `2019..2021`) → every season named or in a range. */
export function parseSeasons(text: string): string[] {
  const season = (part: string) => {
    const parts = parseSeason(part);
    if (!parts) {
      throw new MatchdayError('BAD_OPTION', `--seasons takes seasons like 2023-24 or 2024, got ${part}`, {
        field: 'seasons',
      });
    }
    return parts;
  };
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('..');
    const first = season(from);
    if (to === undefined) return [seasonLabel(first.startYear, first.calendar)];
    const last = season(to);
    if (last.calendar !== first.calendar)
      throw new MatchdayError('BAD_OPTION', `season range ${part} mixes calendars`, { field: 'seasons' });
    if (last.startYear < first.startYear)
      throw new MatchdayError('BAD_OPTION', `season range ${part} runs backwards`, { field: 'seasons' });
    return Array.from({ length: last.startYear - first.startYear + 1 }, (_, i) =>
      seasonLabel(first.startYear + i, first.calendar),
    );
  });
}

function printPrecedents(result: PrecedentResult): void {
  process.stdout.write(`${result.phrase}\n`);
  if (result.count === 0) return;
  const row = (label: string, s: PrecedentResult['through']) => [
    label,
    s.total,
    s.ninetyMinutes,
    s.extraTime,
    s.penalties,
    s.replay,
  ];
  printTable(
    ['first-leg winner', 'ties', "in 90'", 'extra time', 'penalties', 'replay'],
    [row('went through', result.through), row('eliminated', result.eliminated)],
  );
  const { undetermined, awarded } = result.excluded;
  if (undetermined + awarded > 0) {
    process.stdout.write(`left out: ${undetermined} with no known winner, ${awarded} with an awarded leg\n`);
  }
  printTable(
    ['season', 'comp', 'round', 'first leg', 'second leg', 'agg', 'first-leg winner', 'match ids'],
    result.ties.map((t) => [
      t.season,
      t.competition,
      t.round ?? '',
      `${t.firstLeg.date} ${t.firstLeg.home.name} ${t.firstLeg.score} ${t.firstLeg.away.name}`,
      `${t.secondLeg.date} ${t.secondLeg.home.name} ${t.secondLeg.score} ${t.secondLeg.away.name}`,
      t.aggregate,
      `${t.firstLegWinner.name} ${t.outcome === 'through' ? 'through' : 'OUT'} (${t.decidedBy})`,
      [t.firstLeg.matchId, t.secondLeg.matchId, ...(t.decidingMatch ? [t.decidingMatch.matchId] : [])].join(' '),
    ]),
  );
}
