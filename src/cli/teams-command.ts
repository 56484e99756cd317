import type { Command } from 'commander';
import { searchTeams } from '../history/team-lookup.js';
import { listTeams } from '../store/match-queries.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

interface TeamsOptions extends CommonOptions {
  search?: string;
}

export function registerTeamsCommand(program: Command): void {
  program
    .command('teams')
    .description('list teams, or the candidates for a name with --search')
    .option('--search <name>', 'teams whose names look like this, best first')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((options: TeamsOptions) =>
      runCommand(options, () => {
        const db = openCommandDatabase(options, { readonly: true });
        const candidates = options.search ? searchTeams(db, options.search) : null;
        const teams = listTeams(
          db,
          candidates?.map((c) => c.teamId),
        );
        const order = new Map(candidates?.map((c, i) => [c.teamId, i]));
        if (candidates) teams.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
        db.close();
        if (options.json) return printJson(teams.map((t) => ({ ...t, score: candidates?.[order.get(t.id)!]?.score })));
        printTable(
          ['id', 'team', 'country', 'matches', 'first', 'last'],
          teams.map((t) => [t.id, t.name, t.country ?? '', t.matches, t.firstDate ?? '', t.lastDate ?? '']),
        );
      }),
    );
}
