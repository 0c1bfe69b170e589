import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AtalayaError } from './errors';

/** PRAGMA application_id of Atalaya workspaces: "ATLY". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x41544c59;

export interface HeaderFacts {
  sizeBytes: number;
  pageSize: number;
  userVersion: number;
  applicationId: number;
}

const MAGIC = 'SQLite format 3\u0000';

/**
 * Reads the 100-byte SQLite header without opening the database, so that a file which is
 * not ours, is cut short or comes from a newer app is refused before SQLite can touch it.
 */
export function inspectWorkspaceFile(path: string, schemaVersion: number): HeaderFacts {
  const name = basename(path);
  const notOurs = { key: 'notAWorkspace', params: { name }, path };
  const damaged = { key: 'workspaceDamaged', params: { name }, path };
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new AtalayaError('not_a_workspace', `${name} is not a file`, notOurs);
    size = st.size;
  } catch (e) {
    if (e instanceof AtalayaError) throw e;
    throw new AtalayaError(
      'not_found',
      // The CLI prints this; the app says it from the key.
      `No workspace file at ${path}: check the path, or make one with workspace create ${path} --brand NAME`,
      {
        key: 'workspaceNotFound',
        params: { name },
        path,
      },
    );
  }
  if (size === 0) {
    throw new AtalayaError(
      'not_a_workspace',
      `${name} is empty: it is not an Atalaya workspace`,
      notOurs,
    );
  }
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== MAGIC) {
    throw new AtalayaError(
      'not_a_workspace',
      `${name} is not an Atalaya workspace (it is not an SQLite database)`,
      notOurs,
    );
  }
  if (read < 100) {
    throw new AtalayaError(
      'truncated',
      `${name} is truncated: its database header is incomplete`,
      damaged,
    );
  }
  const rawPage = header.readUInt16BE(16);
  const pageSize = rawPage === 1 ? 65536 : rawPage;
  const changeCounter = header.readUInt32BE(24);
  const pagesInHeader = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  const userVersion = header.readUInt32BE(60);
  const applicationId = header.readUInt32BE(68);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new AtalayaError(
      'corrupt',
      `${name} is damaged: its page size (${rawPage}) is invalid`,
      damaged,
    );
  }
  // The in-header page count is only trustworthy when it was written with the current
  // change counter (SQLite file format §1.3.7).
  // With a non-empty -wal beside it, the main file may be shorter than its header says (a
  // checkpoint cut short by a crash): the WAL holds the rest and SQLite recovers it on open.
  let walBytes: number;
  try {
    walBytes = statSync(`${path}-wal`).size;
  } catch {
    walBytes = 0;
  }
  const expected =
    pagesInHeader > 0 && validFor === changeCounter && walBytes === 0
      ? pagesInHeader * pageSize
      : 0;
  if (size % pageSize !== 0 || size < expected) {
    throw new AtalayaError(
      'truncated',
      `${name} is truncated: ${size} bytes where ${expected || 'a whole number of pages'} were expected`,
      damaged,
    );
  }
  if (applicationId !== APPLICATION_ID) {
    throw new AtalayaError(
      'not_a_workspace',
      `${name} is an SQLite database but not an Atalaya workspace`,
      notOurs,
    );
  }
  if (userVersion > schemaVersion) {
    throw new AtalayaError(
      'too_new',
      `${name} was saved by a newer version of Atalaya (schema ${userVersion}; this app reads up to ${schemaVersion}): update Atalaya to open it`,
      { key: 'workspaceTooNew', params: { name }, path },
    );
  }
  return { sizeBytes: size, pageSize, userVersion, applicationId };
}
