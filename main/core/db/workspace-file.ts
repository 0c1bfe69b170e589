import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { AtalayaError } from './errors';
import { APPLICATION_ID, inspectWorkspaceFile } from './file-check';
import { deleteMeta, readMeta, writeMeta } from './meta';
import { migrate, SCHEMA_VERSION } from './migrate';
import { readProfile } from './profile-repo';
import { rebuildRollups } from './rollups';

export type Db = Database.Database;

export interface OpenOptions {
  /** Run `PRAGMA integrity_check` whatever the state (on demand from the UI/CLI). */
  fullCheck?: boolean;
  /** quick_check runs on open only below this size; larger files rely on the clean-shutdown marker. */
  quickCheckMaxBytes?: number;
  readonly?: boolean;
}

export interface WorkspaceHandle {
  db: Db;
  path: string;
  /** True when the previous session did not close the file cleanly (a full check then ran). */
  recoveredFromUncleanShutdown: boolean;
  /** Backup taken before migrating an older file, if any. */
  backupPath: string | null;
  close(): void;
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps the database consistent after a crash; only the last commits
  // before a power loss may roll back, which re-importing restores (imports are idempotent).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 128 MB of page cache keeps the hot index pages of a 1M-mention workspace in memory.
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
}

function runCheck(db: Db, name: string, kind: 'quick_check' | 'integrity_check'): void {
  const rows = db.pragma(kind) as Array<Record<string, string>>;
  const first = rows[0] ? Object.values(rows[0])[0] : 'ok';
  if (first !== 'ok') {
    throw new AtalayaError(
      'corrupt',
      `${name} is damaged (${kind}: ${String(first).slice(0, 120)}); restore it from a backup`,
      { key: 'workspaceDamaged', params: { name } },
    );
  }
}

function handleFor(
  db: Db,
  path: string,
  recovered: boolean,
  backupPath: string | null,
): WorkspaceHandle {
  let closed = false;
  return {
    db,
    path,
    recoveredFromUncleanShutdown: recovered,
    backupPath,
    close() {
      if (closed) return;
      closed = true;
      if (!db.readonly) {
        writeMeta(db, 'clean_shutdown', '1');
        db.pragma('optimize');
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
      db.close();
    },
  };
}

/** A migration that adds a rollup asks for a rebuild (local days need the timezone). */
function rebuildRollupsIfFlagged(db: Db): void {
  if (readMeta(db, 'rollups_rebuild') !== '1') return;
  // A file without a profile (created by hand, migrated from version 0) has no mentions.
  const hasProfile = db.prepare('SELECT 1 FROM workspace WHERE id = 1').get() !== undefined;
  if (hasProfile) rebuildRollups(db, readProfile(db).timezone);
  deleteMeta(db, 'rollups_rebuild');
}

/**
 * Opens an existing workspace. The header is inspected before SQLite opens the file, so a
 * foreign, truncated or newer file is refused untouched.
 */
export function openWorkspaceFile(path: string, opts: OpenOptions = {}): WorkspaceHandle {
  const name = basename(path);
  const facts = inspectWorkspaceFile(path, SCHEMA_VERSION);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, readonly: opts.readonly ?? false });
  } catch (e) {
    throw new AtalayaError('io', `${name} could not be opened: ${(e as Error).message}`, {
      key: 'workspaceUnreadable',
      params: { name },
      path,
    });
  }
  try {
    if (!opts.readonly) applyPragmas(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new AtalayaError(
        'too_new',
        `${name} was saved by a newer version of Atalaya: update Atalaya to open it`,
        { key: 'workspaceTooNew', params: { name }, path },
      );
    }
    const cleanBefore = version === 0 ? '1' : (readMeta(db, 'clean_shutdown') ?? '1');
    const unclean = cleanBefore !== '1';
    if (opts.fullCheck || unclean) runCheck(db, name, 'integrity_check');
    else if (facts.sizeBytes <= (opts.quickCheckMaxBytes ?? 256 * 1024 * 1024)) {
      runCheck(db, name, 'quick_check');
    }
    if (opts.readonly) return handleFor(db, path, unclean, null);
    let backupPath: string | null = null;
    if (version < SCHEMA_VERSION) {
      // A copy of the whole file before any schema change: if a migration fails or the
      // process dies mid-way, the user can go back to exactly what they had.
      db.pragma('wal_checkpoint(TRUNCATE)');
      backupPath = `${path}.v${version}.bak`;
      // Copied under a temporary name and renamed: a crash mid-copy never leaves a partial
      // file under the backup's name (nor replaces a complete one from an earlier attempt).
      copyFileSync(path, `${backupPath}.partial`);
      renameSync(`${backupPath}.partial`, backupPath);
      migrate(db);
    }
    // On every writable open, not only right after a migration: a process that died during
    // the first open after an upgrade left the flag set and the new rollups empty.
    rebuildRollupsIfFlagged(db);
    writeMeta(db, 'clean_shutdown', '0');
    return handleFor(db, path, unclean, backupPath);
  } catch (e) {
    db.close();
    throw asDamaged(e, name, path);
  }
}

/** SQLite's own "malformed"/"not a database" failures while reading the file, in our words. */
function asDamaged(e: unknown, name: string, path: string): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new AtalayaError(
      'corrupt',
      `${name} is damaged (${(e as Error).message}); restore it from a backup`,
      { key: 'workspaceDamaged', params: { name }, path },
    );
  }
  if (e instanceof AtalayaError && !e.details.path) {
    return new AtalayaError(e.code, e.message, { ...e.details, path });
  }
  return e;
}

/**
 * Page size of new workspace files (SQLite's default is 4 KiB). A mention row with its raw
 * record is ~350 bytes, so 4 KiB pages hold ~11 of them: with 16 KiB pages a bulk load makes a
 * quarter of the WAL frames, checkpoint copies and system calls for the same bytes. Importing
 * 1M mentions without analysis: the writing thread's CPU 11.0–11.6 → 9.7–10.3 s, wall time
 * 12.6–13.5 → 11.3–12.0 s (32 KiB: the same time, 30 MB more peak RSS; 64 KiB: slower).
 * Files created before keep their 4 KiB pages: SQLite changes it only by VACUUM.
 */
const PAGE_SIZE = 16 * 1024;

/** Creates a new workspace file; refuses to overwrite anything that exists. */
export function createWorkspaceFile(path: string, init: (db: Db) => void): WorkspaceHandle {
  if (existsSync(path)) {
    throw new AtalayaError('exists', `${path} already exists: choose another file name`, {
      key: 'fileExists',
      params: { name: basename(path) },
    });
  }
  const db = new Database(path);
  try {
    // Before anything writes the header: the page size is fixed once the file exists.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyPragmas(db);
    migrate(db);
    db.transaction(() => {
      // A new file has nothing to rebuild.
      deleteMeta(db, 'rollups_rebuild');
      init(db);
      writeMeta(db, 'clean_shutdown', '0');
      writeMeta(db, 'created_by', 'atalaya');
    })();
    return handleFor(db, path, false, null);
  } catch (e) {
    db.close();
    throw e;
  }
}
