import { searchTeams } from '../history/team-lookup.js';
import { listTeams } from '../store/match-queries.js';
import { openCommandDatabase } from './database-option.js';
import { printJson, printTable, runCommand, type CommonOptions } from './output.js';

export interface TeamsOptions extends CommonOptions {
  search?: string;
}

/** `matchday teams`, loaded when the command runs (start-up and --help stay fast). */
export function runTeamsCommand(options: TeamsOptions): Promise<void> {
  return runCommand(options, () => {
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
  });
}
