import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchdayError } from '../../src/errors.js';
import { lineupRows, parseDossier } from '../../src/preview/dossier.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/atalanta-liverpool-2024-04-18.dossier.yaml');

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

const MINIMAL = `fixture:
  home: Atalanta
  away: Liverpool
  date: 2024-04-18
  competition: europa-league
`;

function parseError(text: string): MatchdayError {
  try {
    parseDossier(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof MatchdayError) return error;
    throw error;
  }
  throw new Error('the dossier was accepted');
}

describe('parseDossier: the shipped example', () => {
  const text = readFileSync(EXAMPLE, 'utf8');
  const dossier = parseDossier(text, EXAMPLE);

  it('reads the fixture, resolving the competition and the first leg as it was played', () => {
    expect(dossier.fixture).toEqual({
      home: 'Atalanta',
      away: 'Liverpool',
      date: '2024-04-18',
      competition: 'uefa.el',
      competitionName: 'UEFA Europa League',
      round: 'quarter-final',
      leg: 2,
      neutral: false,
      firstLeg: { date: '2024-04-11', home: 'Liverpool', away: 'Atalanta', homeGoals: 0, awayGoals: 3 },
    });
  });

  it("reads each side's manager and the line that names him", () => {
    expect(dossier.managers).toEqual({
      home: { name: 'Gian Piero Gasperini', line: lineOf(text, 'home: Gian Piero Gasperini') },
      away: { name: 'Jurgen Klopp', line: lineOf(text, 'away: Jurgen Klopp') },
    });
  });

  it('reads team news with statuses, reasons and the line each entry starts on', () => {
    expect(dossier.teamNews.home.map((n) => [n.player, n.status])).toEqual([
      ['Giorgio Scalvini', 'out'],
      ['Sead Kolasinac', 'returning'],
      ['Marten de Roon', 'returning'],
      ['Davide Zappacosta', 'returning'],
    ]);
    expect(dossier.teamNews.home[0].reason).toBe('hamstring');
    expect(dossier.teamNews.home[0].line).toBe(lineOf(text, 'player: Giorgio Scalvini'));
    const bradley = dossier.teamNews.away.find((n) => n.player === 'Conor Bradley');
    expect(bradley).toMatchObject({ status: 'out', reason: 'foot', expectedReturn: 'about two weeks' });
    expect(dossier.teamNews.away.filter((n) => n.status === 'out').map((n) => n.player)).toEqual([
      'Conor Bradley',
      'Ben Doak',
      'Joel Matip',
      'Thiago Alcantara',
      'Stefan Bajcetic',
    ]);
  });

  it('reads both possible XIs and lays them out by formation', () => {
    expect(dossier.lineups.home?.formation).toBe('3-4-1-2');
    expect(lineupRows(dossier.lineups.home!)).toEqual([
      ['Musso'],
      ['De Roon', 'Djimsiti', 'Hien'],
      ['Zappacosta', 'Pasalic', 'Ederson', 'Ruggeri'],
      ['Koopmeiners'],
      ['Scamacca', 'De Ketelaere'],
    ]);
    expect(lineupRows(dossier.lineups.away!)).toEqual([
      ['Alisson'],
      ['Alexander-Arnold', 'Konate', 'Van Dijk', 'Robertson'],
      ['Szoboszlai', 'Mac Allister', 'Elliott'],
      ['Salah', 'Jota', 'Diaz'],
    ]);
  });

  it('reads the venue on the day and the ticketing', () => {
    expect(dossier.venue).toMatchObject({
      name: 'Gewiss Stadium',
      officialName: "Stadio Atleti Azzurri d'Italia",
      competitionName: 'Stadio di Bergamo',
      capacity: 16000,
      normalCapacity: 21000,
      line: lineOf(text, 'name: Gewiss Stadium'),
    });
    expect(dossier.ticketing?.awayAllocation).toBe(750);
    expect(dossier.ticketing?.awayClubShare).toBeUndefined();
    expect(dossier.ticketing?.collection).toContain('Bergamo');
  });

  it('keeps the quote with speaker, outlet and date, paragraphs split by blank lines only', () => {
    expect(dossier.quotes).toHaveLength(1);
    const [quote] = dossier.quotes;
    expect(quote).toMatchObject({ speaker: 'Gian Piero Gasperini', outlet: 'Sky Italia', date: '2024-04-15' });
    const paragraphs = quote.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs.every((p) => !p.includes('\n'))).toBe(true);
    expect(paragraphs[0]).toMatch(/^We saw tonight .* Champions League Final!$/);
  });
});

