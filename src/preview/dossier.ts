import { z } from 'zod';
import { MatchdayError } from '../errors.js';
import { parseYamlFile, yamlLine } from '../yaml-file.js';
import { CompetitionRegistry } from '../competitions/registry.js';

/**
 * The match dossier: what match history cannot know about one fixture — team news, possible line-ups, the venue on the
 * day, ticketing and quotes. A writer fills it in by hand (YAML); docs/dossier.md describes every field.
 */

export const PLAYER_STATUSES = ['out', 'doubtful', 'suspended', 'returning'] as const;
export type PlayerStatus = (typeof PLAYER_STATUSES)[number];

/** One player's availability. `line` is where the entry starts in the dossier file. */
export interface TeamNewsEntry {
  player: string;
  status: PlayerStatus;
  /** The injury or cause, e.g. "hamstring", "yellow-card suspension". */
  reason?: string;
  /** Free text or an ISO date, e.g. "early May", "2024-05-01". */
  expectedReturn?: string;
  /** Anything else worth a sentence, in the dossier writer's own words. */
  note?: string;
  line: number;
}

/** A possible starting XI: the formation's outfield lines (e.g. `3-4-1-2`) and eleven names, goalkeeper first. */
export interface Lineup {
  formation: string;
  players: string[];
  /** First line of the line-up block in the file. */
  line: number;
}

export interface DossierVenue {
  /** The name the preview uses. */
  name: string;
  officialName?: string;
  /** The name used in this competition, e.g. UEFA's "Stadio di Bergamo". */
  competitionName?: string;
  city?: string;
  /** Seats available for this match (e.g. while a stand is rebuilt). */
  capacity?: number;
  /** Capacity when the whole ground is in use. */
  normalCapacity?: number;
  /** Why the capacity differs today, e.g. "Curva Morosini being rebuilt". */
  capacityNote?: string;
  /** First line of the venue block in the file. */
  line: number;
}

export interface DossierTicketing {
  /** Tickets for away fans as announced (usually by the away club). */
  awayAllocation?: number;
  announcedBy?: string;
  /** Where away fans collect their tickets. */
  collection?: string;
  /** Seats the away club keeps for family, staff and sponsors, on top of the allocation, if known. */
  awayClubShare?: number;
  /** First line of the ticketing block in the file. */
  line: number;
}

export interface DossierQuote {
  speaker: string;
  role?: string;
  outlet: string;
  date: string;
  /** Paragraphs separated by one blank line ("\n\n"); no other line breaks. */
  text: string;
  line: number;
}

/** The first leg of a two-legged tie as it was played (its home side is this fixture's away side). */
export interface FirstLeg {
  date: string;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
}

export interface DossierFixture {
  home: string;
  away: string;
  date: string;
  /** matchday's competition code, e.g. `uefa.el`, resolved from what the file says. */
  competition: string;
  competitionName: string;
  round?: string;
  leg?: 1 | 2;
  neutral: boolean;
  firstLeg?: FirstLeg;
}

/** A side's manager or head coach, as the preview names him ("Gian Piero Gasperini's side"). */
export interface DossierManager {
  name: string;
  line: number;
}

export interface Dossier {
  file: string;
  fixture: DossierFixture;
  managers: { home?: DossierManager; away?: DossierManager };
  teamNews: { home: TeamNewsEntry[]; away: TeamNewsEntry[] };
  lineups: { home?: Lineup; away?: Lineup };
  venue?: DossierVenue;
  ticketing?: DossierTicketing;
  quotes: DossierQuote[];
}

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const seats = z
  .number({ error: 'must be a whole number of seats (write 16000, not 16,000)' })
  .int({ error: 'must be a whole number of seats' })
  .positive({ error: 'must be more than 0' });
const goals = z.number({ error: 'must be a number of goals' }).int({ error: 'must be a whole number' }).min(0);

const teamNewsEntrySchema = z.strictObject({
  player: text,
  status: z.enum(PLAYER_STATUSES, { error: `must be one of ${PLAYER_STATUSES.join(', ')}` }),
  reason: text.optional(),
  expectedReturn: text.optional(),
  note: text.optional(),
});

