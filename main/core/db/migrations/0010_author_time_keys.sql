-- Natural keys of rows with neither a platform id nor a link: a hash of text, author and
-- posting time (mention-key.ts naturalKeyOf), where it was a hash of the text alone. With
-- text alone, 53 accounts posting the same copy-paste text from a generic CSV were stored as
-- one mention and 52 duplicates, hiding the coordinated campaigns People looks for.
--
-- The stored rows are re-keyed with the app's own function (mention_natural_key, registered by
-- migrate.ts), so importing the same file again finds them instead of adding them twice.
-- What else names a mention by its key moves with it: replies and thread roots that point to
-- it, and the user's corrections and handling marks (overrides). Ids stay: they only need to
-- follow time and be unique, so the full-text index, the People tables (by mention id) and
-- the rollups (by time and channel) are untouched. Rows that were collapsed stay one row,
-- the first file row's author's; importing that file again now adds the others.
--
-- A feed item without guid, link or date was stored with its fetch time (posted_at equal to
-- imported_at, both the poll's clock): its key leaves the time out, as the poller's does.
--
-- Left as they are: overrides of rows no longer stored (an undone import) — nothing says
-- which author and time their text had.
CREATE TEMP TABLE rekey (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;

INSERT INTO rekey (old, new)
SELECT old, new FROM (
  SELECT m.natural_key AS old,
    mention_natural_key(m.channel, NULL, NULL, m.text, a.handle, m.posted_at,
      m.posted_at = m.imported_at AND (b.kind = 'feed' OR s.kind = 'feed')) AS new
  FROM mentions m
  LEFT JOIN authors a ON a.id = m.author_id
  LEFT JOIN import_batches b ON b.id = m.batch_id
  LEFT JOIN sources s ON s.id = m.source_id
  WHERE (m.external_id IS NULL OR m.external_id = '') AND (m.url IS NULL OR m.url = '')
) WHERE new IS NOT old;

UPDATE mentions SET natural_key = r.new FROM rekey r WHERE mentions.natural_key = r.old;
UPDATE mentions SET reply_to_key = r.new FROM rekey r WHERE mentions.reply_to_key = r.old;
UPDATE mentions SET thread_key = r.new FROM rekey r WHERE mentions.thread_key = r.old;
UPDATE overrides SET target_key = r.new FROM rekey r
  WHERE overrides.target_kind = 'mention' AND overrides.target_key = r.old;

DROP TABLE rekey;
