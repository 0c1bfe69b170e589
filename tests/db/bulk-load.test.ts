import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beginBulkLoad,
  endBulkLoad,
  recoverBulkLoad,
  shouldBulkLoad,
  BULK_MIN_BYTES,
} from '../../main/core/db/bulk-load';
import { startBatch, undoBatch } from '../../main/core/db/batches-repo';
import { MentionWriter } from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import { workspaceDeps } from '../helpers/workspace';

const indexes = (db: Db, table = 'mentions'): string[] =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
      )
      .all(table) as Array<{ name: string }>
  ).map((r) => r.name);

describe('bulk loads', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('drops the non-unique, non-partial mention indexes and the People-list ones, and creates them again at the end', () => {
    const before = indexes(env.db);
    expect(before).toContain('mentions_author');
    const cache = env.db.pragma('cache_size', { simple: true });
    const autocheckpoint = env.db.pragma('wal_autocheckpoint', { simple: true });
    const authorsBefore = indexes(env.db, 'authors');
    expect(authorsBefore).toContain('authors_people_rank');
    beginBulkLoad(env.db);
    // The import worker checkpoints during the load; the writer only past a larger WAL.
    expect(env.db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(
      autocheckpoint as number,
    );
    expect(indexes(env.db)).toEqual(before.filter((n) => n !== 'mentions_author'));
    // The authors' People-list indexes go too, but not the one a query names (INDEXED BY).
    expect(indexes(env.db, 'authors')).toEqual(['authors_unanalysed']);
    beginBulkLoad(env.db); // a second load on the same connection nests
    endBulkLoad(env.db);
    expect(indexes(env.db)).not.toContain('mentions_author');
    endBulkLoad(env.db);
    expect(indexes(env.db)).toEqual(before);
    expect(indexes(env.db, 'authors')).toEqual(authorsBefore);
    expect(env.db.pragma('cache_size', { simple: true })).toBe(cache);
    expect(env.db.pragma('wal_autocheckpoint', { simple: true })).toBe(autocheckpoint);
    expect(
      env.db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'bulk_load_indexes'").get(),
    ).toEqual({ n: 0 });
    expect(env.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('gives a killed load its indexes back when the workspace is opened again', () => {
    const before = indexes(env.db);
    const authorsBefore = indexes(env.db, 'authors');
    beginBulkLoad(env.db); // … and the process dies here
    const path = env.ws.path;
    env.deps.session.close();
    const reopened = env.deps.session.open(path, 5);
    expect(indexes(reopened.db)).toEqual(before);
    expect(indexes(reopened.db, 'authors')).toEqual(authorsBefore);
    expect(recoverBulkLoad(reopened.db)).toBe(0);
    env.db = reopened.db;
  });

  it('recounts the author posts a killed load had held back', () => {
    beginBulkLoad(env.db);
    const writer = new MentionWriter(env.db, {
      batchId: null,
      sourceId: null,
      timezone: 'UTC',
      now: 1,
      deferAuthorCounts: true,
    });
    const rows = Array.from({ length: 30 }, (_, i) => ({
      channel: 'twitter' as const,
      externalId: `k${i}`,
      postedAt: Date.UTC(2026, 0, 1) + i * 60_000,
      text: `post ${i}`,
      authorHandle: `user${i % 4}`,
    }));
    env.db.transaction(() => writer.write(rows))();
    const posts = () =>
      env.db
        .prepare(
          'SELECT handle, posts, first_seen_at AS f, last_seen_at AS l FROM authors ORDER BY handle',
        )
        .all();
    expect(posts().every((a) => (a as { posts: number }).posts === 0)).toBe(true); // held back
    const path = env.ws.path;
    env.deps.session.close(); // … the process dies before the load ends
    env.db = env.deps.session.open(path, 5).db;
    expect(posts()).toEqual(
      [0, 1, 2, 3].map((u) => ({
        handle: `user${u}`,
        posts: u < 2 ? 8 : 7,
        f: Date.UTC(2026, 0, 1) + u * 60_000,
        l: Date.UTC(2026, 0, 1) + (u < 2 ? 28 + u : 24 + u) * 60_000,
      })),
    );
  });

  it('indexes a bulk load for search in one rebuild at its end, undo meanwhile included', () => {
    const write = (batchId: number, deferFts: boolean, from: number) => {
      const writer = new MentionWriter(env.db, {
        batchId,
        sourceId: null,
        timezone: 'UTC',
        now: 1,
        deferFts,
      });
      const rows = Array.from({ length: 20 }, (_, i) => ({
        channel: 'news' as const,
        externalId: `n${from + i}`,
        postedAt: Date.UTC(2026, 0, 1) + (from + i) * 60_000,
        text: `${deferFts ? 'bulk' : 'earlier'} story ${from + i}`,
        authorHandle: null,
      }));
      env.db.transaction(() => writer.write(rows))();
    };
    const found = (term: string) =>
      (
        env.db
          .prepare('SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH ?')
          .get(term) as { n: number }
      ).n;
    const earlier = startBatch(env.db, { kind: 'file', now: 1 });
    write(earlier, false, 0);
    beginBulkLoad(env.db);
    const undone = startBatch(env.db, { kind: 'file', now: 2 });
    write(undone, true, 100);
    const kept = startBatch(env.db, { kind: 'file', now: 3 });
    write(kept, true, 200);
    expect(found('bulk')).toBe(0); // not indexed yet
    undoBatch(env.db, undone, 'UTC', 4); // its rows were never in the index
    undoBatch(env.db, earlier, 'UTC', 5); // these were: the rebuild drops them too
    endBulkLoad(env.db);
    expect(found('bulk')).toBe(20);
    expect(found('earlier')).toBe(0);
    expect(found('story')).toBe(20);
    env.db.exec("INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')");
    // The rebuild's own settings (a larger hash, no merging) do not outlive it.
    expect(
      env.db
        .prepare(
          "SELECT k, v FROM mentions_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k",
        )
        .all(),
    ).toEqual([
      { k: 'automerge', v: 4 },
      { k: 'hashsize', v: 1024 * 1024 },
    ]);
  });

  it('bulk-loads large files unless the workspace is much larger than the file', () => {
    expect(shouldBulkLoad(env.db, BULK_MIN_BYTES - 1)).toBe(false);
    expect(shouldBulkLoad(env.db, BULK_MIN_BYTES)).toBe(true);
    const ins = env.db.prepare(
      "INSERT INTO mentions (id, natural_key, channel, posted_at, text, imported_at) VALUES (?, ?, 'news', 0, 'x', 0)",
    );
    env.db.transaction(() => {
      for (let i = 1; i <= 200_000; i++) ins.run(i, `news:${i}`);
    })();
    expect(shouldBulkLoad(env.db, BULK_MIN_BYTES)).toBe(false); // ~84k rows into 200k
    expect(shouldBulkLoad(env.db, 4 * BULK_MIN_BYTES)).toBe(true);
  });
});
