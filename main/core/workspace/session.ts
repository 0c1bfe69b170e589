import { basename, resolve } from 'node:path';
import { checkBackup, listBackups, offerBackup, restoreWorkspace } from '../db/backup';
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
  /** The last workspace that could not be opened because it is damaged, and its newest checked backup. */
  private failed: { path: string; backup: string; error: AtalayaError } | null = null;
  /** Imports, polls and folder scans using the open handle's database right now. */
  private jobs = 0;
  /** The background re-analysis of stored mentions (api/reanalysis-job.ts) is running. */
  private reanalysis = false;

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
      throw new AtalayaError('unavailable', 'No workspace is open: create or open one first', {
        key: 'noWorkspaceOpen',
      });
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
    let next: WorkspaceHandle;
    try {
      next = openWorkspaceFile(p, this.openOptions);
    } catch (e) {
      const offered = offerBackup(e, p);
      if (offered instanceof AtalayaError && offered.details.backup)
        this.failed = { path: p, backup: offered.details.backup, error: offered };
      throw offered;
    }
    if (this.failed?.path === p) this.failed = null;
    closeInterruptedBatches(next.db, now);
    this.replace(next, now);
    return next;
  }

  /**
   * Runs a job that uses the open workspace's database across awaits (an import, a feed
   * poll, a folder scan), so `restore` knows not to close the handle under it.
   */
  async busy<T>(job: () => Promise<T>): Promise<T> {
    const end = this.beginJob();
    try {
      return await job();
    } finally {
      end();
    }
  }

  /** `busy` for code that ends the job itself: call the returned function once it is done. */
  beginJob(): () => void {
    if (this.reanalysis) throw reanalysingError();
    this.jobs += 1;
    let ended = false;
    return () => {
      if (!ended) this.jobs -= 1;
      ended = true;
    };
  }

  /**
   * Starts the re-analysis of stored mentions as the only job on the workspace: null while an
   * import, poll or scan runs; until the returned function is called, those are refused.
   */
  beginReanalysis(): (() => void) | null {
    if (this.jobs > 0 || this.reanalysis) return null;
    const end = this.beginJob();
    this.reanalysis = true;
    return () => {
      this.reanalysis = false;
      end();
    };
  }

  get reanalysing(): boolean {
    return this.reanalysis;
  }

  /** Why the last open failed when a backup can replace the damaged file (else null). */
  get openFailure(): { path: string; backup: string; error: AtalayaError } | null {
    return this.failed;
  }

  /**
   * Replaces the open workspace, or the damaged one that failed to open, with one of its
   * own backups (nothing else: the UI cannot name arbitrary files), then opens it. The
   * replaced file is kept as `FILE.before-restore`.
   */
  restore(path: string, backup: string, now: number): WorkspaceHandle {
    const p = resolve(path);
    const b = resolve(backup);
    if (p !== this.handle?.path && p !== this.failed?.path) {
      throw new AtalayaError('unavailable', `${basename(p)} is not the workspace being restored`, {
        key: 'restoreNotThisWorkspace',
        params: { name: basename(p) },
      });
    }
    if (!listBackups(p).some((x) => x.path === b)) {
      throw new AtalayaError(
        'not_found',
        `${basename(b)} is not a backup of ${basename(p)}: choose one from the list`,
        { key: 'notABackup', params: { name: basename(b) } },
      );
    }
    if (this.reanalysis) throw reanalysingError();
    if (this.jobs > 0) {
      throw new AtalayaError(
        'unavailable',
        'An import or a poll is running: wait for it to finish or cancel it, then restore',
        { key: 'restoreWhileBusy' },
      );
    }
    checkBackup(b); // before closing anything: a damaged backup leaves everything as it was
    if (this.handle?.path === p) {
      this.handle.close();
      this.handle = null;
    }
    restoreWorkspace(b, p, true);
    this.failed = null;
    return this.open(p, now);
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

function reanalysingError(): AtalayaError {
  return new AtalayaError(
    'unavailable',
    'Stored mentions are being re-analysed: wait for it to finish or stop it, then try again',
    { key: 'reanalysing' },
  );
}
