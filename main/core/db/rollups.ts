import { extractHashtags } from '../analysis/hashtags';
import { localDayOf } from './local-day';
import { readMeta } from './meta';
import { rebuildResponseRollups } from './response-rollups';
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
  /** Complaint topic (facet rows are kept for customer complaints only). */
  topic: string | null;
  /** Mention text, read for hashtags. */
  text: string;
}

/**
 * The columns every caller selects to rebuild a fact from a stored mention (undo, erase,
 * corrections, rebuild), so facts read back always match what the writer added.
 */
export const ROLLUP_FACT_COLUMNS = `posted_at AS postedAt, channel, sentiment, sentiment_score AS score, complaint,
  is_brand AS isBrand, rating, topic, text`;

/** Dimensions kept per local day beside the main rollups (rollup_facet_daily). */
export type Facet = 'topic' | 'hashtag' | 'stars';

export interface FacetCell {
  facet: Facet;
  value: string;
  day: string;
  channel: string;
  mentions: number;
  negative: number;
}

/** Lower-cased distinct hashtags of a text (the shared definition in analysis/hashtags). */
export const hashtagsOf = extractHashtags;

/** One hashtag in one UTC hour of customer mentions (rollup_hashtag_hourly), for the hijack detector. */
export interface TagCell {
  tag: string;
  hour: number;
  mentions: number;
  negative: number;
}

export interface Cell {
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

/** A batch's accumulated cells by key, as plain data another thread can send (JSON). */
export interface RollupCells {
  hourly: Array<[string, Cell]>;
  daily: Array<[string, Cell]>;
  facets: Array<[string, FacetCell]>;
  tags: Array<[string, TagCell]>;
}

const HOUR = 3_600_000;

/**
 * Accumulates rollup deltas in memory during a batch and writes them in one pass, so a bulk
 * import costs one upsert per (hour, channel, …) cell instead of one per mention.
 */
export class RollupAccumulator {
  private hourly = new Map<string, Cell>();
  private daily = new Map<string, Cell>();
  private facets = new Map<string, FacetCell>();
  private tags = new Map<string, TagCell>();
  readonly localDay: (ms: number) => string;

  constructor(timezone: string) {
    this.localDay = localDayOf(timezone);
  }

  add(f: RollupFact, sign: 1 | -1 = 1): void {
    const sentiment = f.sentiment ?? 0;
    const complaint = f.complaint ?? 0;
    const hour = Math.floor(f.postedAt / HOUR);
    const day = this.localDay(f.postedAt);
    bump(this.hourly, hour, f, sentiment, complaint, sign);
    bump(this.daily, day, f, sentiment, complaint, sign);
    if (f.isBrand) return;
    const neg = sentiment === -1 ? sign : 0;
    if (complaint === 1 && f.topic) this.bumpFacet('topic', f.topic, day, f.channel, sign, neg);
    if (f.rating !== null && f.rating >= 1 && f.rating <= 5)
      this.bumpFacet('stars', String(Math.round(f.rating)), day, f.channel, sign, neg);
    for (const tag of hashtagsOf(f.text)) {
      this.bumpFacet('hashtag', tag, day, f.channel, sign, neg);
      const key = `${tag}|${hour}`;
      let c = this.tags.get(key);
      if (!c) this.tags.set(key, (c = { tag, hour, mentions: 0, negative: 0 }));
      c.mentions += sign;
      c.negative += neg;
    }
  }

  private bumpFacet(
    facet: Facet,
    value: string,
    day: string,
    channel: string,
    sign: number,
    negative: number,
  ): void {
    const key = `${facet}|${value}|${day}|${channel}`;
    let c = this.facets.get(key);
    if (!c) {
      c = { facet, value, day, channel, mentions: 0, negative: 0 };
      this.facets.set(key, c);
    }
    c.mentions += sign;
    c.negative += negative;
  }

  get size(): number {
    return this.hourly.size;
  }

  /** Hands over the cells accumulated so far (and forgets them), e.g. from the import worker. */
  take(): RollupCells {
    const cells: RollupCells = {
      hourly: [...this.hourly],
      daily: [...this.daily],
      facets: [...this.facets],
      tags: [...this.tags],
    };
    this.hourly.clear();
    this.daily.clear();
    this.facets.clear();
    this.tags.clear();
    return cells;
  }

  /** Adds cells accumulated elsewhere (`take` on another thread) to this batch's. */
  merge(cells: RollupCells): void {
    for (const [key, c] of cells.hourly) mergeCell(this.hourly, key, c);
    for (const [key, c] of cells.daily) mergeCell(this.daily, key, c);
    mergeCounts(this.facets, cells.facets);
    mergeCounts(this.tags, cells.tags);
  }

