import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { MethodName } from '../../main/core/api/contract';
import { workspaceDeps } from '../helpers/workspace';

const FIX = join(__dirname, '../fixtures/importers');

describe('files dropped on the page (serve, drag and drop)', () => {
  let env: ReturnType<typeof workspaceDeps>;
  afterEach(() => env?.cleanup());

  const call = async <T>(method: MethodName, input: unknown): Promise<T> => {
    const r = await callMethod(env.deps, method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  /** Uploads `bytes` as `name` in two chunks, as the page does for a large file. */
  const upload = async (name: string, bytes: Buffer): Promise<string> => {
    const half = Math.floor(bytes.length / 2);
    const first = await call<{ uploadId: string }>('sources.upload', {
      name,
      data: bytes.subarray(0, half).toString('base64'),
      last: false,
    });
    const done = await call<{ file: { token: string; name: string } }>('sources.upload', {
      uploadId: first.uploadId,
      name,
      data: bytes.subarray(half).toString('base64'),
      last: true,
    });
    expect(done.file.name).toBe(name);
    return done.file.token;
  };

  it('keep the name the user knows in the import history and in a refusal, and leave no copy', async () => {
    env = workspaceDeps();
    const token = await upload('tweets.js', readFileSync(join(FIX, 'tweets-escaped.js')));
    const summary = await call<{ imported: number }>('sources.import', { fileToken: token });
    expect(summary.imported).toBe(1);
    const batches = await call<{ items: Array<{ fileName: string | null }> }>(
      'sources.batches',
      {},
    );
    expect(batches.items.map((b) => b.fileName)).toEqual(['tweets.js']);

    const bad = await upload('notes.txt', Buffer.from('hello world, these are my notes\n'));
    const refused = await call<{ files: Array<{ status: string; reason?: string }> }>(
      'sources.import',
      { fileToken: bad },
    );
    expect(refused.files[0]?.status).toBe('refused');
    expect(refused.files[0]?.reason).toMatch(/^notes\.txt: could not tell the format/);

    const dir = env.tmp.path('uploads');
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }) : []).toEqual([]);
  });
});
