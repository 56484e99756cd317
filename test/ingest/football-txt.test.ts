import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { competition } from '../competitions.js';
import { FOOTBALL_TXT_FORMAT, looksLikeFootballTxt, parseFootballTxt } from '../../src/ingest/football-txt.js';
import type { MatchRecord } from '../../src/ingest/records.js';
import { hasSharedData, sharedPath } from '../shared-data.js';

/** Lines joined with newlines, so snippets keep their indentation visible. */
function txt(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function parseOk(text: string, file = '2023-24/el.txt'): MatchRecord[] {
  const parsed = parseFootballTxt(text, file);
  expect(parsed.errors).toEqual([]);
  return parsed.records;
}

/** Parses one match under a header and round; returns its record. */
function oneMatch(matchLine: string, round = '» Round of 16', file = '2023-24/el.txt'): MatchRecord {
  const records = parseOk(txt('= UEFA Europa League 2023/24', '', round, '  Thu Mar/7', matchLine), file);
  expect(records).toHaveLength(1);
  return records[0];
}

describe('parseFootballTxt — current format', () => {
  it('reads a quarter-final tie: competition, season, dates without a year, inherited times, teams, scores, legs', () => {
    const text = txt(
      '= UEFA Europa League 2023/24',
      '',
      '# Teams      40',
      '',
      '» Quarterfinals',
      '  Thu Apr/11',
      '    21.00  AC Milan (ITA)          v AS Roma (ITA)            0-1 (0-1)',
      '           Liverpool FC (ENG)      v Atalanta (ITA)           0-3 (0-1)',
      '  Thu Apr/18',
      '    18.45  AS Roma (ITA)           v AC Milan (ITA)           2-1 (2-0)',
      '    21.00  Atalanta (ITA)          v Liverpool FC (ENG)       0-1 (0-1)',
    );
    const parsed = parseFootballTxt(text, 'champions-league/2023-24/el.txt');
    expect(parsed.format).toBe(FOOTBALL_TXT_FORMAT);
    expect(parsed.file).toBe('champions-league/2023-24/el.txt');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(4);
    expect(parsed.records[1]).toEqual({
      source: { format: 'football-txt', file: 'champions-league/2023-24/el.txt', line: 8 },
      competition: competition('uefa.el'),
      season: '2023-24',
      date: '2024-04-11',
      time: '21:00',
      home: { name: 'Liverpool FC', country: 'ENG' },
      away: { name: 'Atalanta', country: 'ITA' },
      neutral: false,
      venue: null,
      round: 'Quarter-finals',
      group: null,
      leg: 1,
      status: 'played',
      htScore: [0, 1],
      ftScore: [0, 3],
      etScore: null,
      penScore: null,
      attendance: null,
      referee: null,
      goals: [],
      stats: null,
      odds: [],
    } satisfies MatchRecord);
    const second = parsed.records[3];
    expect([second.date, second.time, second.home.name, second.leg, second.ftScore]).toEqual([
      '2024-04-18',
      '21:00',
      'Atalanta',
      2,
      [0, 1],
    ]);
    expect(parsed.records.map((r) => r.leg)).toEqual([1, 1, 2, 2]);
    expect(parsed.records[2].time).toBe('18:45');
  });

  it('resets the inherited kick-off time at each date line', () => {
    const records = parseOk(
      txt(
        '= French Ligue 2 2025/26',
        '▪ 11. Round',
        '  Fri Oct 24',
        '    19:00  EA Guingamp             v Clermont Foot 63         0-1 (0-0)',
        '  Sat Oct 25',
        '           SC Bastia               v Stade Lavallois          [postponed]',
        '    13:00  Montpellier HSC         v AS Nancy Lorraine        4-1 (1-1)',
      ),
      'europe/france/2025-26_fr2.txt',
    );
    expect(records.map((r) => [r.date, r.time, r.status])).toEqual([
      ['2025-10-24', '19:00', 'played'],
      ['2025-10-25', null, 'postponed'],
      ['2025-10-25', '13:00', 'played'],
    ]);
    expect(records[0].competition.code).toBe('fr.2');
    expect(records[0].round).toBe('Matchday 11');
    // Domestic files write no country; it is not guessed.
    expect(records[0].home).toEqual({ name: 'EA Guingamp', country: null });
  });

  it('reads extra time and penalties: 4-2 pen. 1-0 a.e.t. (1-0, 0-0)', () => {
    const r = oneMatch('    21.00  Olympique Marseille (FRA) v SL Benfica (POR)  4-2 pen. 1-0 a.e.t. (1-0, 0-0)');
    expect([r.ftScore, r.etScore, r.penScore, r.htScore, r.status]).toEqual([[1, 0], [1, 0], [4, 2], [0, 0], 'played']);
  });

  it.each([
    ['2-3 (1-2)', { ft: [2, 3], ht: [1, 2], et: null, pen: null }],
    ['0-0', { ft: [0, 0], ht: null, et: null, pen: null }],
    ['3-2 a.e.t. (2-2, 0-0)', { ft: [2, 2], ht: [0, 0], et: [3, 2], pen: null }],
    ['2-3 a.e.t. (1-0)', { ft: [1, 0], ht: null, et: [2, 3], pen: null }],
    ['4-1 a.e.t. (1-1, )', { ft: [1, 1], ht: null, et: [4, 1], pen: null }],
    ['7-6 pen. (0-0)', { ft: [0, 0], ht: null, et: null, pen: [7, 6] }],
    ['2-4 pen. (1-1, 0-1)', { ft: [1, 1], ht: [0, 1], et: null, pen: [2, 4] }],
    ['3-2 pen. 1-1 a.e.t. (1-1)', { ft: [1, 1], ht: null, et: [1, 1], pen: [3, 2] }],
    ['5-4 pen. 0-0', { ft: [0, 0], ht: null, et: null, pen: [5, 4] }],
  ])('reads the score %s', (score, want) => {
    const r = oneMatch(`    21.00  Home FC (ENG)  v  Away FC (ITA)  ${score}`);
    expect({ ft: r.ftScore, ht: r.htScore, et: r.etScore, pen: r.penScore }).toEqual(want);
  });

  it('reads status markers and unplayed fixtures', () => {
    const records = parseOk(
      txt(
        '= UEFA Europa League 2021/22',
        '» Round of 16',
        '  Thu Mar/10 2022',
        '    18.45  RB Leipzig (GER)        v Spartak Moskva (RUS)     [cancelled]',
        '           Villarreal CF (ESP)     v Qarabağ FK (AZE)         3-0    [awarded]',
        '           Tottenham (ENG)         v Stade Rennais (FRA)      [annulled]',
        '           Arsenal FC (ENG)        v PSV (NED)',
      ),
      'champions-league/2021-22/el.txt',
    );
    expect(records.map((r) => [r.status, r.ftScore])).toEqual([
      ['cancelled', null],
      ['awarded', [3, 0]],
      ['cancelled', null],
      ['scheduled', null],
    ]);
    expect(records[3].away).toEqual({ name: 'PSV', country: 'NED' });
  });

  it('makes a single-match final neutral and attaches an @ venue line to the match above', () => {
    const records = parseOk(
      txt(
        '= UEFA Europa League 2023/24',
        '» Final',
        '  Wed May/22',
        '    21.00  Atalanta (ITA)          v Bayer Leverkusen (GER)   3-0 (2-0)',
        '           @ Aviva Stadium, Dublin',
      ),
    );
    expect(records[0]).toMatchObject({ round: 'Final', leg: null, neutral: true, venue: 'Aviva Stadium, Dublin' });
    expect(records[0].date).toBe('2024-05-22');
  });

  it('pairs a two-legged final as legs and keeps it home and away', () => {
    const records = parseOk(
      txt(
        '= UEFA Europa League 2023/24',
        '» Final',
        '  Wed May/8',
        '    21.00  Team A (ITA)  v  Team B (GER)  1-0',
        '  Wed May/22',
        '    21.00  Team B (GER)  v  Team A (ITA)  2-0',
      ),
    );
    expect(records.map((r) => [r.leg, r.neutral])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('pairs legs by date even when the later match comes first in the file', () => {
    const records = parseOk(
      txt(
        '= UEFA Europa League 2023/24',
        '» Round of 16',
        '  Thu Mar/14',
        '    21.00  Team B (GER)  v  Team A (ITA)  2-0',
        '  Thu Mar/7',
        '    21.00  Team A (ITA)  v  Team B (GER)  1-0',
        '           Team C (ESP)  v  Team D (POR)  1-0',
      ),
    );
    expect(records.map((r) => [r.home.name, r.leg])).toEqual([
      ['Team B', 2],
      ['Team A', 1],
      ['Team C', null],
    ]);
  });

  it('does not pair the two group meetings of the same teams', () => {
    const records = parseOk(
      txt(
        '= UEFA Europa League 2023/24',
        '» Group A',
        '  Thu Sep/21',
        '    21.00  Team A (ITA)  v  Team B (GER)  1-0',
        '  Thu Oct/5',
        '    21.00  Team B (GER)  v  Team A (ITA)  2-0',
      ),
    );
    expect(records.map((r) => [r.round, r.group, r.leg])).toEqual([
      ['Group stage', 'A', null],
      ['Group stage', 'A', null],
    ]);
  });
});

describe('parseFootballTxt — round headers', () => {
  it.each([
    ['» Group A', 'Group stage', 'A'],
    ['» Gruppe G', 'Group stage', 'G'],
    ['» Group, Matchday 3', 'Group stage', null],
    ['» League, Matchday 1', 'League phase', null],
    ['» League phase', 'League phase', null],
    ['» Sechzehntelfinale', 'Round of 32', null],
    ['» Achtelfinale', 'Round of 16', null],
    ['» Finals, Round of 16', 'Round of 16', null],
    ['» Viertelfinale', 'Quarter-finals', null],
    ['» Finals, Quarterfinals', 'Quarter-finals', null],
    ['» Halbfinale', 'Semi-finals', null],
    ['» Semifinals', 'Semi-finals', null],
    ['» Finale', 'Final', null],
    ['» Playoffs', 'Knockout round play-offs', null],
    ['» Playoffs, Matchday 2', 'Knockout round play-offs', null],
    ['» Matchday 5', 'Matchday 5', null],
    ['» 3. Spieltag', 'Matchday 3', null],
    ['Semi-finals, Replay', 'Semi-finals replay', null],
  ])('%s → %s / group %s in a main-draw file', (header, round, group) => {
    const r = oneMatch('    21.00  Home FC (ENG)  v  Away FC (ITA)  1-0', header);
    expect([r.round, r.group]).toEqual([round, group]);
  });

  it.each([
    ['» Round 1', 'Qualifying round 1'],
    ['» 2. Round', 'Qualifying round 2'],
    ['» Playoffs', 'Play-off round'],
    ['» Play-offs', 'Play-off round'],
  ])('%s → %s in a qualifying file (clq.txt)', (header, round) => {
    const r = oneMatch('    21.00  Home FC (ENG)  v  Away FC (ITA)  1-0', header, 'champions-league/2024-25/clq.txt');
    expect(r.round).toBe(round);
    // The season header (Europa League) wins over the file name (clq = Champions League qualifying).
    expect(r.competition.code).toBe('uefa.el');
  });

  it('knows a qualifying file by its "- Quali" title', () => {
    const records = parseOk(
      txt(
        '= UEFA Conference League - Quali 2024/25',
        '» Playoffs',
        '  Thu Aug/22',
        '    19.00  A FC (ENG)  v  B FC (ITA)  1-0',
      ),
      'somewhere/qualifiers.txt',
    );
    expect([records[0].competition.code, records[0].round]).toEqual(['uefa.conf', 'Play-off round']);
  });

  it('numbers league rounds as matchdays and cup rounds as rounds', () => {
    const league = parseOk(
      txt('= French Ligue 1 2023/24', '▪ Matchday 5', '  Fri Sep 15', '    21:00  OGC Nice  v  Lille OSC  1-1 (1-0)'),
      'europe/france/2023-24_fr1.txt',
    );
    const cup = parseOk(
      txt(
        '= French Coupe de France 2024/25',
        '▪ 10. Runde',
        '  Tue Jan 14 2025',
        '    20:45  SC Bastia  v  OGC Nice  0-1 (0-0)',
      ),
      'europe/france/2024-25_frcup.txt',
    );
    expect([league[0].round, league[0].competition.code]).toEqual(['Matchday 5', 'fr.1']);
    expect([cup[0].round, cup[0].competition.code, cup[0].date]).toEqual(['Round 10', 'fr.cup', '2025-01-14']);
  });

  it('makes a replay neutral and keeps it out of leg pairing', () => {
    const records = parseOk(
      txt(
        'Semi-finals, 1st leg',
        '[Apr/12]',
        '  FC Barcelona   1-0  Hamburger SV',
        'Semi-finals, 2nd leg',
        '[Apr/26]',
        '  Hamburger SV   2-1  FC Barcelona',
        'Semi-finals, Replay',
        '[May/3]',
        '  FC Barcelona   1-0  Hamburger SV',
      ),
      'champions-league/removed-2024-09-18/archive/1960s/1960-61/cup.txt',
    );
    expect(records.map((r) => [r.round, r.leg, r.neutral, r.date])).toEqual([
      ['Semi-finals', 1, false, '1961-04-12'],
      ['Semi-finals', 2, false, '1961-04-26'],
      ['Semi-finals replay', null, true, '1961-05-03'],
    ]);
    expect(records[0].competition.code).toBe('uefa.cl');
    expect(records[0].season).toBe('1960-61');
  });
});

describe('parseFootballTxt — dates', () => {
  function datesOf(header: string, dateLines: string[], file = 'x/el.txt'): string[] {
    const lines = [header, '» Round of 16'];
    dateLines.forEach((d, i) => lines.push(`  ${d}`, `    21.00  Home ${i} (ENG)  v  Away ${i} (ITA)  1-0`));
    return parseOk(txt(...lines), file).map((r) => r.date);
  }

  it('takes Jul–Dec from the start year and Jan–May from the next', () => {
    expect(datesOf('= UEFA Europa League 2023/24', ['Thu Sep/21', 'Thu Dec/14', 'Thu Feb/15', 'Wed May/22'])).toEqual([
      '2023-09-21',
      '2023-12-14',
      '2024-02-15',
      '2024-05-22',
    ]);
  });

  it('lets the weekday pick the year: the August 2020 matches of season 2019-20', () => {
    expect(datesOf('= UEFA Champions League 2019/20', ['Wed Mar/11', 'Fri Aug/7'])).toEqual([
      '2020-03-11',
      '2020-08-07',
    ]);
  });

  it('uses a year written on the line', () => {
    expect(datesOf('= UEFA Europa League 2024/25', ['Thu Feb/13 2025', 'Thu Feb/20'])).toEqual([
      '2025-02-13',
      '2025-02-20',
    ]);
  });

  it('puts June at the season start before any other month and at the season end after', () => {
    const start = parseOk(
      txt(
        '= UEFA Champions League - Qualification 2018/19',
        'Preliminary Semifinals',
        '[Jun/26]',
        '  A FC  0-2  B FC',
        'Qual. Round 1',
        '[Jul/10]',
        '  C FC  2-1  D FC',
      ),
      'x/cl_quali.txt',
    );
    expect(start.map((r) => [r.date, r.round])).toEqual([
      ['2018-06-26', 'Preliminary round semi-finals'],
      ['2018-07-10', 'Qualifying round 1'],
    ]);
    const end = parseOk(
      txt('Final', '[May/20]', '  A FC  1-0  B FC', '[Jun/13]', '  C FC  4-3 (2-2)  D FC'),
      'champions-league/x/1955-56/cup.txt',
    );
    expect(end.map((r) => r.date)).toEqual(['1956-05-20', '1956-06-13']);
  });

  it('reports a weekday that fits neither year of the season, and the matches under it', () => {
    const parsed = parseFootballTxt(
      txt('= UEFA Europa League 2023/24', '» Final', '  Mon May/22', '    21.00  A FC (ITA)  v  B FC (GER)  3-0'),
      'el.txt',
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.errors).toEqual([
      { file: 'el.txt', line: 3, field: 'date', message: 'May/22 2024 is not a Mon' },
      { file: 'el.txt', line: 4, field: null, message: 'match without a valid date line before it' },
    ]);
  });
});

describe('parseFootballTxt — older format (removed-2024-09-18)', () => {
  const text = txt(
    '= UEFA Champions League 2016/17       # Knockout phase (Finals)',
    '',
    'Round of 16 - 1st Leg',
    '',
    '[Tue Feb/14]',
    '  20.45  Paris Saint-Germain  4-0  Barcelona            @ Parc des Princes, Paris',
    "           [Di María 18', 55' Draxler 40' Cavani 72']",
    '',
    'Round of 16 - 2nd Leg',
    '',
    '[Wed Mar/8]',
    '  20.45  Barcelona            6-1  Paris Saint-Germain  @ Camp Nou, Barcelona',
    "           [L. Suárez 3' Kurzawa 40' (o.g.) Messi 50' (pen.) Neymar 88', 90+1' (pen.) Roberto 90+5'; Cavani 62']",
    '  20.45  Porto                0-2  Juventus',
    "           [-; Pjaca 72' Dani Alves 74']",
  );
  const parsed = parseFootballTxt(text, 'removed-2024-09-18/2016-17/cl_finals.txt');

  it('reads score-between-teams lines, venues and header legs', () => {
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.records.map((r) => [r.date, r.time, r.home.name, r.away.name, r.ftScore, r.round, r.leg, r.venue]),
    ).toEqual([
      ['2017-02-14', '20:45', 'Paris Saint-Germain', 'Barcelona', [4, 0], 'Round of 16', 1, 'Parc des Princes, Paris'],
      ['2017-03-08', '20:45', 'Barcelona', 'Paris Saint-Germain', [6, 1], 'Round of 16', 2, 'Camp Nou, Barcelona'],
      ['2017-03-08', '20:45', 'Porto', 'Juventus', [0, 2], 'Round of 16', 2, null],
    ]);
    expect(parsed.records[0].home.country).toBeNull();
    expect(parsed.records[0].neutral).toBe(false);
  });

  it('reads goal lines in match order with penalties, own goals and added time', () => {
    expect(parsed.records[0].goals.map((g) => [g.side, g.scorer, g.minute])).toEqual([
      ['home', 'Di María', 18],
      ['home', 'Draxler', 40],
      ['home', 'Di María', 55],
      ['home', 'Cavani', 72],
    ]);
    expect(parsed.records[1].goals).toEqual([
      { side: 'home', scorer: 'L. Suárez', minute: 3, stoppage: null, penalty: false, ownGoal: false },
      { side: 'home', scorer: 'Kurzawa', minute: 40, stoppage: null, penalty: false, ownGoal: true },
      { side: 'home', scorer: 'Messi', minute: 50, stoppage: null, penalty: true, ownGoal: false },
      { side: 'away', scorer: 'Cavani', minute: 62, stoppage: null, penalty: false, ownGoal: false },
      { side: 'home', scorer: 'Neymar', minute: 88, stoppage: null, penalty: false, ownGoal: false },
      { side: 'home', scorer: 'Neymar', minute: 90, stoppage: 1, penalty: true, ownGoal: false },
      { side: 'home', scorer: 'Roberto', minute: 90, stoppage: 5, penalty: false, ownGoal: false },
    ]);
    expect(parsed.records[2].goals.map((g) => [g.side, g.scorer])).toEqual([
      ['away', 'Pjaca'],
      ['away', 'Dani Alves'],
    ]);
  });

  it('reads unplayed fixtures written with a dash or a v and no score', () => {
    const records = parseOk(
      txt(
        '= UEFA Champions League 2019/20',
        'Round of 16',
        '[Fri Aug/7]',
        '  Manchester City FC     -   Real Madrid',
        '  17.30   Sutjeska Nikšić   v  Sheriff Tiraspol    @ Stadion kraj Bistrice, Nikšić',
      ),
      'x/cl_finals.txt',
    );
    expect(records.map((r) => [r.status, r.ftScore, r.home.name, r.away.name, r.venue])).toEqual([
      ['scheduled', null, 'Manchester City FC', 'Real Madrid', null],
      ['scheduled', null, 'Sutjeska Nikšić', 'Sheriff Tiraspol', 'Stadion kraj Bistrice, Nikšić'],
    ]);
  });
});

describe('parseFootballTxt — errors', () => {
  it('reports unreadable lines with file:line and keeps the rest', () => {
    const parsed = parseFootballTxt(
      txt(
        '= UEFA Europa League 2023/24',
        '» Round of 16',
        '  Thu Mar/7',
        '    21.00  Home FC (ENG)  v  Away FC (ITA)  1-0',
        '    this is not a match',
        '    21.00  Home FC (ENG)  v  Away FC (ITA)  1-0 [suspended]',
        '» Zwischenrunde',
        "    [Kane 3']",
      ),
      'el.txt',
    );
    expect(parsed.records).toHaveLength(1);
    expect(parsed.errors).toEqual([
      { file: 'el.txt', line: 5, field: 'match', message: 'cannot read match line "this is not a match"' },
      { file: 'el.txt', line: 6, field: 'match', message: 'unknown marker "[suspended]"' },
      { file: 'el.txt', line: 7, field: 'round', message: 'unknown round header "Zwischenrunde"' },
      { file: 'el.txt', line: 8, field: 'goals', message: 'goal line without a match before it' },
    ]);
  });

  it('reports a goal line that does not add up to the result', () => {
    const parsed = parseFootballTxt(
      txt(
        '= UEFA Champions League 2016/17',
        'Final',
        '[Sat Jun/3]',
        '  Juventus  1-4  Real Madrid',
        "    [Mandžukić 27'; Ronaldo 20', 64']",
      ),
      'cl_finals.txt',
    );
    expect(parsed.errors).toEqual([
      { file: 'cl_finals.txt', line: 5, field: 'goals', message: 'goal line lists 1-2 but the result is 1-4' },
    ]);
  });

  it('reports matches when neither header nor file name tells the competition or season', () => {
    const noCompetition = parseFootballTxt(txt('Final', '[May/20]', '  A FC  1-0  B FC'), 'data/1999-00/mystery.txt');
    expect(noCompetition.errors).toEqual([
      {
        file: 'data/1999-00/mystery.txt',
        line: 3,
        field: null,
        message: 'competition unknown (no season header and no known file name)',
      },
    ]);
    const noSeason = parseFootballTxt(txt('Final', '[May/20]', '  A FC  1-0  B FC'), 'data/cl.txt');
    expect(noSeason.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'date'],
      [3, null],
    ]);
  });

  it('rejects a malformed score instead of reading it into a team name', () => {
    const parsed = parseFootballTxt(
      txt('= French Ligue 1 2023/24', '▪ Matchday 1', '  Fri Aug 11 2023', '    21:00  OGC Nice  v  Lille OSC  1-'),
      'europe/france/2023-24_fr1.txt',
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.errors.map((e) => [e.line, e.message])).toEqual([[4, 'cannot read team "Lille OSC  1-"']]);
  });
});

describe('looksLikeFootballTxt', () => {
  it('accepts season headers, round headers and bracketed dates; rejects other text files', () => {
    expect(looksLikeFootballTxt('= UEFA Europa League 2023/24\n', 'el.txt')).toBe(true);
    expect(looksLikeFootballTxt('# x\n▪ Matchday 1\n', '2023-24_fr1.txt')).toBe(true);
    expect(looksLikeFootballTxt('Final\n\n[Jun/13]\n  A  1-0  B\n', 'cup.txt')).toBe(true);
    expect(looksLikeFootballTxt('= UEFA Europa League 2023/24\n', 'el.csv')).toBe(false);
    expect(looksLikeFootballTxt('Arsenal FC, 1886, London\n  | Arsenal\n', 'eng.clubs.txt')).toBe(false);
    expect(looksLikeFootballTxt('teams:\n- # Benfica (POR)\n', 'cup.txt')).toBe(false);
  });
});

describe('parseFootballTxt — domestic cups', () => {
  const facup = (...body: string[]) =>
    parseOk(txt('= English FA Cup 2023/24', '', ...body), 'england/2023-24/facup.txt');

  it('makes a second meeting of a pair in an FA Cup round a replay, not a second leg', () => {
    const records = facup(
      '» Round 3',
      '  Sat Jan/6 2024',
      '    15.00  Wolverhampton Wanderers v Brentford FC         1-1 (1-0)',
      '  Tue Jan/16',
      '    19.45  Brentford FC            v Wolverhampton Wanderers 2-3 a.e.t. (2-2, 1-1)',
    );
    expect(records.map((r) => [r.round, r.leg, r.neutral, r.ftScore, r.etScore])).toEqual([
      ['Round 3', null, false, [1, 1], null],
      ['Round 3 replay', null, false, [2, 2], [2, 3]],
    ]);
    expect(records[0].competition.code).toBe('eng.facup');
  });

  it('plays the FA Cup semi-finals and final at a neutral ground, the earlier rounds at home', () => {
    const records = facup(
      '» Quarterfinals',
      '  Sun Mar/17 2024',
      '    15.30  Manchester United       v Liverpool FC             4-3 a.e.t. (2-2, 1-1)',
      '» Semifinals',
      '  Sat Apr/20',
      '    17.15  Manchester City         v Chelsea FC               1-0 (0-0)',
      '» Final',
      '  Sat May/25',
      '    15.00  Manchester City         v Manchester United        1-2 (0-2)',
    );
    expect(records.map((r) => [r.round, r.neutral])).toEqual([
      ['Quarter-finals', false],
      ['Semi-finals', true],
      ['Final', true],
    ]);
    // 4-3 a.e.t. (2-2, 1-1): after extra time, then 90 minutes, then half-time.
    expect([records[0].etScore, records[0].ftScore, records[0].htScore]).toEqual([
      [4, 3],
      [2, 2],
      [1, 1],
    ]);
  });

  it('pairs the League Cup semi-finals as legs (two-legged by the registry), but not those of 2020-21', () => {
    const semis = (season: string, ...body: string[]) =>
      parseOk(
        txt(`= English EFL Cup ${season}`, '» Semifinals', ...body),
        `england/${season.replace('/', '-')}/eflcup.txt`,
      );
    const legs = semis(
      '2023/24',
      '  Wed Jan/10 2024',
      '    20.00  Liverpool FC            v Fulham FC                2-1 (0-1)',
      '  Wed Jan/24',
      '    20.00  Fulham FC               v Liverpool FC             1-1 (0-1)',
    );
    expect(legs.map((r) => [r.round, r.leg, r.neutral])).toEqual([
      ['Semi-finals', 1, false],
      ['Semi-finals', 2, false],
    ]);
    const single = semis(
      '2020/21',
      '  Tue Jan/5 2021',
      '    20.00  Tottenham Hotspur       v Brentford FC             2-0 (1-0)',
      '  Wed Jan/20',
      '    20.00  Brentford FC            v Tottenham Hotspur        1-1',
    );
    expect(single.map((r) => [r.round, r.leg])).toEqual([
      ['Semi-finals', null],
      ['Semi-finals replay', null],
    ]);
  });

  it('reads an early League Cup shoot-out without extra time: 10-9 pen. (1-1, 0-1)', () => {
    const [r] = parseOk(
      txt(
        '= English EFL Cup 2023/24',
        '» Round 1',
        '  Tue Aug/8 2023',
        '    19.45  Stevenage FC  v  Watford FC  10-9 pen. (1-1, 0-1)',
      ),
      'england/2023-24/eflcup.txt',
    );
    expect({ ft: r.ftScore, ht: r.htScore, et: r.etScore, pen: r.penScore }).toEqual({
      ft: [1, 1],
      ht: [0, 1],
      et: null,
      pen: [10, 9],
    });
  });

  it('keeps a [cancelled] cup tie as a cancelled match without a score', () => {
    const [r] = facup('» Round 1', '  Sat Nov/4 2023', '    15.00  Bury AFC  v  Walsall FC  [cancelled]');
    expect([r.status, r.ftScore, r.leg]).toEqual(['cancelled', null, null]);
  });

  it('reads the Spanish and Italian layout: unindented date lines, `Preliminary round`, two-legged semi-finals', () => {
    const records = parseOk(
      txt(
        '= Coppa Italia 2023/24',
        '',
        '▪ Preliminary round',
        'Sun Aug 6',
        '  18:00  Cesena FC                6-5 pen. 2-2 a.e.t. (2-2, 2-0)  Virtus Entella',
        '▪ Semifinals',
        'Wed Apr 3',
        '  21:00  ACF Fiorentina           1-0 (1-0)  Atalanta',
        'Wed Apr 24',
        '  21:00  Atalanta                 4-1 (1-0)  ACF Fiorentina',
        '▪ Final',
        'Wed May 15',
        '  21:00  Atalanta                 0-1 (0-1)  Juventus',
      ),
      'italy/2023-24/cup.txt',
    );
    expect(records.map((r) => [r.date, r.round, r.leg, r.neutral])).toEqual([
      ['2023-08-06', 'Preliminary round', null, false],
      ['2024-04-03', 'Semi-finals', 1, false],
      ['2024-04-24', 'Semi-finals', 2, false],
      ['2024-05-15', 'Final', null, true],
    ]);
    expect(records[0].competition.code).toBe('it.cup');
    expect([records[0].etScore, records[0].penScore]).toEqual([
      [2, 2],
      [6, 5],
    ]);
  });

  it('reads the older German cup layout: `1. Runde`, `[Fr 17.8.]`, `5:5 (3:3) n.V. 5:4 i.E.`, the final in Berlin', () => {
    const records = parseOk(
      txt(
        '= DFB Pokal 2014/15',
        '',
        '1. Runde',
        '[Fr 15.8.]',
        '  Chemnitzer FC            5:5 (3:3) n.V. 5:4 i.E.  1. FSV Mainz 05',
        '  Preußen Münster          4:2 (2:2) n.V.  Werder Bremen',
        '[Sa 16.8.]',
        '  SV Sandhausen            3:0  Energie Cottbus',
        '',
        'Finale',
        '[Sa 30.5.]',
        '  Borussia Dortmund        1:3  VfL Wolfsburg',
      ),
      'deutschland/removed-2024-09-17/2014-15/cup.txt',
    );
    expect(records.map((r) => [r.date, r.round, r.ftScore, r.etScore, r.penScore, r.neutral])).toEqual([
      ['2014-08-15', 'Round 1', [3, 3], [5, 5], [5, 4], false],
      ['2014-08-15', 'Round 1', [2, 2], [4, 2], null, false],
      ['2014-08-16', 'Round 1', [3, 0], null, null, false],
      ['2015-05-30', 'Final', [1, 3], null, null, true],
    ]);
    expect(records[0].competition.code).toBe('de.cup');
  });

  it('leaves out a fixture whose teams are not drawn yet (N.N.), with a warning; a result for one is an error', () => {
    const parsed = parseFootballTxt(
      txt(
        '= DFB Pokal 2025/26',
        '» Quarter-finals',
        '  Tue Feb/3 2026',
        '           N.N.                    v N.N.',
        '           VfB Stuttgart           v N.N.                     2-1',
      ),
      'deutschland/2025-26/cup.txt',
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.warnings).toEqual([
      {
        file: 'deutschland/2025-26/cup.txt',
        line: 4,
        field: 'match',
        message: 'fixture between teams not yet drawn (N.N. v N.N.) left out',
      },
    ]);
    expect(parsed.errors).toEqual([
      {
        file: 'deutschland/2025-26/cup.txt',
        line: 5,
        field: 'match',
        message: 'a result for a team not yet drawn (VfB Stuttgart v N.N.)',
      },
    ]);
  });
});

function walkTxt(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walkTxt(full) : name.endsWith('.txt') ? [full] : [];
    });
}

