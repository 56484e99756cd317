/**
 * Every competition season's summary (`seasonSummaries`: counts, teams, groups, dates, rounds) kept in a table, so
 * that a preview judging a team's every season reads them in one small query instead of grouping every match of
 * each competition. Never stale: triggers on `matches` mark the table stale at any write that could change a
 * summary, readers then compute afresh (as before the table), and an import refreshes the table at its end.
 */
import type { Db } from './database.js';
import { seasonSummaries, type SeasonSummary } from './coverage-queries.js';

/** Whether the table says what the matches say (no write to them since the last refresh). */
export function seasonSummariesFresh(db: Db): boolean {
  return db.prepare('SELECT fresh FROM season_summaries_state').pluck().get() === 1;
}

/** Recomputes the table from the matches when a write has made it stale. Call inside the writer's transaction. */
export function refreshSeasonSummaries(db: Db): void {
  if (seasonSummariesFresh(db)) return;
  const ids = new Map(
    (db.prepare('SELECT code, id FROM competitions').all() as { code: string; id: number }[]).map((r) => [
      r.code,
      r.id,
    ]),
  );
  db.prepare('DELETE FROM season_summaries').run();
  const insert = db.prepare(
    `INSERT INTO season_summaries
       (competition_id, season, played, scheduled, void, teams, group_teams, first_date, last_date, rounds)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of seasonSummaries(db)) {
    insert.run(
      ids.get(s.competition),
      s.season,
      s.played,
      s.scheduled,
      s.void,
      s.teams,
      JSON.stringify(s.groupTeams),
      s.firstDate,
      s.lastDate,
      JSON.stringify(s.rounds),
    );
  }
  db.prepare('UPDATE season_summaries_state SET fresh = 1').run();
}

/**
 * Every competition season's summary by `code|season`, as `seasonSummaries` computes it; null when the table is
 * stale (the caller computes them instead).
 */
export function storedSeasonSummaries(db: Db): Map<string, SeasonSummary> | null {
  if (!seasonSummariesFresh(db)) return null;
  const rows = db
    .prepare(
      `SELECT c.code AS competition, s.season, s.played, s.scheduled, s.void, s.first_date AS firstDate,
         s.last_date AS lastDate, s.teams, s.group_teams AS groupTeams, s.rounds
       FROM season_summaries s JOIN competitions c ON c.id = s.competition_id`,
    )
    .all() as (Omit<SeasonSummary, 'groupTeams' | 'rounds'> & { groupTeams: string; rounds: string })[];
  return new Map(
    rows.map((r) => [
      `${r.competition}|${r.season}`,
      { ...r, groupTeams: JSON.parse(r.groupTeams) as number[], rounds: JSON.parse(r.rounds) as string[] },
    ]),
  );
}
