import type { Db } from './workspace-file';

/** Watched folders are sources of kind 'folder' (url holds the folder path). */
export function addWatchedFolder(db: Db, path: string, now: number): number {
  const existing = db
    .prepare("SELECT id FROM sources WHERE kind = 'folder' AND url = ?")
    .get(path) as { id: number } | undefined;
  if (existing) return existing.id;
  return Number(
    db
      .prepare("INSERT INTO sources (kind, name, url, created_at) VALUES ('folder', ?, ?, ?)")
      .run(path, path, now).lastInsertRowid,
  );
}

export function listWatchedFolders(db: Db): Array<{ id: number; path: string; paused: boolean }> {
  return (
    db
      .prepare("SELECT id, url AS path, paused FROM sources WHERE kind = 'folder' ORDER BY id")
      .all() as Array<{ id: number; path: string; paused: number }>
  ).map((r) => ({ ...r, paused: r.paused === 1 }));
}
