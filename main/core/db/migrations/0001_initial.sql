-- Atalaya workspace schema, version 1.
-- Times are INTEGER epoch milliseconds in UTC unless the column name says otherwise.

-- One row: the brand or client this workspace watches.
CREATE TABLE workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  brand TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]',          -- JSON array of strings
  excludes TEXT NOT NULL DEFAULT '[]',          -- JSON array of strings
  timezone TEXT NOT NULL,                       -- IANA zone, e.g. Europe/Madrid
  business_hours TEXT NOT NULL,                 -- JSON: {"days":[1..7],"start":"09:00","end":"18:00"}
  holidays TEXT NOT NULL DEFAULT '[]',          -- JSON array of YYYY-MM-DD local dates
  response_target_minutes INTEGER NOT NULL DEFAULT 60,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The brand's own accounts; mentions they author are brand posts (is_brand = 1).
CREATE TABLE own_handles (
  channel TEXT NOT NULL,
  handle TEXT NOT NULL COLLATE NOCASE,          -- stored without a leading "@"
  PRIMARY KEY (channel, handle)
) WITHOUT ROWID;

-- Key/value state of the workspace file itself (clean shutdown marker, app version…).
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Where mentions come from: polled feeds, imported files, watched folders.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'file', 'folder')),
  name TEXT NOT NULL,
  url TEXT,                                     -- feed URL or folder path
  channel TEXT,                                 -- channel given to its mentions (null: decide per item)
  interval_minutes INTEGER NOT NULL DEFAULT 60,
  paused INTEGER NOT NULL DEFAULT 0,
  keyword_filter INTEGER NOT NULL DEFAULT 0,    -- 1: keep only items matching brand keywords
  etag TEXT,
  last_modified TEXT,
  last_fetch_at INTEGER,
  last_success_at INTEGER,
  next_due_at INTEGER,
  failures INTEGER NOT NULL DEFAULT 0,          -- consecutive failures, drives the backoff
  last_error TEXT,
  last_status INTEGER,
  items_total INTEGER NOT NULL DEFAULT 0,
  config TEXT NOT NULL DEFAULT '{}',            -- JSON, per-kind options
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX sources_feed_url ON sources (url) WHERE kind = 'feed';

-- One row per import (file, folder pick-up or feed poll); undo deletes its mentions.
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('file', 'feed', 'folder')),
  file_name TEXT,
  format TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'undone')),
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]'             -- JSON array of {file,line,reason}, capped
);

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  handle TEXT NOT NULL COLLATE NOCASE,
  name TEXT,
  followers INTEGER,
  account_created_at INTEGER,
  is_brand INTEGER NOT NULL DEFAULT 0,
  first_seen_at INTEGER,
  last_seen_at INTEGER,
  posts INTEGER NOT NULL DEFAULT 0,
  label TEXT,                                   -- computed label (people analysis)
  score REAL,                                   -- 0..1, how agitator-like
  reasons TEXT,                                 -- JSON array of sentences
  features TEXT,                                -- JSON of the features behind the label
  analysed_at INTEGER,
  UNIQUE (channel, handle)
);
CREATE INDEX authors_label ON authors (label, score);

-- Mentions. The rowid follows mention time (see mention-id.ts) so that "newest first" over
-- the full-text index walks rowids backwards instead of sorting.
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  natural_key TEXT NOT NULL UNIQUE,             -- channel + ':' + external id (or h: + hash)
  channel TEXT NOT NULL,
  external_id TEXT,
  source_id INTEGER,
  batch_id INTEGER,
  author_id INTEGER,
  posted_at INTEGER NOT NULL,
  text TEXT NOT NULL,
  title TEXT,
  url TEXT,
  lang TEXT,
  rating REAL,
  likes INTEGER,
  shares INTEGER,
  replies INTEGER,
  author_followers INTEGER,
  reply_to_key TEXT,                            -- natural key of the mention this answers
  thread_key TEXT,                              -- natural key of the thread root
  is_brand INTEGER NOT NULL DEFAULT 0,
  raw TEXT,
  -- analysis (null until analysed)
  sentiment INTEGER,                            -- -1, 0, 1
  sentiment_score REAL,                         -- -1..1
  irony INTEGER,
  complaint INTEGER,
  topic TEXT,
  insult INTEGER,
  toxicity REAL,
  campaign INTEGER,
  analysis_version INTEGER,
  imported_at INTEGER NOT NULL
);
-- No index on posted_at: ids follow time, so a date range is an id range on the primary key.
-- No index on batch_id: only undo needs it, and a scan is fine for a rare action, while every
-- secondary index slows bulk imports down.
CREATE INDEX mentions_author ON mentions (author_id, id);
CREATE INDEX mentions_reply_to ON mentions (reply_to_key) WHERE reply_to_key IS NOT NULL;
CREATE INDEX mentions_thread ON mentions (thread_key) WHERE thread_key IS NOT NULL;

-- Full-text index over mention text and title, external content: the repository writes it
-- explicitly (faster than triggers for bulk loads) and removes rows before deleting mentions.
-- detail = column: ~20 % faster to build and smaller; queries are word (and prefix) searches,
-- not multi-word phrases, which the query builder never emits.
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  text, title,
  content = 'mentions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  detail = column
);

-- User decisions that re-analysis must never overwrite. Keyed by natural keys so they
-- survive undo and re-import of the same data.
CREATE TABLE overrides (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('mention', 'author')),
  target_key TEXT NOT NULL,                     -- mention natural key, or channel:handle
  field TEXT NOT NULL,                          -- sentiment, complaint, topic, insult, label…
  value TEXT NOT NULL,
  note TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (target_kind, target_key, field)
) WITHOUT ROWID;

-- Dashboard rollups, kept current by the mention repository. Hour buckets are UTC epoch
-- hours; day buckets are local dates in the workspace timezone.
CREATE TABLE rollup_hourly (
  hour INTEGER NOT NULL,
  channel TEXT NOT NULL,
  sentiment INTEGER NOT NULL,                   -- -1, 0, 1; 0 also for not yet analysed
  complaint INTEGER NOT NULL,
  is_brand INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  score_sum REAL NOT NULL,
  rating_sum REAL NOT NULL,
  rating_count INTEGER NOT NULL,
  PRIMARY KEY (hour, channel, sentiment, complaint, is_brand)
) WITHOUT ROWID;

CREATE TABLE rollup_daily (
  day TEXT NOT NULL,
  channel TEXT NOT NULL,
  sentiment INTEGER NOT NULL,
  complaint INTEGER NOT NULL,
  is_brand INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  score_sum REAL NOT NULL,
  rating_sum REAL NOT NULL,
  rating_count INTEGER NOT NULL,
  PRIMARY KEY (day, channel, sentiment, complaint, is_brand)
) WITHOUT ROWID;
