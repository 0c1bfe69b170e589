-- Hourly uses of each hashtag in customer mentions and how many were negative: the hashtag
-- hijack detector and an episode's hashtags read them instead of scanning mention text (that
-- scan took over a second at 1M mentions). Hours are UTC epoch hours, like rollup_hourly; tags
-- are lower-cased with the '#', as analysis/hashtags.ts extracts them; brand posts are not
-- counted. Kept by the same accumulator as the other rollups (import, poll, undo, correction).
CREATE TABLE rollup_hashtag_hourly (
  tag TEXT NOT NULL,
  hour INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  negative INTEGER NOT NULL,
  PRIMARY KEY (tag, hour)
) WITHOUT ROWID;
CREATE INDEX rollup_hashtag_hourly_hour ON rollup_hashtag_hourly (hour);

-- Backfill: the core rebuilds every rollup from the stored mentions on open (the flag below),
-- which also recounts rollup_facet_daily's hashtags with the one shared hashtag definition.
INSERT INTO meta (key, value) VALUES ('rollups_rebuild', '1')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
