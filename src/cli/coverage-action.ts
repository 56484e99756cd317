import { MatchdayError } from '../errors.js';
import {
  competitionCoverage,
  teamSeasonCoverage,
  type CompetitionCoverage,
  type SeasonCoverage,
} from '../history/coverage.js';
import { findTeam } from '../history/team-lookup.js';
import { normaliseSeason, seasonStartYear } from '../competitions/seasons.js';
import { registryOf } from '../store/competition-store.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface CoverageOptions extends CommonOptions {
  team?: string;
  competition?: string;
  season?: string;
}

/** `matchday coverage`, loaded when the command runs (start-up and --help stay fast). */
export function runCoverageCommand(options: CoverageOptions): Promise<void> {
  return runCommand(options, () => {
    const db = openCommandDatabase(options, { readonly: true });
    const season = options.season === undefined ? undefined : seasonOption(options.season);
    if (options.team) {
      if (!season) throw new MatchdayError('BAD_OPTION', '--team needs --season', { field: 'season' });
      const team = findTeam(db, options.team);
      const report = { team: team.name, ...teamSeasonCoverage(db, team.teamId, season) };
      db.close();
      if (options.json) return printJson(report);
      process.stdout.write(`${report.team} ${season}: the database covers ${report.covers}.\n`);
      printTable(
        ['competition', 'played', 'to play', 'season in the data'],
        report.held.map((h) => [h.name, h.played, h.scheduled, h.status]),
      );
      for (const m of report.missing) process.stdout.write(`missing: ${m.name} — ${m.reason}\n`);
      return;
    }
    const competition = options.competition ? competitionOption(options.competition, db) : undefined;
    const report = competitionCoverage(db, { competition, season });
    db.close();
    if (options.json) return printJson(report);
    if (report.length === 0) return void process.stdout.write('the database holds no matches for that\n');
    if (competition || season) printSeasons(report);
    else printSummary(report);
  });
}

function seasonOption(text: string): string {
  const season = normaliseSeason(text);
  if (!season)
    throw new MatchdayError('BAD_OPTION', `--season must be like 2023-24 or 2024, got ${text}`, { field: 'season' });
  return season;
}

function competitionOption(text: string, db: Parameters<typeof registryOf>[0]): string {
  const found = registryOf(db).find(text);
  if (!found) throw new MatchdayError('UNKNOWN_COMPETITION', `unknown competition ${text}`, { field: 'competition' });
  return found.code;
}

/** One line per competition: seasons held, how many complete, the others by status, the gaps. */
function printSummary(report: CompetitionCoverage[]): void {
  printTable(
    ['competition', 'kind', 'seasons', 'held', 'complete', 'not complete', 'gaps'],
    report.map((c) => {
      const notComplete = new Map<string, SeasonCoverage[]>();
      for (const s of c.seasons)
        if (s.status !== 'complete') notComplete.set(s.status, [...(notComplete.get(s.status) ?? []), s]);
      return [
        `${c.name} (${c.competition})`,
        c.kind,
        ranges(
          [c.seasons[0].season, c.seasons[c.seasons.length - 1].season].filter((s, i, all) => all.indexOf(s) === i),
        ),
        c.seasons.length,
        c.seasons.length - [...notComplete.values()].flat().length,
        [...notComplete].map(([status, seasons]) => `${status}: ${ranges(seasons.map((s) => s.season))}`).join('; ') ||
          '-',
        ranges(c.gaps) || '-',
      ];
    }),
  );
}

/** `1915-16, 1916-17, 1917-18, 1939-40` → `1915-16..1917-18, 1939-40`. */
function ranges(seasons: readonly string[]): string {
  const runs: string[][] = [];
  for (const season of seasons) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last !== undefined && seasonStartYear(season) === seasonStartYear(last) + 1) run.push(season);
    else runs.push([season]);
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]}..${run[run.length - 1]}` : run[0])).join(', ');
}

/** One line per season of the competitions asked for. */
function printSeasons(report: CompetitionCoverage[]): void {
  printTable(
    ['competition', 'season', 'played', 'to play', 'teams', 'status', 'note', 'sources'],
    report.flatMap((c) =>
      c.seasons.map((s) => [
        c.competition,
        s.season,
        s.played,
        s.scheduled,
        s.teams,
        s.status,
        s.note,
        s.formats.join(' '),
      ]),
    ),
  );
  for (const c of report) if (c.gaps.length > 0) process.stdout.write(`${c.competition} gaps: ${c.gaps.join(', ')}\n`);
}
