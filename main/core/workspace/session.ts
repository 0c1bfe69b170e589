import { basename, resolve } from 'node:path';
import { closeInterruptedBatches } from '../db/batches-repo';
import { AtalayaError } from '../db/errors';
import { readProfile, writeProfile } from '../db/profile-repo';
import {
  createWorkspaceFile,
  openWorkspaceFile,
  type OpenOptions,
  type WorkspaceHandle,
} from '../db/workspace-file';
import type { WorkspaceProfile } from '../model/workspace';
import { RecentStore } from './recent-store';

/**
 * The workspace the app is working on. The Electron shell can switch workspaces; `serve`
 * and the CLI are locked to the one given on the command line.
 */
export class WorkspaceSession {
  private handle: WorkspaceHandle | null = null;
  /** Paths the user picked in a native dialog during this run; the UI may open only these or recents. */
  private chosen = new Set<string>();

  constructor(
    readonly recent: RecentStore = new RecentStore(null),
    readonly locked = false,
    private openOptions: OpenOptions = {},
  ) {}

  get current(): WorkspaceHandle | null {
    return this.handle;
  }

  require(): WorkspaceHandle {
    if (!this.handle)
      throw new AtalayaError('unavailable', 'No workspace is open: create or open one first');
    return this.handle;
  }

  allow(path: string): void {
    this.chosen.add(resolve(path));
  }

  isAllowed(path: string): boolean {
    const p = resolve(path);
    return this.chosen.has(p) || this.recent.has(p);
  }

  open(path: string, now: number): WorkspaceHandle {
    const p = resolve(path);
    const next = openWorkspaceFile(p, this.openOptions);
    closeInterruptedBatches(next.db, now);
    this.replace(next, now);
    return next;
  }

  create(path: string, profile: WorkspaceProfile, now: number): WorkspaceHandle {
    const p = resolve(path);
    const next = createWorkspaceFile(p, (db) => writeProfile(db, profile, now));
    this.replace(next, now);
    return next;
  }

  private replace(next: WorkspaceHandle, now: number): void {
    this.handle?.close();
    this.handle = next;
    this.recent.remember(next.path, readProfile(next.db).brand, now);
  }

  describe(): { path: string; name: string; brand: string } | null {
    if (!this.handle) return null;
    return {
      path: this.handle.path,
      name: basename(this.handle.path),
      brand: readProfile(this.handle.db).brand,
    };
  }

  close(): void {
    this.handle?.close();
    this.handle = null;
  }
}
