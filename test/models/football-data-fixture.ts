import { readFileSync } from 'node:fs';
import { readCsvTable } from '../../src/ingest/csv.js';
import { fitDataFromMatches, type FitData, type NamedMatch } from '../../src/models/fit-data.js';
import { sharedPath } from '../shared-data.js';

/**
 * Matches of football-data.co.uk files (by path under the shared data, e.g. `football-data/E0/2023-24.csv`)
 * as FitData: HomeTeam, AwayTeam, FTHG, FTAG read by column name; rows without teams (the comma-only
 * trailers some files have) are skipped. Team names are prefixed with the division so clubs never merge
 * across leagues by accident. Shared by the model tests and bench/fit-goal-models.ts.
 */
export function loadFootballDataMatches(files: readonly string[]): NamedMatch[] {
  const matches: NamedMatch[] = [];
  for (const file of files) {
    const table = readCsvTable(readFileSync(sharedPath(file), 'utf8'));
    const column = (name: string): number => {
      const index = table.column(name);
      if (index < 0) throw new Error(`${file}: no ${name} column`);
      return index;
    };
    const [div, home, away, homeGoals, awayGoals] = ['Div', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG'].map(column);
    for (const row of table.rows) {
      if (!row.cells[home]) continue;
      matches.push({
        homeTeam: `${row.cells[div]}:${row.cells[home]}`,
        awayTeam: `${row.cells[div]}:${row.cells[away]}`,
        homeGoals: Number(row.cells[homeGoals]),
        awayGoals: Number(row.cells[awayGoals]),
      });
    }
  }
  return matches;
}

export function loadFootballData(files: readonly string[]): FitData {
  return fitDataFromMatches(loadFootballDataMatches(files));
}

export const FIVE_LEAGUES = ['E0', 'SP1', 'I1', 'D1', 'F1'] as const;

/** Seasons 2015-16 .. 2024-25. */
export const TEN_SEASONS = Array.from({ length: 10 }, (_, k) => {
  const start = 2015 + k;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
});

export function fiveLeagueFiles(): string[] {
  return FIVE_LEAGUES.flatMap((league) => TEN_SEASONS.map((season) => `football-data/${league}/${season}.csv`));
}
