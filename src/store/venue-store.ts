import type { StadiumRecord } from '../ingest/records.js';
import type { Db } from './database.js';

/** The venue registry: stadiums with their other names and capacities. */
export class VenueStore {
  private readonly insert;

  constructor(db: Db) {
    this.insert =
      db.prepare(`INSERT OR IGNORE INTO venues (name, country, city, capacity, opened, aliases, source_file, source_line)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Adds stadiums not yet known (by name and country); returns how many were new. */
  addStadiums(stadiums: StadiumRecord[]): number {
    let added = 0;
    for (const s of stadiums) {
      const result = this.insert.run(
        s.name,
        s.country,
        s.city,
        s.capacity,
        s.opened,
        JSON.stringify(s.aliases),
        s.source.file,
        s.source.line,
      );
      added += result.changes;
    }
    return added;
  }
}
