import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';

describe('migration 0004: label history, coordination, incremental analysis', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  it('keeps analysed authors, adds the tables, and asks for one full pass', () => {
    db = new Database(':memory:');
    expect(migrate(db, 3)).toBe(3);
    db.exec(`INSERT INTO authors (id, channel, handle, posts, label, score, reasons, analysed_at, is_brand)
      VALUES (1, 'twitter', 'ana', 3, 'angry_customer', 0.1, '["x"]', 1000, 0),
             (2, 'twitter', 'luis', 5, 'supporter', 0, '[]', 1000, 0),
             (3, 'twitter', 'acme', 9, NULL, NULL, NULL, 1000, 0);
      INSERT INTO mentions (id, natural_key, channel, author_id, posted_at, text, imported_at, sentiment)
      VALUES (10, 'twitter:1', 'twitter', 1, 5, 'hola', 5, -1);`);
    expect(migrate(db, 4)).toBe(4);
    expect(
      db.prepare('SELECT label, analysed_at AS t, evidence FROM authors WHERE id = 1').get(),
    ).toEqual({
      label: 'angry_customer',
      t: 1000,
      evidence: null,
    });
    for (const t of [
      'author_label_history',
      'people_posts',
      'coordination_groups',
      'coordination_members',
    ])
      expect(
        db.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get(t),
        t,
      ).toEqual({ n: 1 });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'people_full_pass'").get()).toEqual({
      value: '1',
    });
    // an import bumps posts: the author is marked for re-analysis, the others are not
    db.prepare('UPDATE authors SET posts = posts + 1 WHERE id = 1').run();
    expect(db.prepare('SELECT id FROM authors WHERE analysed_at IS NULL').all()).toEqual([
      { id: 1 },
    ]);
    // a corrected sentiment marks its author too; an unchanged value does not
    db.prepare('UPDATE authors SET analysed_at = 2000 WHERE id = 1').run();
    db.prepare('UPDATE mentions SET sentiment = -1 WHERE id = 10').run();
    expect(db.prepare('SELECT id FROM authors WHERE analysed_at IS NULL').all()).toEqual([]);
    db.prepare('UPDATE mentions SET sentiment = 1 WHERE id = 10').run();
    expect(db.prepare('SELECT id FROM authors WHERE analysed_at IS NULL').all()).toEqual([
      { id: 1 },
    ]);
    // becoming one of the brand's accounts asks for a full pass
    db.prepare("DELETE FROM meta WHERE key = 'people_full_pass'").run();
    db.prepare('UPDATE authors SET is_brand = 1 WHERE id = 3').run();
    expect(db.prepare("SELECT value FROM meta WHERE key = 'people_full_pass'").get()).toEqual({
      value: '1',
    });
    // the People list reads its default order from an index, not a sort
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM authors WHERE is_brand = 0 AND posts > 0 ORDER BY (label = 'insufficient_history'), score DESC, posts DESC LIMIT 200",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/authors_people_rank/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
