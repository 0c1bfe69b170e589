-- People analysis (schema version 4): label history, coordination groups, incremental analysis.

-- The posts that show an author's label (JSON array of mention ids).
ALTER TABLE authors ADD COLUMN evidence TEXT;

-- Every change of an author's label, when the analysis (or the user) made it, so the People
-- page can say "angry customer → escalating on 5 March".
CREATE TABLE author_label_history (
  author_id INTEGER NOT NULL,
  at INTEGER NOT NULL,                          -- when the analysis ran / the user decided
  label TEXT NOT NULL,
  score REAL NOT NULL,
  by_user INTEGER NOT NULL DEFAULT 0,           -- 1: a user override, 0: computed
  data_until INTEGER,                           -- the author's newest post at that moment
  PRIMARY KEY (author_id, at)
) WITHOUT ROWID;

-- What the people analysis has seen of each post: the coordination keys (hashes of the
-- normalised text and of the hashtag+link set) and, for brand replies, whose post they
-- answer. A mention without a row here is new to the analysis.
CREATE TABLE people_posts (
  mention_id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL,
  posted_at INTEGER NOT NULL,
  text_key INTEGER,
  tags_key INTEGER,
  answers_author INTEGER                        -- brand replies only
);
CREATE INDEX people_posts_author ON people_posts (author_id);
CREATE INDEX people_posts_text ON people_posts (text_key, posted_at) WHERE text_key IS NOT NULL;
CREATE INDEX people_posts_tags ON people_posts (tags_key, posted_at) WHERE tags_key IS NOT NULL;

-- Accounts posting the same text, or the same hashtags and links, within minutes.
CREATE TABLE coordination_groups (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'tags')),
  key INTEGER NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  members INTEGER NOT NULL,                     -- distinct accounts
  posts INTEGER NOT NULL,
  sample_mention_id INTEGER NOT NULL,           -- the first post: what they shared
  shared TEXT NOT NULL DEFAULT '[]'             -- JSON: hashtags and links in common
);
CREATE INDEX coordination_groups_key ON coordination_groups (kind, key);
CREATE INDEX coordination_groups_first ON coordination_groups (first_at);

CREATE TABLE coordination_members (
  group_id INTEGER NOT NULL,
  mention_id INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  posted_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, mention_id)
) WITHOUT ROWID;
CREATE INDEX coordination_members_author ON coordination_members (author_id, group_id);

-- Incremental analysis: an author whose posts change is marked unanalysed (analysed_at
-- NULL). The mention writer and undo update `posts` once per author and batch, so these
-- triggers cost little during bulk imports (no trigger fires per inserted mention).
CREATE INDEX authors_unanalysed ON authors (id) WHERE analysed_at IS NULL;
CREATE TRIGGER authors_posts_changed AFTER UPDATE OF posts ON authors
  WHEN NEW.posts IS NOT OLD.posts
BEGIN
  UPDATE authors SET analysed_at = NULL WHERE id = NEW.id;
END;
-- A corrected sentiment, complaint or insult changes the author's features.
CREATE TRIGGER mentions_analysis_changed AFTER UPDATE OF sentiment, complaint, insult, campaign ON mentions
  WHEN NEW.author_id IS NOT NULL AND (NEW.sentiment IS NOT OLD.sentiment OR NEW.complaint IS NOT OLD.complaint
    OR NEW.insult IS NOT OLD.insult OR NEW.campaign IS NOT OLD.campaign)
BEGIN
  UPDATE authors SET analysed_at = NULL WHERE id = NEW.author_id AND analysed_at IS NOT NULL;
END;
-- Which accounts are the brand's decides who is a customer and what a brand reply is: when
-- that changes, the next analysis is a full pass.
CREATE TRIGGER authors_brand_changed AFTER UPDATE OF is_brand ON authors
  WHEN NEW.is_brand IS NOT OLD.is_brand
BEGIN
  INSERT OR REPLACE INTO meta (key, value) VALUES ('people_full_pass', '1');
END;

-- The People list pages through 100k+ authors in each sort order by index, not by sorting.
CREATE INDEX authors_people_rank ON authors ((label = 'insufficient_history'), score DESC, posts DESC)
  WHERE is_brand = 0 AND posts > 0;
CREATE INDEX authors_people_label ON authors (label, score, posts) WHERE is_brand = 0 AND posts > 0;
CREATE INDEX authors_people_score ON authors (score, posts) WHERE is_brand = 0 AND posts > 0;
CREATE INDEX authors_people_posts ON authors (posts, score) WHERE is_brand = 0 AND posts > 0;
CREATE INDEX authors_people_handle ON authors (handle) WHERE is_brand = 0 AND posts > 0;
CREATE INDEX authors_people_last ON authors (last_seen_at) WHERE is_brand = 0 AND posts > 0;

-- Workspaces analysed before this version have no coordination keys yet.
INSERT OR REPLACE INTO meta (key, value) VALUES ('people_full_pass', '1');
