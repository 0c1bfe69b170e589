import { businessMinutesBetween } from '../responses/business-time';
import { delayBucket, REACH_BANDS, reachBand, type ReachBand } from '../responses/delay-histogram';
import type { BusinessHours } from '../model/business-hours';
import { localDayOf, localDaySpan } from './local-day';
import { idBoundsFor, idRangeFor, secondOfId } from './mention-key';
import type { Db } from './workspace-file';

/**
 * Response rollups (migration 0009): each customer mention counts once, in the state of its
 * answer — open, answered by a brand reply (at or after it; the first counts), handled
 * elsewhere or dismissed by the user's mark — and, when answered, with its first-response
 * delay in a histogram. Opening-hours delays are kept for the whole workspace (channel and
 * reach '*', not per channel as the migration's comment says): the page shows them overall
 * only, and fewer cells make each import batch's flush cheaper. The invariant every change
 * keeps: the tables equal the sum over the stored customer mentions of `ResponseSource` as
 * `sourcesOf` reads it from the mentions.
 */
export type ResponseState = 'open' | 'answered' | 'handled' | 'dismissed';

/** What a customer mention's contribution is computed from. */
export interface ResponseSource {
  postedAt: number;
  channel: string;
  complaint: number | null;
  followers: number | null;
  /** The first brand reply at or after the mention, or null. */
  repliedAt: number | null;
  /** The user's handling mark (phone, dm, email, dismissed), or null. */
  handling: string | null;
}

export function stateOf(s: Pick<ResponseSource, 'repliedAt' | 'handling'>): ResponseState {
  if (s.repliedAt !== null) return 'answered';
  if (s.handling === null) return 'open';
  return s.handling === 'dismissed' ? 'dismissed' : 'handled';
}

interface ResponseContext {
  timezone: string;
  day: (ms: number) => string;
  business: ((from: number, to: number) => number) | null;
}

/** Local days and opening hours of the workspace profile (none in a file without one). */
function contextOf(db: Db, timezone?: string): ResponseContext {
  const p = db
    .prepare('SELECT timezone, business_hours AS hours, holidays FROM workspace WHERE id = 1')
    .get() as { timezone: string; hours: string; holidays: string } | undefined;
  const tz = timezone ?? p?.timezone ?? 'UTC';
  if (!p) return { timezone: tz, day: localDayOf(tz), business: null };
  const hours = JSON.parse(p.hours) as BusinessHours;
  const holidays = JSON.parse(p.holidays) as string[];
  return {
    timezone: tz,
    day: localDayOf(tz),
    business: (from, to) => businessMinutesBetween(from, to, hours, tz, holidays),
  };
}

type CountKey = [
  grain: string,
  at: string,
  channel: string,
  complaint: number,
  reach: ReachBand,
  state: ResponseState,
];
type DelayKey = [
  grain: string,
  at: string,
  clock: string,
  channel: string,
  reach: string,
  bucket: number,
];

/** Sums contributions in memory and writes them with one statement per table. */
export class ResponseAccumulator {
  private counts = new Map<string, [CountKey, number]>();
  private delays = new Map<string, [DelayKey, number, number]>();
  private negative = false;

  constructor(private ctx: ResponseContext) {}

  add(s: ResponseSource, sign: 1 | -1 = 1): void {
    const day = this.ctx.day(s.postedAt);
    const month = day.slice(0, 7);
    const reach = reachBand(s.followers);
    const complaint = s.complaint === 1 ? 1 : 0;
    const state = stateOf(s);
    if (sign < 0) this.negative = true;
    this.count(day, s.channel, complaint, reach, state, sign);
    if (s.repliedAt === null) return;
    const wall = (s.repliedAt - s.postedAt) / 60_000;
    const b = delayBucket(wall);
    const wt = `wall|${s.channel}|${reach}|${b}`;
    this.bumpDelay(`d|${day}|${wt}`, ['day', day, 'wall', s.channel, reach, b], sign, wall);
    this.bumpDelay(`m|${month}|${wt}`, ['month', month, 'wall', s.channel, reach, b], sign, wall);
    if (!this.ctx.business) return;
    // Opening-hours delays are shown for the whole workspace only: one row per bucket.
    const biz = this.ctx.business(s.postedAt, s.repliedAt);
    const bb = delayBucket(biz);
    this.bumpDelay(`d|${day}|b|${bb}`, ['day', day, 'business', '*', '*', bb], sign, biz);
    this.bumpDelay(`m|${month}|b|${bb}`, ['month', month, 'business', '*', '*', bb], sign, biz);
  }

