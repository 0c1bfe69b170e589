import { deleteMeta, readMeta } from '../db/meta';
import { withoutIndexes } from '../db/without-indexes';
import type { Db } from '../db/workspace-file';
import { authorKey } from './author-key';
import { coordinationCounts, rebuildGroups } from './coordination';
import { fingerprint } from './fingerprint';
import {
  judgeAuthor,
  type AuthorLabel,
  type AuthorVerdict,
  type BrandReply,
  type PostFacts,
} from './judge';

export {
  COORDINATION_WINDOW_MS,
  MIN_HISTORY,
  THRESHOLDS,
  type AuthorFeatures,
  type AuthorLabel,
  type AuthorVerdict,
} from './judge';

/**
 * Above this share of unanalysed authors (and this many) one bulk pass is faster than
 * author by author; small workspaces always go author by author.
 */
const FULL_PASS_SHARE = 0.25;
const FULL_PASS_MIN = 2000;
const FULL_PASS_FLAG = 'people_full_pass';

export interface PeopleRun {
  /** true: every author and group was recomputed. */
  full: boolean;
  /** The authors whose verdict was recomputed (with their new verdicts). */
  recomputed: AuthorVerdict[];
}

type PostRow = PostFacts & { author_id: number; is_brand: number };

const POST_COLUMNS =
  'id, author_id, natural_key, posted_at, text, sentiment, complaint, insult, campaign, reply_to_key, is_brand';

/**
 * Brings the people analysis up to date. Authors whose posts changed since the last run
 * (imports, polls and undo mark them through triggers; corrections too) are recomputed,
 * with the accounts whose coordinated groups those changes touch and the authors a new
 * brand reply answers. Everyone else keeps their verdict. A first run, a change of the
 * brand's own accounts, `full`, or a large share of changed authors runs one bulk pass.
 */
export function analysePeople(db: Db, now: number, opts: { full?: boolean } = {}): PeopleRun {
  return db.transaction((): PeopleRun => {
    const flagged = readMeta(db, FULL_PASS_FLAG) === '1';
    const dirty = db
      // Forced: without statistics the planner scans the whole table (30 ms at 127k authors)
      // although only the few changed authors are in this partial index.
      .prepare(
        'SELECT id, is_brand AS brand FROM authors INDEXED BY authors_unanalysed WHERE analysed_at IS NULL',
      )
      .all() as Array<{ id: number; brand: number }>;
    if (!opts.full && !flagged && dirty.length === 0) return { full: false, recomputed: [] };
    const total = (db.prepare('SELECT count(*) AS n FROM authors').get() as { n: number }).n;
    const full =
      !!opts.full || flagged || dirty.length > Math.max(FULL_PASS_MIN, FULL_PASS_SHARE * total);
    const recomputed = full ? fullPass(db, now) : incrementalPass(db, now, dirty);
    deleteMeta(db, FULL_PASS_FLAG);
    return { full, recomputed };
  })();
}

/** A full pass over every author; returns every verdict (the CLI and the bench use it). */
export function analyseAuthors(db: Db, now: number): AuthorVerdict[] {
  return analysePeople(db, now, { full: true }).recomputed;
}

