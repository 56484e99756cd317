/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append new migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE competitions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('league', 'cup', 'continental')),
    country TEXT,
    tier INTEGER
  );

  CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT
  );

  -- Every name key a team is known by, and where that knowledge came from.
  CREATE TABLE team_aliases (
    team_id INTEGER NOT NULL REFERENCES teams(id),
    key TEXT NOT NULL,
    PRIMARY KEY (team_id, key)
  ) WITHOUT ROWID;
  CREATE INDEX team_aliases_key ON team_aliases(key);

  -- Alias knowledge from club lists, kept even for clubs with no match yet.
  CREATE TABLE alias_groups (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    canonical TEXT NOT NULL,
    country TEXT,
    names TEXT NOT NULL, -- JSON array
    UNIQUE (source, canonical, country)
  );

  CREATE TABLE venues (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    city TEXT,
    capacity INTEGER,
    opened INTEGER,
    aliases TEXT NOT NULL DEFAULT '[]', -- JSON array
    source_file TEXT,
    source_line INTEGER,
    UNIQUE (name, country)
  );

  CREATE TABLE ties (
    id INTEGER PRIMARY KEY,
    competition_id INTEGER NOT NULL REFERENCES competitions(id),
    season TEXT NOT NULL,
    round TEXT,
    first_leg_id INTEGER NOT NULL UNIQUE REFERENCES matches(id),
    second_leg_id INTEGER NOT NULL UNIQUE REFERENCES matches(id)
  );

  CREATE TABLE matches (
    id INTEGER PRIMARY KEY,
    competition_id INTEGER NOT NULL REFERENCES competitions(id),
    season TEXT NOT NULL,
    date TEXT NOT NULL,
    time TEXT,
    home_team_id INTEGER NOT NULL REFERENCES teams(id),
    away_team_id INTEGER NOT NULL REFERENCES teams(id),
    neutral INTEGER NOT NULL DEFAULT 0,
    venue TEXT,
    round TEXT,
    group_name TEXT,
    leg INTEGER CHECK (leg IN (1, 2)),
    tie_id INTEGER REFERENCES ties(id),
    status TEXT NOT NULL CHECK (status IN ('played', 'scheduled', 'postponed', 'cancelled', 'awarded', 'abandoned')),
    ht_home INTEGER, ht_away INTEGER,
    ft_home INTEGER, ft_away INTEGER,
    et_home INTEGER, et_away INTEGER,
    pen_home INTEGER, pen_away INTEGER,
    attendance INTEGER,
    referee TEXT,
    UNIQUE (date, home_team_id, away_team_id)
  );
  CREATE INDEX matches_home ON matches(home_team_id, date);
  CREATE INDEX matches_away ON matches(away_team_id, date);
  CREATE INDEX matches_competition ON matches(competition_id, season, home_team_id, away_team_id);
  CREATE INDEX matches_date ON matches(date);
  CREATE INDEX matches_legs ON matches(competition_id, season, home_team_id) WHERE leg IS NOT NULL;

  -- Provenance: every source row that described a match.
  CREATE TABLE match_sources (
    match_id INTEGER NOT NULL REFERENCES matches(id),
    format TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (file, line)
  ) WITHOUT ROWID;
  CREATE INDEX match_sources_match ON match_sources(match_id);

  CREATE TABLE goals (
    match_id INTEGER NOT NULL REFERENCES matches(id),
    seq INTEGER NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('home', 'away')),
    scorer TEXT NOT NULL,
    minute INTEGER,
    stoppage INTEGER,
    penalty INTEGER NOT NULL,
    own_goal INTEGER NOT NULL,
    PRIMARY KEY (match_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE match_stats (
    match_id INTEGER NOT NULL REFERENCES matches(id),
    side TEXT NOT NULL CHECK (side IN ('home', 'away')),
    shots INTEGER, shots_on_target INTEGER, corners INTEGER, fouls INTEGER, yellow_cards INTEGER, red_cards INTEGER,
    PRIMARY KEY (match_id, side)
  ) WITHOUT ROWID;

  -- line is 0 for 1X2 (a key column cannot be NULL and stay unique).
  CREATE TABLE odds (
    match_id INTEGER NOT NULL REFERENCES matches(id),
    bookmaker TEXT NOT NULL,
    market TEXT NOT NULL CHECK (market IN ('1X2', 'OU', 'AH')),
    line REAL NOT NULL,
    selection TEXT NOT NULL CHECK (selection IN ('home', 'draw', 'away', 'over', 'under')),
    closing INTEGER NOT NULL,
    price REAL NOT NULL CHECK (price > 1),
    PRIMARY KEY (match_id, market, closing, bookmaker, line, selection)
  ) WITHOUT ROWID;

  -- Two sources disagreeing about a match: kept, reported, never silently resolved.
  CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    match_id INTEGER NOT NULL REFERENCES matches(id),
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    field TEXT NOT NULL,
    stored TEXT,
    incoming TEXT,
    UNIQUE (match_id, file, line, field)
  );

  CREATE TABLE imported_files (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    records INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  );
  `,
  // 2: the competition registry. New kinds (play-off, super-cup); where a competition's definition comes from (the
  // shipped registry, a user's YAML, a file that named a competition matchday did not know) and, for the last two,
  // the definition itself as JSON. SQLite cannot change a CHECK constraint in place: the table is rebuilt
  // (migrations run with foreign keys off, see database.ts).
  `
  CREATE TABLE competitions_v2 (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('league', 'cup', 'continental', 'play-off', 'super-cup')),
    country TEXT,
    tier INTEGER,
    origin TEXT NOT NULL DEFAULT 'registry' CHECK (origin IN ('registry', 'user', 'file')),
    definition TEXT
  );
  INSERT INTO competitions_v2 (id, code, name, kind, country, tier) SELECT id, code, name, kind, country, tier FROM competitions;
  DROP TABLE competitions;
  ALTER TABLE competitions_v2 RENAME TO competitions;
  `,
  // 3: forecasts stored before kick-off, shown beside the result once it arrives (never recomputed afterwards).
  // One row per match and model: the last forecast made while the match had no result, on or before its day.
  // scores: JSON {"maxGoals": n, "p": [...]} — the score grid row-major, p[home * (n + 1) + away].
  `
  CREATE TABLE forecasts (
    match_id INTEGER NOT NULL REFERENCES matches(id),
    model TEXT NOT NULL,
    made_at TEXT NOT NULL,
    data_before TEXT NOT NULL,
    matches_fitted INTEGER NOT NULL,
    p_home REAL NOT NULL, p_draw REAL NOT NULL, p_away REAL NOT NULL,
    xg_home REAL NOT NULL, xg_away REAL NOT NULL,
    scores TEXT NOT NULL,
    PRIMARY KEY (match_id, model)
  ) WITHOUT ROWID;
  `,
  // 4: every competition season's summary, kept for readers that judge many seasons (store/season-summaries.ts);
  // fresh = 0 once any write to the matches could change a summary: readers then compute afresh, and the next refresh
  // (an import's end; database.ts right after this migration) fills the table again.
  `
  CREATE TABLE season_summaries (
    competition_id INTEGER NOT NULL,
    season TEXT NOT NULL,
    played INTEGER NOT NULL,
    scheduled INTEGER NOT NULL,
    void INTEGER NOT NULL,
    teams INTEGER NOT NULL,
    group_teams TEXT NOT NULL,
    first_date TEXT NOT NULL,
    last_date TEXT NOT NULL,
    rounds TEXT NOT NULL,
    PRIMARY KEY (competition_id, season)
  ) WITHOUT ROWID;
  CREATE TABLE season_summaries_state (fresh INTEGER NOT NULL);
  INSERT INTO season_summaries_state (fresh) VALUES (0);
  CREATE TRIGGER matches_insert_staleness AFTER INSERT ON matches
    BEGIN UPDATE season_summaries_state SET fresh = 0 WHERE fresh = 1; END;
  CREATE TRIGGER matches_delete_staleness AFTER DELETE ON matches
    BEGIN UPDATE season_summaries_state SET fresh = 0 WHERE fresh = 1; END;
  CREATE TRIGGER matches_update_staleness
    AFTER UPDATE OF competition_id, season, date, home_team_id, away_team_id, status, ft_home, group_name, round
    ON matches
    BEGIN UPDATE season_summaries_state SET fresh = 0 WHERE fresh = 1; END;
`,
  // 5: a team's matches in one pass. A preview reads both teams' whole histories (Liverpool's are 5,900 rows spread
  // over as many table pages); the team indexes now carry every column, so those rows come from a few contiguous
  // index pages. The database grows by about 15% (the shared data: 252 to 288 MB).
  `
  DROP INDEX matches_home;
  DROP INDEX matches_away;
  CREATE INDEX matches_home ON matches(home_team_id, date, time, competition_id, season, away_team_id, neutral, venue,
    round, group_name, leg, tie_id, status, ht_home, ht_away, ft_home, ft_away, et_home, et_away, pen_home, pen_away,
    attendance, referee);
  CREATE INDEX matches_away ON matches(away_team_id, date, time, competition_id, season, home_team_id, neutral, venue,
    round, group_name, leg, tie_id, status, ht_home, ht_away, ft_home, ft_away, et_home, et_away, pen_home, pen_away,
    attendance, referee);
`,
];
