import type { MentionInput } from '../model/mention';
import { LegacyKeyOverrides } from './legacy-key-overrides';
import { naturalKeyOf, refKey, timeOrderedId } from './mention-key';
import { ResponseTracker } from './response-rollups';
import { RollupAccumulator, type RollupCells, type RollupFact } from './rollups';
import type { Db } from './workspace-file';
import type Database from 'better-sqlite3';

/** Analysis columns stored with each mention (null when not analysed). */
export interface MentionAnalysisColumns {
  lang: string | null;
  sentiment: -1 | 0 | 1;
  score: number;
  irony: boolean;
  complaint: boolean;
  topic: string | null;
  insult: boolean;
  toxicity: number;
  campaign: boolean;
  version: number;
}

export type Analyzer = (m: MentionInput) => MentionAnalysisColumns | null;

/** A mention whose analysis may already be computed (by the import worker). */
export type WritableMention = MentionInput & {
  analysis?: MentionAnalysisColumns | null;
};

export interface WriteContext {
  batchId: number | null;
  sourceId: number | null;
  timezone: string;
  now: number;
  analyze?: Analyzer;
  /**
   * Bulk loads: sum author post counts over the whole import and apply them once at the end
   * (`flushAuthorCounts`). An author update fires the people analysis' triggers: per author and
   * batch that was ~20 µs × ~900k updates for 1M mentions, two thirds of the writer's time.
   */
  deferAuthorCounts?: boolean;
  /** Bulk loads: leave the full-text index to one rebuild at the end (bulk-load.ts). */
  deferFts?: boolean;
  /** Bulk loads: leave the response rollups to one rebuild at the end (bulk-load.ts). */
  deferResponses?: boolean;
}

export interface WriteResult {
  imported: number;
  duplicates: number;
}

/** Columns of the mention insert, in the order of a prepared row. */
const COLUMNS = [
  'id',
  'natural_key',
  'channel',
  'external_id',
  'source_id',
  'batch_id',
  'author_id',
  'posted_at',
  'text',
  'title',
  'url',
  'lang',
  'rating',
  'likes',
  'shares',
  'replies',
  'author_followers',
  'reply_to_key',
  'thread_key',
  'is_brand',
  'raw',
  'sentiment',
  'sentiment_score',
  'irony',
  'complaint',
  'topic',
  'insult',
  'toxicity',
  'campaign',
  'analysis_version',
  'imported_at',
] as const;
const ID = 0;
const KEY = 1;
const CHANNEL = 2;
const EXTERNAL_ID = 3;
const SOURCE = 4;
const BATCH = 5;
const AUTHOR = 6;
const POSTED = 7;
const TEXT = 8;
const TITLE = 9;
const URL = 10;
const LANG = 11;
const RATING = 12;
const FOLLOWERS = 16;
const REPLY_TO = 17;
const IS_BRAND = 19;
/** The raw record's column: the import worker sends it as bytes (see insertFor). */
export const RAW_COLUMN = 20;
const SENTIMENT = 21;
const SCORE = 22;
const COMPLAINT = 24;
const TOPIC = 25;
const INSULT = 26;
const VERSION = 29;
const IMPORTED = 30;

/** A Uint8Array: a string's UTF-8 bytes, as the raw record arrives from the import worker (batch-codec.ts). */
export type PreparedValue = string | number | null | Uint8Array;
/** One mention as the column values of its insert (author set by the writer; source, batch, import time in its statement). */
export type PreparedRow = PreparedValue[];
/**
 * An author as a batch introduces it, in the order of the author upsert's columns: channel,
 * handle, name, followers, account creation, brand flag (of the first row that names it).
 */
export type PreparedAuthor = [
  channel: string,
  handle: string,
  name: string | null,
  followers: number | null,
  createdAt: number | null,
  isBrand: number,
];

/**
 * Numbers for the authors of one import, in the order the preparing thread first sees them: a
 * prepared row names its author by number (in the author column, which the writer turns into
 * the author's id), and only a batch that brings an author for the first time carries its
 * details. The writer looks each row's id up in an array instead of hashing a
 * `channel:handle` string per row (~0.8 µs per mention at 1M), and batches are smaller.
 */
export class AuthorNumbers {
  /** By channel, then handle in lower case: no `channel:handle` string to build and hash per row. */
  private byChannel = new Map<string, Map<string, number>>();
  private count = 0;

