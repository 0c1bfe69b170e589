import type { Db } from '../../main/core/db/workspace-file';

/**
 * The plan SQLite chooses for a statement, one line per step ("SEARCH m USING INTEGER
 * PRIMARY KEY (rowid>? AND rowid<?)", "SCAN mentions"…), so tests can assert that a hot query
 * walks an index and never scans a table or sorts the whole result.
 */
export function queryPlan(db: Db, sql: string, args?: unknown[]): string[] {
  // Plans do not depend on the values here (no stat4), so unbound parameters become NULL.
  const values = args ?? Array.from(sql.matchAll(/\?/g), () => null);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

/** Records every statement a function prepares, to ask for their plans afterwards. */
export function capturePrepared<T>(db: Db, fn: () => T): { result: T; sql: string[] } {
  const sql: string[] = [];
  const original = db.prepare.bind(db);
  const spy = ((source: string) => {
    sql.push(source);
    return original(source);
  }) as typeof db.prepare;
  db.prepare = spy;
  try {
    return { result: fn(), sql };
  } finally {
    db.prepare = original;
  }
}
