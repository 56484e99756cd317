import type { Db } from './database.js';

/** A ground as the venue registry holds it (imported from the openfootball stadium lists). */
export interface VenueEntry {
  id: number;
  /** The name the list gives first (sponsor marks such as `$Allianz$` are already dropped by the import). */
  name: string;
  /** Other names: former, sponsored or local names. */
  aliases: string[];
  country: string | null;
  city: string | null;
  /** Capacity with the whole ground in use. */
  capacity: number | null;
  opened: number | null;
  /** Where the entry was read from. */
  source: { file: string; line: number } | null;
}

interface VenueRow {
  id: number;
  name: string;
  country: string | null;
  city: string | null;
  capacity: number | null;
  opened: number | null;
  aliases: string;
  source_file: string | null;
  source_line: number | null;
}

/**
 * Registry entries known by any of `names` (their name or one of their aliases), compared without case, accents or
 * punctuation: "Stadio Atleti Azzurri d’Italia" finds "Stadio Atleti Azzurri d'Italia". Best match first (the
 * entry whose own name matches before one that only has it as an alias), then by name.
 */
export function findVenues(db: Db, names: readonly string[]): VenueEntry[] {
  const wanted = new Set(names.map(venueNameKey).filter((key) => key !== ''));
  if (wanted.size === 0) return [];
  const rows = db.prepare('SELECT * FROM venues ORDER BY name, id').all() as VenueRow[];
  const found: { entry: VenueEntry; byName: boolean }[] = [];
  for (const row of rows) {
    const entry = toEntry(row);
    const byName = wanted.has(venueNameKey(entry.name));
    if (byName || entry.aliases.some((alias) => wanted.has(venueNameKey(alias)))) found.push({ entry, byName });
  }
  return found.sort((a, b) => Number(b.byName) - Number(a.byName)).map((f) => f.entry);
}

/** How many grounds the registry holds (an empty registry means no stadium list was imported). */
export function countVenues(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM venues').pluck().get() as number;
}

/** Lower case, accents and punctuation gone, words single-spaced: the key venue names are compared by. */
export function venueNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function toEntry(row: VenueRow): VenueEntry {
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    country: row.country,
    city: row.city,
    capacity: row.capacity,
    opened: row.opened,
    source:
      row.source_file !== null && row.source_line !== null ? { file: row.source_file, line: row.source_line } : null,
  };
}
