import type { Competition } from '../competitions/competition.js';
import type { MatchRecord, Provenance, Score, SideStats } from '../ingest/records.js';
import type { Db } from './database.js';

export type WriteOutcome = 'added' | 'enriched' | 'unchanged';

type ScoreColumn = 'ht' | 'ft' | 'et' | 'pen';

type StoredMatch = { id: number; date: string } & Record<`${ScoreColumn}_${'home' | 'away'}`, number | null>;

/** Each score of a record, its columns, and the field a conflict about it names. */
const SCORES: ReadonlyArray<[key: 'htScore' | 'ftScore' | 'etScore' | 'penScore', column: ScoreColumn, field: string]> =
  [
    ['ftScore', 'ft', 'full-time score'],
    ['htScore', 'ht', 'half-time score'],
    ['etScore', 'et', 'extra-time score'],
    ['penScore', 'pen', 'penalty score'],
  ];

/** Each per-side statistic, its column, and the words a conflict about it uses. */
const STATS: ReadonlyArray<[key: keyof SideStats, column: string, label: string]> = [
  ['shots', 'shots', 'shots'],
  ['shotsOnTarget', 'shots_on_target', 'shots on target'],
  ['corners', 'corners', 'corners'],
  ['fouls', 'fouls', 'fouls'],
  ['yellowCards', 'yellow_cards', 'yellow cards'],
  ['redCards', 'red_cards', 'red cards'],
];

const MATCH_SCORES = 'id, date, ht_home, ht_away, ft_home, ft_away, et_home, et_away, pen_home, pen_away';

/**
 * Writes canonical match records, one row per real match whatever the number of sources:
 * a match is found by (date, home, away), or for league matches by (competition, season, home, away) when sources
 * disagree on the date. A known match is enriched (empty fields filled, odds/goals/stats added), never overwritten;
 * a score or statistic a source gives differently is recorded in `conflicts`. Every source row is kept in
 * `match_sources`.
 *
 * A fixture (a match without a result) is the same row as the match it becomes: its result fills it in, and a
 * fixture moved to another date (postponed, rearranged for television) moves with the newer row.
 */
export class MatchWriter {
  private readonly competitionIds = new Map<string, number>();
  private readonly statements;
  conflicts = 0;
  /** Competitions this writer added to the database that the shipped registry does not know (created from a file). */
  readonly createdCompetitions: Competition[] = [];

