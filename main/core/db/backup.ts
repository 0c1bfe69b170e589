import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AtalayaError } from './errors';
import { inspectWorkspaceFile } from './file-check';
import { SCHEMA_VERSION } from './migrate';
import { openWorkspaceFile, type WorkspaceHandle } from './workspace-file';

/**
 * A consistent copy of an open workspace, taken with SQLite's online backup: the app can go
 * on reading and writing meanwhile. The copy is checked before it is reported as done.
 */
export async function backupWorkspace(
  ws: WorkspaceHandle,
  target: string,
): Promise<{ path: string; pages: number }> {
  if (existsSync(target))
    throw new AtalayaError(
      'exists',
      `${target} already exists: choose another name for the backup`,
      { key: 'fileExists', params: { name: basename(target) } },
    );
  const tmp = `${target}.partial`;
  const r = await ws.db.backup(tmp);
  renameSync(tmp, target);
  const check = openWorkspaceFile(target, { fullCheck: true, readonly: true });
  check.close();
  return { path: target, pages: r.totalPages };
}

/** Restores a backup into `target` (refusing to overwrite unless asked), after checking it. */
export function restoreWorkspace(backup: string, target: string, overwrite = false): void {
  checkBackup(backup);
  if (existsSync(target) && !overwrite) {
    throw new AtalayaError(
      'exists',
      `${basename(target)} exists: pass --force to replace it with the backup`,
    );
  }
  // The backup is copied first: it may itself be the FILE.before-restore about to be rewritten.
  copyFileSync(backup, `${target}.restoring`);
  if (existsSync(target)) {
    // keep what is being replaced, in case the wrong backup was picked
    copyFileSync(target, `${target}.before-restore`);
  }
  // A -wal left beside a damaged or crashed file belongs to the old database: SQLite would
  // replay it over the restored one. It is kept beside the replaced copy, then removed.
  for (const side of ['-wal', '-shm']) {
    if (!existsSync(`${target}${side}`)) continue;
    if (side === '-wal') copyFileSync(`${target}-wal`, `${target}.before-restore-wal`);
    rmSync(`${target}${side}`, { force: true });
  }
  renameSync(`${target}.restoring`, target);
}

/** Header check and a full integrity check of a backup, read-only. */
export function checkBackup(backup: string): void {
  inspectWorkspaceFile(backup, SCHEMA_VERSION);
  const probe = openWorkspaceFile(backup, { fullCheck: true, readonly: true });
  probe.close();
}

export type BackupKind = 'backup' | 'pre-upgrade' | 'before-restore';

export interface BackupFile {
  path: string;
  name: string;
  kind: BackupKind;
  sizeBytes: number;
  modifiedAt: number;
}

/** Backups made from the app go into a folder beside the workspace: `acme.atalaya-backups/`. */
export function backupFolder(workspace: string): string {
  return `${resolve(workspace)}-backups`;
}

/**
 * Every backup of `workspace` Atalaya knows where to find, newest first: the app's own
 * backups, the copies taken before schema upgrades (`FILE.vN.bak`) and the copy kept by the
 * last restore (`FILE.before-restore`).
 */
export function listBackups(workspace: string): BackupFile[] {
  const file = resolve(workspace);
  const dir = dirname(file);
  const base = basename(file);
  const found: Array<{ path: string; kind: BackupKind }> = [];
  const entries = (folder: string): string[] => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  };
  for (const n of entries(dir)) {
    if (n.startsWith(`${base}.v`) && /\.v\d+\.bak$/.test(n))
      found.push({ path: join(dir, n), kind: 'pre-upgrade' });
    else if (n === `${base}.before-restore`)
      found.push({ path: join(dir, n), kind: 'before-restore' });
  }
  const own = backupFolder(file);
  for (const n of entries(own)) {
    if (n.endsWith('.atalaya')) found.push({ path: join(own, n), kind: 'backup' });
  }
  const items: BackupFile[] = [];
  for (const f of found) {
    try {
      const st = statSync(f.path);
      if (!st.isFile()) continue;
      items.push({ ...f, name: basename(f.path), sizeBytes: st.size, modifiedAt: st.mtimeMs });
    } catch {
      // vanished meanwhile
    }
  }
  return items.sort((a, b) => b.modifiedAt - a.modifiedAt || a.name.localeCompare(b.name));
}

/** The newest backup of `workspace` that passes a full check, or null. */
export function newestUsableBackup(workspace: string): string | null {
  for (const b of listBackups(workspace)) {
    try {
      checkBackup(b.path);
      return b.path;
    } catch {
      // damaged or not ours: try the next one
    }
  }
  return null;
}

/** `acme.atalaya-backups/acme-2026-12-01-074512.atalaya` (UTC, sortable). */
export function newBackupPath(workspace: string, now: number): string {
  const stem = basename(workspace).replace(/\.atalaya$/i, '');
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const folder = backupFolder(workspace);
  mkdirSync(folder, { recursive: true });
  let candidate = join(folder, `${stem}-${stamp}.atalaya`);
  for (let i = 2; existsSync(candidate); i += 1)
    candidate = join(folder, `${stem}-${stamp}-${i}.atalaya`);
  return candidate;
}

/**
 * For a workspace that could not be opened because it is damaged: the same error, naming
 * the newest checked backup (in `details.backup`) when there is one.
 */
export function offerBackup(e: unknown, workspace: string): unknown {
  if (!(e instanceof AtalayaError) || (e.code !== 'corrupt' && e.code !== 'truncated')) return e;
  const backup = newestUsableBackup(workspace);
  if (!backup) return e;
  return new AtalayaError(e.code, `${e.message}. A checked backup exists: ${backup}`, {
    ...e.details,
    path: resolve(workspace),
    backup,
  });
}
