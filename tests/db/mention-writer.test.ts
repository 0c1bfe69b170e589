import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishBatch, getBatch, startBatch, undoBatch } from '../../main/core/db/batches-repo';
import { naturalKeyOf, timeOrderedId } from '../../main/core/db/mention-key';
import {
  AuthorNumbers,
  MentionWriter,
  prepareMentions,
  type Analyzer,
  type PreparedBatch,
} from '../../main/core/db/mention-writer';
import { RollupAccumulator, rebuildRollups } from '../../main/core/db/rollups';
import type { MentionInput } from '../../main/core/model/mention';
import { workspaceDeps } from '../helpers/workspace';

const T0 = Date.UTC(2026, 2, 28, 22, 30); // the night Spain moves to summer time

function mention(i: number, over: Partial<MentionInput> = {}): MentionInput {
  return {
    channel: 'twitter',
    externalId: `t${i}`,
    postedAt: T0 + i * 15 * 60_000,
    text: `Mensaje ${i} sobre acme ${i % 2 ? 'retraso en mi pedido' : 'gracias'}`,
    authorHandle: i % 3 === 0 ? 'acme' : `user${i % 4}`,
    authorName: null,
    ...over,
  };
}

const analyze: Analyzer = (m) => ({
  lang: 'es',
  sentiment: m.text.includes('retraso') ? -1 : 1,
  score: m.text.includes('retraso') ? -0.6 : 0.5,
  irony: false,
  complaint: m.text.includes('retraso'),
  topic: m.text.includes('retraso') ? 'delivery_delay' : null,
  insult: false,
  toxicity: 0,
  campaign: false,
  version: 1,
});

