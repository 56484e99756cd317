import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/ingest/csv.js';
import { parseEngsoccerdata } from '../../src/ingest/engsoccerdata.js';
import { parseFootballData } from '../../src/ingest/football-data.js';
import { parseFootballCsv } from '../../src/ingest/footballcsv.js';
import { parseGenericCsv } from '../../src/ingest/generic-csv.js';
import type { ParsedFile } from '../../src/ingest/records.js';

describe('readCsvTable', () => {
  it('says which rows do not fit the header: short, long, or cut short at the end of the file', () => {
    const table = readCsvTable('a,b,c\n1,2,3\n1,2\n1,2,3,4\n,,,,,\n\n"x,y",2,3\n1,2');
    expect(table.rows.map((row) => [row.line, table.widthError(row)])).toEqual([
      [2, null],
      [3, "row has only 2 of the header's 3 cells"],
      [4, 'row has 4 cells but the header has 3'],
      [5, null], // only commas: a blank row, which every parser skips
      [6, null],
      [7, null],
      [8, "last row has only 2 of the header's 3 cells: the file looks cut short"],
    ]);
  });

  it('takes a complete last row without a line end as complete', () => {
    const table = readCsvTable('a,b\r\n1,2\r\n3,4');
    expect(table.rows.map((row) => table.widthError(row))).toEqual([null, null]);
  });

  it('counts the cells of a header with trailing empty columns (`Unnamed: 38`)', () => {
    const table = readCsvTable('a,b,Unnamed: 2\n1,2,\n');
    expect(table.widthError(table.rows[0])).toBeNull();
  });
});

type Parse = (text: string, file: string) => ParsedFile;

describe('every CSV parser', () => {
  it.each<[string, Parse, string, string, string]>([
    [
      'football-data',
      parseFootballData,
      'E0.csv',
      'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR',
      'E0,11/08/2023,Burnley,Man City,0,3,A',
    ],
    [
      'footballcsv',
      parseFootballCsv,
      '2023-24/eng.1.csv',
      'Date,Team 1,FT,HT,Team 2',
      'Fri Aug 11 2023,Burnley,0-3,0-2,Man City',
    ],
    [
      'engsoccerdata',
      parseEngsoccerdata,
      'england.csv',
      'Date,Season,home,visitor,FT,hgoal,vgoal,division,tier,totgoal,goaldif,result',
      '2023-08-11,2023,Burnley,Manchester City,0-3,0,3,1,1,3,-3,A',
    ],
    [
      'generic-csv',
      parseGenericCsv,
      'mine.csv',
      'date,home,away,home_goals,away_goals,competition',
      '2023-08-11,Burnley,Man City,0,3,eng.1',
    ],
  ])(
    '%s rejects short rows, extra cells and a cut-short last row, and skips rows of commas',
    (_, parse, file, header, row) => {
      const width = header.split(',').length;
      const short = row.split(',').slice(0, -1).join(',');
      const text = [header, row, short, `${row},x`, ','.repeat(width + 2), row, short].join('\n');
      const parsed = parse(text, file);
      expect(parsed.errors.map((e) => [e.line, e.field, e.message])).toEqual([
        [3, null, `row has only ${width - 1} of the header's ${width} cells`],
        [4, null, `row has ${width + 1} cells but the header has ${width}`],
        [7, null, `last row has only ${width - 1} of the header's ${width} cells: the file looks cut short`],
      ]);
      expect(parsed.records.map((r) => r.source.line)).toEqual([2, 6]);
    },
  );
});
