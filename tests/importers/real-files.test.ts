import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../main/core/model/mention';
import { TWCS_CSV, TWCS_MAP } from '../helpers/twcs';
import {
  detectFormat,
  ImportFileError,
  openImport,
  type OpenImportOptions,
} from '../../main/core/sources/importers';

/** The real public files in ../shared/data, read by the parsers alone (no store, no CLI). */
const SHARED = resolve(__dirname, '../../../shared/data');
const EXPORTS = join(SHARED, 'exports');
const TWARC = join(EXPORTS, 'twarc2_jsonl_twitter_api_v2');
const present = existsSync(EXPORTS);

async function readAll(path: string, opts: OpenImportOptions = {}) {
  const opened = await openImport(path, opts);
  const ok: MentionInput[] = [];
  const bad: Array<{ line: number | null; reason: string }> = [];
  for await (const r of opened.rows) {
    if (r.ok) ok.push(r.mention);
    else bad.push({ line: r.line, reason: r.reason });
  }
  return { format: opened.format, ok, bad, read: opened.bytesRead(), total: opened.totalBytes };
}

/** What the file holds by JSON.parse, to compare the streaming readers against. */
function twarcDataCount(file: string): number {
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const page = JSON.parse(line) as { data?: unknown };
      n += Array.isArray(page.data) ? page.data.length : page.data ? 1 : 'text' in page ? 1 : 0;
    } catch {
      // a cut line: the reader rejects it
    }
  }
  return n;
}

describe.skipIf(!present)('real exports through the parsers', () => {
  it('X archive tweets.js gives 2,045 tweets; the folder the same ones (deleted and community tweets left out)', async () => {
    const file = await readAll(join(EXPORTS, 'x_twitter_archive_milahu104/data/tweets.js'));
    expect(file.format).toBe('x-archive');
    expect(file.ok).toHaveLength(2045);
    expect(file.bad).toEqual([]);
    expect(file.read).toBe(file.total);
    expect(new Set(file.ok.map((m) => m.externalId)).size).toBe(2045);
    expect(file.ok.every((m) => m.authorHandle === 'milahu104' && m.channel === 'twitter')).toBe(
      true,
    );
    const folder = await readAll(join(EXPORTS, 'x_twitter_archive_milahu104'));
    expect(folder.ok.map((m) => m.externalId)).toEqual(file.ok.map((m) => m.externalId));
    for (const f of ['deleted-tweets.js', 'community-tweet.js']) {
      await expect(
        openImport(join(EXPORTS, 'x_twitter_archive_milahu104/data', f)),
      ).rejects.toThrow(/not tweets/);
    }
  });

  it.each(['brexit', 'flat', 'noflat', 'two_tweets', 'cotweet', 'edited', 'mentions_tweet'])(
    'twarc2 %s.jsonl gives exactly its data tweets, authors resolved',
    async (name) => {
      const path = join(TWARC, `${name}.jsonl`);
      const r = await readAll(path);
      expect(r.format).toBe('twarc2');
      expect(r.bad).toEqual([]);
      expect(r.ok).toHaveLength(twarcDataCount(path));
      if (name === 'brexit') expect(r.ok).toHaveLength(100);
      expect(r.ok.every((m) => m.authorHandle && !m.authorHandle.startsWith('@'))).toBe(true);
      expect(r.ok.every((m) => /^\d+$/.test(m.externalId ?? ''))).toBe(true);
    },
  );

  it('twarc2 flat and paged files of the same search give the same tweets', async () => {
    const flat = await readAll(join(TWARC, 'flat.jsonl'));
    const paged = await readAll(join(TWARC, 'noflat.jsonl'));
    const key = (m: MentionInput) => `${m.externalId} ${m.authorHandle} ${m.postedAt}`;
    expect(flat.ok.map(key).sort()).toEqual(paged.ok.map(key).sort());
  });

  it('twarc2 counts and users are refused as not posts; the streamed file rejects its cut line', async () => {
    for (const [f, what] of [
      ['counts.jsonl', /tweet counts.*not posts/],
      ['users.jsonl', /user profiles.*not posts/],
    ] as const) {
      const e = await openImport(join(TWARC, f)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ImportFileError);
      expect((e as ImportFileError).message).toMatch(what);
      expect((e as ImportFileError).file).toBe(f);
    }
    const s = await readAll(join(TWARC, 'streaming_output_with_error.jsonl'));
    expect(s.ok).toHaveLength(7);
    expect(s.bad).toEqual([{ line: 8, reason: expect.stringMatching(/not valid JSON/) }]);
  });

  it('Mastodon outbox gives its 1,260 Create posts (as JSON.parse reads the duplicate key), no boosts', async () => {
    const path = join(EXPORTS, 'mastodon_archive_dealingwith/outbox.json');
    const r = await readAll(path);
    expect(r.format).toBe('mastodon');
    expect(r.ok).toHaveLength(1260);
    expect(r.bad).toEqual([]);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as {
      orderedItems: Array<{ type: string; object: { id: string } }>;
    };
    const creates = doc.orderedItems.filter((a) => a.type === 'Create').map((a) => a.object.id);
    expect(r.ok.map((m) => m.externalId)).toEqual(creates);
    expect(r.ok.every((m) => !/<[a-z]/i.test(m.text))).toBe(true);
    expect(r.read).toBe(r.total);
  });

  it('real support tweets CSV (quoted newlines, float-formatted reply ids) with a mapping', async () => {
    const csv = TWCS_CSV;
    const r = await readAll(csv, {
      format: 'csv',
      map: TWCS_MAP,
      channel: 'twitter',
    });
    expect(r.ok).toHaveLength(5000);
    expect(r.bad).toEqual([]);
    expect(r.ok.some((m) => m.text.includes('\n'))).toBe(true);
    expect(r.ok.every((m) => !m.replyToId?.endsWith('.0'))).toBe(true);
    expect(detectFormat(csv)).toMatchObject({ format: 'csv', confidence: 'high' });
  });

  it('the IRA troll CSV reads 10/1/2017 19:58 as 1 October (month first)', async () => {
    const r = await readAll(join(SHARED, 'trolls/ira_IRAhandle_tweets_1_excerpt_11rows.csv'));
    expect(r.ok).toHaveLength(11);
    expect(r.ok[0]?.postedAt).toBe(Date.UTC(2017, 9, 1, 19, 58));
  });
});