describe.skipIf(!hasSharedData)('parseFootballTxt on the shared openfootball data', () => {
  const read = (rel: string) => parseFootballTxt(readFileSync(sharedPath('openfootball', rel), 'utf8'), rel);

  it('2023-24/el.txt: Liverpool v Atalanta 0-3 (leg 1, Apr 11) and Atalanta v Liverpool 0-1 (leg 2, Apr 18)', () => {
    const parsed = read('champions-league/2023-24/el.txt');
    expect(parsed.errors).toEqual([]);
    const tie = parsed.records.filter(
      (r) => [r.home.name, r.away.name].includes('Atalanta') && [r.home.name, r.away.name].includes('Liverpool FC'),
    );
    expect(
      tie.map((r) => [r.date, r.home, r.away, r.ftScore, r.htScore, r.round, r.leg, r.competition.code, r.season]),
    ).toEqual([
      [
        '2024-04-11',
        { name: 'Liverpool FC', country: 'ENG' },
        { name: 'Atalanta', country: 'ITA' },
        [0, 3],
        [0, 1],
        'Quarter-finals',
        1,
        'uefa.el',
        '2023-24',
      ],
      [
        '2024-04-18',
        { name: 'Atalanta', country: 'ITA' },
        { name: 'Liverpool FC', country: 'ENG' },
        [0, 1],
        [0, 1],
        'Quarter-finals',
        2,
        'uefa.el',
        '2023-24',
      ],
    ]);
    const final = parsed.records.find((r) => r.round === 'Final');
    expect(final).toMatchObject({ date: '2024-05-22', neutral: true, leg: null, ftScore: [3, 0] });
  });

  it('removed-2024-09-18/2016-17/cl_finals.txt has the scorers of Paris Saint-Germain 4-0 Barcelona', () => {
    const parsed = read('champions-league/removed-2024-09-18/2016-17/cl_finals.txt');
    const match = parsed.records.find((r) => r.home.name === 'Paris Saint-Germain' && r.away.name === 'Barcelona');
    expect(match?.date).toBe('2017-02-14');
    expect(match?.goals.map((g) => `${g.scorer} ${g.minute}`)).toEqual([
      'Di María 18',
      'Draxler 40',
      'Di María 55',
      'Cavani 72',
    ]);
    expect(match?.venue).toBe('Parc des Princes, Paris');
  });

  const root = sharedPath('openfootball');
  const files = hasSharedData
    ? [...walkTxt(path.join(root, 'champions-league')), ...walkTxt(path.join(root, 'europe', 'france'))].map((f) =>
        path.relative(root, f),
      )
    : [];
  // The one exception: a 1961-62 stub that holds only a YAML-like team list, no matches (and does not look like Football.TXT).
  const TEAM_LIST_STUB = 'champions-league/removed-2024-09-18/archive/1960s/1961-62/cup.txt';

  it('reads every match file under champions-league/ and europe/france/ without a row error', () => {
    expect(files.length).toBe(92);
    const errors = files.filter((f) => f !== TEAM_LIST_STUB).flatMap((f) => read(f).errors);
    expect(errors).toEqual([]);
    const stub = read(TEAM_LIST_STUB);
    expect(stub.records).toEqual([]);
    expect(stub.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    expect(looksLikeFootballTxt(readFileSync(path.join(root, TEAM_LIST_STUB), 'utf8'), TEAM_LIST_STUB)).toBe(false);
  });

  it('reads every domestic cup file (England, Germany, Spain, Italy) as declared; undrawn fixtures left out with a warning', () => {
    const cups = ['england', 'deutschland', 'espana', 'italy'].flatMap((country) =>
      walkTxt(path.join(root, country)).map((f) => path.relative(root, f)),
    );
    expect(cups).toHaveLength(38);
    const parsed = cups.map((f) => [f, read(f)] as const);
    expect(parsed.flatMap(([, p]) => p.errors)).toEqual([]);
    for (const [f, p] of parsed) {
      const declared = /^# Matches\s+(\d+)/m.exec(readFileSync(path.join(root, f), 'utf8'))?.[1];
      // The six files under removed-2024-09-17 declare nothing; 2025-26 declares 59, three still N.N. v N.N.
      if (declared) expect(p.records.length + (p.warnings?.length ?? 0), f).toBe(Number(declared));
      else expect(p.records.length, f).toBe(63);
    }
    const warned = parsed.filter(([, p]) => (p.warnings?.length ?? 0) > 0).map(([f, p]) => [f, p.warnings!.length]);
    expect(warned).toEqual([['deutschland/2025-26/cup.txt', 3]]);
  });

  it('finds as many matches as each file declares in its "# Matches" line', () => {
    const declared = files.flatMap((f) => {
      const n = /^# Matches\s+(\d+)/m.exec(readFileSync(path.join(root, f), 'utf8'))?.[1];
      return n ? [[f, Number(n)] as const] : [];
    });
    expect(declared.length).toBeGreaterThan(50);
    expect(declared.map(([f]) => [f, read(f).records.length])).toEqual(declared.map(([f, n]) => [f, n]));
  });

  it('gives consistent records: dates inside the season, results for played matches, legs in order with venues swapped', () => {
    const records = files.flatMap((f) => read(f).records);
    expect(records.length).toBeGreaterThan(14000);
    for (const r of records) {
      const start = Number(r.season.slice(0, 4));
      // A season runs from June (qualifying) to the next August (the 2020 final eights).
      expect(r.date >= `${start}-06-01` && r.date <= `${start + 1}-08-31`, `${r.source.file}:${r.source.line}`).toBe(
        true,
      );
      if (r.status === 'played') expect(r.ftScore ?? r.etScore, `${r.source.file}:${r.source.line}`).not.toBeNull();
    }
    const ties = new Map<string, MatchRecord[]>();
    for (const r of records.filter((m) => m.leg !== null)) {
      const key = [r.source.file, r.round, ...[r.home.name, r.away.name].sort()].join('|');
      ties.set(key, [...(ties.get(key) ?? []), r]);
    }
    expect(ties.size).toBeGreaterThan(500);
    for (const [key, legs] of ties) {
      const [first, second] = [...legs].sort((a, b) => a.leg! - b.leg!);
      expect(legs.map((l) => l.leg).sort(), key).toEqual([1, 2]);
      expect(first.date < second.date, key).toBe(true);
      expect([first.home.name, first.away.name], key).toEqual([second.away.name, second.home.name]);
    }
  });
});
