import { afterEach, describe, expect, it } from 'vitest';
import { analysePeople } from '../../main/core/people/authors';
import { workspaceDeps } from '../helpers/workspace';
import { importPosts, POSTS } from './scenario';

// The full pass drops the indexes of people_posts and authors while it rewrites them and
// builds them again (authors.ts withoutIndexes): the same indexes, the same planner statistics.
describe('People full pass', () => {
  let env: ReturnType<typeof workspaceDeps> | null = null;
  afterEach(() => env?.cleanup());

  it('leaves every index and its planner statistics as they were', async () => {
    env = workspaceDeps();
    const db = env.db;
    await importPosts(env, POSTS);
    db.exec('ANALYZE');
    const TABLES = "('authors', 'people_posts')";
    // What must be the same after the pass: the indexes, stat1, stat4, and the People list by
    // channel as the planner sees it (on this connection: the statistics must be loaded
    // again, not only written back).
    const views = {
      indexes: `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ${TABLES} ORDER BY name`,
      stat1: `SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl IN ${TABLES} ORDER BY tbl, idx`,
      stat4: `SELECT tbl, idx, neq, nlt, ndlt, hex(sample) FROM sqlite_stat4 WHERE tbl IN ${TABLES} ORDER BY 1, 2, 6`,
      plan: `EXPLAIN QUERY PLAN SELECT id FROM authors WHERE is_brand = 0 AND posts > 0 AND channel = 'twitter'
             ORDER BY (label = 'insufficient_history'), score DESC, posts DESC LIMIT 50`,
    };
    const read = (): Record<string, unknown[]> =>
      Object.fromEntries(
        Object.entries(views).map(([k, sql]) => {
          const rows = db.prepare(sql).all() as Array<{ detail?: string }>;
          return [k, k === 'plan' ? rows.map((r) => r.detail) : rows];
        }),
      );
    const before = read();
    expect(before['stat4']?.length).toBeGreaterThan(5);
    expect(before['stat1']?.length).toBeGreaterThan(5);
    expect(analysePeople(db, 5000, { full: true }).full).toBe(true);
    expect(read()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
