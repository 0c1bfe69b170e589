import { withResponseRefresh } from './response-rollups';
import type { Db } from './workspace-file';

/**
 * How a complaint was dealt with outside the public thread: answered by phone, direct
 * message or email (it counts as answered), or dismissed (spam, not for us: it leaves the
 * denominator). Kept in `overrides` by natural key, like every user decision, so re-analysis,
 * undo and re-import of the same data never lose it.
 */
export type Handling = 'phone' | 'dm' | 'email' | 'dismissed';

export interface HandlingMark {
  handling: Handling;
  note: string | null;
  markedAt: number;
}

const FIELD = 'handling';
/** A mark moves its mention between the states of the response rollups. */
const ONE_MENTION = 'SELECT natural_key FROM mentions WHERE id = ?';

function naturalKey(db: Db, id: number): string | null {
  const row = db.prepare('SELECT natural_key AS k FROM mentions WHERE id = ?').get(id) as
    { k: string } | undefined;
  return row?.k ?? null;
}

export function readHandling(db: Db, id: number): HandlingMark | null {
  const k = naturalKey(db, id);
  if (k === null) return null;
  const row = db
    .prepare(
      "SELECT value AS handling, note, created_at AS markedAt FROM overrides WHERE target_kind = 'mention' AND target_key = ? AND field = ?",
    )
    .get(k, FIELD) as HandlingMark | undefined;
  return row ?? null;
}

/** Marks a mention; returns the mark it replaced (for undo), or undefined when no such mention. */
export function markHandling(
  db: Db,
  id: number,
  mark: { handling: Handling; note?: string | null },
  now: number,
): { previous: HandlingMark | null } | undefined {
  return withResponseRefresh(db, ONE_MENTION, [id], () => {
    const k = naturalKey(db, id);
    if (k === null) return undefined;
    const previous = readHandling(db, id);
    db.prepare(
      `INSERT INTO overrides (target_kind, target_key, field, value, note, created_at) VALUES ('mention', ?, ?, ?, ?, ?)
       ON CONFLICT (target_kind, target_key, field) DO UPDATE SET value = excluded.value, note = excluded.note, created_at = excluded.created_at`,
    ).run(k, FIELD, mark.handling, mark.note ?? null, now);
    return { previous };
  });
}

/** Removes a mark; returns the removed one (null when there was none), undefined when no mention. */
export function clearHandling(db: Db, id: number): { removed: HandlingMark | null } | undefined {
  return withResponseRefresh(db, ONE_MENTION, [id], () => {
    const k = naturalKey(db, id);
    if (k === null) return undefined;
    const removed = readHandling(db, id);
    db.prepare(
      "DELETE FROM overrides WHERE target_kind = 'mention' AND target_key = ? AND field = ?",
    ).run(k, FIELD);
    return { removed };
  });
}

/** Every mark, by mention natural key. */
export function handlingMarks(db: Db): Map<string, Handling> {
  const rows = db
    .prepare(
      "SELECT target_key AS k, value AS v FROM overrides WHERE target_kind = 'mention' AND field = ?",
    )
    .all(FIELD) as Array<{ k: string; v: Handling }>;
  return new Map(rows.map((r) => [r.k, r.v]));
}

/** SQL fragment: the handling mark of mention alias `m` (NULL when unmarked). */
export const HANDLING_SQL = `(SELECT o.value FROM overrides o WHERE o.target_kind = 'mention' AND o.target_key = m.natural_key AND o.field = '${FIELD}')`;

/**
 * SQL condition: mention alias `m` still waits for an answer — no brand reply to it at or
 * after it (one stamped earlier is a wrong link, as for first-response times) and not marked
 * by the user as handled elsewhere or dismissed. Today, the Mentions filter and the queue use
 * it; the Overview and Responses figures read the same definition from the response rollups
 * (response-rollups.ts `stateOf`).
 */
export const UNANSWERED_SQL = `(NOT EXISTS (SELECT 1 FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1 AND r.posted_at >= m.posted_at) AND ${HANDLING_SQL} IS NULL)`;
