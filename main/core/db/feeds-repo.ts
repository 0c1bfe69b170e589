import type { Channel } from '../model/channels';
import type { FeedRow } from '../model/feeds';
import { AtalayaError } from './errors';
import type { Db } from './workspace-file';

const SELECT = `SELECT id, name, url, channel, interval_minutes AS intervalMinutes, paused,
  keyword_filter AS keywordFilter, etag, last_modified AS lastModified, last_fetch_at AS lastFetchAt,
  last_success_at AS lastSuccessAt, next_due_at AS nextDueAt, failures, last_error AS lastError,
  last_status AS lastStatus, items_total AS itemsTotal, created_at AS createdAt
  FROM sources WHERE kind = 'feed'`;

type RawFeed = Omit<FeedRow, 'paused' | 'keywordFilter'> & {
  paused: number;
  keywordFilter: number;
};

function toFeed(r: RawFeed): FeedRow {
  return { ...r, paused: r.paused === 1, keywordFilter: r.keywordFilter === 1 };
}

export interface NewFeed {
  url: string;
  name: string;
  channel?: Channel | null;
  intervalMinutes?: number;
  keywordFilter?: boolean;
}

export function addFeed(db: Db, f: NewFeed, now: number): FeedRow {
  const exists = db.prepare("SELECT id FROM sources WHERE kind = 'feed' AND url = ?").get(f.url);
  if (exists)
    throw new AtalayaError('exists', `This feed is already in the workspace: ${f.url}`, {
      key: 'feedExists',
      params: { url: f.url },
    });
  const r = db
    .prepare(
      `INSERT INTO sources (kind, name, url, channel, interval_minutes, keyword_filter, next_due_at, created_at)
       VALUES ('feed', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      f.name,
      f.url,
      f.channel ?? null,
      f.intervalMinutes ?? 60,
      f.keywordFilter ? 1 : 0,
      now,
      now,
    );
  return getFeed(db, Number(r.lastInsertRowid)) as FeedRow;
}

export function getFeed(db: Db, id: number): FeedRow | null {
  const r = db.prepare(`${SELECT} AND id = ?`).get(id) as RawFeed | undefined;
  return r ? toFeed(r) : null;
}

export function listFeeds(db: Db): FeedRow[] {
  return (db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE, id`).all() as RawFeed[]).map(toFeed);
}

/** Feeds whose next poll time has come (never-polled feeds first). */
export function dueFeeds(db: Db, now: number): FeedRow[] {
  return (
    db
      .prepare(
        `${SELECT} AND paused = 0 AND (next_due_at IS NULL OR next_due_at <= ?) ORDER BY next_due_at`,
      )
      .all(now) as RawFeed[]
  ).map(toFeed);
}

export type FeedStateUpdate = Pick<
  FeedRow,
  | 'etag'
  | 'lastModified'
  | 'lastFetchAt'
  | 'lastSuccessAt'
  | 'nextDueAt'
  | 'failures'
  | 'lastError'
  | 'lastStatus'
> & { newItems: number };

export function saveFeedState(db: Db, id: number, s: FeedStateUpdate): void {
  db.prepare(
    `UPDATE sources SET etag = ?, last_modified = ?, last_fetch_at = ?, last_success_at = ?, next_due_at = ?,
       failures = ?, last_error = ?, last_status = ?, items_total = items_total + ? WHERE id = ? AND kind = 'feed'`,
  ).run(
    s.etag,
    s.lastModified,
    s.lastFetchAt,
    s.lastSuccessAt,
    s.nextDueAt,
    s.failures,
    s.lastError,
    s.lastStatus,
    s.newItems,
    id,
  );
}

export function updateFeedSettings(
  db: Db,
  id: number,
  s: Partial<Pick<FeedRow, 'name' | 'channel' | 'intervalMinutes' | 'paused' | 'keywordFilter'>>,
  now: number,
): FeedRow {
  const cur = getFeed(db, id);
  if (!cur) throw new AtalayaError('not_found', `No feed ${id} in this workspace`);
  const next = { ...cur, ...s };
  db.prepare(
    `UPDATE sources SET name = ?, channel = ?, interval_minutes = ?, paused = ?, keyword_filter = ?,
       -- resuming a paused feed makes it due at once
       next_due_at = CASE WHEN ? = 0 AND paused = 1 THEN ? ELSE next_due_at END WHERE id = ?`,
  ).run(
    next.name,
    next.channel,
    next.intervalMinutes,
    next.paused ? 1 : 0,
    next.keywordFilter ? 1 : 0,
    next.paused ? 1 : 0,
    now,
    id,
  );
  return getFeed(db, id) as FeedRow;
}

/** Removes the feed; the mentions it brought stay (they are the user's data). */
export function removeFeed(db: Db, id: number): void {
  db.prepare("DELETE FROM sources WHERE id = ? AND kind = 'feed'").run(id);
}
