import { z } from 'zod';
import { MatchdayError } from '../errors.js';
import { parseYamlFile, yamlLine } from '../yaml-file.js';
import type { Provenance, TeamRef } from './records.js';

export const NEUTRAL_VENUES_FORMAT = 'neutral-venues';

/** A match played at a neutral ground that no source marks as such, and where that fact comes from. */
export interface NeutralVenueRecord {
  source: Provenance;
  date: string;
  home: TeamRef;
  away: TeamRef;
  venue: string;
  evidence: string;
}

const entrySchema = z.array(
  z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd'),
    home: z.string().min(1),
    away: z.string().min(1),
    venue: z.string().min(1),
    source: z.string().min(1),
  }),
);

/**
 * Reads a neutral-venue file (a YAML list of {date, home, away, venue, source}); team names may carry a country
 * code (`Wolfsberger AC (AUT)`). Errors name the file, line and field.
 */
export function parseNeutralVenues(text: string, file: string): NeutralVenueRecord[] {
  // Dates stay strings: YAML 1.1 would read 2021-02-18 as a timestamp.
  const { document, lineCounter, data } = parseYamlFile(text, file, { version: '1.2' });
  const parsed = entrySchema.safeParse(data ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MatchdayError('INVALID_OVERRIDE', issue.message, {
      file,
      line: yamlLine(document, lineCounter, issue.path),
      field: issue.path.join('.'),
    });
  }
  return parsed.data.map((entry, index) => ({
    source: { format: NEUTRAL_VENUES_FORMAT, file, line: yamlLine(document, lineCounter, [index]) ?? 1 },
    date: entry.date,
    home: teamRef(entry.home),
    away: teamRef(entry.away),
    venue: entry.venue,
    evidence: entry.source,
  }));
}

function teamRef(text: string): TeamRef {
  const withCountry = /^(.*\S)\s+\(([A-Z]{3})\)$/.exec(text.trim());
  return withCountry ? { name: withCountry[1], country: withCountry[2] } : { name: text.trim(), country: null };
}
