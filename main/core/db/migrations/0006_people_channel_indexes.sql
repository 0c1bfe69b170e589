-- The People list filtered by channel (and its counts per channel and per label) read these
-- instead of the (channel, handle) index plus a table lookup per author: 100–350 ms → a few
-- ms at 127k authors.
CREATE INDEX authors_people_channel ON authors (channel, label, score, posts)
  WHERE is_brand = 0 AND posts > 0;
CREATE INDEX authors_people_channel_rank ON authors (channel, (label = 'insufficient_history'), score DESC, posts DESC)
  WHERE is_brand = 0 AND posts > 0;
