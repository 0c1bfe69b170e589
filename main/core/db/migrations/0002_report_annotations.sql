-- What the data cannot show, entered by the user for post-crisis reports.

-- Timeline events ("refund announced", "CEO called affected customers"). They belong to the
-- workspace timeline, not to an episode: episode ids follow the detector, events stay put.
-- Removal is soft (removed_at) so the UI can undo it.
CREATE TABLE timeline_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,                          -- UTC epoch ms
  label TEXT NOT NULL,
  is_action INTEGER NOT NULL DEFAULT 0 CHECK (is_action IN (0, 1)), -- a concrete action (refund, call)
  note TEXT,
  created_at INTEGER NOT NULL,
  removed_at INTEGER
);
CREATE INDEX timeline_events_at ON timeline_events (at) WHERE removed_at IS NULL;

-- Per crisis episode: the SCCT crisis type and the scorecard items marked by hand.
CREATE TABLE episode_annotations (
  episode_id TEXT NOT NULL,                     -- crises: "c" + onset epoch hour
  item TEXT NOT NULL,                           -- 'crisis_type' or a scorecard item key
  value TEXT NOT NULL,                          -- crisis type, or '1' / '0' for a checkbox
  note TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (episode_id, item)
) WITHOUT ROWID;

-- Reports generated in the app: what was handed over, kept byte for byte.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  crisis_id TEXT,
  from_at INTEGER NOT NULL,
  to_at INTEGER NOT NULL,
  lang TEXT NOT NULL,
  options TEXT NOT NULL,                        -- JSON: anonymize, consultant, color
  filename TEXT NOT NULL,
  html TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
