import type { Competition } from '../competitions/competition.js';
import { CompetitionRegistry, slug } from '../competitions/registry.js';
import type { Db } from './database.js';

/**
 * The registry as this database extends it: the shipped competitions, then those a user named in a YAML of their
 * own or an import created from a file (their definitions are stored with them).
 */
export function registryOf(db: Db): CompetitionRegistry {
  const definitions = db
    .prepare("SELECT definition FROM competitions WHERE origin != 'registry' AND definition IS NOT NULL ORDER BY id")
    .pluck()
    .all() as string[];
  return CompetitionRegistry.builtIn().with(definitions.map((json) => JSON.parse(json) as Competition));
}

/**
 * Stores a user's competition definitions. A definition whose code, name or aliases match a competition an import
 * created from a file renames that competition (its matches stay with it); one whose code is known updates it; any
 * other is added, so later files and lookups find it. Returns how many definitions were written.
 */
export function defineCompetitions(db: Db, definitions: readonly Competition[]): number {
  const rows = db.prepare('SELECT id, code, name, origin, definition FROM competitions').all() as Array<{
    id: number;
    code: string;
    name: string;
    origin: string;
    definition: string | null;
  }>;
  const update = db.prepare(
    "UPDATE competitions SET code = ?, name = ?, kind = ?, country = ?, tier = ?, origin = 'user', definition = ? WHERE id = ?",
  );
  const insert = db.prepare(
    "INSERT INTO competitions (code, name, kind, country, tier, origin, definition) VALUES (?, ?, ?, ?, ?, 'user', ?)",
  );
  for (const definition of definitions) {
    const keys = new Set([definition.code, definition.name, ...definition.aliases].map(slug));
    const sameCode = rows.find((r) => r.code === definition.code);
    const created = rows.find((r) => r.origin === 'file' && createdKeys(r).some((key) => keys.has(key)));
    const target = sameCode ?? created;
    const values = [
      definition.code,
      definition.name,
      definition.kind,
      definition.country,
      definition.tier,
      JSON.stringify(definition),
    ] as const;
    if (target) update.run(...values, target.id);
    else insert.run(...values);
  }
  return definitions.length;
}

/** The names a file-created competition is known by: its code, its name and the labels the file gave it. */
function createdKeys(row: { code: string; name: string; definition: string | null }): string[] {
  const aliases = row.definition ? ((JSON.parse(row.definition) as Competition).aliases ?? []) : [];
  return [row.code, row.name, ...aliases].map(slug);
}

/** The codes of the competitions the database holds matches of. */
export function competitionsWithMatches(db: Db): string[] {
  return db
    .prepare(
      'SELECT code FROM competitions c WHERE EXISTS (SELECT 1 FROM matches m WHERE m.competition_id = c.id) ORDER BY code',
    )
    .pluck()
    .all() as string[];
}
