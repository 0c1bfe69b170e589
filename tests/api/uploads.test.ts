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
    // kept for the user to choose its format; given up, it goes too
    expect(await call('sources.discard', { fileToken: bad })).toEqual({ discarded: true });

    const dir = env.tmp.path('uploads');
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }) : []).toEqual([]);
  });

  it('a file refused for its columns is kept for the mapping until imported or discarded', async () => {
    env = workspaceDeps();
    const dir = env.tmp.path('uploads');
    const copies = (): number => (existsSync(dir) ? readdirSync(dir).length : 0);
    const csv = readFileSync(join(FIX, 'unmapped-columns.csv'));
    const token = await upload('ventas.csv', csv);
    type Summary = {
      imported: number;
      files: Array<{ status: string; key?: string; kept?: { token: string; name: string } }>;
    };
    const refused = await call<Summary>('sources.import', { fileToken: token });
    expect(refused.files[0]).toMatchObject({
      status: 'refused',
      key: 'tableWithoutFields',
      kept: { token, name: 'ventas.csv' },
    });
    expect(copies()).toBe(1);
    // the same token opens the mapping preview, and imports once mapped
    const preview = await call<{ columns: string[]; error: string | null }>('sources.preview', {
      fileToken: token,
      map: { text: 'que', date: 'cuando', author: 'quien' },
    });
    expect(preview).toMatchObject({ columns: ['cuando', 'quien', 'que'], error: null });
    const done = await call<Summary>('sources.import', {
      fileToken: token,
      map: { text: 'que', date: 'cuando', author: 'quien' },
    });
    expect(done.imported).toBe(2);
    expect(done.files[0]?.kept).toBeUndefined();
    expect(copies()).toBe(0);

    // refused again, then given up: the copy goes; a file refused for what it holds is not kept
    const again = await upload('ventas.csv', csv);
    expect((await call<Summary>('sources.import', { fileToken: again })).files[0]?.kept).toEqual(
      expect.objectContaining({ token: again }),
    );
    expect(await call('sources.discard', { fileToken: again })).toEqual({ discarded: true });
    expect(copies()).toBe(0);
    const empty = await upload('vacio.csv', Buffer.alloc(0));
    const notKept = await call<Summary>('sources.import', { fileToken: empty });
    expect(notKept.files[0]?.status).toBe('refused');
    expect(notKept.files[0]?.kept).toBeUndefined();
    expect(copies()).toBe(0);

    // one still kept when the app closes is removed with the uploads folder
    await call('sources.import', { fileToken: await upload('ventas.csv', csv) });
    expect(copies()).toBe(1);
    env.deps.files.close();
    expect(existsSync(dir)).toBe(false);
  });
});
