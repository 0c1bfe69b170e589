import { idRangeFor, secondOfId } from './mention-key';
import type { Db } from './workspace-file';

/*
 * Ids follow mention time (mention-key.ts: the posting second × 65536 + a slot, a collision
 * probing at most into the next second), so the oldest and newest mentions are among the first
 * and last two seconds of ids: min/max(posted_at) over the table read every row (~150 ms at
 * 1M mentions); these read the primary key's ends and a few rows.
 */

/** The newest stored mention's time (epoch ms), or null when there is none. */
export function newestPostedAt(db: Db): number | null {
  const top = (db.prepare('SELECT max(id) AS id FROM mentions').get() as { id: number | null }).id;
  if (top === null) return null;
  const [lo] = idRangeFor((secondOfId(top) - 1) * 1000, 0);
  return (
    db.prepare('SELECT max(posted_at) AS t FROM mentions WHERE id >= ?').get(lo) as {
      t: number | null;
    }
  ).t;
}

/** The oldest stored mention's time (epoch ms), or null when there is none. */
export function oldestPostedAt(db: Db): number | null {
  const low = (db.prepare('SELECT min(id) AS id FROM mentions').get() as { id: number | null }).id;
  if (low === null) return null;
  // The oldest mention's id is at most one second past its own, and no id is before its own.
  const [, hi] = idRangeFor(0, (secondOfId(low) + 2) * 1000);
  return (
    db.prepare('SELECT min(posted_at) AS t FROM mentions WHERE id <= ?').get(hi) as {
      t: number | null;
    }
  ).t;
}
