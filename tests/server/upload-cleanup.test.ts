import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileRegistry } from '../../main/core/sources/file-registry';
import { tempDir, type TempDir } from '../helpers/workspace';

const chunk = (s: string) => Buffer.from(s, 'utf8');

describe('upload folders do not outlive the app', () => {
  let tmp: TempDir;
  const savedTmp = process.env['TMPDIR'];
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => {
    if (savedTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = savedTmp;
    tmp.cleanup();
  });

  it('close removes the folder with uploads never imported and parts of unfinished ones', () => {
    const dir = tmp.path('uploads');
    const files = new FileRegistry(dir);
    const done = files.appendChunk(undefined, 'reviews.csv', chunk('date,text\n'), true).file;
    const part = files.appendChunk(undefined, 'big.jsonl', chunk('{"text":"a"}\n'), false);
    expect(done && existsSync(done.path)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
    files.close();
    expect(existsSync(dir)).toBe(false);
    expect(() => files.get(done?.token ?? '')).toThrow(/no longer available/);
    expect(() => files.appendChunk(part.uploadId, 'big.jsonl', chunk('x'), true)).toThrow(
      /Upload expired/,
    );
    files.close(); // twice is harmless
  });

  it('an upload left unfinished for an hour is removed when the next one starts', () => {
    let now = 0;
    const dir = tmp.path('uploads');
    const files = new FileRegistry(dir, () => now);
    const left = files.appendChunk(undefined, 'left.csv', chunk('date,text\n'), false);
    now = 30 * 60 * 1000;
    const going = files.appendChunk(undefined, 'going.csv', chunk('date,text\n'), false);
    expect(readdirSync(dir).sort()).toEqual([left.uploadId, going.uploadId].sort());
    now = 61 * 60 * 1000; // "left" has had no chunk for 61 minutes, "going" for 31
    files.appendChunk(undefined, 'next.csv', chunk('date,text\n'), true);
    expect(readdirSync(dir)).not.toContain(left.uploadId);
    expect(readdirSync(dir)).toContain(going.uploadId);
    expect(() => files.appendChunk(left.uploadId, 'left.csv', chunk('x'), true)).toThrow(
      /Upload expired/,
    );
  });

  it('the default folder clears those of Atalaya processes that died, not of running ones', () => {
    process.env['TMPDIR'] = tmp.dir;
    const dead = join(tmp.dir, 'atalaya-uploads-4199999'); // above Linux's largest pid
    const running = join(tmp.dir, `atalaya-uploads-${process.ppid}`);
    const other = join(tmp.dir, 'atalaya-uploads-notes');
    for (const d of [dead, running, other]) mkdirSync(join(d, 'x'), { recursive: true });
    const files = new FileRegistry();
    files.appendChunk(undefined, 'a.csv', chunk('date,text\n'), true);
    const own = join(tmp.dir, `atalaya-uploads-${process.pid}`);
    expect(existsSync(own)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(other)).toBe(true);
    files.close();
    expect(existsSync(own)).toBe(false);
  });
});
