import { afterEach, describe, expect, it } from 'vitest';
import { startBatch, undoBatch } from '../../main/core/db/batches-repo';
import { MentionWriter } from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';
import { workspaceDeps } from '../helpers/workspace';

const TZ = 'Europe/Madrid';
const T0 = Date.UTC(2026, 10, 2, 9);
const AUTHORS = 3000;
const ROWS = 6000;

/** Rows by `authors` accounts none seen before, every fifth a brand reply to the row before. */
function rows(n: number, authors: number): MentionInput[] {
  return Array.from({ length: n }, (_, i) => ({
    channel: 'twitter' as const,
    externalId: String(1000 + i),
    postedAt: T0 + i * 1000,
    text: i % 5 === 4 ? `@user${i - 1} lo miramos` : `@acme pedido ${i} sin llegar`,
    authorHandle: i % 5 === 4 ? 'acme' : `user${i % authors}`,
    replyToId: i % 5 === 4 ? String(1000 + i - 1) : null,
  }));
}

const cpuMs = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};

/** CPU ms of writing `list` in batches of 2,000 as an import does, and of undoing it. */
function importAndUndo(db: Db, list: MentionInput[], undo = true): { write: number; undo: number } {
  const batchId = startBatch(db, { kind: 'file', now: 1 });
  const w = new MentionWriter(db, { batchId, sourceId: null, timezone: TZ, now: 1 });
  const write = cpuMs(() => {
    for (let i = 0; i < list.length; i += 2000)
      db.transaction(() => w.write(list.slice(i, i + 2000)))();
  });
  if (!undo) return { write, undo: 0 };
  let removed = 0;
  const undoMs = cpuMs(() => (removed = undoBatch(db, batchId, TZ, 2)));
  expect(removed).toBe(list.length);
  return { write, undo: undoMs };
}

/**
 * `PRAGMA optimize` at close records the tables' sizes of that moment: a workspace closed with
 * 3 authors tells SQLite it has 3 until it is closed again, however many an import adds. The
 * writer's and the response rollups' set-wise lookups (json_each joined to a table) must not
 * let that turn each lookup into a scan of the table: 20k rows by 8k new authors into such a
 * workspace took 72 s of CPU instead of 2.
 */
describe('statistics gathered when the workspace was small', () => {
  const envs: Array<ReturnType<typeof workspaceDeps>> = [];
  afterEach(() => envs.splice(0).forEach((e) => e.cleanup()));

  it('leave an import of many new authors, and its undo, as fast as in a workspace without them', () => {
    const small = workspaceDeps();
    const fresh = workspaceDeps();
    envs.push(small, fresh);
    // what closing a workspace that held three posts leaves behind
    importAndUndo(small.db, rows(3, 3), false);
    small.db.exec('ANALYZE');
    const stat = small.db
      .prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_authors_1'")
      .pluck()
      .get() as string;
    expect(Number(stat.split(' ')[0])).toBeLessThan(10);
    const stale = importAndUndo(small.db, rows(ROWS, AUTHORS).slice(3));
    const right = importAndUndo(fresh.db, rows(ROWS, AUTHORS).slice(3));
    expect(small.db.prepare('SELECT count(*) FROM authors').pluck().get()).toBe(
      (AUTHORS * 4) / 5 + 1,
    );
    expect(stale.write).toBeLessThan(3 * right.write + 200);
    expect(stale.undo).toBeLessThan(3 * right.undo + 200);
  });
});