  /** The number of the author with this handle (lower case) on this channel, new when unseen. */
  numberOf(channel: string, handle: string): { n: number; isNew: boolean } {
    let handles = this.byChannel.get(channel);
    if (!handles) this.byChannel.set(channel, (handles = new Map()));
    const n = handles.get(handle);
    if (n !== undefined) return { n, isNew: false };
    const next = this.count++;
    handles.set(handle, next);
    return { n: next, isNew: true };
  }
}

/**
 * A batch in the form the writer inserts: plain arrays, cheap to pass between threads as one
 * JSON string (structured-cloning 10k objects cost the writing thread ~6 µs per mention).
 */
export interface PreparedBatch {
  /** The author column holds the author's number (AuthorNumbers), or null. */
  rows: PreparedRow[];
  /** Authors this batch names for the first time, numbered from `firstAuthor` on. */
  newAuthors: PreparedAuthor[];
  firstAuthor: number;
  /** Rows from this index on are not analysed yet: the writer analyses them (shared work). */
  analyseFrom: number;
  /**
   * Rollup cells of rows [0, rolled) summed by the preparing thread as if all were new; the
   * writer takes duplicates back out. The rest the writer adds itself once analysed.
   */
  rollups?: RollupCells;
  rolled?: number;
}

/** Own handles as `channel:handle` in lower case: mentions they author are brand posts. */
export function ownHandleKeys(db: Db): string[] {
  const rows = db.prepare('SELECT channel, handle FROM own_handles').all() as Array<{
    channel: string;
    handle: string;
  }>;
  return rows.map((h) => `${h.channel}:${h.handle.toLowerCase()}`);
}

function setAnalysis(r: PreparedRow, a: MentionAnalysisColumns | null): void {
  if (!a) return;
  if (a.lang !== null) r[LANG] = a.lang;
  r[SENTIMENT] = a.sentiment;
  r[SCORE] = a.score;
  r[23] = +a.irony;
  r[COMPLAINT] = +a.complaint;
  r[TOPIC] = a.topic;
  r[INSULT] = +a.insult;
  r[27] = a.toxicity;
  r[28] = +a.campaign;
  r[VERSION] = a.version;
}

/**
 * Turns mentions into a prepared batch: natural keys, time-ordered ids, reply/thread keys,
 * brand flags, raw JSON and — for the first `analyseCount` rows — the analysis. Pure: the
 * import worker runs it on its own core so the writing thread only inserts.
 */
export function prepareMentions(
  rows: WritableMention[],
  own: ReadonlySet<string>,
  numbers: AuthorNumbers,
  analyze: Analyzer | undefined,
  analyseCount = rows.length,
  rollups?: RollupAccumulator,
): PreparedBatch {
  const out: PreparedRow[] = new Array<PreparedRow>(rows.length);
  const newAuthors: PreparedAuthor[] = [];
  let firstAuthor = -1;
  const ownSet = own.size > 0;
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i] as WritableMention;
    const key = naturalKeyOf(m);
    const handle = m.authorHandle ? m.authorHandle.toLowerCase() : null;
    const isBrand =
      m.fromBrand || (handle !== null && ownSet && own.has(`${m.channel}:${handle}`)) ? 1 : 0;
    let author: number | null = null;
    if (handle !== null && m.authorHandle) {
      const { n, isNew } = numbers.numberOf(m.channel, handle);
      author = n;
      if (isNew) {
        if (firstAuthor < 0) firstAuthor = n;
        newAuthors.push([
          m.channel,
          m.authorHandle,
          m.authorName ?? null,
          m.authorFollowers ?? null,
          m.authorCreatedAt ?? null,
          isBrand,
        ]);
      }
    }
    const r: PreparedRow = [
      timeOrderedId(m.postedAt, key),
      key,
      m.channel,
      m.externalId,
      null,
      null,
      author,
      m.postedAt,
      m.text,
      m.title ?? null,
      m.url ?? null,
      m.lang ?? null,
      m.rating ?? null,
      m.likes ?? null,
      m.shares ?? null,
      m.replies ?? null,
      m.authorFollowers ?? null,
      refKey(m.channel, m.replyToId),
      refKey(m.channel, m.threadId),
      isBrand,
      m.rawJson ?? (m.raw === undefined ? null : JSON.stringify(m.raw)),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      0,
    ];
    const a =
      m.analysis !== undefined ? m.analysis : i < analyseCount ? (analyze?.(m) ?? null) : null;
    setAnalysis(r, a);
    out[i] = r;
  }
  const analyseFrom = Math.min(analyseCount, rows.length);
  const batch: PreparedBatch = { rows: out, newAuthors, firstAuthor, analyseFrom };
  if (!rollups) return batch;
  for (let i = 0; i < analyseFrom; i++) rollups.add(factOf(out[i] as PreparedRow));
  return { ...batch, rollups: rollups.take(), rolled: analyseFrom };
}

