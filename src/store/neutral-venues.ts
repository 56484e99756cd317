import type { TeamDirectory } from '../identity/team-directory.js';
import type { NeutralVenueRecord } from '../ingest/neutral-venues.js';
import type { TeamRef } from '../ingest/records.js';
import type { Db } from './database.js';

/**
 * Marks the stored matches the neutral-venue entries name as neutral (and gives them the venue where none is stored).
 * An entry whose teams or match are not in the database changes nothing: its data was not imported. Returns how
 * many entries found their match.
 */
export function applyNeutralVenues(db: Db, directory: TeamDirectory, entries: readonly NeutralVenueRecord[]): number {
  const mark = db.prepare(
    `UPDATE matches SET neutral = 1, venue = COALESCE(venue, @venue)
     WHERE date = @date AND home_team_id = @home AND away_team_id = @away`,
  );
  const known = (team: TeamRef): number | null => {
    const resolution = directory.resolve(team, null);
    return resolution.kind === 'known' ? resolution.teamId : null;
  };
  const found = db.prepare('SELECT 1 FROM matches WHERE date = ? AND home_team_id = ? AND away_team_id = ?').pluck();
  let applied = 0;
  for (const entry of entries) {
    const home = known(entry.home);
    const away = known(entry.away);
    if (home === null || away === null) continue;
    mark.run({ date: entry.date, home, away, venue: entry.venue });
    if (found.get(entry.date, home, away)) applied++;
  }
  return applied;
}
