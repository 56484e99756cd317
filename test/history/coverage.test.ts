import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { competitionCoverage, SeasonStatuses, teamSeasonCoverage } from '../../src/history/coverage.js';
import { findTeam } from '../../src/history/team-lookup.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { findMatches } from '../../src/store/match-queries.js';
import { tempDir } from '../temp-dir.js';

const TEAMS = ['Alpha', 'Beta', 'Gamma', 'Delta'];

/** A double round robin of four clubs in a season starting `year`, minus `leaveOut` matches. */
function leagueRows(competition: string, year: number, leaveOut = 0): string[] {
  const rows: string[] = [];
  let day = 1;
  for (const home of TEAMS) {
    for (const away of TEAMS) {
      if (home === away) continue;
      rows.push(`${year}-09-${String(day++).padStart(2, '0')},${competition},${home},${away},1,0,,`);
    }
  }
  return rows.slice(0, rows.length - leaveOut);
}

describe('coverage', () => {
  const dir = tempDir('coverage');
  const file = path.join(dir, 'history.csv');
  writeFileSync(
    file,
    [
      'date,competition,home,away,home_goals,away_goals,round,season',
      ...leagueRows('eng.1', 2021),
      ...leagueRows('eng.1', 2022, 1),
      // 2023-24 is not in the file; 2024-25 is in progress (one match still to play).
      ...leagueRows('eng.1', 2024, 1),
      '2025-05-01,eng.1,Delta,Gamma,,,,',
      '2022-01-08,fa-cup,Alpha,Beta,2,1,Semi-finals,2021-22',
      '2022-05-14,fa-cup,Alpha,Gamma,1,0,Final,2021-22',
      '2023-01-07,fa-cup,Beta,Delta,0,0,Round 3,2022-23',
    ].join('\n') + '\n',
  );
  const db = openDatabase(path.join(dir, 'm.db'));
  const summary = importPaths(db, [file]);

  it('imports the made-up history', () => {
    expect(summary.totals).toMatchObject({ rejected: 0, rejectedRows: 0 });
  });

  it('says how complete each league season is against its format, and the gaps', () => {
    const [league] = competitionCoverage(db, { competition: 'eng.1' });
    expect(league.seasons.map((s) => [s.season, s.status, s.note])).toEqual([
      ['2021-22', 'complete', '12 of 12 matches'],
      ['2022-23', 'incomplete', '11 of 12 matches'],
      ['2024-25', 'in-progress', '12 of 12 matches'],
    ]);
    expect(league.gaps).toEqual(['2023-24']);
  });

  it('calls a cup season complete when its final is stored', () => {
    const [cup] = competitionCoverage(db, { competition: 'eng.facup' });
    expect(cup.seasons.map((s) => [s.season, s.status, s.note])).toEqual([
      ['2021-22', 'complete', '2 matches up to the final'],
      ['2022-23', 'in-progress', 'no final stored'],
    ]);
  });

  it("says what a team's season in the data covers, and what it lacks", () => {
    const alpha = findTeam(db, 'Alpha').teamId;
    const season = teamSeasonCoverage(db, alpha, '2021-22');
    expect(season.held.map((h) => [h.competition, h.played, h.status])).toEqual([
      ['eng.1', 6, 'complete'],
      ['eng.facup', 2, 'complete'],
    ]);
    expect(season.missing.map((m) => m.competition)).toEqual(['eng.leaguecup', 'uefa']);
    expect(season.allCompetitions).toBe(false);
    expect(season.covers).toBe('league and cup matches');
    const later = teamSeasonCoverage(db, alpha, '2022-23');
    expect(later.covers).toBe('league matches');
    expect(later.missing.map((m) => m.competition)).toEqual(['eng.leaguecup', 'uefa']);
  });

  it("counts a team's seasons the same from the matches a caller read as from the database", () => {
    for (const name of ['Alpha', 'Delta']) {
      const team = findTeam(db, name).teamId;
      const read = new SeasonStatuses(db, true);
      const given = new SeasonStatuses(db, true);
      given.holdTeamMatches(team, findMatches(db, { teamId: team }));
      for (const season of ['2021-22', '2022-23', '2023-24', '2024-25']) {
        expect(given.teamHoldings(team, season), `${name} ${season}`).toEqual(read.teamHoldings(team, season));
        expect(teamSeasonCoverage(db, team, season, given)).toEqual(teamSeasonCoverage(db, team, season, read));
      }
    }
    // Delta's last league match is still to play: counted as scheduled, not played.
    const delta = findTeam(db, 'Delta').teamId;
    const given = new SeasonStatuses(db, true);
    given.holdTeamMatches(delta, findMatches(db, { teamId: delta }));
    expect(given.teamHoldings(delta, '2024-25')).toEqual([
      { competition: 'eng.1', played: 5, scheduled: 1, lastRound: null },
    ]);
  });
});