/** A prepared row's contribution to the rollups. */
function factOf(r: PreparedRow): RollupFact {
  return {
    postedAt: r[POSTED] as number,
    channel: r[CHANNEL] as string,
    sentiment: r[SENTIMENT] as number | null,
    score: r[SCORE] as number | null,
    complaint: r[COMPLAINT] as number | null,
    isBrand: r[IS_BRAND] as number,
    rating: r[RATING] as number | null,
    topic: r[TOPIC] as string | null,
    text: r[TEXT] as string,
  };
}

/** What an analyzer needs of a prepared row (text, title, platform language, rating). */
function mentionOf(r: PreparedRow): MentionInput {
  return {
    channel: r[CHANNEL] as MentionInput['channel'],
    externalId: null,
    postedAt: r[POSTED] as number,
    text: r[TEXT] as string,
    title: r[TITLE] as string | null,
    authorHandle: null,
    lang: r[LANG] as string | null,
    rating: r[RATING] as number | null,
  };
}

interface AuthorAgg {
  id: number;
  posts: number;
  first: number;
  last: number;
}

/**
 * Writes mentions, their authors, the full-text index and the rollups. Call `write` inside a
 * transaction per batch; caches (authors, own handles) persist across batches of one import.
 */
export class MentionWriter {
  /** One insert per set of non-null columns: binding only those is ~25 % cheaper than all 31. */
  private inserts = new Map<number, Database.Statement>();
  private insertFts: Database.Statement;
  private upsertAuthors: Database.Statement;
  private findAuthors: Database.Statement;
  private bumpAuthors: Database.Statement;
  private pendingAuthors = new Map<number, AuthorAgg>();
  private overrideFor: Database.Statement;
  /** Author ids by the numbers the preparing thread gave them (AuthorNumbers). */
  private authorIds: number[] = [];
  /**
   * Numbers for the batches this writer prepares itself (`write`). Batches prepared elsewhere
   * (`writePrepared`) are numbered by their preparing thread: one writer takes one kind.
   */
  private numbers = new AuthorNumbers();
  private takes: 'own' | 'prepared' | null = null;
  private own: Set<string>;
  private hasOverrides: boolean;
  /** Corrections under the key rows without id and link had before 0010, when any may be. */
  private legacy: LegacyKeyOverrides | null;
  private rollups: RollupAccumulator;
  private responses: ResponseTracker | null;

  constructor(
    private db: Db,
    private ctx: WriteContext,
  ) {
    this.insertFts = db.prepare('INSERT INTO mentions_fts (rowid, text, title) VALUES (?, ?, ?)');
    // A batch's new authors in one statement each way, as JSON [[channel, handle, name,
    // followers, created, isBrand], …]: one upsert per author and its id lookup cost ~25 µs
    // per new author, ~2.5 s of a 1M import. No RETURNING: it gives the upsert a statement
    // journal, and FTS5 flushes its pending index data at every such statement.
    this.upsertAuthors = db.prepare(
      `INSERT INTO authors (channel, handle, name, followers, account_created_at, is_brand)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
       FROM json_each(?) WHERE true
       ON CONFLICT (channel, handle) DO UPDATE SET
         name = coalesce(excluded.name, name),
         followers = coalesce(excluded.followers, followers),
         account_created_at = coalesce(excluded.account_created_at, account_created_at)`,
    );
    // CROSS JOIN and MATERIALIZED fix the order (the JSON first, then one lookup per entry):
    // statistics that `PRAGMA optimize` took while the workspace was small say `authors` has a
    // handful of rows, and SQLite then scanned it for every entry — quadratic in new authors
    // (20k rows by 8k new authors: 72 s of CPU instead of 2). tests/db/stale-statistics.test.ts
    this.findAuthors = db
      .prepare(
        `SELECT a.id FROM json_each(?) AS j
         CROSS JOIN authors AS a ON a.channel = j.value ->> 0 AND a.handle = j.value ->> 1
         ORDER BY j.key`,
      )
      .pluck();
    // One statement for all of a batch's authors: [[id, posts, first, last], …] as JSON.
    this.bumpAuthors = db.prepare(
      `WITH d AS MATERIALIZED (
         SELECT value ->> 0 AS id, value ->> 1 AS n, value ->> 2 AS first, value ->> 3 AS last
         FROM json_each(?))
       UPDATE authors SET posts = posts + d.n,
         first_seen_at = min(coalesce(first_seen_at, d.first), d.first),
         last_seen_at = max(coalesce(last_seen_at, d.last), d.last)
       FROM d WHERE authors.id = d.id`,
    );
    this.overrideFor = db.prepare(
      "SELECT field, value FROM overrides WHERE target_kind = 'mention' AND target_key = ?",
    );
    this.own = new Set(ownHandleKeys(db));
    this.hasOverrides =
      db.prepare("SELECT 1 FROM overrides WHERE target_kind = 'mention' LIMIT 1").get() !==
      undefined;
    this.legacy = this.hasOverrides ? LegacyKeyOverrides.open(db) : null;
    this.rollups = new RollupAccumulator(ctx.timezone);
    this.responses = ctx.deferResponses ? null : new ResponseTracker(db, ctx.timezone);
  }

