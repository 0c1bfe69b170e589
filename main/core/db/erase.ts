import { authorKey } from '../people/author-key';
import { withResponseRefresh } from './response-rollups';
import { ROLLUP_FACT_COLUMNS, RollupAccumulator, type RollupFact } from './rollups';
import type { Db } from './workspace-file';

/**
 * Erases everything stored about one author (a person's request, or a mistake): their
 * mentions, the full-text rows, their contribution to the dashboards, their profile, labels
 * and overrides. Brand replies to them stay (they are the brand's own words) but no longer
 * point at a stored post. One transaction: all of it or none.
 */
export function eraseAuthor(
  db: Db,
  channel: string,
  handle: string,
  timezone: string,
): { mentions: number; found: boolean } {
  const author = 'author_id = (SELECT id FROM authors WHERE channel = ? AND handle = ?)';
  const h = handle.replace(/^@/, '');
  return withResponseRefresh(
    db,
    `SELECT natural_key FROM mentions WHERE ${author} AND is_brand = 0
     UNION SELECT reply_to_key FROM mentions WHERE ${author} AND is_brand = 1 AND reply_to_key IS NOT NULL`,
    [channel, h, channel, h],
    () => eraseRows(db, channel, handle, timezone),
  );
}

function eraseRows(
  db: Db,
  channel: string,
  handle: string,
  timezone: string,
): { mentions: number; found: boolean } {
  return db.transaction(() => {
    const a = db
      .prepare('SELECT id FROM authors WHERE channel = ? AND handle = ?')
      .get(channel, handle.replace(/^@/, '')) as { id: number } | undefined;
    if (!a) return { mentions: 0, found: false };
    const facts = db
      .prepare(`SELECT ${ROLLUP_FACT_COLUMNS} FROM mentions WHERE author_id = ?`)
      .all(a.id) as RollupFact[];
    const acc = new RollupAccumulator(timezone);
    for (const f of facts) acc.add(f, -1);
    acc.flush(db);
    const keys = (
      db.prepare('SELECT natural_key AS k FROM mentions WHERE author_id = ?').all(a.id) as Array<{
        k: string;
      }>
    ).map((r) => r.k);
    db.prepare(
      "INSERT INTO mentions_fts (mentions_fts, rowid, text, title) SELECT 'delete', id, text, title FROM mentions WHERE author_id = ?",
    ).run(a.id);
    const removed = db.prepare('DELETE FROM mentions WHERE author_id = ?').run(a.id).changes;
    const delOverride = db.prepare(
      "DELETE FROM overrides WHERE target_kind = 'mention' AND target_key = ?",
    );
    for (const k of keys) delOverride.run(k);
    db.prepare("DELETE FROM overrides WHERE target_kind = 'author' AND target_key = ?").run(
      authorKey(channel, handle.replace(/^@/, '')),
    );
    db.prepare('DELETE FROM authors WHERE id = ?').run(a.id);
    return { mentions: removed, found: true };
  })();
}
