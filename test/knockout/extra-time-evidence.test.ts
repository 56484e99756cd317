import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExtraTimeEvidence } from '../../src/knockout/knockout-reader.js';
import { openDatabase } from '../../src/store/database.js';
import { importPaths } from '../../src/store/import-files.js';
import { testTempDir } from '../temp-dir.js';

const HEADER = 'date,home,away,home_goals,away_goals,competition,round,leg,et_home,et_away,home_country,away_country';

describe('the extra times the extra-time rate is fitted on', () => {
  it('counts extra-time goals and 90-minute goals in European matches before a date', () => {
    const rows = [
      '2024-03-02,Alpha,Beta,1,1,eng.1,,,,,ENG,ENG',
      '2024-04-11,Beta,Alpha,0,3,europa-league,Quarter-finals,1,,,ENG,ENG',
      '2024-04-11,Gamma,Delta,1,0,europa-league,Quarter-finals,1,,,ENG,ITA',
      '2024-04-18,Alpha,Beta,0,1,europa-league,Quarter-finals,2,,,ENG,ENG',
      '2024-04-18,Delta,Gamma,1,0,europa-league,Quarter-finals,2,2,0,ITA,ENG',
    ];
    const dir = testTempDir('extra-time');
    const file = path.join(dir, 'matches.csv');
    writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
    const db = openDatabase(path.join(dir, 'm.db'));
    importPaths(db, [file]);
    expect(readExtraTimeEvidence(db, '2024-04-18')).toEqual({
      extraTimeMatches: 0,
      extraTimeGoals: 0,
      ninetyMinuteGoalsPerMatch: 2,
    });
    // Delta's extra-time goal counts; the league match does not.
    expect(readExtraTimeEvidence(db, '2024-04-19')).toEqual({
      extraTimeMatches: 1,
      extraTimeGoals: 1,
      ninetyMinuteGoalsPerMatch: 6 / 4,
    });
    db.close();
    expect(readExtraTimeEvidence(openDatabase(':memory:'), '2024-04-19')).toBeNull();
  });
});
