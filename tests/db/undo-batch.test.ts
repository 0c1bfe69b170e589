import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { finishBatch, getBatch, startBatch, undoBatch } from '../../main/core/db/batches-repo';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { workspaceDeps } from '../helpers/workspace';

describe('undo of an import batch', () => {
  it('runs in one transaction without a savepoint, and removes the batch', () => {
    const env = workspaceDeps();
    try {
      const batchId = startBatch(env.db, { kind: 'file', fileName: 'x.jsonl', now: 0 });
      const w = new MentionWriter(env.db, { batchId, sourceId: null, timezone: 'UTC', now: 0 });
      w.write(
        Array.from({ length: 60 }, (_, i) => ({
          channel: 'twitter' as const,
          externalId: `m${i}`,
          postedAt: 1_700_000_000_000 + i * 60_000,
          text: `acme pedido ${i} sin llegar`,
          authorHandle: `user${i % 7}`,
        })),
      );
      finishBatch(env.db, batchId, {
        status: 'done',
        imported: 60,
        duplicates: 0,
        rejected: 0,
        errors: [],
        now: 0,
      });
      const path = env.ws.path;
      env.deps.session.close();

      // A nested transaction is a savepoint, and while one is open every page the undo
      // changes goes to the statement journal; each later statement that needs a statement
      // journal of its own (the per-author UPDATE fires a trigger) walks that in-memory
      // journal when it ends (temp_store = MEMORY). At 200k mentions that was 2.5 s of CPU.
      const sql: string[] = [];
      const db = new Database(path, { verbose: (s) => sql.push(String(s)) });
      db.pragma('temp_store = MEMORY');
      try {
        expect(undoBatch(db, batchId, 'UTC', 1)).toBe(60);
        expect(sql.filter((s) => /^\s*SAVEPOINT/i.test(s))).toEqual([]);
        expect(sql.filter((s) => /^\s*BEGIN/i.test(s))).toHaveLength(1);
        const n = (q: string): number => db.prepare(q).pluck().get() as number;
        expect(n('SELECT count(*) FROM mentions')).toBe(0);
        expect(n('SELECT coalesce(sum(posts), 0) FROM authors')).toBe(0);
        expect(n('SELECT coalesce(sum(mentions), 0) FROM rollup_hourly')).toBe(0);
        expect(getBatch(db, batchId)?.status).toBe('undone');
      } finally {
        db.close();
      }
    } finally {
      env.cleanup();
    }
  });
});
