import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AtalayaError } from '../db/errors';

export interface RegisteredFile {
  token: string;
  name: string;
  path: string;
  size: number;
  uploaded: boolean;
}

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** An upload with no chunk for this long was abandoned (the tab closed mid-way): its part goes. */
const ABANDONED_MS = 60 * 60 * 1000;
const DIR_PREFIX = 'atalaya-uploads-';

/** Whether a process id is running (a process of another user counts as running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Upload folders of Atalaya processes that are gone (killed, crashed): `close` never ran for
 * them. Only `atalaya-uploads-<pid>` folders of dead pids are touched.
 */
function sweepStaleDirs(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const n of names) {
    const pid = n.startsWith(DIR_PREFIX) ? Number(n.slice(DIR_PREFIX.length)) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid))
      rmSync(join(parent, n), { recursive: true, force: true });
  }
}

/**
 * Files the UI may import, by opaque token: ones the user picked in a native dialog, or
 * uploaded through the API (browser mode, drag and drop). The UI never names a path.
 */
export class FileRegistry {
  private files = new Map<string, RegisteredFile>();
  private pending = new Map<string, { name: string; path: string; size: number; at: number }>();
  private dir: string;
  private swept: boolean;

  /**
   * `dir` holds the uploads (one folder each) and is removed by `close`. The default, one per
   * process in the system's temp folder, also clears those of earlier processes that died.
   */
  constructor(
    dir?: string,
    private now: () => number = Date.now,
  ) {
    this.dir = dir ?? join(tmpdir(), `${DIR_PREFIX}${process.pid}`);
    this.swept = dir !== undefined;
  }

  register(path: string): RegisteredFile {
    const token = randomBytes(16).toString('base64url');
    const f = { token, name: basename(path), path, size: statSync(path).size, uploaded: false };
    this.files.set(token, f);
    return f;
  }

  get(token: string): RegisteredFile {
    const f = this.files.get(token);
    if (!f)
      throw new AtalayaError(
        'not_found',
        'That file is no longer available: choose or drop it again',
        { key: 'fileGone' },
      );
    return f;
  }

  /** Appends one chunk of an upload; on the last chunk the file becomes importable. */
  appendChunk(
    uploadId: string | undefined,
    name: string,
    data: Buffer,
    last: boolean,
  ): { uploadId: string; file: RegisteredFile | null } {
    let id = uploadId;
    let up = id ? this.pending.get(id) : undefined;
    if (id && !up)
      throw new AtalayaError('not_found', 'Upload expired: drop the file again', {
        key: 'uploadExpired',
      });
    if (!up) {
      this.discardAbandoned();
      if (!this.swept) sweepStaleDirs(dirname(this.dir));
      this.swept = true;
      id = randomBytes(16).toString('base64url');
      mkdirSync(this.dir, { recursive: true });
      const safe =
        basename(name)
          .replace(/[^\p{L}\p{N}._ -]/gu, '_')
          .slice(0, 120) || 'upload';
      // A folder per upload keeps the file's own name, which the importer reports (import
      // history, refusals) — a random prefix on the name leaked into both.
      up = { name: safe, path: join(this.dir, id as string, safe), size: 0, at: 0 };
      mkdirSync(dirname(up.path));
      writeFileSync(up.path, '');
      this.pending.set(id, up);
    }
    up.size += data.length;
    up.at = this.now();
    if (up.size > MAX_UPLOAD_BYTES) {
      this.discard(id as string);
      throw new AtalayaError(
        'validation',
        `${up.name} is larger than 2 GB: import it with the command line instead`,
        { key: 'uploadTooLarge', params: { name: up.name } },
      );
    }
    appendFileSync(up.path, data);
    if (!last) return { uploadId: id as string, file: null };
    this.pending.delete(id as string);
    const token = randomBytes(16).toString('base64url');
    const f = { token, name: up.name, path: up.path, size: up.size, uploaded: true };
    this.files.set(token, f);
    return { uploadId: id as string, file: f };
  }

  private discard(uploadId: string): void {
    const up = this.pending.get(uploadId);
    if (up) rmSync(dirname(up.path), { recursive: true, force: true });
    this.pending.delete(uploadId);
  }

  private discardAbandoned(): void {
    const before = this.now() - ABANDONED_MS;
    for (const [id, up] of this.pending) if (up.at < before) this.discard(id);
  }

  /**
   * Deletes every upload still held — parts of unfinished uploads, files uploaded but never
   * imported — and the uploads folder. The app and `serve` call it as they stop.
   */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.pending.clear();
    for (const [token, f] of this.files) if (f.uploaded) this.files.delete(token);
  }

  /**
   * Forgets a file once imported or discarded (whether it was held). Uploaded copies are
   * deleted; picked files are the user's and stay.
   */
  release(token: string): boolean {
    const f = this.files.get(token);
    if (f?.uploaded) rmSync(dirname(f.path), { recursive: true, force: true });
    return this.files.delete(token);
  }
}