const lineupSchema = z.strictObject({
  formation: z
    .string({ error: 'must be text such as 4-3-3' })
    .regex(/^[1-6](-[1-6]){1,4}$/, { error: 'must be outfield lines joined by dashes, such as 4-3-3 or 3-4-1-2' })
    .refine((f) => f.split('-').reduce((sum, n) => sum + Number(n), 0) === 10, {
      error: 'outfield lines must add up to 10 players',
    }),
  players: z.array(text, { error: 'must be a list of eleven names' }).length(11, {
    error: 'must list exactly eleven players, goalkeeper first',
  }),
});

const dossierSchema = z
  .strictObject({
    fixture: z.strictObject({
      home: text,
      away: text,
      date: isoDate,
      competition: text.transform((name, ctx) => {
        const found = CompetitionRegistry.builtIn().find(name);
        if (found) return found;
        ctx.addIssue({
          code: 'custom',
          message: 'is not a competition matchday knows; use a code or name such as uefa.el or europa-league',
        });
        return z.NEVER;
      }),
      round: text.optional(),
      leg: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2' }).optional(),
      neutral: z.boolean({ error: 'must be true or false' }).optional(),
      firstLeg: z
        .strictObject({
          date: isoDate,
          goals: z.record(z.string(), goals, { error: 'must map each team name to its goals' }),
        })
        .optional(),
    }),
    managers: z.strictObject({ home: text.optional(), away: text.optional() }).optional(),
    teamNews: z
      .strictObject({
        home: z.array(teamNewsEntrySchema).optional(),
        away: z.array(teamNewsEntrySchema).optional(),
      })
      .optional(),
    lineups: z
      .strictObject({
        home: lineupSchema.optional(),
        away: lineupSchema.optional(),
      })
      .optional(),
    venue: z
      .strictObject({
        name: text,
        officialName: text.optional(),
        competitionName: text.optional(),
        city: text.optional(),
        capacity: seats.optional(),
        normalCapacity: seats.optional(),
        capacityNote: text.optional(),
      })
      .optional(),
    ticketing: z
      .strictObject({
        awayAllocation: seats.optional(),
        announcedBy: text.optional(),
        collection: text.optional(),
        awayClubShare: seats.optional(),
      })
      .optional(),
    quotes: z
      .array(
        z.strictObject({
          speaker: text,
          role: text.optional(),
          outlet: text,
          date: isoDate,
          text,
        }),
      )
      .optional(),
  })
  .superRefine((d, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const { fixture } = d;
    if (fixture.home === fixture.away) issue(['fixture', 'away'], 'must differ from the home team');
    if (fixture.firstLeg) {
      if (fixture.leg !== 2) issue(['fixture', 'leg'], 'must be 2 when a first leg is given');
      const teams = Object.keys(fixture.firstLeg.goals);
      const expected = [fixture.home, fixture.away];
      if (teams.length !== 2 || !expected.every((team) => teams.includes(team))) {
        issue(['fixture', 'firstLeg', 'goals'], `must give goals for exactly "${fixture.home}" and "${fixture.away}"`);
      }
      if (fixture.firstLeg.date >= fixture.date) issue(['fixture', 'firstLeg', 'date'], 'must be before the fixture');
    }
    for (const side of ['home', 'away'] as const) {
      const lineup = d.lineups?.[side];
      if (!lineup) continue;
      const seen = new Set<string>();
      lineup.players.forEach((player, index) => {
        const key = nameKey(player);
        if (seen.has(key)) issue(['lineups', side, 'players', index], `${player} is listed twice`);
        seen.add(key);
      });
      // A player the dossier itself rules out cannot also start: one of the two entries is a mistake.
      for (const news of d.teamNews?.[side] ?? []) {
        if (news.status !== 'out' && news.status !== 'suspended') continue;
        const index = lineup.players.findIndex((name) => sameName(news.player, name));
        if (index >= 0) issue(['lineups', side, 'players', index], `${news.player} is ${news.status} in the team news`);
      }
    }
    const capacity = d.venue?.capacity;
    const awaySeats = (d.ticketing?.awayAllocation ?? 0) + (d.ticketing?.awayClubShare ?? 0);
    if (capacity !== undefined && awaySeats > capacity) {
      issue(['ticketing', 'awayAllocation'], `away seats (${awaySeats}) exceed the venue capacity (${capacity})`);
    }
  });

/**
 * Reads a dossier (YAML text). Every problem — YAML syntax, a missing or misspelt field, an impossible value — throws a
 * MatchdayError naming the file, the line and the field.
 */