function fullPass(db: Db, now: number): AuthorVerdict[] {
  // In id order, the table's own: by (author, id) the 1M-mention bench read each row through
  // the author index, ~5 s of scattered reads. Each author's posts still come in id order.
  const rows = db
    .prepare(
      `SELECT ${POST_COLUMNS} FROM mentions WHERE author_id IS NOT NULL AND is_brand = 0 ORDER BY id`,
    )
    .all() as PostRow[];
  const brandPosts = db
    .prepare(
      'SELECT id, author_id, posted_at, reply_to_key FROM mentions WHERE author_id IS NOT NULL AND is_brand = 1 ORDER BY id',
    )
    .all() as Array<{
    id: number;
    author_id: number;
    posted_at: number;
    reply_to_key: string | null;
  }>;
  const authorOfKey = new Map(rows.map((r) => [r.natural_key, r.author_id]));
  withoutIndexes(db, 'people_posts', () => {
    db.prepare('DELETE FROM people_posts').run();
    const insert = db.prepare(
      'INSERT INTO people_posts (mention_id, author_id, posted_at, text_key, tags_key, answers_author) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Customer posts and brand replies merged by id: appends to the table, where inserting
    // by author scattered 1M rows over it (and over its three indexes, rebuilt afterwards).
    let b = 0;
    const brandUpTo = (id: number): void => {
      for (let p; (p = brandPosts[b]) && p.id < id; b++) {
        const answers = p.reply_to_key ? (authorOfKey.get(p.reply_to_key) ?? null) : null;
        insert.run(p.id, p.author_id, p.posted_at, null, null, answers);
      }
    };
    for (const r of rows) {
      brandUpTo(r.id);
      const f = fingerprint(r.text);
      insert.run(r.id, r.author_id, r.posted_at, f.textKey, f.tagsKey, null);
    }
    brandUpTo(Infinity);
  });
  rebuildGroups(db, 'text', 'all');
  rebuildGroups(db, 'tags', 'all');
  const coordinated = coordinationCounts(db, 'all');
  const replies = brandReplies(db, null);
  const byAuthor = new Map<number, PostRow[]>();
  for (const r of rows)
    (byAuthor.get(r.author_id) ?? byAuthor.set(r.author_id, []).get(r.author_id))?.push(r);
  const authors = db
    .prepare('SELECT id, channel, handle, label FROM authors WHERE is_brand = 0 AND posts > 0')
    .all() as AuthorRow[];
  const out = authors.map((a) =>
    judgeAuthor(a, byAuthor.get(a.id) ?? [], replies, coordinated.get(a.id) ?? 0),
  );
  // Every author's label and score change at once: ~20 µs an author with the People list's
  // ten indexes kept up to date, against rebuilding them once.
  withoutIndexes(db, 'authors', () => {
    save(db, now, authors, out);
    db.prepare('UPDATE authors SET analysed_at = ? WHERE analysed_at IS NULL').run(now);
  });
  return out;
}

function incrementalPass(
  db: Db,
  now: number,
  dirty: Array<{ id: number; brand: number }>,
): AuthorVerdict[] {
  const todo = new Set<number>();
  const keys = { text: new Set<number>(), tags: new Set<number>() };
  // `dirty` holds brand accounts too: their new replies change the authors they answer.
  const seen = db.prepare(
    'SELECT mention_id AS id, text_key AS t, tags_key AS g, answers_author AS ans FROM people_posts WHERE author_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO people_posts (mention_id, author_id, posted_at, text_key, tags_key, answers_author) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const drop = db.prepare('DELETE FROM people_posts WHERE mention_id = ?');
  const postsOf = db.prepare(
    `SELECT ${POST_COLUMNS} FROM mentions WHERE author_id = ? ORDER BY id`,
  );
  const authorOfKey = db.prepare(
    'SELECT author_id AS a FROM mentions WHERE natural_key = ? AND is_brand = 0',
  );
  for (const d of dirty) {
    todo.add(d.id);
    const before = new Map(
      (
        seen.all(d.id) as Array<{
          id: number;
          t: number | null;
          g: number | null;
          ans: number | null;
        }>
      ).map((r) => [r.id, r]),
    );
    for (const p of postsOf.all(d.id) as PostRow[]) {
      if (before.delete(p.id)) continue;
      // A post new to the analysis: its keys may form or grow a group; a brand reply
      // changes how the author it answers reacted.
      if (p.is_brand) {
        const ans = p.reply_to_key
          ? ((authorOfKey.get(p.reply_to_key) as { a: number | null } | undefined)?.a ?? null)
          : null;
        if (ans !== null) todo.add(ans);
        insert.run(p.id, d.id, p.posted_at, null, null, ans);
      } else {
        const f = fingerprint(p.text);
        if (f.textKey !== null) keys.text.add(f.textKey);
        if (f.tagsKey !== null) keys.tags.add(f.tagsKey);
        insert.run(p.id, d.id, p.posted_at, f.textKey, f.tagsKey, null);
      }
    }
    // Posts gone since the last run (undo): their groups and the authors they answered.
    for (const gone of before.values()) {
      if (gone.t !== null) keys.text.add(gone.t);
      if (gone.g !== null) keys.tags.add(gone.g);
      if (gone.ans !== null) todo.add(gone.ans);
      drop.run(gone.id);
    }
  }
  for (const a of rebuildGroups(db, 'text', [...keys.text])) todo.add(a);
  for (const a of rebuildGroups(db, 'tags', [...keys.tags])) todo.add(a);
  const ids = [...todo];
  const authors = (
    db
      .prepare(
        `SELECT id, channel, handle, label FROM authors WHERE is_brand = 0 AND posts > 0 AND id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as AuthorRow[]
  ).sort((a, b) => a.id - b.id);
  const coordinated = coordinationCounts(db, ids);
  const out = authors.map((a) => {
    const posts = (postsOf.all(a.id) as PostRow[]).filter((p) => !p.is_brand);
    return judgeAuthor(a, posts, brandReplies(db, a.id), coordinated.get(a.id) ?? 0);
  });
  save(db, now, authors, out);
  const mark = db.prepare('UPDATE authors SET analysed_at = ? WHERE id = ?');
  for (const d of dirty) mark.run(now, d.id);
  return out;
}

/** First brand reply to each post (by natural key): of one author's posts, or of all. */
function brandReplies(db: Db, authorId: number | null): Map<string, BrandReply> {
  const rows = db
    .prepare(
      `SELECT reply_to_key AS k, min(posted_at) AS at, text FROM mentions
       WHERE is_brand = 1 AND reply_to_key IS NOT NULL
       ${authorId === null ? '' : 'AND reply_to_key IN (SELECT natural_key FROM mentions WHERE author_id = ?)'}
       GROUP BY reply_to_key`,
    )
    .all(...(authorId === null ? [] : [authorId])) as Array<{
    k: string;
    at: number;
    text: string;
  }>;
  return new Map(rows.map((r) => [r.k, { at: r.at, text: r.text }]));
}

interface AuthorRow {
  id: number;
  channel: string;
  handle: string;
  label: string | null;
}

/**
 * Applies the user's overrides, stores the verdicts, and records a label change in the
 * history (the first verdict too), with the date of the author's newest post.
 */
function save(db: Db, now: number, authors: AuthorRow[], verdicts: AuthorVerdict[]): void {
  const overrides = new Map(
    (
      db
        .prepare(
          "SELECT target_key AS k, value FROM overrides WHERE target_kind = 'author' AND field = 'label'",
        )
        .all() as Array<{ k: string; value: string }>
    ).map((o) => [o.k, o.value]),
  );
  const update = db.prepare(
    'UPDATE authors SET label = ?, score = ?, reasons = ?, features = ?, evidence = ?, analysed_at = ? WHERE id = ?',
  );
  const history = db.prepare(
    `INSERT OR REPLACE INTO author_label_history (author_id, at, label, score, by_user, data_until)
     VALUES (?, ?, ?, ?, ?, (SELECT last_seen_at FROM authors WHERE id = ?))`,
  );
  const hasHistory = db.prepare('SELECT 1 FROM author_label_history WHERE author_id = ? LIMIT 1');
  verdicts.forEach((v, i) => {
    const o = overrides.get(authorKey(v.channel, v.handle));
    if (o) {
      const text = `Label set by the user (computed: ${v.label.replace('_', ' ')})`;
      v.reasons.unshift(text);
      v.why.unshift({ key: 'override', params: { label: v.label }, text });
      v.label = o as AuthorLabel;
      v.overridden = true;
    }
    update.run(
      v.label,
      v.score,
      JSON.stringify(v.why),
      JSON.stringify(v.features),
      JSON.stringify(v.evidence),
      now,
      v.id,
    );
    if (authors[i]?.label !== v.label || !hasHistory.get(v.id))
      history.run(v.id, now, v.label, v.score, +v.overridden, v.id);
  });
}
