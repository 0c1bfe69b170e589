import type { Db } from './workspace-file';

/** What the user entered for one crisis episode: its SCCT type and hand-marked scorecard items. */
export interface EpisodeAnnotations {
  crisisType: string | null;
  items: Record<string, { checked: boolean; note: string | null; updatedAt: number }>;
}

/**
 * The episode annotations belong to, as the detector sees it now: its id (`c` + onset hour),
 * the hours it spans (`endHour`: its end, or the newest hour of data while it is open), and
 * the ids of the other episodes it knows (their own annotations are not this one's).
 */
export interface EpisodeSpan {
  id: string;
  startHour: number;
  endHour: number;
  others?: string[];
}

const TYPE = 'crisis_type';
/** Rows stored before spans were kept know only their onset: they are read as spanning a day. */
const LEGACY_SPAN = 24;

/** An id's own span when the detector no longer knows the episode (`c` + onset hour). */
export function spanOfId(id: string): EpisodeSpan {
  const h = /^c\d+$/.test(id) ? Number(id.slice(1)) : Number.NaN;
  return { id, startHour: h, endHour: h };
}

/**
 * Which stored annotations an episode owns. Ids follow the onset, and the onset moves when new
 * data arrives (a backfill import, a correction, a poll after an outage), so annotations are
 * matched by the hours their episode spanned when they were written: the episode's own id
 * first, else the stored episode (not another current one) whose span overlaps it the most.
 */
function ownerOf(db: Db, ep: EpisodeSpan): string | null {
  const rows = db
    .prepare(
      `SELECT episode_id AS id, min(start_hour) AS s, max(coalesce(end_hour, start_hour + ${LEGACY_SPAN})) AS e
       FROM episode_annotations GROUP BY episode_id`,
    )
    .all() as Array<{ id: string; s: number | null; e: number | null }>;
  if (rows.some((r) => r.id === ep.id)) return ep.id;
  if (!Number.isFinite(ep.startHour)) return null;
  const taken = new Set(ep.others ?? []);
  let best: string | null = null;
  let most = 0;
  for (const r of rows) {
    if (r.s === null || r.e === null || taken.has(r.id)) continue;
    const overlap = Math.min(r.e, ep.endHour) - Math.max(r.s, ep.startHour) + 1;
    if (overlap > most) [best, most] = [r.id, overlap];
  }
  return best;
}

export function readAnnotations(db: Db, ep: EpisodeSpan): EpisodeAnnotations {
  const out: EpisodeAnnotations = { crisisType: null, items: {} };
  const owner = ownerOf(db, ep);
  if (owner === null) return out;
  const rows = db
    .prepare(
      'SELECT item, value, note, updated_at AS updatedAt FROM episode_annotations WHERE episode_id = ? ORDER BY item',
    )
    .all(owner) as Array<{ item: string; value: string; note: string | null; updatedAt: number }>;
  for (const r of rows) {
    if (r.item === TYPE) out.crisisType = r.value;
    else out.items[r.item] = { checked: r.value === '1', note: r.note, updatedAt: r.updatedAt };
  }
  return out;
}

const spanValues = (ep: EpisodeSpan): [number | null, number | null] =>
  Number.isFinite(ep.startHour) ? [ep.startHour, ep.endHour] : [null, null];

/**
 * Before a write: the annotations the episode owns move to its current id and span, so later
 * reads find them by id, and a later move of the onset is matched against the newest span.
 */
function adopt(db: Db, ep: EpisodeSpan): void {
  const owner = ownerOf(db, ep);
  if (owner !== null && owner !== ep.id)
    db.prepare('UPDATE episode_annotations SET episode_id = ? WHERE episode_id = ?').run(
      ep.id,
      owner,
    );
  if (Number.isFinite(ep.startHour))
    db.prepare(
      'UPDATE episode_annotations SET start_hour = ?, end_hour = ? WHERE episode_id = ?',
    ).run(...spanValues(ep), ep.id);
}

/** `null` clears the crisis type. */
export function writeCrisisType(db: Db, ep: EpisodeSpan, type: string | null, now: number): void {
  adopt(db, ep);
  if (type === null)
    db.prepare('DELETE FROM episode_annotations WHERE episode_id = ? AND item = ?').run(
      ep.id,
      TYPE,
    );
  else
    db.prepare(
      `INSERT INTO episode_annotations (episode_id, item, value, note, updated_at, start_hour, end_hour)
       VALUES (?, ?, ?, NULL, ?, ?, ?)
       ON CONFLICT (episode_id, item) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(ep.id, TYPE, type, now, ...spanValues(ep));
}

export function writeItem(
  db: Db,
  ep: EpisodeSpan,
  item: string,
  v: { checked: boolean; note: string | null },
  now: number,
): void {
  adopt(db, ep);
  db.prepare(
    `INSERT INTO episode_annotations (episode_id, item, value, note, updated_at, start_hour, end_hour)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (episode_id, item) DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(ep.id, item, v.checked ? '1' : '0', v.note, now, ...spanValues(ep));
}