describe('MentionWriter', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  function importRows(rows: MentionInput[]) {
    const { db } = env;
    const batchId = startBatch(db, { kind: 'file', fileName: 'x.jsonl', now: 1 });
    const writer = new MentionWriter(db, {
      batchId,
      sourceId: null,
      timezone: 'Europe/Madrid',
      now: 2,
      analyze,
    });
    const r = db.transaction(() => writer.write(rows))();
    finishBatch(db, batchId, { status: 'done', ...r, rejected: 0, errors: [], now: 3 });
    return { batchId, ...r };
  }

  /** A writer of prepared batches, as the import runner's (one import batch). */
  function preparedWriter() {
    const batchId = startBatch(env.db, { kind: 'file', fileName: 'w.jsonl', now: 1 });
    return new MentionWriter(env.db, {
      batchId,
      sourceId: null,
      timezone: 'Europe/Madrid',
      now: 2,
      analyze,
    });
  }

  /** Writes a batch prepared (as by the import worker) and sent as JSON. */
  function writePrepared(batch: PreparedBatch) {
    const writer = preparedWriter();
    return env.db.transaction(() => writer.writePrepared(batch))();
  }

  const count = (sql: string, ...args: unknown[]): number =>
    (env.db.prepare(sql).get(...args) as { n: number }).n;

  it('stores mentions, authors, FTS rows and rollups, and marks brand posts', () => {
    const rows = Array.from({ length: 12 }, (_, i) => mention(i));
    const r = importRows(rows);
    expect(r).toMatchObject({ imported: 12, duplicates: 0 });
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(12);
    expect(count("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'retraso'")).toBe(
      6,
    );
    expect(count('SELECT count(*) AS n FROM mentions WHERE is_brand = 1')).toBe(4);
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly')).toBe(12);
    expect(count('SELECT sum(mentions) AS n FROM rollup_daily')).toBe(12);
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly WHERE complaint = 1')).toBe(6);
    // user1 wrote i = 1 and 5 (i = 9 is a brand post: i % 3 === 0)
    expect(count("SELECT posts AS n FROM authors WHERE handle = 'user1'")).toBe(2);
  });

  it("resolves a batch's authors in one upsert: repeats and case variants share an id, known ones are updated", () => {
    importRows([mention(1, { authorHandle: 'Known', authorName: null })]);
    const known = count("SELECT id AS n FROM authors WHERE handle = 'Known'");
    const rows = [
      mention(2, { authorHandle: 'NewOne', authorName: 'First name', authorFollowers: 10 }),
      mention(3, { authorHandle: 'newone', authorName: 'Second name' }),
      mention(4, { authorHandle: 'KNOWN', authorName: 'Known Name', authorFollowers: 7 }),
      mention(5, { authorHandle: 'other', channel: 'mastodon' }),
      mention(6, { authorHandle: 'other' }),
      mention(7, { authorHandle: null }),
    ];
    expect(importRows(rows)).toMatchObject({ imported: 6, duplicates: 0 });
    const authors = env.db
      .prepare('SELECT channel, handle, name, followers, posts FROM authors ORDER BY id')
      .all();
    expect(authors).toEqual([
      { channel: 'twitter', handle: 'Known', name: 'Known Name', followers: 7, posts: 2 },
      { channel: 'twitter', handle: 'NewOne', name: 'First name', followers: 10, posts: 2 },
      { channel: 'mastodon', handle: 'other', name: null, followers: null, posts: 1 },
      { channel: 'twitter', handle: 'other', name: null, followers: null, posts: 1 },
    ]);
    expect(count("SELECT id AS n FROM authors WHERE handle = 'Known'")).toBe(known);
    // Each mention points at its channel's author, the one without a handle at none.
    const byMention = env.db
      .prepare(
        `SELECT m.external_id AS id, a.channel, a.handle FROM mentions m
         LEFT JOIN authors a ON a.id = m.author_id ORDER BY m.posted_at`,
      )
      .all();
    expect(byMention).toEqual([
      { id: 't1', channel: 'twitter', handle: 'Known' },
      { id: 't2', channel: 'twitter', handle: 'NewOne' },
      { id: 't3', channel: 'twitter', handle: 'NewOne' },
      { id: 't4', channel: 'twitter', handle: 'Known' },
      { id: 't5', channel: 'mastodon', handle: 'other' },
      { id: 't6', channel: 'twitter', handle: 'other' },
      { id: 't7', channel: null, handle: null },
    ]);
  });

  it('imports the same rows twice without duplicating anything', () => {
    const rows = Array.from({ length: 20 }, (_, i) => mention(i));
    importRows(rows);
    const again = importRows(rows);
    expect(again).toMatchObject({ imported: 0, duplicates: 20 });
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(20);
    expect(() =>
      env.db
        .prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)")
        .run(),
    ).not.toThrow();
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly')).toBe(20);
  });

  it('dedups rows without platform ids by a hash of url and text', () => {
    const a = mention(1, { externalId: null, url: 'https://example.com/a' });
    expect(naturalKeyOf(a)).toMatch(/^twitter:h:/);
    importRows([a, { ...a }]);
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(1);
  });

  it('gives ids that follow mention time, probing the next slot on a collision', () => {
    const same = [mention(1), mention(2, { postedAt: mention(1).postedAt })];
    importRows(same);
    const ids = (
      env.db.prepare('SELECT id, posted_at FROM mentions ORDER BY id').all() as Array<{
        id: number;
      }>
    ).map((r) => r.id);
    expect(new Set(ids).size).toBe(2);
    expect(timeOrderedId(T0, 'a')).toBeLessThan(timeOrderedId(T0 + 1000, 'a'));
    // newest first by rowid equals newest first by time
    importRows(Array.from({ length: 30 }, (_, i) => mention(100 - i * 3)));
    const byId = env.db.prepare('SELECT posted_at FROM mentions ORDER BY id DESC').all() as Array<{
      posted_at: number;
    }>;
    const times = byId.map((r) => r.posted_at);
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('keys daily rollups by local date across a DST change', () => {
    importRows([
      mention(0, { postedAt: Date.UTC(2026, 2, 28, 22, 59) }),
      mention(1, { postedAt: Date.UTC(2026, 2, 28, 23, 1) }),
    ]);
    const days = env.db
      .prepare('SELECT day, sum(mentions) AS n FROM rollup_daily GROUP BY day ORDER BY day')
      .all();
    // 22:59 UTC is 23:59 in Madrid on the 28th; 23:01 UTC is 01:01 on the 29th (clocks jumped)
    expect(days).toEqual([
      { day: '2026-03-28', n: 1 },
      { day: '2026-03-29', n: 1 },
    ]);
  });

  it('undo removes a batch everywhere and leaves other batches intact', () => {
    const first = importRows(Array.from({ length: 10 }, (_, i) => mention(i)));
    const second = importRows(Array.from({ length: 10 }, (_, i) => mention(i + 10)));
    const removed = undoBatch(env.db, second.batchId, 'Europe/Madrid', 9);
    expect(removed).toBe(10);
    expect(getBatch(env.db, second.batchId)?.status).toBe('undone');
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(10);
    expect(() =>
      env.db
        .prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)")
        .run(),
    ).not.toThrow();
    expect(count("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'mensaje'")).toBe(
      10,
    );
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly')).toBe(10);
    expect(count('SELECT sum(posts) AS n FROM authors')).toBe(10);
    expect(env.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(getBatch(env.db, first.batchId)?.status).toBe('done');
    // the rollups after undo equal a rebuild from scratch
    const read = () =>
      env.db
        .prepare(
          'SELECT day, channel, sentiment, complaint, is_brand, mentions, round(score_sum, 6) AS s FROM rollup_daily ORDER BY 1,2,3,4,5',
        )
        .all();
    const incremental = read();
    rebuildRollups(env.db, 'Europe/Madrid');
    expect(read()).toEqual(incremental);
  });

  it('keeps user overrides through undo and re-import', () => {
    const rows = [mention(1)];
    const { batchId } = importRows(rows);
    env.db
      .prepare(
        "INSERT INTO overrides (target_kind, target_key, field, value, created_at) VALUES ('mention', ?, 'sentiment', '0', 1)",
      )
      .run(naturalKeyOf(rows[0]!));
    undoBatch(env.db, batchId, 'Europe/Madrid', 5);
    importRows(rows);
    expect(env.db.prepare('SELECT sentiment FROM mentions').get()).toEqual({ sentiment: 0 });
  });

  it('names authors by number across the prepared batches of one import: only the first batch that names one carries it', () => {
    const numbers = new AuthorNumbers();
    const own = new Set(['twitter:acme']);
    const first = prepareMentions(
      [0, 1, 2, 3].map((i) => mention(i)),
      own,
      numbers,
      analyze,
    );
    const second = prepareMentions(
      [4, 5, 6, 7].map((i) => mention(i, i === 7 ? { authorHandle: 'USER1' } : {})),
      own,
      numbers,
      analyze,
    );
    expect(first.newAuthors.map((a) => a[1])).toEqual(['acme', 'user1', 'user2']);
    expect(first.newAuthors.map((a) => a[5])).toEqual([1, 0, 0]); // brand flag
    // user0 is new in the second batch; user1 (also as USER1) and acme are named by number.
    expect(second.firstAuthor).toBe(3);
    expect(second.newAuthors.map((a) => a[1])).toEqual(['user0']);
    expect(second.rows.map((r) => r[6])).toEqual([3, 1, 0, 1]);
    const writer = preparedWriter();
    for (const b of [first, second])
      env.db.transaction(() =>
        writer.writePrepared(JSON.parse(JSON.stringify(b)) as PreparedBatch),
      )();
    expect(
      env.db
        .prepare(
          `SELECT m.external_id AS id, a.handle FROM mentions m JOIN authors a ON a.id = m.author_id
           ORDER BY m.posted_at`,
        )
        .all(),
    ).toEqual(
      ['acme', 'user1', 'user2', 'acme', 'user0', 'user1', 'acme', 'user1'].map((handle, i) => ({
        id: `t${i}`,
        handle,
      })),
    );
    expect(count('SELECT count(*) AS n FROM authors')).toBe(4);
    // Its own rows (`write`) would be numbered apart: one writer takes one kind.
    expect(() => env.db.transaction(() => writer.write([mention(8)]))()).toThrow(/prepared/);
  });

  it('finishes the analysis of a prepared batch the worker left partly unanalysed', () => {
    const rows = Array.from({ length: 10 }, (_, i) => mention(i));
    // The worker analyses the first 4 and sends the batch as JSON; the writer does the rest.
    const prepared = prepareMentions(
      rows,
      new Set(['twitter:acme']),
      new AuthorNumbers(),
      analyze,
      4,
    );
    expect(prepared.analyseFrom).toBe(4);
    expect(prepared.rows[5]?.[21]).toBeNull();
    const batch = JSON.parse(JSON.stringify(prepared)) as PreparedBatch;
    expect(writePrepared(batch)).toEqual({
      imported: 10,
      duplicates: 0,
    });
    const stored = env.db
      .prepare(
        'SELECT text, sentiment, complaint, topic, analysis_version AS v, is_brand FROM mentions',
      )
      .all() as Array<{
      text: string;
      sentiment: number;
      complaint: number;
      v: number;
      is_brand: number;
    }>;
    expect(stored).toHaveLength(10);
    for (const r of stored) {
      expect(r.v).toBe(1);
      expect(r.sentiment).toBe(r.text.includes('retraso') ? -1 : 1);
      expect(r.complaint).toBe(r.text.includes('retraso') ? 1 : 0);
    }
    expect(count('SELECT count(*) AS n FROM mentions WHERE is_brand = 1')).toBe(4);
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly WHERE complaint = 1')).toBe(5);
  });

  it('stores rows with different sets of empty fields intact', () => {
    const rows = [
      mention(1, { title: 'Título', url: 'https://x.example/1', rating: 4, replyToId: 't0' }),
      mention(2, { likes: 7, shares: 1, replies: 2, authorFollowers: 90, lang: 'es' }),
      mention(3, { authorHandle: null, externalId: null }),
      mention(4, { threadId: 't1', raw: { a: 1 } }),
    ];
    importRows(rows);
    const got = env.db
      .prepare(
        `SELECT external_id, title, url, rating, likes, shares, replies, author_followers,
           reply_to_key, thread_key, author_id IS NULL AS anonymous, raw FROM mentions ORDER BY posted_at`,
      )
      .all();
    const empty = {
      title: null,
      url: null,
      rating: null,
      likes: null,
      shares: null,
      replies: null,
      author_followers: null,
      reply_to_key: null,
      thread_key: null,
      anonymous: 0,
      raw: null,
    };
    expect(got).toEqual([
      {
        ...empty,
        external_id: 't1',
        title: 'Título',
        url: 'https://x.example/1',
        rating: 4,
        reply_to_key: 'twitter:t0',
      },
      { ...empty, external_id: 't2', likes: 7, shares: 1, replies: 2, author_followers: 90 },
      { ...empty, external_id: null, anonymous: 1 },
      { ...empty, external_id: 't4', thread_key: 'twitter:t1', raw: '{"a":1}' },
    ]);
    expect(count('SELECT sum(rating_count) AS n FROM rollup_hourly')).toBe(1);
  });

  it('keeps rollups right when the worker summed them: duplicates and user corrections taken back', () => {
    importRows(Array.from({ length: 10 }, (_, i) => mention(i, { text: `#Retraso ${i} retraso` })));
    env.db
      .prepare(
        "INSERT INTO overrides (target_kind, target_key, field, value, created_at) VALUES ('mention', ?, 'complaint', '0', 1)",
      )
      .run(naturalKeyOf(mention(12)));
    // Rows 5–9 are already stored; the worker analysed and summed rows 5–14, the writer does 15–19.
    const rows = Array.from({ length: 15 }, (_, i) =>
      mention(i + 5, { text: `#Retraso ${i} retraso` }),
    );
    const acc = new RollupAccumulator('Europe/Madrid');
    const batch = JSON.parse(
      JSON.stringify(
        prepareMentions(rows, new Set(['twitter:acme']), new AuthorNumbers(), analyze, 10, acc),
      ),
    ) as PreparedBatch;
    expect(batch.rolled).toBe(10);
    expect(writePrepared(batch)).toEqual({
      imported: 10,
      duplicates: 5,
    });
    expect(
      env.db.prepare('SELECT complaint FROM mentions WHERE external_id = ?').get('t12'),
    ).toEqual({
      complaint: 0,
    });
    const read = () =>
      [
        'SELECT hour, channel, sentiment, complaint, is_brand, mentions, round(score_sum, 6) AS s FROM rollup_hourly ORDER BY 1,2,3,4,5',
        'SELECT day, channel, sentiment, complaint, is_brand, mentions, round(score_sum, 6) AS s FROM rollup_daily ORDER BY 1,2,3,4,5',
        'SELECT facet, day, value, channel, mentions, negative FROM rollup_facet_daily ORDER BY 1,2,3,4',
      ].map((q) => env.db.prepare(q).all());
    const incremental = read();
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly')).toBe(20);
    expect(count('SELECT sum(mentions) AS n FROM rollup_hourly WHERE complaint = 1')).toBe(19);
    rebuildRollups(env.db, 'Europe/Madrid');
    expect(read()).toEqual(incremental);
  });
});