  /** Adds `n` customer mentions of one local day (and its month) in one state. */
  count(
    day: string,
    channel: string,
    complaint: number,
    reach: ReachBand,
    state: ResponseState,
    n: number,
  ): void {
    const month = day.slice(0, 7);
    const tail = `${channel}|${complaint}|${reach}|${state}`;
    this.bumpCount(`d|${day}|${tail}`, ['day', day, channel, complaint, reach, state], n);
    this.bumpCount(`m|${month}|${tail}`, ['month', month, channel, complaint, reach, state], n);
  }

  private bumpCount(k: string, key: CountKey, sign: number): void {
    const c = this.counts.get(k);
    if (c) c[1] += sign;
    else this.counts.set(k, [key, sign]);
  }

  private bumpDelay(k: string, key: DelayKey, sign: number, minutes: number): void {
    const d = this.delays.get(k);
    if (d) {
      d[1] += sign;
      d[2] += sign * minutes;
    } else this.delays.set(k, [key, sign, sign * minutes]);
  }

  /** The summed count cells as JSON rows of `rollup_response` (for `addCells`). */
  countRows(): string {
    return JSON.stringify(
      [...this.counts.values()].filter(([, n]) => n !== 0).map(([k, n]) => [...k, n]),
    );
  }

  flush(db: Db): void {
    const counts = [...this.counts.values()].filter(([, n]) => n !== 0);
    const delays = [...this.delays.values()].filter(([, n]) => n !== 0);
    addCells(db, {
      counts: JSON.stringify(counts.map(([k, n]) => [...k, n])),
      delays: JSON.stringify(delays.map(([k, n, m]) => [...k, n, m])),
    });
    if (this.negative) {
      // Only the cells this flush lowered can have emptied: no scan of the table.
      db.prepare(
        `DELETE FROM rollup_response WHERE mentions <= 0 AND (grain, at, channel, complaint, reach, state) IN
           (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?))`,
      ).run(JSON.stringify(counts.filter(([, n]) => n < 0).map(([k]) => k)));
      db.prepare(
        `DELETE FROM rollup_response_delay WHERE replies <= 0 AND (grain, at, clock, channel, reach, bucket) IN
           (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?))`,
      ).run(JSON.stringify(delays.filter(([, n]) => n < 0).map(([k]) => k)));
    }
    this.counts.clear();
    this.delays.clear();
    this.negative = false;
  }
}

/** Response rollup cells as JSON rows of the two tables, and the orphan hints: a rebuild's result. */
export interface ResponseCells {
  counts: string;
  delays: string;
  orphans: string;
}

/** Adds cells to the tables (a cell already there is summed). */
function addCells(db: Db, cells: Pick<ResponseCells, 'counts' | 'delays'>): void {
  if (cells.counts !== '[]')
    db.prepare(
      `INSERT INTO rollup_response (grain, at, channel, complaint, reach, state, mentions)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
       FROM json_each(?) WHERE true
       ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions`,
    ).run(cells.counts);
  if (cells.delays !== '[]')
    db.prepare(
      `INSERT INTO rollup_response_delay (grain, at, clock, channel, reach, bucket, replies, minutes_sum)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
       FROM json_each(?) WHERE true
       ON CONFLICT DO UPDATE SET replies = replies + excluded.replies, minutes_sum = minutes_sum + excluded.minutes_sum`,
    ).run(cells.delays);
}

