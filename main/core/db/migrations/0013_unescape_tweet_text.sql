-- X archive and twarc2 rows stored before f048277 kept their text as X writes it, with `&`,
-- `<` and `>` escaped ('@acme &gt; still waiting', 'R&amp;D'); an import stores them
-- unescaped now, but re-importing skips stored rows, so the old text stayed. Exactly those
-- rows get the text today's importer gives them: rows on X of imports whose format is
-- x-archive or twarc2 (a generic CSV or a feed is stored as written, where '&amp;' may be
-- what the post said), still holding an entity, and not already stored by the fixed importer
-- (tweet_text_unescaped reads the raw record, migration-functions.ts).
-- The full-text index has external content: each changed row's old entry is deleted with its
-- old text, then indexed again with the new one. Keys (channel + id), analysis (it decoded the
-- entities already) and rollups do not change; People's text fingerprints are recomputed at
-- the next open. The scan reads only the rows of those imports that hold '&' followed by an
-- entity; the function runs on those alone.

CREATE TEMP TABLE unescaped (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
INSERT INTO unescaped
  SELECT id, new FROM (
    SELECT id, tweet_text_unescaped(text, raw) AS new FROM mentions
    WHERE channel = 'twitter'
      AND batch_id IN (SELECT id FROM import_batches WHERE format IN ('x-archive', 'twarc2'))
      AND (instr(text, '&amp;') OR instr(text, '&lt;') OR instr(text, '&gt;'))
  ) WHERE new IS NOT NULL;

INSERT INTO mentions_fts (mentions_fts, rowid, text, title)
  SELECT 'delete', id, text, title FROM mentions WHERE id IN (SELECT id FROM unescaped);
UPDATE mentions SET text = (SELECT u.text FROM unescaped u WHERE u.id = mentions.id)
  WHERE id IN (SELECT id FROM unescaped);
INSERT INTO mentions_fts (rowid, text, title)
  SELECT id, text, title FROM mentions WHERE id IN (SELECT id FROM unescaped);

INSERT INTO meta (key, value) SELECT 'people_full_pass', '1' WHERE EXISTS (SELECT 1 FROM unescaped)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

DROP TABLE unescaped;