  private insertFor(mask: number): Database.Statement {
    let st = this.inserts.get(mask);
    if (!st) {
      const cols = COLUMNS.filter((_, c) => mask & (1 << c));
      // The raw record may come as its UTF-8 bytes (a blob to SQLite): stored as the text it is.
      const params = cols.map((c) => (c === 'raw' ? 'CAST(? AS TEXT)' : '?'));
      // The same for every row of this writer: written into the statement instead of bound
      // per row (each bound value costs the writer ~60 ns of N-API calls).
      const { sourceId, batchId, now } = this.ctx;
      const fixed = { source_id: sourceId, batch_id: batchId, imported_at: now };
      const literal = (v: number | null): string => {
        if (v === null) return 'NULL';
        if (!Number.isSafeInteger(v)) throw new Error(`not an id or a time: ${v}`);
        return String(v);
      };
      st = this.db.prepare(
        `INSERT INTO mentions (${[...cols, ...Object.keys(fixed)].join(', ')})
         VALUES (${[...params, ...Object.values(fixed).map(literal)].join(', ')})
         ON CONFLICT (natural_key) DO NOTHING`,
      );
      this.inserts.set(mask, st);
    }
    return st;
  }

  /** Upserts the authors a batch names for the first time, in one statement, and keeps their ids. */
  private addAuthors(batch: PreparedBatch): void {
    const n = batch.newAuthors.length;
    if (!n) return;
    const json = JSON.stringify(batch.newAuthors);
    this.upsertAuthors.run(json);
    const found = this.findAuthors.all(json) as number[];
    if (found.length !== n) throw new Error(`author upsert found ${found.length} of ${n} authors`);
    for (let k = 0; k < n; k++) this.authorIds[batch.firstAuthor + k] = found[k] as number;
  }

  /** Writes one batch of mentions. The caller wraps it in a transaction (5–10k rows). */
  write(rows: WritableMention[]): WriteResult {
    this.take('own');
    return this.write1(prepareMentions(rows, this.own, this.numbers, this.ctx.analyze));
  }

  /**
   * Writes one prepared batch (from `prepareMentions` on another thread, the import worker).
   * All the batches one writer takes come from one `AuthorNumbers`.
   */
  writePrepared(batch: PreparedBatch): WriteResult {
    this.take('prepared');
    return this.write1(batch);
  }

  private take(kind: 'own' | 'prepared'): void {
    if (this.takes !== null && this.takes !== kind)
      throw new Error('a writer takes either its own rows or prepared batches, not both');
    this.takes = kind;
  }

