-- The full-text index keeps only which mentions hold each word (detail = none) and no per-row
-- token counts (columnsize = 0), instead of the column each word is in and a size row per
-- mention. The search box never asks for more: every query is words and word prefixes ANDed
-- (mentions-query.ts toFtsQuery), newest first by rowid, with no column filter, phrase, NEAR,
-- rank, bm25, snippet or highlight — all of which detail = column already refused or nothing
-- uses. What it saves, measured on the 1M-mention bench workspace: building the index takes
-- 1.13–1.50 → 0.66–0.69 s of CPU (the end of every bulk load), and it takes 45 MB instead of
-- 82 MB; each mention a feed or a small import adds writes no size row.
-- The index is built again from the mentions (external content), with the bulk load's rebuild
-- settings (bulk-load.ts REBUILD_FTS_CONFIG), then FTS5's defaults for later writes: ~1 s per
-- million mentions.

DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  text, title,
  content = 'mentions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  detail = none, columnsize = 0
);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 0);
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 1048576);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 4);
