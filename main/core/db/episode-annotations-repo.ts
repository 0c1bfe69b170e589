import type { Db } from './workspace-file';

/** What the user entered for one crisis episode: its SCCT type and hand-marked scorecard items. */
export interface EpisodeAnnotations {
  crisisType: string | null;
  items: Record<string, { checked: boolean; note: string | null; updatedAt: number }>;
}

const TYPE = 'crisis_type';

export function readAnnotations(db: Db, episodeId: string): EpisodeAnnotations {
  const rows = db
    .prepare(
      'SELECT item, value, note, updated_at AS updatedAt FROM episode_annotations WHERE episode_id = ? ORDER BY item',
    )
    .all(episodeId) as Array<{
    item: string;
    value: string;
    note: string | null;
    updatedAt: number;
  }>;
  const out: EpisodeAnnotations = { crisisType: null, items: {} };
  for (const r of rows) {
    if (r.item === TYPE) out.crisisType = r.value;
    else out.items[r.item] = { checked: r.value === '1', note: r.note, updatedAt: r.updatedAt };
  }
  return out;
}

/** `null` clears the crisis type. */
export function writeCrisisType(db: Db, episodeId: string, type: string | null, now: number): void {
  if (type === null)
    db.prepare('DELETE FROM episode_annotations WHERE episode_id = ? AND item = ?').run(
      episodeId,
      TYPE,
    );
  else
    db.prepare(
      `INSERT INTO episode_annotations (episode_id, item, value, note, updated_at) VALUES (?, ?, ?, NULL, ?)
       ON CONFLICT (episode_id, item) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(episodeId, TYPE, type, now);
}

export function writeItem(
  db: Db,
  episodeId: string,
  item: string,
  v: { checked: boolean; note: string | null },
  now: number,
): void {
  db.prepare(
    `INSERT INTO episode_annotations (episode_id, item, value, note, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (episode_id, item) DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(episodeId, item, v.checked ? '1' : '0', v.note, now);
}