  private write1(batch: PreparedBatch): WriteResult {
    let imported = 0;
    let duplicates = 0;
    const authors = this.ctx.deferAuthorCounts ? this.pendingAuthors : new Map<number, AuthorAgg>();
    const { analyze } = this.ctx;
    const n = batch.rows.length;
    const rolled = batch.rolled ?? 0;
    if (batch.rollups) this.rollups.merge(batch.rollups);
    // Authors first, before this transaction has any full-text data pending: an upsert is a
    // statement FTS5 flushes its pending index for.
    this.addAuthors(batch);
    for (let i = 0; i < n; i++) {
      const r = batch.rows[i] as PreparedRow;
      if (analyze && i >= batch.analyseFrom) setAnalysis(r, analyze(mentionOf(r)));
      if (this.legacy && !r[EXTERNAL_ID] && !r[URL]) this.claimLegacy(r);
      if (this.hasOverrides && r[VERSION] !== null) {
        const before = i < rolled ? factOf(r) : null;
        if (this.applyOverrides(r) && before) {
          this.rollups.add(before, -1);
          this.rollups.add(factOf(r));
        }
      }
      const authorId = r[AUTHOR] === null ? null : (this.authorIds[r[AUTHOR] as number] as number);
      r[AUTHOR] = authorId;
      // The id comes first and is never null, so values[0] is the id. Source, batch and
      // import time are in the statement (insertFor); a brand flag of 0 is the column's default.
      let mask = 0;
      const values: PreparedValue[] = [];
      for (let c = 0; c < COLUMNS.length; c++) {
        const v = r[c] as PreparedValue;
        if (v === null || c === SOURCE || c === BATCH || c === IMPORTED) continue;
        if (c === IS_BRAND && v === 0) continue;
        mask |= 1 << c;
        values.push(v);
      }
      const insert = this.insertFor(mask);
      let changes: number;
      for (let attempt = 0; ; attempt++) {
        try {
          changes = insert.run(values).changes;
          break;
        } catch (e) {
          // Same second and same slot as another mention: probe the next slot.
          if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' || attempt > 65535)
            throw e;
          values[0] = r[ID] = (r[ID] as number) + 1;
        }
      }
      if (changes === 0) {
        duplicates++;
        if (i < rolled) this.rollups.add(factOf(r), -1);
        continue;
      }
      imported++;
      const postedAt = r[POSTED] as number;
      if (!this.ctx.deferFts) this.insertFts.run(r[ID], r[TEXT], r[TITLE]);
      if (i >= rolled) this.rollups.add(factOf(r));
      this.responses?.add(
        r[KEY] as string,
        r[IS_BRAND] as number,
        postedAt,
        r[CHANNEL] as string,
        r[COMPLAINT] as number | null,
        r[FOLLOWERS] as number | null,
        r[REPLY_TO] as string | null,
      );
      if (authorId !== null) {
        const agg = authors.get(authorId);
        if (agg) {
          agg.posts++;
          if (postedAt < agg.first) agg.first = postedAt;
          if (postedAt > agg.last) agg.last = postedAt;
        } else authors.set(authorId, { id: authorId, posts: 1, first: postedAt, last: postedAt });
      }
    }
    if (!this.ctx.deferAuthorCounts) this.applyAuthorCounts(authors);
    this.rollups.flush(this.db);
    this.responses?.flush();
    return { imported, duplicates };
  }

  /** Applies the author counts a bulk load deferred (call in a transaction, once at the end). */
  flushAuthorCounts(): void {
    this.applyAuthorCounts(this.pendingAuthors);
    this.pendingAuthors.clear();
  }

  private applyAuthorCounts(authors: Map<number, AuthorAgg>): void {
    if (authors.size === 0) return;
    const rows = [...authors.values()].map((g) => [g.id, g.posts, g.first, g.last]);
    this.bumpAuthors.run(JSON.stringify(rows));
  }

  /** Brings the overrides a row without id and link had under its pre-0010 key to its key. */
  private claimLegacy(r: PreparedRow): void {
    const key = r[KEY] as string;
    const mark = this.legacy?.claim(r[CHANNEL] as string, r[TEXT] as string, key);
    if (mark) this.responses?.marked(key, mark);
  }

  /** Applies the user's corrections of this mention; true when there were any. */
  private applyOverrides(r: PreparedRow): boolean {
    const rows = this.overrideFor.all(r[KEY]) as Array<{ field: string; value: string }>;
    for (const o of rows) {
      if (o.field === 'sentiment') r[SENTIMENT] = Number(o.value);
      else if (o.field === 'complaint') r[COMPLAINT] = o.value === '1' ? 1 : 0;
      else if (o.field === 'insult') r[INSULT] = o.value === '1' ? 1 : 0;
      else if (o.field === 'topic') r[TOPIC] = o.value || null;
    }
    return rows.length > 0;
  }
}
