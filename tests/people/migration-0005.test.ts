import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';

describe('migration 0005: groups by post', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  it('keeps the groups and finds a post’s groups by index', () => {
    db = new Database(':memory:');
    expect(migrate(db, 4)).toBe(4);
    db.exec(`INSERT INTO coordination_groups (id, kind, key, first_at, last_at, members, posts, sample_mention_id)
      VALUES (1, 'text', 7, 0, 60000, 3, 3, 10);
      INSERT INTO coordination_members VALUES (1, 10, 1, 0), (1, 11, 2, 30000), (1, 12, 3, 60000);`);
    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM coordination_members').get()).toEqual({ n: 3 });
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT group_id FROM coordination_members WHERE mention_id = ?')
      .all(11) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/coordination_members_mention/);
  });
});
