import type { BusinessHours } from '../model/business-hours';
import type { Channel } from '../model/channels';
import type { OwnHandle, WorkspaceProfile } from '../model/workspace';
import { normaliseHandle } from '../model/workspace';
import type { Db } from './workspace-file';

interface WorkspaceRow {
  brand: string;
  keywords: string;
  excludes: string;
  timezone: string;
  business_hours: string;
  holidays: string;
  response_target_minutes: number;
}

export function readProfile(db: Db): WorkspaceProfile {
  const row = db.prepare('SELECT * FROM workspace WHERE id = 1').get() as WorkspaceRow | undefined;
  if (!row) throw new Error('Workspace profile row is missing');
  const handles = db
    .prepare('SELECT channel, handle FROM own_handles ORDER BY channel, handle')
    .all() as Array<{ channel: Channel; handle: string }>;
  return {
    brand: row.brand,
    keywords: JSON.parse(row.keywords) as string[],
    excludes: JSON.parse(row.excludes) as string[],
    handles: handles.map((h): OwnHandle => ({ channel: h.channel, handle: h.handle })),
    timezone: row.timezone,
    hours: JSON.parse(row.business_hours) as BusinessHours,
    holidays: JSON.parse(row.holidays) as string[],
    responseTargetMinutes: row.response_target_minutes,
  };
}

/**
 * Writes the whole profile and re-derives `is_brand` for mentions whose author became or
 * stopped being one of the brand's handles.
 */
export function writeProfile(db: Db, p: WorkspaceProfile, now: number): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO workspace (id, brand, keywords, excludes, timezone, business_hours, holidays,
         response_target_minutes, created_at, updated_at)
       VALUES (1, @brand, @keywords, @excludes, @timezone, @hours, @holidays, @target, @now, @now)
       ON CONFLICT(id) DO UPDATE SET brand = excluded.brand, keywords = excluded.keywords,
         excludes = excluded.excludes, timezone = excluded.timezone,
         business_hours = excluded.business_hours, holidays = excluded.holidays,
         response_target_minutes = excluded.response_target_minutes, updated_at = excluded.updated_at`,
    ).run({
      brand: p.brand.trim(),
      keywords: JSON.stringify(uniq(p.keywords)),
      excludes: JSON.stringify(uniq(p.excludes)),
      timezone: p.timezone,
      hours: JSON.stringify(p.hours),
      holidays: JSON.stringify(uniq(p.holidays)),
      target: p.responseTargetMinutes,
      now,
    });
    db.prepare('DELETE FROM own_handles').run();
    const add = db.prepare('INSERT OR IGNORE INTO own_handles (channel, handle) VALUES (?, ?)');
    for (const h of p.handles) {
      const handle = normaliseHandle(h.handle);
      if (handle) add.run(h.channel, handle);
    }
    db.prepare(
      `UPDATE authors SET is_brand = EXISTS (SELECT 1 FROM own_handles o
         WHERE o.channel = authors.channel AND o.handle = authors.handle)`,
    ).run();
    db.prepare(
      `UPDATE mentions SET is_brand = (SELECT a.is_brand FROM authors a WHERE a.id = mentions.author_id)
       WHERE author_id IS NOT NULL AND is_brand <> (SELECT a.is_brand FROM authors a WHERE a.id = mentions.author_id)`,
    ).run();
  })();
}

function uniq(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}
