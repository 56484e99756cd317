import { z } from 'zod';
import { MatchdayError } from '../errors.js';
import { parseYamlFile, yamlLine } from '../yaml-file.js';
import type { ClubRecord } from './records.js';

export const ALIAS_OVERRIDES_FORMAT = 'alias-overrides';

const overrideSchema = z.array(
  z.object({
    country: z.string().regex(/^[A-Z]{2,4}$/, 'must be a country code such as ENG'),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).min(1),
  }),
);

/** Reads an alias override file (a YAML list of {country, name, aliases}); errors name the file, line and field. */
export function parseAliasOverrides(text: string, file: string): ClubRecord[] {
  const { document, lineCounter, data } = parseYamlFile(text, file);
  const lineOf = (path: PropertyKey[]) => yamlLine(document, lineCounter, path);
  const parsed = overrideSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MatchdayError('INVALID_OVERRIDE', issue.message, {
      file,
      line: lineOf(issue.path),
      field: issue.path.join('.'),
    });
  }
  return parsed.data.map((entry, index) => ({
    source: { format: ALIAS_OVERRIDES_FORMAT, file, line: lineOf([index]) ?? 1 },
    name: entry.name,
    country: entry.country,
    aliases: entry.aliases,
    founded: null,
    stadium: null,
    city: null,
  }));
}
