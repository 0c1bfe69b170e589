import type Database from 'better-sqlite3';
import { registerMigrationFunctions } from './migration-functions';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Migrations are bundled into the build (vite inlines them), so the app needs no SQL files
// on disk at run time.
const files = import.meta.glob('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Parses `NNNN_name.sql` file names; rejects gaps and duplicates so history stays linear. */
export function loadMigrations(source: Record<string, string> = files): Migration[] {
  const list = Object.entries(source).map(([path, sql]) => {
    const match = /(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name not understood: ${path}`);
    return { version: Number(match[1]), name: match[2] ?? '', sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migrations must be numbered 1..N without gaps or duplicates (at ${m.version})`,
      );
    }
  });
  return list;
}

export const MIGRATIONS = loadMigrations();
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies every migration above the file's `user_version`, each in its own transaction that
 * also bumps `user_version`, so a crash leaves the file at a whole version.
 */
export function migrate(db: Database.Database, upTo = SCHEMA_VERSION, list = MIGRATIONS): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  if (current < upTo) registerMigrationFunctions(db);
  for (const m of list) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}
