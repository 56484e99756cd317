/**
 * Reads a competition registry file (`config/competitions.yaml`, or a user's YAML in the same format) into
 * Competitions. Errors name the file, the line and the field.
 */
import { z } from 'zod';
import { MatchdayError } from '../errors.js';
import { parseYamlFile, yamlLine } from '../yaml-file.js';
import {
  COMPETITION_KINDS,
  type Competition,
  type CompetitionOrigin,
  type Era,
  type LeagueSplit,
  type Points,
  type TieRules,
  type Tiebreaker,
} from './competition.js';
import { normaliseSeason, type SeasonCalendar } from './seasons.js';

export interface Country {
  /** Three letters, as openfootball match files write it: `NED`. */
  code: string;
  /** openfootball club files' prefix and ISO-style code: `nl`. */
  iso: string;
  names: readonly string[];
}

export interface SourceTemplates {
  footballData: { season: string; extra: string; fixtures: string; extraFixtures: string } | null;
  openfootball: { file: string } | null;
}

export interface RegistryFile {
  competitions: Competition[];
  countries: Country[];
  sources: SourceTemplates;
}

// A calendar-year season reads as a number in YAML (`from: 2021`).
const season = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const text = String(value);
  const label = normaliseSeason(text);
  if (label === null) {
    ctx.addIssue({ code: 'custom', message: `'${text}' is not a season (2023-24 or 2024)` });
    return z.NEVER;
  }
  return label;
});
const eraBounds = { from: season.optional(), until: season.optional() };
const calendarName = z.enum(['autumn-spring', 'calendar-year']);
const count = z.number().int().min(0);

const pointsEra = z.object({ ...eraBounds, win: z.number().positive(), draw: z.number().min(0) }).strict();
const splitEra = z
  .object({
    ...eraBounds,
    after: count,
    groups: z.array(z.number().int().positive()).min(2),
    robins: z.number().int().positive(),
    'halve-points': z.boolean().optional(),
  })
  .strict();
const tiesEra = z
  .object({
    ...eraBounds,
    'away-goals': z.boolean(),
    'away-goals-in-extra-time': z.boolean().optional(),
    'extra-time': z.boolean(),
    decider: z.enum(['penalties', 'replay']),
  })
  .strict();
const roundsEra = z.object({ ...eraBounds, rounds: z.array(z.string().min(1)).min(1) }).strict();
const calendarEra = z.object({ ...eraBounds, is: calendarName }).strict();

