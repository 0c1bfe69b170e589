import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';

const plan = (db: Database.Database, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
    .map((p) => p.detail)
    .join(' | ');

describe('migration 0006: People by channel', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  it('keeps the authors and serves the channel filter and counts from an index', () => {
    db = new Database(':memory:');
    expect(migrate(db, 5)).toBe(5);
    db.exec(`INSERT INTO authors (id, channel, handle, posts, label, score, is_brand)
      VALUES (1, 'twitter', 'ana', 3, 'angry_customer', 0.1, 0), (2, 'reviews', 'luis', 5, 'supporter', 0, 0)`);
    expect(migrate(db, 6)).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM authors').get()).toEqual({ n: 2 });
    const people = 'FROM authors WHERE is_brand = 0 AND posts > 0';
    const byChannel = plan(
      db,
      `SELECT id ${people} AND channel = 'twitter' ORDER BY (label = 'insufficient_history'), score DESC, posts DESC LIMIT 200`,
    );
    expect(byChannel).toMatch(/authors_people_channel_rank/);
    expect(byChannel).not.toMatch(/TEMP B-TREE/);
    expect(plan(db, `SELECT channel, count(*) ${people} GROUP BY channel`)).toMatch(
      /COVERING INDEX authors_people_channel/,
    );
  });
});