export function parseDossier(yamlText: string, file: string): Dossier {
  const { document, lineCounter, data } = parseYamlFile(yamlText, file);
  const lineOf = (path: PropertyKey[]) => yamlLine(document, lineCounter, path) ?? 1;
  const parsed = dossierSchema.safeParse(data);
  if (!parsed.success) {
    // A misspelt key also makes its correct spelling "required": name the misspelling first.
    const issues = [...parsed.error.issues].sort(
      (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
    );
    const [first, ...rest] = issues;
    const path = first.code === 'unrecognized_keys' ? [...first.path, first.keys[0]] : first.path;
    const message =
      first.code === 'unrecognized_keys'
        ? `unknown field "${first.keys[0]}"`
        : first.code === 'invalid_type' && valueAt(data, path) === undefined
          ? 'is required'
          : first.message;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    throw new MatchdayError('INVALID_DOSSIER', message + more, {
      file,
      line: lineOf(path),
      field: path.map(String).join('.') || undefined,
    });
  }
  const d = parsed.data;
  const firstLeg = d.fixture.firstLeg;
  return {
    file,
    fixture: {
      home: d.fixture.home,
      away: d.fixture.away,
      date: d.fixture.date,
      competition: d.fixture.competition.code,
      competitionName: d.fixture.competition.name,
      ...(d.fixture.round !== undefined && { round: d.fixture.round }),
      ...(d.fixture.leg !== undefined && { leg: d.fixture.leg }),
      neutral: d.fixture.neutral ?? false,
      ...(firstLeg && {
        firstLeg: {
          date: firstLeg.date,
          home: d.fixture.away,
          away: d.fixture.home,
          homeGoals: firstLeg.goals[d.fixture.away],
          awayGoals: firstLeg.goals[d.fixture.home],
        },
      }),
    },
    managers: {
      ...(d.managers?.home && { home: { name: d.managers.home, line: lineOf(['managers', 'home']) } }),
      ...(d.managers?.away && { away: { name: d.managers.away, line: lineOf(['managers', 'away']) } }),
    },
    teamNews: {
      home: (d.teamNews?.home ?? []).map((entry, i) => ({ ...entry, line: lineOf(['teamNews', 'home', i]) })),
      away: (d.teamNews?.away ?? []).map((entry, i) => ({ ...entry, line: lineOf(['teamNews', 'away', i]) })),
    },
    lineups: {
      ...(d.lineups?.home && { home: { ...d.lineups.home, line: lineOf(['lineups', 'home']) } }),
      ...(d.lineups?.away && { away: { ...d.lineups.away, line: lineOf(['lineups', 'away']) } }),
    },
    ...(d.venue && { venue: { ...d.venue, line: lineOf(['venue']) } }),
    ...(d.ticketing && { ticketing: { ...d.ticketing, line: lineOf(['ticketing']) } }),
    quotes: (d.quotes ?? []).map((quote, i) => ({
      ...quote,
      text: paragraphsOf(quote.text).join('\n\n'),
      line: lineOf(['quotes', i]),
    })),
  };
}

/** The XI in rows as the formation lays it out: goalkeeper, then each outfield line (`3-4-1-2` → 1, 3, 4, 1, 2 names). */
export function lineupRows(lineup: Pick<Lineup, 'formation' | 'players'>): string[][] {
  const sizes = [1, ...lineup.formation.split('-').map(Number)];
  const total = sizes.reduce((sum, n) => sum + n, 0);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || total !== lineup.players.length) {
    throw new MatchdayError(
      'INVALID_ARGUMENT',
      `formation ${lineup.formation} does not fit ${lineup.players.length} players`,
      { field: 'formation' },
    );
  }
  const rows: string[][] = [];
  let start = 0;
  for (const size of sizes) {
    rows.push(lineup.players.slice(start, start + size));
    start += size;
  }
  return rows;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A blank line separates paragraphs; a single line break is only the file's wrapping and reads as a space. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
}

function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Conor Bradley" and "Bradley" name the same player: line-ups usually give surnames only. */
function sameName(fullName: string, lineupName: string): boolean {
  const full = nameKey(fullName);
  const short = nameKey(lineupName);
  return full === short || full.endsWith(` ${short}`) || short.endsWith(` ${full}`);
}