describe('parseDossier: minimal and malformed dossiers', () => {
  it('accepts a fixture alone, with empty team news and no venue', () => {
    const dossier = parseDossier(MINIMAL, 'min.yaml');
    expect(dossier.fixture.competition).toBe('uefa.el');
    expect(dossier.teamNews).toEqual({ home: [], away: [] });
    expect(dossier.managers).toEqual({});
    expect(dossier.lineups).toEqual({});
    expect(dossier.venue).toBeUndefined();
    expect(dossier.quotes).toEqual([]);
  });

  const cases: { name: string; text: string; code?: string; field?: string; lineOfText: string; message: RegExp }[] = [
    {
      name: 'broken YAML',
      text: `${MINIMAL}  home: Atalanta BC\n`,
      code: 'INVALID_YAML',
      lineOfText: 'home: Atalanta BC',
      message: /unique/,
    },
    {
      name: 'a missing required field',
      text: MINIMAL.replace('  date: 2024-04-18\n', ''),
      field: 'fixture.date',
      lineOfText: 'home: Atalanta',
      message: /field fixture\.date: is required/,
    },
    {
      name: 'an impossible date',
      text: MINIMAL.replace('2024-04-18', '2024-02-30'),
      field: 'fixture.date',
      lineOfText: 'date: 2024-02-30',
      message: /YYYY-MM-DD/,
    },
    {
      name: 'an unknown competition',
      text: MINIMAL.replace('europa-league', 'super-duper-cup'),
      field: 'fixture.competition',
      lineOfText: 'competition:',
      message: /not a competition matchday knows/,
    },
    {
      name: 'an unknown status',
      text: `${MINIMAL}teamNews:\n  home:\n    - player: Giorgio Scalvini\n      status: injured\n`,
      field: 'teamNews.home.0.status',
      lineOfText: 'status: injured',
      message: /must be one of out, doubtful, suspended, returning/,
    },
    {
      name: 'a misspelt field',
      text: `${MINIMAL}lineups:\n  home:\n    formaton: 4-3-3\n    players: [A, B, C, D, E, F, G, H, I, J, K]\n`,
      field: 'lineups.home.formaton',
      lineOfText: 'formaton:',
      message: /unknown field "formaton" \(and 1 more problem\)/,
    },
    {
      name: 'ten players in an XI',
      text: `${MINIMAL}lineups:\n  home:\n    formation: 4-3-3\n    players: [A, B, C, D, E, F, G, H, I, J]\n`,
      field: 'lineups.home.players',
      lineOfText: 'players:',
      message: /exactly eleven/,
    },
    {
      name: 'a formation of nine outfield players',
      text: `${MINIMAL}lineups:\n  away:\n    formation: 4-4-1\n    players: [A, B, C, D, E, F, G, H, I, J, K]\n`,
      field: 'lineups.away.formation',
      lineOfText: 'formation: 4-4-1',
      message: /add up to 10/,
    },
    {
      name: 'a capacity written with a thousands separator',
      text: `${MINIMAL}venue:\n  name: Gewiss Stadium\n  capacity: 16,000\n`,
      field: 'venue.capacity',
      lineOfText: 'capacity: 16,000',
      message: /not 16,000/,
    },
    {
      name: 'a player ruled out who is also in the XI',
      text:
        `${MINIMAL}teamNews:\n  away:\n    - player: Conor Bradley\n      status: out\n` +
        `lineups:\n  away:\n    formation: 4-3-3\n    players:\n      - Alisson\n      - Bradley\n` +
        `      - Konate\n      - Van Dijk\n      - Robertson\n      - Szoboszlai\n      - Mac Allister\n` +
        `      - Elliott\n      - Salah\n      - Jota\n      - Diaz\n`,
      field: 'lineups.away.players.1',
      lineOfText: '- Bradley',
      message: /Conor Bradley is out in the team news/,
    },
    {
      name: 'first-leg goals for the wrong teams',
      text: MINIMAL.replace(
        'competition:',
        'leg: 2\n  firstLeg:\n    date: 2024-04-11\n    goals: { Liverpool: 0, Atalanta BC: 3 }\n  competition:',
      ),
      field: 'fixture.firstLeg.goals',
      lineOfText: 'goals:',
      message: /exactly "Atalanta" and "Liverpool"/,
    },
    {
      name: 'a manager for a third side',
      text: `${MINIMAL}managers:\n  home: Gian Piero Gasperini\n  neutral: Someone\n`,
      field: 'managers.neutral',
      lineOfText: 'neutral: Someone',
      message: /unknown field "neutral"/,
    },
    {
      name: 'more away seats than the ground holds',
      text: `${MINIMAL}venue:\n  name: Gewiss Stadium\n  capacity: 700\nticketing:\n  awayAllocation: 750\n`,
      field: 'ticketing.awayAllocation',
      lineOfText: 'awayAllocation: 750',
      message: /exceed the venue capacity/,
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name} with the file, line and field`, () => {
      const error = parseError(c.text);
      expect(error.code).toBe(c.code ?? 'INVALID_DOSSIER');
      expect(error.location.file).toBe('bad.yaml');
      expect(error.location.line).toBe(lineOf(c.text, c.lineOfText));
      if (c.field) expect(error.location.field).toBe(c.field);
      expect(error.message).toMatch(c.message);
      expect(error.message).toContain(`bad.yaml:${lineOf(c.text, c.lineOfText)}`);
    });
  }

  it('says how many more problems there are', () => {
    const error = parseError(MINIMAL.replace('2024-04-18', 'soon').replace('europa-league', 'nowhere'));
    expect(error.message).toContain('(and 1 more problem)');
  });
});

describe('docs/dossier.md', () => {
  it('shows a layout example that parses', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/dossier.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const dossier = parseDossier(example!, 'docs/dossier.md');
    expect(dossier.ticketing?.awayClubShare).toBe(50);
    expect(dossier.quotes[0].text.split('\n\n')).toHaveLength(2);
  });
});

describe('lineupRows', () => {
  it('refuses a formation that does not fit the players', () => {
    expect(() => lineupRows({ formation: '4-4-2', players: ['A', 'B'] })).toThrow(MatchdayError);
  });
});
