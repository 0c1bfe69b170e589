import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Files the UI may import, by opaque token: ones the user picked in a native dialog, or
 * uploaded through the API (browser mode, drag and drop). The UI never names a path.
 */
export class FileRegistry {
  private files = new Map<string, RegisteredFile>();
  private pending = new Map<string, { name: string; path: string; size: number }>();
  private dir: string;

  constructor(dir = join(tmpdir(), `atalaya-uploads-${process.pid}`)) {
    this.dir = dir;
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
      id = randomBytes(16).toString('base64url');
      mkdirSync(this.dir, { recursive: true });
      const safe =
        basename(name)
          .replace(/[^\p{L}\p{N}._ -]/gu, '_')
          .slice(0, 120) || 'upload';
      // A folder per upload keeps the file's own name, which the importer reports (import
      // history, refusals) — a random prefix on the name leaked into both.
      up = { name: safe, path: join(this.dir, id as string, safe), size: 0 };
      mkdirSync(dirname(up.path));
      writeFileSync(up.path, '');
      this.pending.set(id, up);
    }
    up.size += data.length;
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

  /** Uploaded copies are deleted once imported; picked files are the user's and stay. */
  release(token: string): void {
    const f = this.files.get(token);
    if (f?.uploaded) rmSync(dirname(f.path), { recursive: true, force: true });
    this.files.delete(token);
  }
}
