import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../main/core/model/mention';
import { parseDate } from '../../main/core/sources/importers/dates';
import {
  detectFormat,
  ImportFileError,
  openImport,
  suggestMapping,
  type ParsedRow,
} from '../../main/core/sources/importers';
import { tempDir, type TempDir } from '../helpers/workspace';

const FIX = join(__dirname, '../fixtures/importers');

async function readAll(
  path: string,
  opts = {},
): Promise<{ format: string; ok: MentionInput[]; bad: Array<Extract<ParsedRow, { ok: false }>> }> {
  const opened = await openImport(path, opts);
  const ok: MentionInput[] = [];
  const bad: Array<Extract<ParsedRow, { ok: false }>> = [];
  for await (const r of opened.rows) {
    if (r.ok) ok.push(r.mention);
    else bad.push(r);
  }
  return { format: opened.format, ok, bad };
}

async function refusal(path: string, opts = {}): Promise<string> {
  try {
    await openImport(path, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('importers', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('X archive tweets.js: owner from account.js, dates to UTC, bad tweet rejected with its position', async () => {
    const r = await readAll(join(FIX, 'tweets.js'));
    expect(r.format).toBe('x-archive');
    expect(r.ok).toHaveLength(2);
    expect(r.ok[0]).toMatchObject({
      channel: 'twitter',
      externalId: '1001',
      authorHandle: 'cliente_ana',
      authorName: 'Ana',
      postedAt: Date.UTC(2018, 9, 10, 20, 19, 24),
      likes: 2,
      shares: 1,
      replyToId: '900',
      url: 'https://x.com/cliente_ana/status/1001',
    });
    expect(r.ok[1]?.postedAt).toBe(Date.UTC(2018, 9, 11, 6, 0, 0)); // +0200 → UTC
    expect(r.bad).toEqual([{ ok: false, line: 3, reason: expect.stringMatching(/created_at/) }]);
  });

  it('X archive folder is found through data/', async () => {
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(tmp.path('archive/data'), { recursive: true });
    copyFileSync(join(FIX, 'tweets.js'), tmp.path('archive/data/tweets.js'));
    copyFileSync(join(FIX, 'account.js'), tmp.path('archive/data/account.js'));
    writeFileSync(
      tmp.path('archive/data/deleted-tweets.js'),
      'window.YTD.deleted_tweets.part0 = []',
    );
    const r = await readAll(tmp.path('archive'));
    expect(r.format).toBe('x-archive');
    expect(r.ok.map((m) => m.externalId)).toEqual(['1001', '1002']);
  });

  it('twarc2: page tweets with authors from includes, context tweets skipped, cut line rejected', async () => {
    const r = await readAll(join(FIX, 'twarc2-page.jsonl'));
    expect(r.format).toBe('twarc2');
    expect(r.ok.map((m) => m.externalId)).toEqual(['2001', '2002', '2003']);
    expect(r.ok[0]).toMatchObject({
      authorHandle: 'bob',
      authorFollowers: 120,
      replyToId: '2000',
      threadId: '2000',
      shares: 2,
      likes: 3,
    });
    expect(r.ok[1]?.authorHandle).toBe('AcmeHelp');
    expect(r.bad).toEqual([
      { ok: false, line: 3, reason: expect.stringMatching(/not valid JSON/) },
    ]);
  });

  it('X archive and twarc2 text comes without the HTML escapes X writes (&gt; &lt; &amp;)', async () => {
    const archive = await readAll(join(FIX, 'tweets-escaped.js'));
    expect(archive.format).toBe('x-archive');
    expect(archive.ok[0]?.text).toBe(
      '@acme > vuestro envío <24 h\n\nR&D no, mentira. Literal: &gt;',
    );
    const api = await readAll(join(FIX, 'twarc2-escaped.jsonl'));
    expect(api.format).toBe('twarc2');
    expect(api.ok[0]?.text).toBe('@acme > "refund in 3 days" <- still waiting, Q&A useless');
  });

  it('twarc2 counts are refused as not posts', async () => {
    expect(await refusal(join(FIX, 'twarc2-counts.jsonl'))).toMatch(/counts.*not posts/);
  });

  it('Mastodon outbox: duplicate orderedItems key, boosts skipped, HTML reduced to inert text', async () => {
    const r = await readAll(join(FIX, 'outbox.json'));
    expect(r.format).toBe('mastodon');
    expect(r.ok).toHaveLength(2);
    expect(r.ok[0]).toMatchObject({
      channel: 'mastodon',
      authorHandle: 'ana@social.example',
      text: 'Hola & adiós #acme\nsegunda línea',
    });
    expect(r.ok[1]?.text).toBe('reply');
    expect(r.ok[1]?.replyToId).toBe('https://social.example/users/ana/statuses/1');
  });

  it('CSV with Spanish headers, semicolons, quoted newlines; bad date and empty text rejected', async () => {
    const path = join(FIX, 'spanish-semicolon.csv');
    expect(detectFormat(path).format).toBe('csv');
    const r = await readAll(path, { channel: 'facebook' });
    expect(r.ok).toHaveLength(2);
    expect(r.ok[0]).toMatchObject({
      text: 'Mi pedido llegó roto,\r\ny nadie responde "nada"',
      authorHandle: 'pepe',
      externalId: 'a1',
      channel: 'facebook',
      postedAt: Date.UTC(2024, 2, 5, 10, 15),
    });
    expect(r.bad.map((b) => b.reason)).toEqual([
      expect.stringMatching(/date "no es fecha" not understood/),
      expect.stringMatching(/no text/),
    ]);
    // physical lines: the quoted newline in row 1 makes it span lines 2–3
    expect(r.bad.map((b) => b.line)).toEqual([5, 6]);
  });

  it('JSON Lines keep each record as the file writes it (spacing, escapes, key order) for raw', async () => {
    const lines = [
      '{"id": "1",  "date": "2024-05-01T10:00:00Z", "text": "caf\\u00e9 \\"tibio\\"", "author": "@Ana"}',
      '  {"text":"segunda","date":"2024-05-01T11:00:00Z","id":2,"extra":{"a":[1,2]}}\t',
    ];
    const file = tmp.path('posts.jsonl');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const r = await readAll(file, { format: 'jsonl' });
    expect(r.ok.map((m) => m.text)).toEqual(['café "tibio"', 'segunda']);
    expect(r.ok.map((m) => m.rawJson)).toEqual(lines.map((l) => l.trim()));
    expect(r.ok.map((m) => m.raw)).toEqual([undefined, undefined]);
    for (const [i, m] of r.ok.entries())
      expect(JSON.parse(m.rawJson ?? '')).toEqual(JSON.parse(lines[i] as string));
  });

  it('an explicit --map with a column that does not exist is refused with the real columns', async () => {
    expect(
      await refusal(join(FIX, 'spanish-semicolon.csv'), {
        format: 'csv',
        map: { text: 'Tweet', date: 'fecha' },
      }),
    ).toMatch(/no column named "Tweet".*"fecha"/);
  });

  it('UTF-16 (with BOM) and Windows-1252 CSVs read without being told the encoding', async () => {
    const csv = 'date,text,author\n2024-01-02,Atención: el envío tardó,josé\n';
    writeFileSync(
      tmp.path('u16.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]),
    );
    writeFileSync(tmp.path('w1252.csv'), iconv.encode(csv, 'win1252'));
    for (const f of ['u16.csv', 'w1252.csv']) {
      const r = await readAll(tmp.path(f));
      expect(r.ok[0]?.text, f).toBe('Atención: el envío tardó');
      expect(r.ok[0]?.authorHandle, f).toBe('josé');
    }
  });

  it('Google reviews keep stars and the original text; the owner reply becomes a brand post', async () => {
    const r = await readAll(join(FIX, 'google-reviews.json'));
    expect(r.format).toBe('google-reviews');
    expect(r.ok).toHaveLength(3);
    expect(r.ok[0]).toMatchObject({
      channel: 'reviews',
      rating: 1,
      text: 'Servicio pésimo, tardaron 3 horas',
      authorHandle: 'Lucía G.',
    });
    expect(r.ok[1]).toMatchObject({ fromBrand: true, replyToId: 'r1', externalId: 'r1/reply' });
    expect(r.ok[2]).toMatchObject({ rating: 5, text: '', authorHandle: null });
  });

  it('Facebook and Instagram exports: mojibake repaired, reactions without text rejected', async () => {
    const fb = await readAll(join(FIX, 'facebook-comments.json'));
    expect(fb.format).toBe('facebook');
    expect(fb.ok[0]).toMatchObject({
      text: 'Qué desastre de envío',
      authorHandle: 'Ana García',
      postedAt: 1_700_000_000_000,
    });
    expect(fb.bad).toHaveLength(1);
    const ig = await readAll(join(FIX, 'instagram-comments.json'));
    expect(ig.format).toBe('instagram');
    expect(ig.ok[0]?.text).toBe('Me encanta 😍');
  });

  it('Reddit, YouTube and Trustpilot CSV exports by their known headers', async () => {
    const rd = await readAll(join(FIX, 'reddit-comments.csv'));
    expect(rd.format).toBe('reddit');
    expect(rd.ok[0]).toMatchObject({
      channel: 'reddit',
      text: 'hello, "world"\nline 2',
      postedAt: Date.UTC(2014, 7, 27, 0, 59, 46),
    });
    // fullnames (t1_c1, t3_a) become the bare ids the rows are keyed by, so replies link
    expect(rd.ok[1]).toMatchObject({ replyToId: 'c1', threadId: 'a' });
    const yt = await readAll(join(FIX, 'youtube-comments.csv'));
    expect(yt.format).toBe('youtube');
    expect(yt.ok.map((m) => m.text)).toEqual(['Gran vídeo', 'bold & html']);
    expect(yt.ok[1]).toMatchObject({ replyToId: 'yc1', threadId: 'vid1', authorHandle: 'UCdef' });
    const tp = await readAll(join(FIX, 'trustpilot.csv'));
    expect(tp.format).toBe('trustpilot');
    expect(tp.ok[0]).toMatchObject({ channel: 'reviews', rating: 2, title: 'Slow', lang: 'en' });
  });

  it('refuses empty, unknown and non-post files with a reason naming the file', async () => {
    writeFileSync(tmp.path('empty.csv'), '');
    expect(await refusal(tmp.path('empty.csv'))).toBe('empty.csv: is empty');
    writeFileSync(tmp.path('notes.txt'), 'just some words\nwithout any structure\n');
    expect(await refusal(tmp.path('notes.txt'))).toMatch(/^notes\.txt: could not tell the format/);
    writeFileSync(tmp.path('profile.js'), 'window.YTD.profile.part0 = []');
    expect(await refusal(tmp.path('profile.js'))).toMatch(/not tweets/);
    expect(await refusal(tmp.path('missing.csv'))).toMatch(/cannot be read/);
  });

  it('suggests a mapping from Spanish and English headers', () => {
    expect(suggestMapping(['Fecha', 'Texto', 'Autor', 'Enlace', 'Seguidores'])).toEqual({
      date: 'Fecha',
      text: 'Texto',
      author: 'Autor',
      url: 'Enlace',
      followers: 'Seguidores',
    });
    expect(
      suggestMapping(['tweet_id', 'created_at', 'text', 'in_response_to_tweet_id']),
    ).toMatchObject({
      id: 'tweet_id',
      date: 'created_at',
      text: 'text',
      reply_to: 'in_response_to_tweet_id',
    });
  });

  it('reads the date formats exports use', () => {
    expect(parseDate('Wed Oct 10 20:19:24 +0000 2018')).toBe(Date.UTC(2018, 9, 10, 20, 19, 24));
    expect(parseDate('2014-08-27 00:59:46 UTC')).toBe(Date.UTC(2014, 7, 27, 0, 59, 46));
    expect(parseDate('2024-03-05T10:15:00+01:00')).toBe(Date.UTC(2024, 2, 5, 9, 15));
    expect(parseDate('2024-03-05T10:15:00')).toBe(Date.UTC(2024, 2, 5, 10, 15));
    expect(parseDate('2024-01-01T00:00:06.376Z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 6, 376));
    expect(parseDate(' 2024-12-31T23:59:59Z')).toBe(Date.UTC(2024, 11, 31, 23, 59, 59));
    expect(parseDate('2024-01-01t00:00:06.5z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 6, 500));
    expect(parseDate('2024-02-30T10:00:00.000Z')).toBeNull();
    expect(parseDate('2024-01-01T24:00:00Z')).toBeNull();
    expect(parseDate('2024-0a-01T00:00:00Z')).toBeNull();
    expect(parseDate(1700000000)).toBe(1_700_000_000_000);
    expect(parseDate('1700000000000')).toBe(1_700_000_000_000);
    expect(parseDate('05/03/2024')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('10/1/2017 19:58', { dayFirst: false })).toBe(Date.UTC(2017, 9, 1, 19, 58));
    expect(parseDate('13/25/2017')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });
});