  flush(db: Db): void {
    write(db, 'rollup_hourly', 'hour', this.hourly);
    write(db, 'rollup_daily', 'day', this.daily);
    writeFacets(db, this.facets);
    writeTags(db, this.tags);
    if (this.hourly.size > 0) bumpRollupVersion(db);
    this.hourly.clear();
    this.daily.clear();
    this.facets.clear();
    this.tags.clear();
  }
}

function mergeCounts<C extends { mentions: number; negative: number }>(
  map: Map<string, C>,
  cells: Array<[string, C]>,
): void {
  for (const [key, c] of cells) {
    const mine = map.get(key);
    if (!mine) map.set(key, c);
    else {
      mine.mentions += c.mentions;
      mine.negative += c.negative;
    }
  }
}

function mergeCell(map: Map<string, Cell>, key: string, c: Cell): void {
  const mine = map.get(key);
  if (!mine) return void map.set(key, c);
  mine.mentions += c.mentions;
  mine.scoreSum += c.scoreSum;
  mine.ratingSum += c.ratingSum;
  mine.ratingCount += c.ratingCount;
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
  // Rows at zero are deleted as soon as they reach it, so only a delta that is not positive
  // can leave one behind: the delete scans the whole table (~140k rows at 1M mentions, once
  // per import batch), so it runs only then.
  let removed = false;
  for (const c of cells.values()) {
    // A re-analysis can move a score without moving a mention (a new score in the same cell).
    if (c.mentions === 0 && c.ratingCount === 0 && c.scoreSum === 0 && c.ratingSum === 0) continue;
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
    removed ||= c.mentions <= 0;
  }
  if (removed) db.prepare(`DELETE FROM ${table} WHERE mentions <= 0`).run();
}

function writeFacets(db: Db, cells: Map<string, FacetCell>): void {
  if (cells.size === 0) return;
  const up = db.prepare(
    `INSERT INTO rollup_facet_daily (facet, day, value, channel, mentions, negative) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative`,
  );
  let removed = false;
  for (const c of cells.values()) {
    if (c.mentions === 0 && c.negative === 0) continue;
    up.run(c.facet, c.day, c.value, c.channel, c.mentions, c.negative);
    removed ||= c.mentions < 0;
  }
  if (removed) db.prepare('DELETE FROM rollup_facet_daily WHERE mentions <= 0').run();
}

function writeTags(db: Db, cells: Map<string, TagCell>): void {
  if (cells.size === 0) return;
  const up = db.prepare(
    `INSERT INTO rollup_hashtag_hourly (tag, hour, mentions, negative) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative`,
  );
  let removed = false;
  for (const c of cells.values()) {
    if (c.mentions === 0 && c.negative === 0) continue;
    up.run(c.tag, c.hour, c.mentions, c.negative);
    removed ||= c.mentions < 0;
  }
  if (removed) db.prepare('DELETE FROM rollup_hashtag_hourly WHERE mentions <= 0').run();
}

const VERSION_KEY = 'rollups_version';

/**
 * Every write to the rollups bumps a counter in `meta`, so readers that derive costly results
 * from them (the crisis detector) can keep those results until the data changes, checking with
 * one primary-key read instead of re-summing the rollups.
 */
function bumpRollupVersion(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  ).run(VERSION_KEY);
}

/** The rollups' write counter (see bumpRollupVersion); '0' before the first write. */
export function rollupVersion(db: Db): string {
  return readMeta(db, VERSION_KEY) ?? '0';
}

/** Recomputes every rollup from the mentions table (after a timezone change or repair). */
export function rebuildRollups(db: Db, timezone: string): void {
  rebuildResponseRollups(db, timezone);
  const acc = new RollupAccumulator(timezone);
  db.transaction(() => {
    db.exec(
      'DELETE FROM rollup_hourly; DELETE FROM rollup_daily; DELETE FROM rollup_facet_daily; DELETE FROM rollup_hashtag_hourly;',
    );
    const it = db
      .prepare(`SELECT ${ROLLUP_FACT_COLUMNS} FROM mentions`)
      .iterate() as IterableIterator<RollupFact>;
    // better-sqlite3 cannot write while an iterator is open, so cells (bounded by hours ×
    // channels, not by mentions) are written after the scan.
    for (const f of it) acc.add(f);
    acc.flush(db);
    // Even with nothing left to count, what readers kept from before is out of date.
    bumpRollupVersion(db);
  })();
}
