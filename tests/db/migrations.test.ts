import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, MIGRATIONS, SCHEMA_VERSION } from '../../main/core/db/migrate';

describe('migrations', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  it('are numbered 1..N without gaps or duplicates', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
    expect(() =>
      loadMigrations({ './migrations/0001_a.sql': '', './migrations/0003_c.sql': '' }),
    ).toThrow(/gaps/);
    expect(() =>
      loadMigrations({ './migrations/0001_a.sql': '', './migrations/0001_b.sql': '' }),
    ).toThrow(/duplicates/);
    expect(() => loadMigrations({ './migrations/first.sql': '' })).toThrow(/not understood/);
  });

  it('0001 creates the schema, including FTS5 and rollups, and sets user_version', () => {
    db = new Database(':memory:');
    expect(migrate(db, 1)).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    for (const t of [
      'workspace',
      'own_handles',
      'sources',
      'import_batches',
      'authors',
      'mentions',
      'mentions_fts',
      'overrides',
      'rollup_hourly',
      'rollup_daily',
      'meta',
    ]) {
      expect(tables).toContain(t);
    }
  });

  it('0002 adds timeline events, episode annotations and stored reports, keeping the data', () => {
    db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      "INSERT INTO workspace (id, brand, timezone, business_hours, created_at, updated_at) VALUES (1, 'Acme', 'UTC', '{}', 1, 1)",
    ).run();
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT brand FROM workspace').get()).toEqual({ brand: 'Acme' });
    db.prepare(
      "INSERT INTO timeline_events (at, label, is_action, created_at) VALUES (10, 'Refund announced', 1, 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO timeline_events (at, label, is_action, created_at) VALUES (10, 'x', 2, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO episode_annotations (episode_id, item, value, updated_at) VALUES ('c1', 'crisis_type', 'preventable', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO episode_annotations (episode_id, item, value, updated_at) VALUES ('c1', 'crisis_type', 'victim', 2)",
        )
        .run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(
      "INSERT INTO reports (from_at, to_at, lang, options, filename, html, sha256, created_at) VALUES (0, 1, 'es', '{}', 'r.html', '<p>', 'x', 1)",
    ).run();
    expect(db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 1 });
  });

  it('a failing migration leaves the file at the previous whole version', () => {
    db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        name: 'broken',
        sql: 'CREATE TABLE x (a); INSERT INTO nope VALUES (1);',
      },
    ];
    expect(() => migrate(db, SCHEMA_VERSION + 1, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({
      n: 0,
    });
  });

  it('is idempotent: running again applies nothing', () => {
    db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
  });
});
