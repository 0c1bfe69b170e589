import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../main/core/db/batches-repo';
import { searchMentions } from '../../main/core/db/mentions-query';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import { importFiles } from '../../main/core/sources/import-runner';
import { expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

const FIXTURES = join(__dirname, '../fixtures/importers');
const fixture = (name: string): string => join(FIXTURES, name);
const T = Date.UTC(2026, 11, 1, 9, 0, 0);

/** What the Mentions search finds for each query, as natural keys. */
function searches(db: Db, queries: string[]): Record<string, string[]> {
  const key = db.prepare('SELECT natural_key FROM mentions WHERE id = ?').pluck();
  return Object.fromEntries(
    queries.map((q) => [
      q,
      searchMentions(db, { q }, { limit: 500 })
        .items.map((i) => key.get(i.id) as string)
        .sort(),
    ]),
  );
}

const QUERIES = ['acme', 'envio', 'envío', 'refund', 'refu*', 'acme refund', 'tienda', 'zzz'];

function ftsSql(db: Db): string {
  return db
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'mentions_fts'")
    .pluck()
    .get() as string;
}

function expectIndexMatchesContent(db: Db): void {
  // rank 1: the index is compared with the text of every mention (external content)
  expect(() =>
    db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run(),
  ).not.toThrow();
}

describe('migration 0014 (full-text index without positions or sizes)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('rebuilds the index so that every search finds what it found before, and keeps it in step', async () => {
    const path = tmp.path('old.atalaya');
    const old = workspaceFileAt(path, 13);
    await importFiles(importDeps(old, T), [fixture('fts-words.csv')]);
    expect(ftsSql(old)).toMatch(/detail = column/);
    const before = searches(old, QUERIES);
    expect(before['envio']).toEqual(['other:w1', 'other:w5']); // accents folded
    expect(before['envío']).toEqual(before['envio']);
    expect(before['refund']).toEqual(['other:w2']);
    expect(before['refu*']).toEqual(['other:w2', 'other:w4', 'other:w6']);
    expect(before['acme refund']).toEqual(['other:w2']);
    expect(before['zzz']).toEqual([]);
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(14);
      expect(ftsSql(db)).toMatch(/detail = none, columnsize = 0/);
      expect(
        db
          .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'mentions_fts_docsize'")
          .pluck()
          .get(),
      ).toBe(0);
      expect(searches(db, QUERIES)).toEqual(before);
      expectIndexMatchesContent(db);
      // FTS5's own defaults again for later writes (the rebuild's settings were temporary)
      expect(
        db
          .prepare(
            "SELECT k, v FROM mentions_fts_config WHERE k IN ('hashsize', 'automerge') ORDER BY k",
          )
          .all(),
      ).toEqual([
        { k: 'automerge', v: 4 },
        { k: 'hashsize', v: 1048576 },
      ]);
      expectStoreConsistent(db);

      // later writes and an undo keep the index in step with the mentions
      const r = await importFiles(importDeps(db, T), [fixture('fts-words-later.csv')]);
      expect(r.files[0]?.imported).toBe(2);
      expectIndexMatchesContent(db);
      const withNew = searches(db, ['acme refund', 'tienda']);
      expect(withNew['acme refund']).toEqual(['other:v1', 'other:w2']);
      expect(withNew['tienda']).toEqual([...(before['tienda'] ?? []), 'other:v2'].sort());
      undoBatch(db, r.files[0]?.batchId as number, 'UTC', T);
      expectIndexMatchesContent(db);
      expect(searches(db, QUERIES)).toEqual(before);
      expectStoreConsistent(db);
    } finally {
      ws.close();
    }
  });
});
