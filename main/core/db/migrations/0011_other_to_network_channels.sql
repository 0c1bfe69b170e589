-- Rows of generic files (csv, tsv, json, jsonl) stored on channel 'other' that an import now
-- gives their network (channel-hint.ts, since 154272b/ee9c1f7): the channel is part of the
-- natural key, so re-importing such a file added every tweet again as twitter:<id> next to
-- other:<id>. They move to the channel the importer gives them now, only where the stored
-- row proves it (migration-functions.ts reads the raw record with the importer's own rules):
--   1. a whole import whose rows are all 'other' and whose every record has a column only
--      X/Twitter writes (tweet_id, screen_name, retweet_count…) and no cell naming a channel
--      (no channel column that decided): every row is a tweet, as the importer reads it now;
--   2. otherwise a row whose own link names a network (x.com, facebook.com…), in an import
--      none of whose records has tweet-only columns, with no cell naming a channel (an
--      explicit 'other' in a channel column stays other).
-- Left as they are, because nothing stored proves what the importer would give: rows
-- without a raw record, imports mixing records with and without tweet columns, imports made
-- with an explicit channel choice of 'other' (not recorded: such a file re-imported with that
-- choice again would now add its rows), and rows whose new key is already stored (the file
-- was re-imported after upgrading: the duplicate is there already; undo that import).
--
-- A moved row keeps its id (search index, People tables by id); its key, reply and thread
-- references, corrections and marks follow; its author becomes the same handle on the new
-- channel (created when missing, brand flag from the brand's own handles there), and both
-- authors' counts are recounted. Rollups and People are rebuilt at the next open.

CREATE TEMP TABLE generic_batch (id INTEGER PRIMARY KEY);
INSERT INTO generic_batch SELECT id FROM import_batches WHERE format IN ('csv', 'tsv', 'json', 'jsonl');

-- 1. imports of tweets: all rows 'other', every record with tweet columns and no channel named
CREATE TEMP TABLE tweet_batch (id INTEGER PRIMARY KEY);
INSERT INTO tweet_batch
  SELECT batch_id FROM mentions WHERE batch_id IN generic_batch
  GROUP BY batch_id HAVING max(channel <> 'other') = 0;
DELETE FROM tweet_batch WHERE id IN (
  SELECT batch_id FROM mentions WHERE batch_id IN tweet_batch AND mention_record_facts(raw) <> 1);

-- 2. rows whose own link names a network
CREATE TEMP TABLE link_row (id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, channel TEXT NOT NULL);
INSERT INTO link_row
  SELECT id, batch_id, net FROM (
    SELECT id, batch_id, raw, mention_url_channel(url) AS net FROM mentions
    WHERE channel = 'other' AND url IS NOT NULL AND url <> '' AND batch_id IN generic_batch
      AND batch_id NOT IN tweet_batch
  ) WHERE net IS NOT NULL AND net <> 'other' AND mention_record_facts(raw) = 0;
DELETE FROM link_row WHERE batch_id IN (
  SELECT batch_id FROM mentions WHERE batch_id IN (SELECT batch_id FROM link_row)
    AND mention_record_facts(raw) & 1);

CREATE TEMP TABLE moved (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  old TEXT NOT NULL UNIQUE,
  new TEXT NOT NULL UNIQUE,
  old_author INTEGER,
  new_author INTEGER
);
INSERT INTO moved (id, channel, old, new, old_author)
  SELECT m.id, c.channel, m.natural_key, c.channel || substr(m.natural_key, 6), m.author_id
  FROM (SELECT m.id, 'twitter' AS channel FROM mentions m
        WHERE m.batch_id IN tweet_batch AND m.channel = 'other'
        UNION ALL SELECT id, channel FROM link_row) c
  JOIN mentions m ON m.id = c.id
  -- keys are channel + ':' + id (or 'h:' + a hash that leaves the channel out)
  WHERE m.natural_key GLOB 'other:*'
    AND NOT EXISTS (SELECT 1 FROM mentions d WHERE d.natural_key = c.channel || substr(m.natural_key, 6));

-- The same handle on the new channel, as an import now creates it.
INSERT INTO authors (channel, handle, name, followers, account_created_at, is_brand)
  SELECT DISTINCT mv.channel, a.handle, a.name, a.followers, a.account_created_at,
    EXISTS (SELECT 1 FROM own_handles o WHERE o.channel = mv.channel AND o.handle = a.handle)
  FROM moved mv JOIN authors a ON a.id = mv.old_author
  WHERE true
  ON CONFLICT (channel, handle) DO NOTHING;
UPDATE moved SET new_author = (
  SELECT n.id FROM authors a JOIN authors n ON n.channel = moved.channel AND n.handle = a.handle
  WHERE a.id = moved.old_author);

UPDATE mentions SET
  channel = mv.channel,
  natural_key = mv.new,
  author_id = mv.new_author,
  reply_to_key = CASE WHEN reply_to_key GLOB 'other:*' THEN mv.channel || substr(reply_to_key, 6) ELSE reply_to_key END,
  thread_key = CASE WHEN thread_key GLOB 'other:*' THEN mv.channel || substr(thread_key, 6) ELSE thread_key END,
  -- as the writer decides it: the brand's own handle on that channel
  is_brand = EXISTS (SELECT 1 FROM authors a JOIN own_handles o ON o.channel = a.channel AND o.handle = a.handle
                     WHERE a.id = mv.new_author)
FROM moved mv WHERE mentions.id = mv.id;

-- What else names a moved row by its key.
UPDATE mentions SET reply_to_key = mv.new FROM moved mv WHERE mentions.reply_to_key = mv.old;
UPDATE mentions SET thread_key = mv.new FROM moved mv WHERE mentions.thread_key = mv.old;
UPDATE overrides SET target_key = mv.new FROM moved mv
  WHERE overrides.target_kind = 'mention' AND overrides.target_key = mv.old;
-- An author label set by the user goes with the handle (keys are channel:handle, lower case).
INSERT OR IGNORE INTO overrides (target_kind, target_key, field, value, note, created_at)
  SELECT o.target_kind, mv.channel || substr(o.target_key, 6), o.field, o.value, o.note, o.created_at
  FROM (SELECT DISTINCT channel, old_author FROM moved) mv
  JOIN authors a ON a.id = mv.old_author
  JOIN overrides o ON o.target_kind = 'author' AND o.target_key = 'other:' || lower(a.handle);

-- Post counts and first/last seen of the authors rows left and joined.
UPDATE authors SET
  posts = (SELECT count(*) FROM mentions m WHERE m.author_id = authors.id),
  first_seen_at = (SELECT min(posted_at) FROM mentions m WHERE m.author_id = authors.id),
  last_seen_at = (SELECT max(posted_at) FROM mentions m WHERE m.author_id = authors.id)
WHERE id IN (SELECT old_author FROM moved UNION SELECT new_author FROM moved);

-- Rollups (by channel) and People (authors, groups) are recomputed at the next open.
INSERT INTO meta (key, value) SELECT 'rollups_rebuild', '1' WHERE EXISTS (SELECT 1 FROM moved)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
INSERT INTO meta (key, value) SELECT 'people_full_pass', '1' WHERE EXISTS (SELECT 1 FROM moved)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

DROP TABLE moved;
DROP TABLE link_row;
DROP TABLE tweet_batch;
DROP TABLE generic_batch;