const SOURCE_COLUMNS = `m.natural_key AS k, m.posted_at AS postedAt, m.channel, m.complaint, m.author_followers AS followers,
  (SELECT min(r.posted_at) FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1 AND r.posted_at >= m.posted_at) AS repliedAt,
  (SELECT o.value FROM overrides o WHERE o.target_kind = 'mention' AND o.target_key = m.natural_key AND o.field = 'handling') AS handling`;

/** The stored customer mentions among `keys` (natural keys), as they count in the rollups. */
function sourcesOf(db: Db, keys: string[]): Array<ResponseSource & { k: string }> {
  if (!keys.length) return [];
  return db
    .prepare(
      `SELECT ${SOURCE_COLUMNS} FROM json_each(?) j CROSS JOIN mentions m ON m.natural_key = j.value WHERE m.is_brand = 0`,
    )
    .all(JSON.stringify(keys)) as Array<ResponseSource & { k: string }>;
}

/**
 * Runs `change` (undo, erase, a mark, a correction) and moves the response rollups of the
 * customer mentions it can affect: those `affectedSql` selects (natural keys, read before the
 * change). A removed mention whose brand replies stay becomes an orphan hint, so that its
 * reply is found if it is imported again.
 */
export function withResponseRefresh<T>(
  db: Db,
  affectedSql: string,
  args: unknown[],
  change: () => T,
): T {
  return db.transaction(() => {
    const keys = (
      db
        .prepare(affectedSql)
        .pluck()
        .all(...args) as Array<string | null>
    ).filter((k): k is string => k !== null);
    const acc = new ResponseAccumulator(contextOf(db));
    for (const s of sourcesOf(db, keys)) acc.add(s, -1);
    const result = change();
    for (const s of sourcesOf(db, keys)) acc.add(s, 1);
    acc.flush(db);
    if (keys.length)
      db.prepare(
        `INSERT OR IGNORE INTO response_orphans (target_key)
         SELECT j.value FROM json_each(?) j
         WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.natural_key = j.value)
           AND EXISTS (SELECT 1 FROM mentions r WHERE r.reply_to_key = j.value AND r.is_brand = 1)`,
      ).run(JSON.stringify(keys));
    return result;
  })();
}

/** A follower count column as its reach band (`reachBand`) in SQL. */
const reachSql = (followers: string): string =>
  `CASE WHEN ${followers} IS NULL THEN 'unknown' ${REACH_BANDS.map((b) =>
    Number.isFinite(b.below)
      ? `WHEN ${followers} < ${b.below} THEN '${b.band}'`
      : `ELSE '${b.band}'`,
  ).join(' ')} END`;

/**
 * The answered customer mentions of a rebuild, grouped in SQL: the brand replies grouped by
 * the mention they answer (in reply-key order, from their partial index) joined to it, each
 * answered one's local day, delays and buckets computed once (functions of this connection),
 * and the delay cells returned as the JSON rows `addCells` takes, built by SQLite. They never
 * become JavaScript objects: at 1M mentions (~150k delay cells) the maps that summed them
 * grew the heap by ~140 MB, on a thread that runs beside the writer's end of a bulk load.
 */
