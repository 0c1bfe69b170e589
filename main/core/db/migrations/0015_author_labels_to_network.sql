-- The user's decisions about an author (overrides with target_kind 'author': People labels),
-- left on the author on 'other' when that author's posts went to the same handle on a network:
--   - 0012 removed the 'other' copy of a post also stored on its network (its twin) and moved
--     the post's corrections, but not its author's label (review S6-2);
--   - 0011 moved rows to their network and carried their author's label, but looked it up as
--     'other:' || lower(handle): SQLite's lower() changes ASCII letters only, the app keys
--     labels with JavaScript's toLowerCase (people/author-key.ts), so a label on 'Ángela'
--     (key other:ángela) was not found (review S6-3).
-- The label is copied to the same handle on the network, keyed as the app keys it
-- (author_key, registered by migrate.ts); a decision the user already took there wins
-- (INSERT OR IGNORE). The 'other' author keeps its own.
--
-- 0012 kept no list of the copies it removed, so which network author inherits is read from
-- what both migrations leave, for an author A on 'other' with a decision and an author N of
-- the same handle (the same file row read twice gives the same handle) on any other channel:
--   1. A has no post left and N has one from a generic import (csv, tsv, json, jsonl): A's
--      posts went somewhere (0012's removed copies, whose twins stay on N in a generic
--      import; 0011's moved rows, which keep their generic import; or an undone import whose
--      file came back on its network), and only a generic file puts one handle on 'other'
--      and on a network;
--   2. or A and N have posts in one same generic import: one file's author column, read
--      with the link rule (0011 moved the rows with a network link and left the others).
-- Not carried: to a handle on a network whose posts come from other imports only while A
-- still has posts (two files naming the same handle do not prove one person), nor where
-- the user removed a label 0011 had copied (a removal leaves no trace to tell it apart).
-- The heirs' verdicts are recomputed at the next People pass, with the label applied.

CREATE TEMP TABLE label_generic_batch (id INTEGER PRIMARY KEY);
INSERT INTO label_generic_batch
  SELECT id FROM import_batches WHERE format IN ('csv', 'tsv', 'json', 'jsonl');

-- Authors on 'other' the user decided about (one call of author_key per such author).
CREATE TEMP TABLE labelled_other (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  handle TEXT NOT NULL,
  has_posts INTEGER NOT NULL
);
INSERT INTO labelled_other (id, key, handle, has_posts)
  SELECT a.id, a.k, a.handle, EXISTS (SELECT 1 FROM mentions m WHERE m.author_id = a.id)
  FROM (SELECT id, handle, author_key(channel, handle) AS k FROM authors WHERE channel = 'other') a
  WHERE a.k IN (SELECT target_key FROM overrides WHERE target_kind = 'author');

CREATE TEMP TABLE label_heir (
  heir INTEGER NOT NULL,
  heir_key TEXT NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (heir, key)
) WITHOUT ROWID;
INSERT OR IGNORE INTO label_heir (heir, heir_key, key)
  SELECT n.id, author_key(n.channel, n.handle), o.key
  FROM labelled_other o
  JOIN authors n ON n.handle = o.handle AND n.channel <> 'other'
  WHERE (NOT o.has_posts
         AND EXISTS (SELECT 1 FROM mentions m
                     WHERE m.author_id = n.id AND m.batch_id IN label_generic_batch))
     OR EXISTS (SELECT 1 FROM mentions m
                WHERE m.author_id = o.id AND m.batch_id IN label_generic_batch
                  AND m.batch_id IN (SELECT k.batch_id FROM mentions k WHERE k.author_id = n.id));

INSERT OR IGNORE INTO overrides (target_kind, target_key, field, value, note, created_at)
  SELECT 'author', h.heir_key, o.field, o.value, o.note, o.created_at
  FROM label_heir h
  JOIN overrides o ON o.target_kind = 'author' AND o.target_key = h.key;

UPDATE authors SET analysed_at = NULL WHERE id IN (SELECT heir FROM label_heir);

DROP TABLE label_heir;
DROP TABLE labelled_other;
DROP TABLE label_generic_batch;
