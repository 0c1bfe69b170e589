import { AtalayaError } from './errors';
import type { Db } from './workspace-file';

/** A user-added event on the workspace timeline ("refund announced"). */
export interface TimelineEvent {
  id: number;
  at: number;
  label: string;
  /** A concrete action (refund, CEO call): the scorecard measures time to the first one. */
  action: boolean;
  note: string | null;
  createdAt: number;
}

const SELECT = `SELECT id, at, label, is_action AS action, note, created_at AS createdAt FROM timeline_events`;
type Raw = Omit<TimelineEvent, 'action'> & { action: number };
const toEvent = (r: Raw): TimelineEvent => ({ ...r, action: r.action === 1 });

export function addEvent(
  db: Db,
  e: { at: number; label: string; action: boolean; note?: string | null },
  now: number,
): TimelineEvent {
  const r = db
    .prepare(
      'INSERT INTO timeline_events (at, label, is_action, note, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(e.at, e.label, e.action ? 1 : 0, e.note ?? null, now);
  return getEvent(db, Number(r.lastInsertRowid)) as TimelineEvent;
}

export function getEvent(db: Db, id: number): TimelineEvent | null {
  const r = db.prepare(`${SELECT} WHERE id = ? AND removed_at IS NULL`).get(id) as Raw | undefined;
  return r ? toEvent(r) : null;
}

/** Events in [from, to] (all when no range), oldest first; ties keep the order they were added. */
export function listEvents(db: Db, from = -Infinity, to = Infinity): TimelineEvent[] {
  return (
    db
      .prepare(`${SELECT} WHERE removed_at IS NULL AND at >= ? AND at <= ? ORDER BY at, id`)
      .all(Number.isFinite(from) ? from : -8.64e15, Number.isFinite(to) ? to : 8.64e15) as Raw[]
  ).map(toEvent);
}

/** Soft removal, so that "undo" brings the same event back with its id. */
export function removeEvent(db: Db, id: number, now: number): TimelineEvent {
  const e = getEvent(db, id);
  if (!e)
    throw new AtalayaError('not_found', `No timeline event ${id} (it may be removed already)`);
  db.prepare('UPDATE timeline_events SET removed_at = ? WHERE id = ?').run(now, id);
  return e;
}

export function restoreEvent(db: Db, id: number): TimelineEvent {
  const r = db
    .prepare('UPDATE timeline_events SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL')
    .run(id);
  if (r.changes === 0)
    throw new AtalayaError('not_found', `No removed timeline event ${id} to restore`);
  return getEvent(db, id) as TimelineEvent;
}