const ANSWERED_SQL = `WITH answered AS MATERIALIZED (
    SELECT r.reply_to_key AS k, min(r.posted_at) FILTER (WHERE r.posted_at >= m.posted_at) AS repliedAt,
      m.id IS NULL AS orphan, m.is_brand AS isBrand, m.posted_at AS postedAt, m.channel,
      m.complaint IS 1 AS complaint, ${reachSql('m.author_followers')} AS reach
    FROM mentions r LEFT JOIN mentions m ON m.natural_key = r.reply_to_key
    WHERE r.reply_to_key IS NOT NULL AND r.is_brand = 1 GROUP BY r.reply_to_key),
  d AS MATERIALIZED (
    SELECT day, channel, complaint, reach, wall, atalaya_delay_bucket(wall) AS wb, biz,
      atalaya_delay_bucket(biz) AS bb
    FROM (SELECT atalaya_local_day(postedAt) AS day, channel, complaint, reach,
            (repliedAt - postedAt) / 60000.0 AS wall, atalaya_business_minutes(postedAt, repliedAt) AS biz
          FROM answered WHERE NOT orphan AND isBrand = 0 AND repliedAt IS NOT NULL)),
  delays AS (
    SELECT 'day' AS grain, day AS at, 'wall' AS clock, channel, reach, wb AS bucket, count(*) AS n, sum(wall) AS s
      FROM d GROUP BY day, channel, reach, wb
    UNION ALL SELECT 'month', substr(day, 1, 7), 'wall', channel, reach, wb, count(*), sum(wall)
      FROM d GROUP BY substr(day, 1, 7), channel, reach, wb
    UNION ALL SELECT 'day', day, 'business', '*', '*', bb, count(*), sum(biz)
      FROM d WHERE biz IS NOT NULL GROUP BY day, bb
    UNION ALL SELECT 'month', substr(day, 1, 7), 'business', '*', '*', bb, count(*), sum(biz)
      FROM d WHERE biz IS NOT NULL GROUP BY substr(day, 1, 7), bb)
  SELECT
    (SELECT json_group_array(k) FROM answered WHERE orphan) AS orphans,
    (SELECT json_group_array(json_array(day, channel, complaint, reach, n))
       FROM (SELECT day, channel, complaint, reach, count(*) AS n FROM d GROUP BY 1, 2, 3, 4)) AS moves,
    (SELECT json_group_array(json_array(grain, at, clock, channel, reach, bucket, n, s)) FROM delays) AS delays`;

/**
 * Recomputes the response rollups and orphan hints from the mentions (migration, profile
 * change, the end of a bulk load), set-wise: every customer mention counted as open with one
 * grouped query per local day (a range of the time-ordered ids), then the few that are
 * answered or marked moved to their state from one pass over the brand replies (in reply-key
 * order, from their partial index, grouped by SQL: see ANSWERED_SQL). ~2 s at 1M mentions
 * with 185k brand replies (the bench corpus), ~4 s when each row was added on its own.
 */
export function rebuildResponseRollups(db: Db, timezone?: string): void {
  db.transaction(() => replaceResponseRollups(db, computeResponseCells(db, timezone)))();
}

/** Puts the cells of `computeResponseCells` in place of what the tables hold. */
export function replaceResponseRollups(db: Db, cells: ResponseCells): void {
  db.transaction(() => {
    db.exec(
      'DELETE FROM rollup_response; DELETE FROM rollup_response_delay; DELETE FROM response_orphans;',
    );
    addCells(db, cells);
    db.prepare('INSERT INTO response_orphans (target_key) SELECT value FROM json_each(?)').run(
      cells.orphans,
    );
  })();
}

/**
 * What the response rollups should hold, read from the mentions (see `rebuildResponseRollups`).
 * It only reads: at the end of a bulk load a worker runs it on a connection of its own while
 * the writing thread builds the full-text index and the indexes.
 */