const competitionEntry = z
  .object({
    code: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case letters and digits joined by . or -'),
    name: z.string().min(1),
    country: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter country code such as NED')
      .optional(),
    kind: z.enum(COMPETITION_KINDS as [string, ...string[]]),
    tier: z.number().int().positive().optional(),
    aliases: z.array(z.union([z.string().min(1), z.number()])).optional(),
    calendar: z.union([calendarName, z.array(calendarEra).min(1)]).optional(),
    'season-start-month': z.number().int().min(1).max(12).optional(),
    points: z.array(pointsEra).min(1).optional(),
    tiebreakers: z.array(z.enum(['goal-difference', 'goals-scored', 'head-to-head', 'away-goals', 'wins'])).optional(),
    robins: z
      .union([
        z.number().int().positive().nullable(),
        z.array(z.object({ ...eraBounds, is: z.number().int().positive().nullable() }).strict()),
      ])
      .optional(),
    curtailed: z.array(season).optional(),
    split: z.array(splitEra).optional(),
    promotion: count.optional(),
    relegation: count.optional(),
    playoffs: z.boolean().optional(),
    ties: z.array(tiesEra).optional(),
    neutral: z.array(roundsEra).optional(),
    'two-legged': z.array(roundsEra).optional(),
    sources: z
      .object({
        // A division code, or the code with the seasons football-data.co.uk publishes.
        'football-data': z
          .union([z.string().min(1), z.object({ division: z.string().min(1), ...eraBounds }).strict()])
          .optional(),
        'football-data-extra': z
          .object({ file: z.string().min(1), league: z.string().min(1) })
          .strict()
          .optional(),
        openfootball: z
          .object({
            repo: z.string().min(1),
            branch: z.string().min(1).optional(),
            path: z.string().min(1),
            ...eraBounds,
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const registrySchema = z
  .object({
    sources: z
      .object({
        'football-data': z
          .object({ season: z.string(), extra: z.string(), fixtures: z.string(), 'extra-fixtures': z.string() })
          .strict()
          .optional(),
        openfootball: z.object({ file: z.string() }).strict().optional(),
      })
      .strict()
      .optional(),
    countries: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z]{3}$/),
            iso: z.string().regex(/^[a-z]{2,3}$/),
            names: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .optional(),
    'league-defaults': competitionEntry.partial().omit({ code: true, name: true, kind: true }).optional(),
    competitions: z.array(competitionEntry).optional(),
  })
  .strict();

type Entry = z.infer<typeof competitionEntry>;

/** Reads a registry YAML. `origin` says whether it is the shipped registry or a user's file. */
export function parseRegistryFile(text: string, file: string, origin: CompetitionOrigin): RegistryFile {
  const { document, lineCounter, data } = parseYamlFile(text, file);
  const parsed = registrySchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MatchdayError('INVALID_COMPETITION', issue.message, {
      file,
      line: yamlLine(document, lineCounter, issue.path),
      field: issue.path.join('.'),
    });
  }
  const defaults = parsed.data['league-defaults'] ?? {};
  const competitions = (parsed.data.competitions ?? []).map((entry) =>
    toCompetition(entry.kind === 'league' ? { ...defaults, ...entry } : entry, origin),
  );
  const seen = new Set<string>();
  competitions.forEach((c, index) => {
    if (seen.has(c.code)) {
      throw new MatchdayError('INVALID_COMPETITION', `competition ${c.code} is defined twice`, {
        file,
        line: yamlLine(document, lineCounter, ['competitions', index]),
        field: `competitions.${index}.code`,
      });
    }
    seen.add(c.code);
  });
  const fd = parsed.data.sources?.['football-data'];
  return {
    competitions,
    countries: (parsed.data.countries ?? []).map((c) => ({ code: c.code, iso: c.iso, names: c.names })),
    sources: {
      footballData: fd
        ? { season: fd.season, extra: fd.extra, fixtures: fd.fixtures, extraFixtures: fd['extra-fixtures'] }
        : null,
      openfootball: parsed.data.sources?.openfootball ?? null,
    },
  };
}

function era<T>(entry: { from?: string; until?: string }, value: T): Era<T> {
  return { from: entry.from ?? null, until: entry.until ?? null, value };
}

function toCompetition(entry: Entry, origin: CompetitionOrigin): Competition {
  const calendar: Era<SeasonCalendar>[] =
    entry.calendar === undefined
      ? [era({}, 'autumn-spring')]
      : typeof entry.calendar === 'string'
        ? [era({}, entry.calendar)]
        : entry.calendar.map((e) => era(e, e.is));
  const isLeague = entry.kind === 'league';
  return {
    code: entry.code,
    name: entry.name,
    kind: entry.kind as Competition['kind'],
    country: entry.country ?? null,
    tier: entry.tier ?? null,
    aliases: (entry.aliases ?? []).map(String),
    calendar,
    seasonStartMonth: entry['season-start-month'] ?? 7,
    points: (entry.points ?? []).map((p) => era<Points>(p, { win: p.win, draw: p.draw })),
    tiebreakers: (entry.tiebreakers ?? []) as Tiebreaker[],
    robins: !isLeague
      ? []
      : Array.isArray(entry.robins)
        ? entry.robins.map((r) => era(r, r.is))
        : [era({}, entry.robins === undefined ? 2 : entry.robins)],
    curtailed: entry.curtailed ?? [],
    split: (entry.split ?? []).map((s) =>
      era<LeagueSplit>(s, {
        after: s.after,
        groups: s.groups,
        robins: s.robins,
        halvePoints: s['halve-points'] ?? false,
      }),
    ),
    promotion: entry.promotion ?? null,
    relegation: entry.relegation ?? null,
    playoffs: entry.playoffs ?? false,
    ties: (entry.ties ?? []).map((t) =>
      era<TieRules>(t, {
        awayGoals: t['away-goals'],
        awayGoalsInExtraTime: t['away-goals-in-extra-time'] ?? false,
        extraTime: t['extra-time'],
        decider: t.decider,
      }),
    ),
    neutralRounds: (entry.neutral ?? []).map((n) => era<readonly string[]>(n, n.rounds)),
    twoLeggedRounds: (entry['two-legged'] ?? []).map((n) => era<readonly string[]>(n, n.rounds)),
    sources: toSources(entry.sources),
    origin,
    formatKnown: true,
  };
}

function toSources(sources: Entry['sources']): Competition['sources'] {
  const fd = sources?.['football-data'];
  const of = sources?.openfootball;
  const range = (r: { from?: string; until?: string }) => ({ from: r.from ?? null, until: r.until ?? null });
  return {
    footballData: typeof fd === 'string' ? fd : (fd?.division ?? null),
    footballDataSeasons: typeof fd === 'object' ? range(fd) : { from: null, until: null },
    footballDataExtra: sources?.['football-data-extra'] ?? null,
    openfootball: of ? { repo: of.repo, branch: of.branch ?? 'master', path: of.path, seasons: range(of) } : null,
  };
}
