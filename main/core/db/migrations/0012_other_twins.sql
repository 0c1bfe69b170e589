-- A generic file imported before 154272b (rows on 'other') and again after it (rows on their
-- network) holds every such post twice: other:<id> and twitter:<id>, same text, same time.
-- Migration 0011 could not move those 'other' rows (their new key was taken) and, having run,
-- would not see them again: undoing the second import and importing once more only made the
-- twin again. Here the 'other' copy goes and its twin stays, when both come from generic
-- imports and carry the same key after the channel, text and posting time — the same row of
-- the same file read twice, under two channel rules.
--
-- What the removed copy carried goes to the twin: the user's corrections and handling marks
-- (where the twin has none of its own for that field) and replies or thread roots naming it.
-- Its search-index entry, People rows and author count go with it, and its import's count;
-- rollups and People are rebuilt at the next open.

CREATE TEMP TABLE twin (id INTEGER PRIMARY KEY, old TEXT NOT NULL UNIQUE, keep TEXT NOT NULL);
INSERT INTO twin (id, old, keep)
  SELECT o.id, o.natural_key, t.natural_key
  FROM mentions o
  -- the networks a generic row's columns or link can name (channel-hint.ts)
  JOIN (SELECT 'twitter' AS c UNION ALL SELECT 'facebook' UNION ALL SELECT 'instagram'
        UNION ALL SELECT 'reddit' UNION ALL SELECT 'youtube') n
  JOIN mentions t ON t.natural_key = n.c || substr(o.natural_key, 6)
  WHERE o.channel = 'other' AND o.natural_key GLOB 'other:*'
    AND t.channel = n.c AND t.text = o.text AND t.posted_at = o.posted_at
    AND o.batch_id IN (SELECT id FROM import_batches WHERE format IN ('csv', 'tsv', 'json', 'jsonl'))
    AND t.batch_id IN (SELECT id FROM import_batches WHERE format IN ('csv', 'tsv', 'json', 'jsonl'));

-- The copy's corrections the twin has none of, applied to the twin as an import applies them.
CREATE TEMP TABLE twin_override (keep TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (keep, field)) WITHOUT ROWID;
INSERT INTO twin_override
  SELECT tw.keep, o.field, o.value FROM overrides o JOIN twin tw ON o.target_kind = 'mention' AND o.target_key = tw.old
  WHERE NOT EXISTS (SELECT 1 FROM overrides k WHERE k.target_kind = 'mention' AND k.target_key = tw.keep AND k.field = o.field);
INSERT INTO overrides (target_kind, target_key, field, value, note, created_at)
  SELECT o.target_kind, tw.keep, o.field, o.value, o.note, o.created_at
  FROM overrides o JOIN twin tw ON o.target_kind = 'mention' AND o.target_key = tw.old
  JOIN twin_override v ON v.keep = tw.keep AND v.field = o.field;
UPDATE mentions SET sentiment = CAST(v.value AS INTEGER) FROM twin_override v
  WHERE mentions.natural_key = v.keep AND v.field = 'sentiment';
UPDATE mentions SET complaint = v.value = '1' FROM twin_override v
  WHERE mentions.natural_key = v.keep AND v.field = 'complaint';
UPDATE mentions SET insult = v.value = '1' FROM twin_override v
  WHERE mentions.natural_key = v.keep AND v.field = 'insult';
UPDATE mentions SET topic = nullif(v.value, '') FROM twin_override v
  WHERE mentions.natural_key = v.keep AND v.field = 'topic';
DELETE FROM overrides WHERE target_kind = 'mention' AND target_key IN (SELECT old FROM twin);
UPDATE mentions SET reply_to_key = tw.keep FROM twin tw WHERE mentions.reply_to_key = tw.old;
UPDATE mentions SET thread_key = tw.keep FROM twin tw WHERE mentions.thread_key = tw.old;

UPDATE import_batches SET imported = imported - d.n
  FROM (SELECT batch_id, count(*) AS n FROM mentions WHERE id IN (SELECT id FROM twin) GROUP BY batch_id) d
  WHERE import_batches.id = d.batch_id;
CREATE TEMP TABLE twin_author (id INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO twin_author SELECT author_id FROM mentions
  WHERE id IN (SELECT id FROM twin) AND author_id IS NOT NULL;

INSERT INTO mentions_fts (mentions_fts, rowid, text, title)
  SELECT 'delete', id, text, title FROM mentions WHERE id IN (SELECT id FROM twin);
DELETE FROM coordination_members WHERE mention_id IN (SELECT id FROM twin);
DELETE FROM people_posts WHERE mention_id IN (SELECT id FROM twin);
DELETE FROM mentions WHERE id IN (SELECT id FROM twin);

UPDATE authors SET
  posts = (SELECT count(*) FROM mentions m WHERE m.author_id = authors.id),
  first_seen_at = (SELECT min(posted_at) FROM mentions m WHERE m.author_id = authors.id),
  last_seen_at = (SELECT max(posted_at) FROM mentions m WHERE m.author_id = authors.id)
WHERE id IN twin_author;

INSERT INTO meta (key, value) SELECT 'rollups_rebuild', '1' WHERE EXISTS (SELECT 1 FROM twin)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
INSERT INTO meta (key, value) SELECT 'people_full_pass', '1' WHERE EXISTS (SELECT 1 FROM twin)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

DROP TABLE twin_author;
DROP TABLE twin_override;
DROP TABLE twin;