export function computeResponseCells(db: Db, timezone?: string): ResponseCells {
  return db.transaction(() => {
    const ctx = contextOf(db, timezone);
    const acc = new ResponseAccumulator(ctx);
    countAllOpen(db, ctx, acc);
    // Functions of this connection for the answered pass (replaced at each rebuild).
    db.function('atalaya_local_day', { deterministic: true }, (ms) => ctx.day(ms as number));
    db.function('atalaya_delay_bucket', { deterministic: true }, (m) =>
      m === null ? null : delayBucket(m as number),
    );
    const business = ctx.business;
    db.function('atalaya_business_minutes', { deterministic: true }, (from, to) =>
      business ? business(from as number, to as number) : null,
    );
    const answered = db.prepare(ANSWERED_SQL).get() as {
      orphans: string;
      moves: string;
      delays: string;
    };
    for (const [day, channel, complaint, reach, n] of JSON.parse(answered.moves) as Array<
      [string, string, number, ReachBand, number]
    >) {
      acc.count(day, channel, complaint, reach, 'open', -n);
      acc.count(day, channel, complaint, reach, 'answered', n);
    }
    // Marked customer mentions without a reply (a public reply wins over a mark): no delays.
    for (const s of sourcesOf(db, [...handlingMarksByKey(db).keys()]))
      if (s.repliedAt === null) moveFromOpen(acc, ctx, s);
    return { counts: acc.countRows(), delays: answered.delays, orphans: answered.orphans };
  })();
}

/** Takes a customer mention counted as open out of that state and adds it in its own. */
function moveFromOpen(acc: ResponseAccumulator, ctx: ResponseContext, s: ResponseSource): void {
  const complaint = s.complaint === 1 ? 1 : 0;
  acc.count(ctx.day(s.postedAt), s.channel, complaint, reachBand(s.followers), 'open', -1);
  acc.add(s);
}

/**
 * Adds every stored customer mention as open: one grouped query per local day over the ids
 * of that day, skipping ahead over stretches without mentions.
 */
function countAllOpen(db: Db, ctx: ResponseContext, acc: ResponseAccumulator): void {
  const one = (sql: string, ...args: number[]): number | null =>
    db
      .prepare(sql)
      .pluck()
      .get(...args) as number | null;
  const minId = one('SELECT min(id) FROM mentions');
  if (minId === null) return;
  // An id is at least its second × 65,536 and at most two seconds above it (probed slots):
  // the earliest mention is among the first two seconds of ids.
  const lowestIdAt = (ms: number): number => idRangeFor(ms, ms)[0];
  let from = one(
    'SELECT min(posted_at) FROM mentions WHERE id < ?',
    lowestIdAt((secondOfId(minId) + 2) * 1000),
  );
  if (from === null) return;
  const perDay = db.prepare(
    `SELECT channel, complaint IS 1 AS complaint, ${reachSql('author_followers')} AS reach, count(*) AS n FROM mentions
     WHERE id BETWEEN ? AND ? AND posted_at >= ? AND posted_at < ? AND is_brand = 0
     GROUP BY 1, 2, 3`,
  );
  const nextId = db.prepare('SELECT id FROM mentions WHERE id >= ? ORDER BY id LIMIT 1').pluck();
  const span = localDaySpan(ctx.timezone);
  for (;;) {
    const { day, end } = span(from);
    const [lo, hi] = idBoundsFor(from, end);
    const cells = perDay.all(lo, hi, from, end) as Array<{
      channel: string;
      complaint: number;
      reach: ReachBand;
      n: number;
    }>;
    for (const c of cells) acc.count(day, c.channel, c.complaint, c.reach, 'open', c.n);
    if (cells.length) {
      from = end;
      continue;
    }
    // Nothing that day: skip to the earliest instant a mention left can have.
    const next = nextId.get(lowestIdAt(end)) as number | undefined;
    if (next === undefined) return;
    const second = secondOfId(next);
    // A mention is at most a second older than its id's second; ids before 1970 are all
    // in second 0 (and may be probed into second 1): those are read.
    const earliest =
      second >= 2
        ? (second - 1) * 1000
        : Math.min(
            1000,
            one(
              'SELECT min(posted_at) FROM mentions WHERE id < ? AND posted_at >= ?',
              lowestIdAt(3000),
              end,
            ) ?? 1000,
          );
    from = Math.max(end, earliest);
  }
}

function handlingMarksByKey(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      "SELECT target_key AS k, value AS v FROM overrides WHERE target_kind = 'mention' AND field = 'handling'",
    )
    .all() as Array<{ k: string; v: string }>;
  return new Map(rows.map((r) => [r.k, r.v]));
}

