import { readFileSync } from 'node:fs';
import { readCsvTable } from '../../src/ingest/csv.js';
import { sharedPath } from '../shared-data.js';

/** The few football-data.co.uk columns the rating and evaluation tests read. */
export interface FootballDataRow {
  div: string;
  /** ISO date. */
  date: string;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
  /** Pinnacle closing 1X2 odds, null where the file has none. */
  pinnacleClosing: [number, number, number] | null;
}

function isoDate(text: string): string {
  const [d, m, y] = text.split('/');
  const year = y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  return `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Played rows of football-data files `<div>/<season>.csv` from the shared data, in date order. */
export function loadFootballData(divisions: readonly string[], seasons: readonly string[]): FootballDataRow[] {
  const rows: FootballDataRow[] = [];
  for (const div of divisions) {
    for (const season of seasons) {
      const table = readCsvTable(readFileSync(sharedPath('football-data', div, `${season}.csv`), 'utf8'));
      const col = (name: string): number => table.column(name);
      const [cDate, cHome, cAway, cHg, cAg] = ['Date', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG'].map(col);
      const [cPh, cPd, cPa] = ['PSCH', 'PSCD', 'PSCA'].map(col);
      for (const row of table.rows) {
        const cells = row.cells;
        if (!cells[cDate] || cells[cHg] === '' || cells[cHg] === undefined) continue;
        const odds = cPh >= 0 ? [cells[cPh], cells[cPd], cells[cPa]].map(Number) : [];
        rows.push({
          div,
          date: isoDate(cells[cDate]),
          home: cells[cHome],
          away: cells[cAway],
          homeGoals: Number(cells[cHg]),
          awayGoals: Number(cells[cAg]),
          pinnacleClosing: odds.length === 3 && odds.every((o) => o > 1) ? (odds as [number, number, number]) : null,
        });
      }
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function seasonRange(first: number, last: number): string[] {
  return Array.from(
    { length: last - first + 1 },
    (_, i) => `${first + i}-${String((first + i + 1) % 100).padStart(2, '0')}`,
  );
}
