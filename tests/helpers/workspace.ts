import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../../main/core/api/deps';
import { APPLICATION_ID } from '../../main/core/db/file-check';
import { migrate } from '../../main/core/db/migrate';
import { writeProfile } from '../../main/core/db/profile-repo';
import { openWorkspaceFile, type WorkspaceHandle } from '../../main/core/db/workspace-file';
import { silentLogger } from '../../main/core/api/deps';
import { EventHub } from '../../main/core/api/event-hub';
import type { WorkspaceProfile } from '../../main/core/model/workspace';
import { FileRegistry } from '../../main/core/sources/file-registry';
import { RecentStore } from '../../main/core/workspace/recent-store';
import { WorkspaceSession } from '../../main/core/workspace/session';

export const PROFILE: WorkspaceProfile = {
  brand: 'Acme',
  keywords: ['acme'],
  excludes: [],
  handles: [{ channel: 'twitter', handle: 'acme' }],
  timezone: 'Europe/Madrid',
  hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
  holidays: [],
  responseTargetMinutes: 60,
};

export interface TempDir {
  dir: string;
  path(name: string): string;
  cleanup(): void;
}

export function tempDir(prefix = 'atalaya-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (n) => join(dir, n),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A simulated clock tests can move. */
export function fakeClock(start = Date.UTC(2026, 0, 5, 10, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (t: number) => (now = t) };
}

/** Real handlers' dependencies on a fresh, migrated workspace file. */
export function workspaceDeps(profile: WorkspaceProfile = PROFILE, mode: Deps['mode'] = 'cli') {
  const tmp = tempDir();
  const hub = new EventHub();
  const clock = fakeClock();
  const session = new WorkspaceSession(
    new RecentStore(tmp.path('recent.json')),
    mode !== 'electron',
  );
  const ws = session.create(tmp.path('test.atalaya'), profile, clock.now());
  const events: Array<{ event: string; payload: unknown }> = [];
  hub.subscribe((event, payload) => events.push({ event, payload }));
  const deps: Deps = {
    clock,
    log: silentLogger,
    fetch: globalThis.fetch,
    session,
    mode,
    version: '0.1.0',
    emit: hub.emit.bind(hub),
    files: new FileRegistry(tmp.path('uploads')),
  };
  return {
    deps,
    hub,
    ws,
    db: ws.db,
    clock,
    tmp,
    events,
    cleanup() {
      session.close();
      tmp.cleanup();
    },
  };
}

/** A workspace file left at schema `version` with the test profile, as an older app wrote it (migration tests). */
export function workspaceFileAt(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  writeProfile(db, PROFILE, 1);
  return db;
}

/**
 * A migration test's steps: a file at schema `version` seeded by `seed`, then opened as the
 * app opens it (backup, migrations, rollup rebuild) for `check`; the files are removed after.
 */
export function upgradeWorkspace(
  version: number,
  seed: (db: Database.Database) => void,
  check: (ws: WorkspaceHandle) => void,
): void {
  const tmp = tempDir();
  try {
    const path = tmp.path('old.atalaya');
    const db = workspaceFileAt(path, version);
    seed(db);
    db.close();
    const ws = openWorkspaceFile(path);
    try {
      check(ws);
    } finally {
      ws.close();
    }
  } finally {
    tmp.cleanup();
  }
}