type Pending = Omit<ResponseSource, 'handling'> & { handling: string | null };

/**
 * The mention writer's part: it reports each inserted row and flushes once per batch. New
 * customer mentions are added in their state (a reply written before them is found through
 * the orphan hints); new brand replies move the mention they answer — in the same batch from
 * memory, older ones with one statement per batch.
 */
export class ResponseTracker {
  private acc: ResponseAccumulator;
  private customers = new Map<string, Pending>();
  private replies: Array<{ key: string; target: string; postedAt: number }> = [];
  private marks: Map<string, string>;
  /** False in a file older than migration 0009 (tests writing an old schema): its upgrade rebuilds. */
  private enabled: boolean;

  constructor(
    private db: Db,
    timezone: string,
  ) {
    this.enabled =
      db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'response_orphans'")
        .get() !== undefined;
    this.acc = new ResponseAccumulator(contextOf(db, timezone));
    // Marks are few and only ever set on stored mentions: those of rows yet to come are known now.
    this.marks = handlingMarksByKey(db);
  }

  /** A mark that came to a row yet to be added (moved from its pre-0010 key by the writer). */
  marked(key: string, handling: string): void {
    this.marks.set(key, handling);
  }

  add(
    key: string,
    isBrand: number,
    postedAt: number,
    channel: string,
    complaint: number | null,
    followers: number | null,
    replyTo: string | null,
  ): void {
    if (!this.enabled) return;
    if (isBrand) {
      if (replyTo !== null) this.replies.push({ key, target: replyTo, postedAt });
      return;
    }
    this.customers.set(key, {
      postedAt,
      channel,
      complaint,
      followers,
      repliedAt: null,
      handling: this.marks.size ? (this.marks.get(key) ?? null) : null,
    });
  }

  flush(): void {
    const { db, customers, replies } = this;
    if (!customers.size && !replies.length) return;
    const again = new Set<string>();
    if (customers.size && db.prepare('SELECT 1 FROM response_orphans LIMIT 1').get()) {
      const hits = db
        .prepare(
          'SELECT o.target_key FROM json_each(?) j JOIN response_orphans o ON o.target_key = j.value',
        )
        .pluck()
        .all(JSON.stringify([...customers.keys()])) as string[];
      for (const k of hits) again.add(k);
      if (hits.length)
        db.prepare(
          'DELETE FROM response_orphans WHERE target_key IN (SELECT value FROM json_each(?))',
        ).run(JSON.stringify(hits));
    }
    const older = new Set<string>();
    for (const r of replies) {
      const c = customers.get(r.target);
      if (!c) older.add(r.target);
      else if (r.postedAt >= c.postedAt && (c.repliedAt === null || r.postedAt < c.repliedAt))
        c.repliedAt = r.postedAt;
    }
    if (older.size) this.moveOlder(older, new Set(replies.map((r) => r.key)));
    if (again.size) for (const s of sourcesOf(db, [...again])) customers.set(s.k, s);
    for (const c of customers.values()) this.acc.add(c);
    this.acc.flush(db);
    customers.clear();
    this.replies = [];
  }

