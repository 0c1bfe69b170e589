import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beginBulkLoad,
  endBulkLoad,
  restoreBulkIndexes,
  shouldBulkLoad,
  BULK_MIN_BYTES,
} from '../../main/core/db/bulk-load';
import type { Db } from '../../main/core/db/workspace-file';
import { workspaceDeps } from '../helpers/workspace';

const indexes = (db: Db): string[] =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions' AND sql IS NOT NULL ORDER BY name",
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);

describe('bulk loads', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('drops only the non-unique, non-partial indexes and creates them again at the end', () => {
    const before = indexes(env.db);
    expect(before).toContain('mentions_author');
    const cache = env.db.pragma('cache_size', { simple: true });
    beginBulkLoad(env.db);
    expect(indexes(env.db)).toEqual(before.filter((n) => n !== 'mentions_author'));
    beginBulkLoad(env.db); // a second load on the same connection nests
    endBulkLoad(env.db);
    expect(indexes(env.db)).not.toContain('mentions_author');
    endBulkLoad(env.db);
    expect(indexes(env.db)).toEqual(before);
    expect(env.db.pragma('cache_size', { simple: true })).toBe(cache);
    expect(
      env.db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'bulk_load_indexes'").get(),
    ).toEqual({ n: 0 });
    expect(env.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('gives a killed load its indexes back when the workspace is opened again', () => {
    const before = indexes(env.db);
    beginBulkLoad(env.db); // … and the process dies here
    const path = env.ws.path;
    env.deps.session.close();
    const reopened = env.deps.session.open(path, 5);
    expect(indexes(reopened.db)).toEqual(before);
    expect(restoreBulkIndexes(reopened.db)).toBe(0);
    env.db = reopened.db;
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
