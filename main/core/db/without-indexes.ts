import type { Db } from './workspace-file';

/**
 * Runs `fill` with the table's secondary indexes dropped, then creates them again, all in the
 * caller's transaction (a failure or a killed process leaves them as they were): building an
 * index once over 1M rows costs a fraction of keeping it up to date row by row. For a fill
 * that rewrites rows without changing how many there are (the People full pass): DROP INDEX
 * also deletes the index's planner statistics, and `PRAGMA optimize` would not take them
 * again while the table's unique index keeps its own (reviewer S9-3: the People list by
 * channel went back to a sort), so they are put back as they were. A bulk load's indexes stay
 * dropped across many transactions and survive a kill: bulk-load.ts keeps them in `meta`.
 */
export function withoutIndexes(db: Db, table: string, fill: () => void): void {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    )
    .all(table) as Array<{ name: string; sql: string }>;
  const stats = savedStatistics(
    db,
    table,
    indexes.map((i) => i.name),
  );
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
  fill();
  for (const i of indexes) db.exec(i.sql);
  stats?.restore();
}

/**
 * The planner statistics of these indexes (sqlite_stat1, and sqlite_stat4: this build has
 * STAT4), to write back after they are built again.
 */
function savedStatistics(db: Db, table: string, names: string[]): { restore: () => void } | null {
  if (!names.length) return null;
  const saved: Array<{ stat: string; rows: Array<Record<string, unknown>> }> = [];
  for (const stat of ['sqlite_stat1', 'sqlite_stat4']) {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(stat);
    if (!exists) continue;
    const rows = db
      .prepare(`SELECT * FROM ${stat} WHERE tbl = ? AND idx IN (${names.map(() => '?').join(',')})`)
      .all(table, ...names) as Array<Record<string, unknown>>;
    if (rows.length) saved.push({ stat, rows });
  }
  if (!saved.length) return null;
  return {
    restore: () => {
      for (const { stat, rows } of saved) {
        const cols = Object.keys(rows[0] as Record<string, unknown>);
        const put = db.prepare(
          `INSERT INTO ${stat} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
        );
        for (const r of rows) put.run(r);
      }
      // The planner reads the statistics when the schema loads: this reloads them.
      db.exec('ANALYZE sqlite_schema');
    },
  };
}