  /** Mentions stored before this batch that got a brand reply in it. */
  private moveOlder(targets: Set<string>, newReplies: Set<string>): void {
    const rows = this.db
      .prepare(
        `SELECT j.value AS k, m.posted_at AS postedAt, m.channel, m.complaint, m.author_followers AS followers,
           m.is_brand AS isBrand,
           (SELECT o.value FROM overrides o WHERE o.target_kind = 'mention' AND o.target_key = m.natural_key AND o.field = 'handling') AS handling,
           (SELECT json_group_array(json_array(r.natural_key, r.posted_at)) FROM mentions r
             WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1 AND r.posted_at >= m.posted_at) AS replies
         FROM json_each(?) j LEFT JOIN mentions m ON m.natural_key = j.value`,
      )
      .all(JSON.stringify([...targets])) as Array<
      Omit<ResponseSource, 'repliedAt'> & {
        k: string;
        isBrand: number | null;
        replies: string | null;
      }
    >;
    const missing: string[] = [];
    for (const row of rows) {
      if (row.isBrand === null) {
        missing.push(row.k);
        continue;
      }
      if (row.isBrand) continue;
      let before: number | null = null;
      let after: number | null = null;
      for (const [k, t] of JSON.parse(row.replies ?? '[]') as Array<[string, number]>) {
        if (after === null || t < after) after = t;
        if (!newReplies.has(k) && (before === null || t < before)) before = t;
      }
      if (before === after) continue;
      const { k: _k, isBrand: _b, replies: _r, ...s } = row;
      this.acc.add({ ...s, repliedAt: before }, -1);
      this.acc.add({ ...s, repliedAt: after }, 1);
    }
    if (missing.length)
      this.db
        .prepare(
          'INSERT OR IGNORE INTO response_orphans (target_key) SELECT value FROM json_each(?)',
        )
        .run(JSON.stringify(missing));
  }
}

/** Rows of the response rollups over local days [from, to], summed per dimension. */
export interface ResponseRollupRows {
  counts: Array<{
    channel: string;
    complaint: number;
    reach: ReachBand;
    state: ResponseState;
    mentions: number;
  }>;
  delays: Array<{
    clock: 'wall' | 'business';
    channel: string;
    reach: string;
    bucket: number;
    replies: number;
    minutesSum: number;
  }>;
}

const nextMonth = (m: string): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};
const prevMonth = (m: string): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};
const dayBefore = (d: string): string =>
  new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Local days [from, to] as whole months plus the days at either end outside them: two years
 * read 24 month rows per cell and at most two partial months of day rows.
 */
export function splitDays(
  from: string,
  to: string,
): { months: [string, string] | null; days: Array<[string, string]> } {
  const firstFull = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const lastFull =
    dayBefore(`${nextMonth(to.slice(0, 7))}-01`) === to
      ? to.slice(0, 7)
      : prevMonth(to.slice(0, 7));
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: Array<[string, string]> = [];
  if (from < `${firstFull}-01`) days.push([from, dayBefore(`${firstFull}-01`)]);
  const afterLast = `${nextMonth(lastFull)}-01`;
  if (afterLast <= to) days.push([afterLast, to]);
  return { months: [firstFull, lastFull], days };
}

/** Reads the response rollups of local days [from, to] (optionally some channels only). */
export function readResponseRollup(
  db: Db,
  from: string,
  to: string,
  channels?: string[],
): ResponseRollupRows {
  const { months, days } = splitDays(from, to);
  // Three ranges, always bound (an unused one is empty), so each statement is prepared once.
  const none: [string, string] = ['1', '0'];
  const args = [...(days[0] ?? none), ...(days[1] ?? none), ...(months ?? none)];
  const ch = channels?.length ? ` AND channel IN (${channels.map(() => '?').join(',')})` : '';
  const where = `((grain = 'day' AND at BETWEEN ? AND ?) OR (grain = 'day' AND at BETWEEN ? AND ?)
    OR (grain = 'month' AND at BETWEEN ? AND ?))${ch}`;
  const counts = db
    .prepare(
      `SELECT channel, complaint, reach, state, sum(mentions) AS mentions FROM rollup_response
       WHERE ${where} GROUP BY channel, complaint, reach, state`,
    )
    .all(...args, ...(channels ?? [])) as ResponseRollupRows['counts'];
  const delays = db
    .prepare(
      `SELECT clock, channel, reach, bucket, sum(replies) AS replies, sum(minutes_sum) AS minutesSum
       FROM rollup_response_delay WHERE ${where} GROUP BY clock, channel, reach, bucket`,
    )
    .all(...args, ...(channels ?? [])) as ResponseRollupRows['delays'];
  return { counts, delays };
}
