import type { Command } from 'commander';
import { MatchdayError } from '../errors.js';
import { registryOf } from '../store/competition-store.js';
import { findTeam } from '../history/team-lookup.js';
import { findMatches, goalsOfMatches, sourcesOfMatches } from '../store/match-queries.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

interface MatchesOptions extends CommonOptions {
  team: string;
  competition?: string;
  season?: string;
}

export function registerMatchesCommand(program: Command): void {
  program
    .command('matches')
    .description("a team's matches across all competitions and sources")
    .requiredOption('--team <name>', 'team name as any source writes it')
    .option('--competition <code>', 'competition code or name, e.g. eng.1, europa-league')
    .option('--season <season>', 'season, e.g. 2023-24')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON (with scorers and provenance)')
    .action((options: MatchesOptions) =>
      runCommand(options, () => {
        const db = openCommandDatabase(options, { readonly: true });
        const team = findTeam(db, options.team);
        let competitionCode: string | undefined;
        if (options.competition) {
          const competition = registryOf(db).find(options.competition);
          if (!competition)
            throw new MatchdayError('UNKNOWN_COMPETITION', `unknown competition ${options.competition}`, {
              field: 'competition',
            });
          competitionCode = competition.code;
        }
        const matches = findMatches(db, { teamId: team.teamId, competitionCode, season: options.season });
        const ids = matches.map((m) => m.id);
        const goals = goalsOfMatches(db, ids);
        const sources = sourcesOfMatches(db, ids);
        db.close();
        if (options.json) {
          return printJson({
            team: { id: team.teamId, name: team.name, country: team.country },
            count: matches.length,
            matches: matches.map((m) => ({ ...m, goals: goals.get(m.id) ?? [], sources: sources.get(m.id) ?? [] })),
          });
        }
        printTable(
          ['date', 'competition', 'round', 'home', 'score', 'away', 'leg', 'ground'],
          matches.map((m) => [
            m.date,
            m.competition.code,
            m.round ?? '',
            m.home.name,
            formatScore(m.score),
            m.away.name,
            m.leg ?? '',
            m.neutral ? 'neutral' : '',
          ]),
        );
      }),
    );
}

function formatScore(score: {
  ft: [number, number] | null;
  et: [number, number] | null;
  pens: [number, number] | null;
}): string {
  if (!score.ft && !score.et) return '-';
  // Some sources give a match that went to extra time only its score after it.
  let text = score.ft ? `${score.ft[0]}-${score.ft[1]}` : '';
  if (score.et) text += `${text ? ' ' : ''}aet ${score.et[0]}-${score.et[1]}`;
  if (score.pens) text += ` pens ${score.pens[0]}-${score.pens[1]}`;
  return text;
}
