import type { Db } from '../db/workspace-file';
import { sharedItems } from './fingerprint';
import { COORDINATION_WINDOW_MS, THRESHOLDS } from './judge';

export type CoordinationKind = 'text' | 'tags';

export interface KeyedPost {
  mentionId: number;
  authorId: number;
  postedAt: number;
}

/**
 * Splits the posts sharing one key (oldest first) into bursts — each post within the window
 * of the previous one — and keeps the bursts with enough distinct accounts. A burst is one
 * coordinated group: those accounts posted the same thing within minutes of each other.
 */
export function burstsOf(posts: KeyedPost[]): KeyedPost[][] {
  const out: KeyedPost[][] = [];
  let current: KeyedPost[] = [];
  const flush = (): void => {
    if (new Set(current.map((p) => p.authorId)).size >= THRESHOLDS.coordinationMinAccounts)
      out.push(current);
    current = [];
  };
  for (const p of posts) {
    const last = current[current.length - 1];
    if (last && p.postedAt - last.postedAt > COORDINATION_WINDOW_MS) flush();
    current.push(p);
  }
  flush();
  return out;
}

const COLUMN: Record<CoordinationKind, string> = { text: 'text_key', tags: 'tags_key' };

/**
 * Recomputes the coordinated groups of the given keys from `people_posts` (every key when
 * `keys` is 'all') and returns the accounts whose groups may have changed: members before
 * and after, so their coordination counts are recomputed too.
 */
export function rebuildGroups(db: Db, kind: CoordinationKind, keys: number[] | 'all'): Set<number> {
  const col = COLUMN[kind];
  const touched = new Set<number>();
  const posts =
    keys === 'all'
      ? (db
          .prepare(
            `SELECT ${col} AS k, mention_id AS mentionId, author_id AS authorId, posted_at AS postedAt FROM people_posts
             WHERE ${col} IN (SELECT ${col} FROM people_posts WHERE ${col} IS NOT NULL GROUP BY ${col}
               HAVING count(DISTINCT author_id) >= ${THRESHOLDS.coordinationMinAccounts})
             ORDER BY ${col}, posted_at, mention_id`,
          )
          .all() as Array<KeyedPost & { k: number }>)
      : keys.flatMap(
          (k) =>
            db
              .prepare(
                `SELECT ${col} AS k, mention_id AS mentionId, author_id AS authorId, posted_at AS postedAt FROM people_posts
                 WHERE ${col} = ? ORDER BY posted_at, mention_id`,
              )
              .all(k) as Array<KeyedPost & { k: number }>,
        );
  if (keys === 'all') {
    db.prepare(
      `DELETE FROM coordination_members WHERE group_id IN (SELECT id FROM coordination_groups WHERE kind = ?)`,
    ).run(kind);
    db.prepare('DELETE FROM coordination_groups WHERE kind = ?').run(kind);
  } else {
    const old = db.prepare(
      `SELECT DISTINCT m.author_id AS a FROM coordination_groups g JOIN coordination_members m ON m.group_id = g.id
       WHERE g.kind = ? AND g.key = ?`,
    );
    const delMembers = db.prepare(
      'DELETE FROM coordination_members WHERE group_id IN (SELECT id FROM coordination_groups WHERE kind = ? AND key = ?)',
    );
    const delGroups = db.prepare('DELETE FROM coordination_groups WHERE kind = ? AND key = ?');
    for (const k of keys) {
      for (const r of old.all(kind, k) as Array<{ a: number }>) touched.add(r.a);
      delMembers.run(kind, k);
      delGroups.run(kind, k);
    }
  }
  const insertGroup = db.prepare(
    `INSERT INTO coordination_groups (kind, key, first_at, last_at, members, posts, sample_mention_id, shared)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(
    'INSERT INTO coordination_members (group_id, mention_id, author_id, posted_at) VALUES (?, ?, ?, ?)',
  );
  const sampleText = db.prepare('SELECT text FROM mentions WHERE id = ?');
  const writeKey = (k: number, list: KeyedPost[]): void => {
    for (const burst of burstsOf(list)) {
      const first = burst[0] as KeyedPost;
      const last = burst[burst.length - 1] as KeyedPost;
      const text = (sampleText.get(first.mentionId) as { text: string } | undefined)?.text ?? '';
      const authors = new Set(burst.map((p) => p.authorId));
      const gid = Number(
        insertGroup.run(
          kind,
          k,
          first.postedAt,
          last.postedAt,
          authors.size,
          burst.length,
          first.mentionId,
          JSON.stringify(sharedItems(text)),
        ).lastInsertRowid,
      );
      for (const p of burst) insertMember.run(gid, p.mentionId, p.authorId, p.postedAt);
      for (const a of authors) touched.add(a);
    }
  };
  let start = 0;
  for (let i = 1; i <= posts.length; i++) {
    const k = posts[start]?.k;
    if (i === posts.length || posts[i]?.k !== k) {
      if (k !== undefined) writeKey(k, posts.slice(start, i));
      start = i;
    }
  }
  return touched;
}

/** How many other accounts each of these authors coordinated with, over all their groups. */
export function coordinationCounts(db: Db, authorIds: number[] | 'all'): Map<number, number> {
  const sql = `SELECT a.author_id AS a, count(DISTINCT b.author_id) AS n
    FROM coordination_members a JOIN coordination_members b ON b.group_id = a.group_id AND b.author_id <> a.author_id
    ${authorIds === 'all' ? '' : 'WHERE a.author_id = ?'} GROUP BY a.author_id`;
  const stmt = db.prepare(sql);
  const out = new Map<number, number>();
  const rows =
    authorIds === 'all'
      ? (stmt.all() as Array<{ a: number; n: number }>)
      : authorIds.flatMap((id) => stmt.all(id) as Array<{ a: number; n: number }>);
  for (const r of rows) out.set(r.a, r.n);
  return out;
}
