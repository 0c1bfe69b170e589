-- Daily counts of customer mentions per facet value: complaint topics ('topic', complaints
-- only), hashtags ('hashtag', lower-cased) and star ratings ('stars', 1–5). They answer the
-- topic, rating and emerging-hashtag charts without scanning mentions. Days are local dates
-- in the workspace timezone, like rollup_daily; brand posts are not counted.
CREATE TABLE rollup_facet_daily (
  facet TEXT NOT NULL CHECK (facet IN ('topic', 'hashtag', 'stars')),
  day TEXT NOT NULL,
  value TEXT NOT NULL,
  channel TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  negative INTEGER NOT NULL,
  PRIMARY KEY (facet, day, value, channel)
) WITHOUT ROWID;

-- Local days need the workspace timezone, which SQL cannot apply: the file is opened with
-- this flag set and the core rebuilds every rollup from the stored mentions once.
INSERT INTO meta (key, value) VALUES ('rollups_rebuild', '1')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
