import { deleteMeta, readMeta, writeMeta } from './meta';
import type { Db } from './workspace-file';

/**
 * Who is doing a long write (an import batch, a bulk load) in a workspace file, so that another
 * process opening the same file — the app beside the CLI, `serve`, `workspace info` — does not
 * take a live import for one a killed process left behind and "recover" it under its feet
 * (cancelling the batch, rebuilding the full-text index and author counts mid-load).
 *
 * The owner's pid is kept in `meta`. Another process is alive when signal 0 reaches it; this
 * process owns a write while the connection that claimed it is still open (tests and the app
 * close a handle without ending its load to stand for a killed process).
 */
const local = new Map<string, Set<Db>>();

const metaKey = (tag: string): string => `owner:${tag}`;
const localKey = (db: Db, tag: string): string => `${db.name}\u0000${tag}`;

export function claimWrite(db: Db, tag: string): void {
  writeMeta(db, metaKey(tag), String(process.pid));
  const k = localKey(db, tag);
  const set = local.get(k) ?? new Set<Db>();
  set.add(db);
  local.set(k, set);
}

export function releaseWrite(db: Db, tag: string): void {
  deleteMeta(db, metaKey(tag));
  const k = localKey(db, tag);
  local.get(k)?.delete(db);
  if (local.get(k)?.size === 0) local.delete(k);
}

/** True when the write tagged so was claimed by a process (or an open connection) still alive. */
export function writeOwnerAlive(db: Db, tag: string): boolean {
  const owner = readMeta(db, metaKey(tag));
  if (owner === undefined) return false;
  const pid = Number(owner);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) {
    for (const d of local.get(localKey(db, tag)) ?? []) if (d.open) return true;
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
