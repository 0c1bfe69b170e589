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
    const schema = (): unknown =>
      db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('authors', 'people_posts') ORDER BY name",
        )
        .all();
    const stats = (): unknown =>
      db
        .prepare(
          "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl IN ('authors', 'people_posts') ORDER BY tbl, idx",
        )
        .all();
    const samples = (): unknown =>
      db
        .prepare(
          "SELECT tbl, idx, neq, nlt, ndlt, hex(sample) FROM sqlite_stat4 WHERE tbl IN ('authors', 'people_posts') ORDER BY 1, 2, 6",
        )
        .all();
    // The People list by channel, as the planner sees it with the statistics (on this
    // connection: they must be loaded again, not only written back).
    const plan = (): unknown =>
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM authors WHERE is_brand = 0 AND posts > 0 AND channel = 'twitter'
           ORDER BY (label = 'insufficient_history'), score DESC, posts DESC LIMIT 50`,
        )
        .all()
        .map((r) => (r as { detail: string }).detail);
    const planBefore = plan();
    const indexesBefore = schema();
    const statsBefore = stats();
    const samplesBefore = samples();
    expect((samplesBefore as unknown[]).length).toBeGreaterThan(5);
    expect((statsBefore as unknown[]).length).toBeGreaterThan(5);
    expect(analysePeople(db, 5000, { full: true }).full).toBe(true);
    expect(schema()).toEqual(indexesBefore);
    expect(stats()).toEqual(statsBefore);
    expect(samples()).toEqual(samplesBefore);
    expect(plan()).toEqual(planBefore);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
