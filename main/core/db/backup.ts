import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
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
  inspectWorkspaceFile(backup, SCHEMA_VERSION);
  const probe = openWorkspaceFile(backup, { fullCheck: true, readonly: true });
  probe.close();
  if (existsSync(target) && !overwrite) {
    throw new AtalayaError(
      'exists',
      `${basename(target)} exists: pass --force to replace it with the backup`,
    );
  }
  if (existsSync(target)) {
    // keep what is being replaced, in case the wrong backup was picked
    copyFileSync(target, `${target}.before-restore`);
  }
  copyFileSync(backup, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
}
