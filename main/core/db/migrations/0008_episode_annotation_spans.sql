-- Crisis annotations (SCCT type, hand-marked scorecard items) are keyed by episode id, "c" +
-- onset hour, and the onset moves when new data arrives (a backfill import, a correction): the
-- annotations then detached from their episode. Each row now keeps the hours its episode
-- spanned when it was written (UTC epoch hours; end = the episode's end, or the newest hour of
-- data while it was open), and readers match it to the episode that overlaps that span.
ALTER TABLE episode_annotations ADD COLUMN start_hour INTEGER;
ALTER TABLE episode_annotations ADD COLUMN end_hour INTEGER;

-- Rows written before know only their onset (from the id); their end stays unknown (NULL),
-- read as a day after the onset.
UPDATE episode_annotations SET start_hour = CAST(substr(episode_id, 2) AS INTEGER)
  WHERE episode_id GLOB 'c[0-9]*';
