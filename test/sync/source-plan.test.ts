import { describe, expect, it } from 'vitest';
import { CompetitionRegistry } from '../../src/competitions/registry.js';
import { planSourceFiles, type PlanRequest, type SourceName } from '../../src/sync/source-plan.js';
import { parseSeasons } from '../../src/cli/sync-action.js';

const registry = CompetitionRegistry.builtIn();
const plan = (codes: string[], options: Partial<PlanRequest> = {}) =>
  planSourceFiles(registry, {
    competitions: codes.map((code) => registry.get(code)!),
    seasons: [],
    sources: [],
    today: '2024-03-01',
    ...options,
  }).map((f) => [f.url, f.role, f.season, f.competitions.join(',')]);

describe('planSourceFiles: the URLs come from the registry', () => {
  it("takes each competition's first source, in the season today is in by its calendar", () => {
    expect(plan(['eng.1', 'es.1', 'uefa.el', 'no.1'])).toEqual([
      ['https://www.football-data.co.uk/mmz4281/2324/E0.csv', 'results', '2023-24', 'eng.1'],
      ['https://www.football-data.co.uk/fixtures.csv', 'fixtures', null, 'eng.1,es.1'],
      ['https://www.football-data.co.uk/mmz4281/2324/SP1.csv', 'results', '2023-24', 'es.1'],
      [
        'https://raw.githubusercontent.com/openfootball/champions-league/master/2023-24/el.txt',
        'results',
        '2023-24',
        'uefa.el',
      ],
      ['https://www.football-data.co.uk/new/NOR.csv', 'results', null, 'no.1'],
      ['https://www.football-data.co.uk/new_league_fixtures.csv', 'fixtures', null, 'no.1'],
    ]);
  });

  it('names seasons as each competition writes them, and asks for none outside what its source publishes', () => {
    const sources: SourceName[] = ['openfootball'];
    // 2023-24 is Norway's 2023; the Europa League file exists from 2020-21 on.
    expect(plan(['no.1', 'uefa.el'], { sources, seasons: ['2019-20', '2023-24'] })).toEqual([
      [
        'https://raw.githubusercontent.com/openfootball/europe/master/norway/2019/1-eliteserien.txt',
        'results',
        '2019',
        'no.1',
      ],
      [
        'https://raw.githubusercontent.com/openfootball/europe/master/norway/2023/1-eliteserien.txt',
        'results',
        '2023',
        'no.1',
      ],
      [
        'https://raw.githubusercontent.com/openfootball/champions-league/master/2023-24/el.txt',
        'results',
        '2023-24',
        'uefa.el',
      ],
    ]);
    // Before football-data's first season, nothing; and fixtures only with the season today is in.
    expect(plan(['eng.1'], { seasons: ['1992-93'] })).toEqual([]);
    expect(plan(['eng.1'], { seasons: ['2022-23'] })).toEqual([
      ['https://www.football-data.co.uk/mmz4281/2223/E0.csv', 'results', '2022-23', 'eng.1'],
    ]);
    expect(plan(['fr.1'], { sources, seasons: ['2026-27'] })).toEqual([
      [
        'https://raw.githubusercontent.com/openfootball/europe/master/france/2026-27_fr1.txt',
        'results',
        '2026-27',
        'fr.1',
      ],
    ]);
  });

  it('says so when the one competition asked for has no such source', () => {
    expect(() => plan(['sco.1'], { sources: ['openfootball'] })).toThrow(
      'field source: sco.1 has no openfootball source in the registry (config/competitions.yaml)',
    );
  });
});

describe('parseSeasons', () => {
  it('reads lists and ranges of either calendar', () => {
    expect(parseSeasons('2023-24')).toEqual(['2023-24']);
    expect(parseSeasons('2019-20..2021-22,2024')).toEqual(['2019-20', '2020-21', '2021-22', '2024']);
    expect(parseSeasons('2022..2024')).toEqual(['2022', '2023', '2024']);
    expect(() => parseSeasons('2024-23')).toThrow("--seasons: '2024-23' is not a season");
    expect(() => parseSeasons('2024-25..2022-23')).toThrow("--seasons: '2024-25..2022-23' ends before it starts");
  });
});
