import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtalayaError } from '../../main/core/db/errors';
import { APPLICATION_ID } from '../../main/core/db/file-check';
import { SCHEMA_VERSION } from '../../main/core/db/migrate';
import { readProfile, writeProfile } from '../../main/core/db/profile-repo';
import { createWorkspaceFile, openWorkspaceFile } from '../../main/core/db/workspace-file';
import { PROFILE, tempDir, type TempDir } from '../helpers/workspace';

const digest = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

function expectRefusal(path: string, code: string, message: RegExp): void {
  const before = digest(path);
  let err: unknown;
  try {
    openWorkspaceFile(path).close();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(AtalayaError);
  expect((err as AtalayaError).code).toBe(code);
  expect((err as AtalayaError).message).toMatch(message);
  expect((err as AtalayaError).message).not.toContain('\n');
  expect(digest(path)).toBe(before); // never modified
  expect(existsSync(`${path}-wal`)).toBe(false);
}

describe('workspace file', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  function makeWorkspace(name = 'w.atalaya'): string {
    const path = tmp.path(name);
    createWorkspaceFile(path, (db) => writeProfile(db, PROFILE, 1)).close();
    return path;
  }

  it('creates a WAL workspace with foreign keys and reopens it with its profile', () => {
    const path = makeWorkspace();
    const ws = openWorkspaceFile(path);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.db.pragma('page_size', { simple: true })).toBe(16384);
    expect(readProfile(ws.db)).toEqual(PROFILE);
    ws.close();
  });

  it('opens a file made with 4 KiB pages (before 16 KiB) and keeps its page size', () => {
    const path = makeWorkspace();
    const old = tmp.path('old.atalaya');
    // VACUUM INTO writes a copy with the page size the connection asks for.
    const db = new Database(path);
    db.pragma('page_size = 4096');
    db.exec(`VACUUM INTO '${old.replaceAll("'", "''")}'`);
    db.close();
    const ws = openWorkspaceFile(old);
    expect(ws.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(readProfile(ws.db)).toEqual(PROFILE);
    ws.close();
  });

  it('refuses to create over an existing file', () => {
    const path = makeWorkspace();
    expect(() => createWorkspaceFile(path, () => {})).toThrow(/already exists/);
  });

  it('refuses a text file untouched', () => {
    const path = tmp.path('notes.atalaya');
    writeFileSync(path, 'hello, this is not a database\n'.repeat(100));
    expectRefusal(path, 'not_a_workspace', /not an SQLite database/);
  });

  it('refuses an empty file untouched', () => {
    const path = tmp.path('empty.atalaya');
    writeFileSync(path, '');
    expectRefusal(path, 'not_a_workspace', /empty/);
  });

  it('refuses a truncated workspace untouched', () => {
    const path = makeWorkspace();
    const size = readFileSync(path).length;
    truncateSync(path, Math.floor(size / 2) + 100);
    expectRefusal(path, 'truncated', /truncated/);
  });

  it('refuses a workspace from a newer version untouched', () => {
    const path = makeWorkspace();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefusal(path, 'too_new', /newer version of Atalaya/);
  });

  it('refuses an SQLite database of another application untouched', () => {
    const path = tmp.path('other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (a)');
    db.close();
    expectRefusal(path, 'not_a_workspace', /not an Atalaya workspace/);
  });

  it('runs a full integrity check after an unclean shutdown', () => {
    const path = makeWorkspace();
    const ws = openWorkspaceFile(path);
    ws.db.close(); // simulate a crash: the clean-shutdown marker stays at 0
    const again = openWorkspaceFile(path);
    expect(again.recoveredFromUncleanShutdown).toBe(true);
    again.close();
    const third = openWorkspaceFile(path);
    expect(third.recoveredFromUncleanShutdown).toBe(false);
    third.close();
  });

  it('backs up an older workspace before migrating it', () => {
    const path = tmp.path('old.atalaya');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE legacy (a); INSERT INTO legacy VALUES (42);');
    db.close(); // user_version 0: a file from before the first migration
    const ws = openWorkspaceFile(path);
    expect(ws.backupPath).toBe(`${path}.v0.bak`);
    expect(existsSync(`${path}.v0.bak`)).toBe(true);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    ws.close();
    const bak = new Database(`${path}.v0.bak`, { readonly: true });
    expect(bak.prepare('SELECT a FROM legacy').get()).toEqual({ a: 42 });
    bak.close();
  });

  it('reports a missing file plainly', () => {
    expect(() => openWorkspaceFile(tmp.path('nope.atalaya'))).toThrow(/No workspace file at/);
  });
});
