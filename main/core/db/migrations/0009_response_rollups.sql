-- Response rollups: the unanswered-complaint counts, response rates and first-response times
-- of any period without reading mentions. One row per customer mention state, by the local
-- day of the mention (grain 'day', at = YYYY-MM-DD) and again by its local month (grain
-- 'month', at = YYYY-MM), so a two-year period reads 24 months and at most two partial months
-- of days. Kept current by the mention writer, late brand replies, handling marks, undo,
-- erase and complaint corrections (response-rollups.ts).

-- state: 'answered' (a brand reply in the thread, at or after the mention), 'handled'
-- (marked as answered by phone, DM or email), 'dismissed' (marked as needing no answer),
-- 'open' (none of these). A public reply wins over a mark.
CREATE TABLE rollup_response (
  grain TEXT NOT NULL CHECK (grain IN ('day', 'month')),
  at TEXT NOT NULL,
  channel TEXT NOT NULL,
  complaint INTEGER NOT NULL,
  reach TEXT NOT NULL,                          -- follower band of the author when posting
  state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'handled', 'dismissed')),
  mentions INTEGER NOT NULL,
  PRIMARY KEY (grain, at, channel, complaint, reach, state)
) WITHOUT ROWID;

-- First-response delays of answered mentions in log-spaced buckets (delay-histogram.ts):
-- clock 'wall' by channel and reach band, clock 'business' (opening hours of the profile) by
-- channel with reach '*'. minutes_sum lets a quantile be placed inside its bucket.
CREATE TABLE rollup_response_delay (
  grain TEXT NOT NULL CHECK (grain IN ('day', 'month')),
  at TEXT NOT NULL,
  clock TEXT NOT NULL CHECK (clock IN ('wall', 'business')),
  channel TEXT NOT NULL,
  reach TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  replies INTEGER NOT NULL,
  minutes_sum REAL NOT NULL,
  PRIMARY KEY (grain, at, clock, channel, reach, bucket)
) WITHOUT ROWID;

-- Natural keys that a brand reply answers but that were not stored (yet) when the reply was:
-- when such a mention arrives later its reply is looked up. A hint: a stale key costs a lookup.
CREATE TABLE response_orphans (
  target_key TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Filled from the stored mentions at the first open (local days need the timezone).
INSERT INTO meta (key, value) VALUES ('rollups_rebuild', '1')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
