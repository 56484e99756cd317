/**
 * football-data's fixtures files list every division in one file (`fixtures.csv`: `Div` E0, SP1, ...; the extra
 * leagues' `new_league_fixtures.csv`: `Country` and `League`). A sync imports only the competitions it was asked for:
 * each one's rows are written to a file of its own (the header and its lines, as they were), so asking for another
 * competition later imports that one's file rather than a file already imported.
 */
import { readCsvRows } from '../ingest/csv.js';
import type { CompetitionRegistry } from '../competitions/registry.js';

/** The lines of each wanted competition: code → file text (header first). Competitions with no row are absent. */
export function splitFixtures(
  text: string,
  registry: CompetitionRegistry,
  wanted: readonly string[],
): Map<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows = readCsvRows(text);
  const header = (rows[0]?.cells ?? []).map((cell) => cell.trim());
  const column = (name: string) => header.indexOf(name);
  const [div, country, league] = [column('Div'), column('Country'), column('League')];
  const byCompetition = new Map<string, string[]>();
  for (const row of rows.slice(1)) {
    const cell = (index: number) => (index < 0 ? '' : (row.cells[index] ?? '').trim());
    const competition =
      div >= 0 ? registry.byFootballDataDivision(cell(div)) : registry.byExtraLeague(cell(country), cell(league));
    if (!competition || !wanted.includes(competition.code)) continue;
    const list = byCompetition.get(competition.code) ?? [];
    list.push(lines[row.line - 1]);
    byCompetition.set(competition.code, list);
  }
  return new Map([...byCompetition].map(([code, rowLines]) => [code, `${[lines[0], ...rowLines].join('\n')}\n`]));
}