  constructor(private readonly db: Db) {
    this.statements = {
      competitionByCode: db.prepare('SELECT id FROM competitions WHERE code = ?').pluck(),
      insertCompetition: db.prepare(
        'INSERT INTO competitions (code, name, kind, country, tier, origin, definition) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      byDate: db.prepare(
        `SELECT ${MATCH_SCORES} FROM matches WHERE date = ? AND home_team_id = ? AND away_team_id = ?`,
      ),
      bySeason: db.prepare(
        `SELECT ${MATCH_SCORES} FROM matches WHERE competition_id = ? AND season = ? AND home_team_id = ? AND away_team_id = ?`,
      ),
      sourceOfMatch: db.prepare('SELECT 1 FROM match_sources WHERE match_id = ? AND file = ? AND line = ?').pluck(),
      describedBySource: db
        .prepare('SELECT 1 FROM match_sources WHERE match_id = ? AND (format = ? OR file = ?) LIMIT 1')
        .pluck(),
      unplayedBySeason: db.prepare(`SELECT ${MATCH_SCORES} FROM matches
        WHERE competition_id = ? AND season = ? AND home_team_id = ? AND away_team_id = ?
          AND ft_home IS NULL AND status IN ('scheduled', 'postponed')`),
      describedByFile: db.prepare('SELECT 1 FROM match_sources WHERE match_id = ? AND file = ? LIMIT 1').pluck(),
      moveFixture: db.prepare('UPDATE matches SET date = ?, time = ? WHERE id = ?'),
      // A file that changed may describe another match on a line: the line's provenance follows the file.
      insertSource: db.prepare(`INSERT INTO match_sources (match_id, format, file, line) VALUES (?, ?, ?, ?)
        ON CONFLICT (file, line) DO UPDATE SET match_id = excluded.match_id, format = excluded.format`),
      insertMatch: db.prepare(`
        INSERT INTO matches (competition_id, season, date, time, home_team_id, away_team_id, neutral, venue, round,
          group_name, leg, status, ht_home, ht_away, ft_home, ft_away, et_home, et_away, pen_home, pen_away, attendance, referee)
        VALUES (@competition_id, @season, @date, @time, @home, @away, @neutral, @venue, @round, @group, @leg, @status,
          @ht_home, @ht_away, @ft_home, @ft_away, @et_home, @et_away, @pen_home, @pen_away, @attendance, @referee)`),
      enrichMatch: db.prepare(`
        UPDATE matches SET
          time = COALESCE(time, @time), neutral = MAX(neutral, @neutral), venue = COALESCE(venue, @venue),
          round = COALESCE(round, @round), group_name = COALESCE(group_name, @group), leg = COALESCE(leg, @leg),
          status = CASE WHEN ft_home IS NULL AND @ft_home IS NOT NULL THEN @status ELSE status END,
          ft_home = COALESCE(ft_home, @ft_home), ft_away = COALESCE(ft_away, @ft_away),
          ht_home = COALESCE(ht_home, @ht_home), ht_away = COALESCE(ht_away, @ht_away),
          et_home = COALESCE(et_home, @et_home), et_away = COALESCE(et_away, @et_away),
          pen_home = COALESCE(pen_home, @pen_home), pen_away = COALESCE(pen_away, @pen_away),
          attendance = COALESCE(attendance, @attendance), referee = COALESCE(referee, @referee)
        WHERE id = @id AND (
          (time IS NULL AND @time IS NOT NULL) OR (neutral < @neutral) OR (venue IS NULL AND @venue IS NOT NULL) OR
          (round IS NULL AND @round IS NOT NULL) OR (group_name IS NULL AND @group IS NOT NULL) OR
          (leg IS NULL AND @leg IS NOT NULL) OR (ft_home IS NULL AND @ft_home IS NOT NULL) OR
          (ht_home IS NULL AND @ht_home IS NOT NULL) OR (et_home IS NULL AND @et_home IS NOT NULL) OR
          (pen_home IS NULL AND @pen_home IS NOT NULL) OR (attendance IS NULL AND @attendance IS NOT NULL) OR
          (referee IS NULL AND @referee IS NOT NULL))`),
      insertConflict: db.prepare(
        'INSERT OR IGNORE INTO conflicts (match_id, file, line, field, stored, incoming) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      hasGoals: db.prepare('SELECT 1 FROM goals WHERE match_id = ? LIMIT 1').pluck(),
      insertGoal: db.prepare(
        'INSERT INTO goals (match_id, seq, side, scorer, minute, stoppage, penalty, own_goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      statsOf: db.prepare(
        'SELECT shots, shots_on_target, corners, fouls, yellow_cards, red_cards FROM match_stats WHERE match_id = ? AND side = ?',
      ),
      insertStats: db.prepare(`INSERT INTO match_stats
        (match_id, side, shots, shots_on_target, corners, fouls, yellow_cards, red_cards)
        VALUES (@match_id, @side, @shots, @shots_on_target, @corners, @fouls, @yellow_cards, @red_cards)`),
      fillStats: db.prepare(`UPDATE match_stats SET
          shots = COALESCE(shots, @shots), shots_on_target = COALESCE(shots_on_target, @shots_on_target),
          corners = COALESCE(corners, @corners), fouls = COALESCE(fouls, @fouls),
          yellow_cards = COALESCE(yellow_cards, @yellow_cards), red_cards = COALESCE(red_cards, @red_cards)
        WHERE match_id = @match_id AND side = @side`),
      insertOdds: db.prepare(
        'INSERT OR IGNORE INTO odds (match_id, bookmaker, market, line, selection, closing, price) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      linkTies: db.prepare(`
        INSERT OR IGNORE INTO ties (competition_id, season, round, first_leg_id, second_leg_id)
        SELECT m1.competition_id, m1.season, m1.round, m1.id, m2.id
        FROM matches m1 JOIN matches m2
          ON m2.competition_id = m1.competition_id AND m2.season = m1.season
         AND m2.home_team_id = m1.away_team_id AND m2.away_team_id = m1.home_team_id
         AND m2.leg = 2 AND m2.date > m1.date AND m2.round IS m1.round
        WHERE m1.leg = 1 AND m1.tie_id IS NULL AND m2.tie_id IS NULL`),
      setTieIds: db.prepare(`
        UPDATE matches SET tie_id = (SELECT t.id FROM ties t WHERE t.first_leg_id = matches.id OR t.second_leg_id = matches.id)
        WHERE leg IS NOT NULL AND tie_id IS NULL`),
    };
  }

  competitionId(competition: Competition): number {
    const cached = this.competitionIds.get(competition.code);
    if (cached !== undefined) return cached;
    const found = this.statements.competitionByCode.get(competition.code) as number | undefined;
    const id = found ?? this.insertCompetition(competition);
    this.competitionIds.set(competition.code, id);
    return id;
  }

  private insertCompetition(c: Competition): number {
    const definition = c.origin === 'registry' ? null : JSON.stringify(c);
    const result = this.statements.insertCompetition.run(
      c.code,
      c.name,
      c.kind,
      c.country,
      c.tier,
      c.origin,
      definition,
    );
    if (c.origin === 'file') this.createdCompetitions.push(c);
    return Number(result.lastInsertRowid);
  }

  /** Forgets cached ids, e.g. after a rolled-back transaction. */
  clearCache(): void {
    this.competitionIds.clear();
    this.createdCompetitions.length = 0;
  }

  write(record: MatchRecord, homeTeamId: number, awayTeamId: number): WriteOutcome {
    const s = this.statements;
    const { file, line, format } = record.source;
    const competitionId = this.competitionId(record.competition);
    const existing = this.findExisting(record, competitionId, homeTeamId, awayTeamId);
    const row = toRow(record, competitionId, homeTeamId, awayTeamId);

    if (!existing) {
      const matchId = Number(s.insertMatch.run(row).lastInsertRowid);
      s.insertSource.run(matchId, format, file, line);
      this.writeDetails(matchId, record);
      return 'added';
    }
    // A row read before is read again when its file changed: it may now carry the result, so it is not skipped.
    s.insertSource.run(existing.id, format, file, line);
    for (const [key, column, field] of SCORES) {
      const incoming = record[key];
      const home = existing[`${column}_home`];
      const away = existing[`${column}_away`];
      if (incoming && home !== null && (home !== incoming[0] || away !== incoming[1])) {
        this.recordConflict(existing.id, record.source, field, `${home}-${away}`, scoreText(incoming));
      }
    }
    const moved = existing.ft_home === null && existing.date !== record.date;
    if (moved) s.moveFixture.run(record.date, record.time, existing.id);
    const filled = s.enrichMatch.run({ ...row, id: existing.id }).changes > 0 || moved;
    const detailed = this.writeDetails(existing.id, record);
    return filled || detailed ? 'enriched' : 'unchanged';
  }

  /** Pairs first and second legs into ties for every match that has a leg and no tie yet. */
  linkTies(): void {
    this.statements.linkTies.run();
    this.statements.setTieIds.run();
  }

  /**
   * The stored match this record describes: same date, home and away; or, for a league match whose date the
   * sources disagree on (a rearranged fixture), the one meeting of that season between the two with the same score
   * that this record's source has not described already. A source never reports one match twice, so a meeting with a
   * row of the same format (or file) is another meeting: leagues play a pairing up to four times a season, often
   * with the same score. Requiring the score keeps apart meetings with different results. Failing those, the one
   * fixture of that season between the two still without a result: the same match on its new date.
   */
  private findExisting(
    record: MatchRecord,
    competitionId: number,
    home: number,
    away: number,
  ): StoredMatch | undefined {
    const byDate = this.statements.byDate.get(record.date, home, away) as StoredMatch | undefined;
    if (byDate) return byDate;
    return (
      this.sameScoreInSeason(record, competitionId, home, away) ?? this.fixtureMoved(record, competitionId, home, away)
    );
  }

  private sameScoreInSeason(
    record: MatchRecord,
    competitionId: number,
    home: number,
    away: number,
  ): StoredMatch | undefined {
    if (record.competition.kind !== 'league' || !record.ftScore) return undefined;
    const s = this.statements;
    const { format, file, line } = record.source;
    const [homeGoals, awayGoals] = record.ftScore;
    const sameScore = (s.bySeason.all(competitionId, record.season, home, away) as StoredMatch[]).filter(
      (m) => m.ft_home === homeGoals && m.ft_away === awayGoals,
    );
    // This very row, imported before (the file is read again): its match, whatever else the season holds.
    const again = sameScore.find((m) => s.sourceOfMatch.get(m.id, file, line));
    if (again) return again;
    const undescribed = sameScore.filter((m) => !s.describedBySource.get(m.id, format, file));
    return undescribed.length === 1 ? undescribed[0] : undefined;
  }

  /**
   * The one unplayed fixture of the season between the two, stored on another date. One this file lists on another
   * line is another meeting (a league with a split plays a pairing twice at the same ground): a file never lists a
   * match twice, and an import forgets what the earlier version of a changed file said.
   */
  private fixtureMoved(
    record: MatchRecord,
    competitionId: number,
    home: number,
    away: number,
  ): StoredMatch | undefined {
    const s = this.statements;
    const unplayed = (s.unplayedBySeason.all(competitionId, record.season, home, away) as StoredMatch[]).filter(
      (m) => !s.describedByFile.get(m.id, record.source.file),
    );
    return unplayed.length === 1 ? unplayed[0] : undefined;
  }

  /**
   * Adds the statistics of a side the match has none of, fills the ones its stored row lacks and records the ones
   * it has differently as conflicts; true when anything was added.
   */
  private writeStats(matchId: number, record: MatchRecord): boolean {
    if (!record.stats) return false;
    const s = this.statements;
    let added = false;
    for (const side of ['home', 'away'] as const) {
      const incoming = record.stats[side];
      const values: Record<string, number | string | null> = { match_id: matchId, side };
      for (const [key, column] of STATS) values[column] = incoming[key];
      const stored = s.statsOf.get(matchId, side) as Record<string, number | null> | undefined;
      if (!stored) {
        s.insertStats.run(values);
        added = true;
        continue;
      }
      let fills = false;
      for (const [key, column, label] of STATS) {
        const value = incoming[key];
        if (value === null) continue;
        if (stored[column] === null) fills = true;
        else if (stored[column] !== value) {
          this.recordConflict(matchId, record.source, `${side} ${label}`, String(stored[column]), String(value));
        }
      }
      if (fills) {
        s.fillStats.run(values);
        added = true;
      }
    }
    return added;
  }

  private recordConflict(matchId: number, source: Provenance, field: string, stored: string, incoming: string): void {
    const result = this.statements.insertConflict.run(matchId, source.file, source.line, field, stored, incoming);
    this.conflicts += result.changes;
  }

  /** Adds goals, stats and odds the match lacks; true when anything was added. */
  private writeDetails(matchId: number, record: MatchRecord): boolean {
    const s = this.statements;
    let added = false;
    if (record.goals.length > 0 && !s.hasGoals.get(matchId)) {
      record.goals.forEach((g, seq) =>
        s.insertGoal.run(matchId, seq, g.side, g.scorer, g.minute, g.stoppage, g.penalty ? 1 : 0, g.ownGoal ? 1 : 0),
      );
      added = true;
    }
    added = this.writeStats(matchId, record) || added;
    for (const o of record.odds) {
      const result = s.insertOdds.run(
        matchId,
        o.bookmaker,
        o.market,
        o.line ?? 0,
        o.selection,
        o.closing ? 1 : 0,
        o.price,
      );
      added ||= result.changes > 0;
    }
    return added;
  }
}

function scoreText(score: Score): string {
  return `${score[0]}-${score[1]}`;
}

function toRow(r: MatchRecord, competitionId: number, home: number, away: number) {
  return {
    competition_id: competitionId,
    season: r.season,
    date: r.date,
    time: r.time,
    home,
    away,
    neutral: r.neutral ? 1 : 0,
    venue: r.venue,
    round: r.round,
    group: r.group,
    leg: r.leg,
    status: r.status,
    ht_home: r.htScore?.[0] ?? null,
    ht_away: r.htScore?.[1] ?? null,
    ft_home: r.ftScore?.[0] ?? null,
    ft_away: r.ftScore?.[1] ?? null,
    et_home: r.etScore?.[0] ?? null,
    et_away: r.etScore?.[1] ?? null,
    pen_home: r.penScore?.[0] ?? null,
    pen_away: r.penScore?.[1] ?? null,
    attendance: r.attendance,
    referee: r.referee,
  };
}
