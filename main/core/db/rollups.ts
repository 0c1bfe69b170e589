import type { Db } from './workspace-file';

/** One mention's contribution to the dashboard rollups. */
export interface RollupFact {
  postedAt: number;
  channel: string;
  sentiment: number | null;
  score: number | null;
  complaint: number | null;
  isBrand: number;
  rating: number | null;
}

interface Cell {
  bucket: number | string;
  channel: string;
  sentiment: number;
  complaint: number;
  isBrand: number;
  mentions: number;
  scoreSum: number;
  ratingSum: number;
  ratingCount: number;
}

const HOUR = 3_600_000;
const QUARTER = 900_000;

/**
 * Accumulates rollup deltas in memory during a batch and writes them in one pass, so a bulk
 * import costs one upsert per (hour, channel, …) cell instead of one per mention.
 */
export class RollupAccumulator {
  private hourly = new Map<string, Cell>();
  private daily = new Map<string, Cell>();
  // Local date per quarter hour: every zone's offset is a multiple of 15 minutes, so a quarter
  // never straddles a local midnight and Intl runs once per quarter, not once per mention.
  private dayCache = new Map<number, string>();
  private fmt: Intl.DateTimeFormat;

  constructor(timezone: string) {
    this.fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  localDay(ms: number): string {
    const q = Math.floor(ms / QUARTER);
    let d = this.dayCache.get(q);
    if (d === undefined) {
      d = this.fmt.format(new Date(q * QUARTER));
      this.dayCache.set(q, d);
    }
    return d;
  }

  add(f: RollupFact, sign: 1 | -1 = 1): void {
    const sentiment = f.sentiment ?? 0;
    const complaint = f.complaint ?? 0;
    const hour = Math.floor(f.postedAt / HOUR);
    const day = this.localDay(f.postedAt);
    bump(this.hourly, hour, f, sentiment, complaint, sign);
    bump(this.daily, day, f, sentiment, complaint, sign);
  }

  get size(): number {
    return this.hourly.size;
  }

  flush(db: Db): void {
    write(db, 'rollup_hourly', 'hour', this.hourly);
    write(db, 'rollup_daily', 'day', this.daily);
    this.hourly.clear();
    this.daily.clear();
  }
}

function bump(
  map: Map<string, Cell>,
  bucket: number | string,
  f: RollupFact,
  sentiment: number,
  complaint: number,
  sign: number,
): void {
  const key = `${bucket}|${f.channel}|${sentiment}|${complaint}|${f.isBrand}`;
  let c = map.get(key);
  if (!c) {
    c = {
      bucket,
      channel: f.channel,
      sentiment,
      complaint,
      isBrand: f.isBrand,
      mentions: 0,
      scoreSum: 0,
      ratingSum: 0,
      ratingCount: 0,
    };
    map.set(key, c);
  }
  c.mentions += sign;
  c.scoreSum += sign * (f.score ?? 0);
  if (f.rating !== null) {
    c.ratingSum += sign * f.rating;
    c.ratingCount += sign;
  }
}

function write(db: Db, table: string, col: string, cells: Map<string, Cell>): void {
  if (cells.size === 0) return;
  const up = db.prepare(
    `INSERT INTO ${table} (${col}, channel, sentiment, complaint, is_brand, mentions, score_sum, rating_sum, rating_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions,
       score_sum = score_sum + excluded.score_sum, rating_sum = rating_sum + excluded.rating_sum,
       rating_count = rating_count + excluded.rating_count`,
  );
  for (const c of cells.values()) {
    if (c.mentions === 0 && c.ratingCount === 0) continue;
    up.run(
      c.bucket,
      c.channel,
      c.sentiment,
      c.complaint,
      c.isBrand,
      c.mentions,
      c.scoreSum,
      c.ratingSum,
      c.ratingCount,
    );
  }
  db.prepare(`DELETE FROM ${table} WHERE mentions <= 0`).run();
}

/** Recomputes both rollups from the mentions table (after a timezone change or repair). */
export function rebuildRollups(db: Db, timezone: string): void {
  const acc = new RollupAccumulator(timezone);
  db.transaction(() => {
    db.exec('DELETE FROM rollup_hourly; DELETE FROM rollup_daily;');
    const it = db
      .prepare(
        `SELECT posted_at AS postedAt, channel, sentiment, sentiment_score AS score, complaint,
           is_brand AS isBrand, rating FROM mentions`,
      )
      .iterate() as IterableIterator<RollupFact>;
    // better-sqlite3 cannot write while an iterator is open, so cells (bounded by hours ×
    // channels, not by mentions) are written after the scan.
    for (const f of it) acc.add(f);
    acc.flush(db);
  })();
}
