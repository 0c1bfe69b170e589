import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../main/core/model/mention';
import {
  detectFormat,
  ImportFileError,
  openImport,
  previewRows,
  suggestMapping,
  type OpenImportOptions,
  type ParsedRow,
} from '../../main/core/sources/importers';
import { inferDayFirst, parseDate } from '../../main/core/sources/importers/dates';
import { tempDir, type TempDir } from '../helpers/workspace';

const FIX = join(__dirname, '../fixtures/importers');

type Bad = Extract<ParsedRow, { ok: false }>;

async function readAll(
  path: string,
  opts: OpenImportOptions = {},
): Promise<{ format: string; ok: MentionInput[]; bad: Bad[]; read: number; total: number }> {
  const opened = await openImport(path, opts);
  const ok: MentionInput[] = [];
  const bad: Bad[] = [];
  for await (const r of opened.rows) {
    if (r.ok) ok.push(r.mention);
    else bad.push(r);
  }
  return { format: opened.format, ok, bad, read: opened.bytesRead(), total: opened.totalBytes };
}

async function refusal(path: string, opts: OpenImportOptions = {}): Promise<string> {
  try {
    await openImport(path, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

/** A stored (uncompressed) zip, enough to test archive reading without a zip writer. */
function writeZip(path: string, entries: Array<[string, Buffer]>): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(dir, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...parts, cd, end]));
}

describe('importer edge cases', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('encodings: UTF-8 with BOM, UTF-16 BE with BOM, Latin-1 bytes after a long ASCII start', async () => {
    const csv = 'fecha,texto,autor\n2024-01-02,Atención: el envío tardó,josé\n';
    writeFileSync(
      tmp.path('bom8.csv'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
    );
    writeFileSync(
      tmp.path('u16be.csv'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf16-be')]),
    );
    const filler = Array.from({ length: 3000 }, (_, i) => `2024-01-01,plain ascii row ${i},bot`);
    writeFileSync(
      tmp.path('late-latin1.csv'),
      Buffer.concat([
        Buffer.from(`fecha,texto,autor\n${filler.join('\n')}\n`),
        iconv.encode('2024-01-03,Atención: el envío tardó,josé\n', 'latin1'),
      ]),
    );
    for (const f of ['bom8.csv', 'u16be.csv']) {
      const r = await readAll(tmp.path(f));
      expect(r.ok[0], f).toMatchObject({ text: 'Atención: el envío tardó', authorHandle: 'josé' });
      expect(r.read, f).toBe(r.total);
    }
    const late = await readAll(tmp.path('late-latin1.csv'));
    expect(late.ok).toHaveLength(3001);
    expect(late.ok[3000]?.text).toBe('Atención: el envío tardó');
  });

  it('CSV damage: an unclosed quote is rejected at its line, rows before it import', async () => {
    writeFileSync(
      tmp.path('cut.csv'),
      'date,text,author\n2024-01-01,fine,a\n2024-01-02,"never closes,b\n2024-01-03,lost,c\n',
    );
    const r = await readAll(tmp.path('cut.csv'));
    expect(r.ok.map((m) => m.text)).toEqual(['fine']);
    expect(r.bad).toEqual([{ ok: false, line: 3, reason: expect.stringMatching(/never closes/) }]);
  });

  it('an unclosed quote early in a big file does not swallow the rest', async () => {
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `2024-01-01,row ${i} with some words,u${i}`,
    );
    writeFileSync(
      tmp.path('stray.csv'),
      `date,text,author\n2024-01-01,"stray quote,x\n${rows.join('\n')}\n`,
    );
    const r = await readAll(tmp.path('stray.csv'));
    expect(r.bad[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/never closes/) });
    expect(r.ok.length).toBeGreaterThan(39_000);
    expect(r.ok.at(-1)?.text).toBe('row 39999 with some words');
  });

  it('JSON Lines with a mapping of dotted paths; non-objects, bad dates and blank text rejected by line', async () => {
    const r = await readAll(join(FIX, 'generic-nested.jsonl'), {
      format: 'jsonl',
      map: {
        id: 'id',
        date: 'created',
        text: 'body.text',
        author: 'user.screen_name',
        followers: 'user.followers',
        channel: 'source',
      },
    });
    expect(r.ok.map((m) => [m.externalId, m.authorHandle, m.channel])).toEqual([
      ['n1', 'pepe', 'twitter'],
      ['n4', 'luis', 'facebook'],
    ]);
    expect(r.ok[0]).toMatchObject({ authorFollowers: 12, postedAt: Date.UTC(2024, 2, 5, 10, 15) });
    expect(r.ok[1]?.postedAt).toBe(1_709_712_000_000);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual([
      [2, 'not a JSON object'],
      [3, expect.stringMatching(/date "yesterday" not understood/)],
      [4, expect.stringMatching(/no text/)],
    ]);
  });

  it('--channel overrides the format and any channel column', async () => {
    const tw = await readAll(join(FIX, 'twarc2-page.jsonl'), { channel: 'other' });
    expect(new Set(tw.ok.map((m) => m.channel))).toEqual(new Set(['other']));
    const gen = await readAll(join(FIX, 'generic-nested.jsonl'), {
      format: 'jsonl',
      map: { date: 'created', text: 'body.text', channel: 'source' },
      channel: 'forum',
    });
    expect(gen.ok.map((m) => m.channel)).toEqual(['forum', 'forum']);
  });

  it('truncated and empty JSON documents', async () => {
    writeFileSync(
      tmp.path('cut.json'),
      '[{"date":"2024-01-01","text":"one"},{"date":"2024-01-02","text":"two"},{"date":"2024-01-0',
    );
    const r = await readAll(tmp.path('cut.json'), { format: 'json' });
    expect(r.ok.map((m) => m.text)).toEqual(['one', 'two']);
    expect(r.bad).toEqual([
      {
        ok: false,
        line: 3,
        reason: expect.stringMatching(/stops being valid JSON after record #2/),
      },
    ]);
    writeFileSync(tmp.path('blank.jsonl'), '\n\n');
    expect(await refusal(tmp.path('blank.jsonl'), { format: 'jsonl' })).toMatch(/^blank\.jsonl: /);
    writeFileSync(tmp.path('empty.json'), '');
    expect(await refusal(tmp.path('empty.json'))).toBe('empty.json: is empty');
  });

  it('Mastodon: the last orderedItems key wins, nested ones are not posts, boosts skipped', async () => {
    const r = await readAll(join(FIX, 'outbox-last-key.json'));
    expect(r.format).toBe('mastodon');
    expect(r.ok.map((m) => [m.externalId, m.text])).toEqual([
      ['https://social.example/users/ana/statuses/new', 'kept'],
    ]);
    expect(r.read).toBe(r.total);
  });

  it('X archive as a zip: tweets and the owner read, temporary files removed', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('atalaya-x-archive-'));
    writeZip(tmp.path('twitter-2024.zip'), [
      ['data/account.js', readFileSync(join(FIX, 'account.js'))],
      ['data/tweets.js', readFileSync(join(FIX, 'tweets.js'))],
      ['data/deleted-tweets.js', Buffer.from('window.YTD.deleted_tweets.part0 = [{"tweet":{}}]')],
      ['data/direct-messages.js', Buffer.from('window.YTD.direct_messages.part0 = []')],
    ]);
    const r = await readAll(tmp.path('twitter-2024.zip'));
    expect(r.format).toBe('x-archive');
    expect(r.ok.map((m) => [m.externalId, m.authorHandle])).toEqual([
      ['1001', 'cliente_ana'],
      ['1002', 'cliente_ana'],
    ]);
    const after = readdirSync(tmpdir()).filter((f) => f.startsWith('atalaya-x-archive-'));
    expect(after.sort()).toEqual(before.sort());
    writeFileSync(tmp.path('broken.zip'), 'PK not really a zip');
    expect(await refusal(tmp.path('broken.zip'))).toMatch(/^broken\.zip: is not a readable zip/);
  });

  it('Instagram posts: caption from the post or its first medium, posts without caption rejected', async () => {
    const r = await readAll(join(FIX, 'instagram-posts.json'));
    expect(r.format).toBe('instagram');
    expect(r.ok.map((m) => m.text)).toEqual([
      'Nueva tienda abierta en el centro 🎉',
      'Carrusel: nuestras ofertas',
    ]);
    expect(r.ok[1]?.postedAt).toBe(1_710_100_000_000);
    expect(r.bad).toEqual([{ ok: false, line: 3, reason: 'post #3 has no caption' }]);
  });

  it('Trustpilot: header case ignored, the company reply becomes a brand post', async () => {
    const r = await readAll(join(FIX, 'trustpilot-replies.csv'));
    expect(r.format).toBe('trustpilot');
    expect(r.ok).toHaveLength(3);
    expect(r.ok[0]).toMatchObject({
      externalId: 'tp1',
      rating: 1,
      text: 'Delivery took three weeks,\r\nand nobody answered',
      authorHandle: 'u1',
      authorName: 'Jane D.',
    });
    expect(r.ok[1]).toMatchObject({
      externalId: 'tp1/reply',
      fromBrand: true,
      replyToId: 'tp1',
      postedAt: Date.UTC(2024, 1, 2, 9, 30),
    });
    expect(r.ok[2]).toMatchObject({ externalId: 'tp2', rating: 5, lang: 'es' });
  });

  it('YouTube: JSON segments joined, links to the comment built', async () => {
    const r = await readAll(join(FIX, 'youtube-segments.csv'));
    expect(r.ok.map((m) => m.text)).toEqual([
      'Hola @acme ¿cuándo llega mi pedido?',
      'Mañana, gracias',
    ]);
    expect(r.ok[0]?.url).toBe('https://www.youtube.com/watch?v=vid9&lc=yc10');
    expect(r.ok[1]).toMatchObject({ replyToId: 'yc10', threadId: 'vid9' });
  });

  it('Reddit posts: a link post without body keeps its title as text, a post is its own thread', async () => {
    const r = await readAll(join(FIX, 'reddit-posts.csv'));
    expect(r.format).toBe('reddit');
    expect(r.ok.map((m) => [m.externalId, m.text, m.threadId])).toEqual([
      ['p1', 'Ordered in March, still nothing.\nSupport ignores me.', 'p1'],
      ['p2', 'Acme opens a new shop', 'p2'],
    ]);
    expect(r.ok[0]?.title).toBe('Acme stole my money');
  });

  it('slashed dates: month first in English-headed US exports, day first in Spanish ones', async () => {
    const us = await readAll(join(FIX, 'us-dates.csv'));
    expect(us.ok.map((m) => m.postedAt)).toEqual([
      Date.UTC(2017, 9, 1, 19, 58),
      Date.UTC(2017, 9, 2, 2, 13),
    ]);
    expect(us.ok[0]).toMatchObject({ externalId: '1', lang: 'en', authorFollowers: 9636 });
    const forced = await readAll(join(FIX, 'us-dates.csv'), { dateOrder: 'dmy' });
    expect(forced.ok[0]?.postedAt).toBe(Date.UTC(2017, 0, 10, 19, 58));
    expect(inferDayFirst(['05/03/2024'], 'fecha')).toBe(true);
    expect(inferDayFirst(['05/03/2024', '13/03/2024'], 'date')).toBe(true);
    expect(inferDayFirst(['05/03/2024', '03/13/2024'], 'fecha')).toBe(false);
    expect(inferDayFirst(['2024-03-05'], 'date')).toBe(true);
  });

  it('says what an unrecognised table looks like and how to map it', async () => {
    writeFileSync(tmp.path('odd.csv'), 'col_a,col_b,col_c\n1,2,3\n');
    const d = detectFormat(tmp.path('odd.csv'));
    expect(d).toMatchObject({ format: 'csv', confidence: 'low' });
    expect(d.reason).toMatch(/looks like CSV with columns "col_a", "col_b", "col_c"/);
    expect(await refusal(tmp.path('odd.csv'))).toMatch(
      /^odd\.csv: could not tell the format: .*--format csv --map text=COLUMN,date=COLUMN/,
    );
    const mapped = await readAll(tmp.path('odd.csv'), { map: { text: 'col_a', date: 'col_b' } });
    expect(mapped.bad[0]?.reason).toMatch(/date "2" not understood/);
  });

  it('previewRows gives the first rows and stops reading', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `2024-01-01,row ${i},u`);
    writeFileSync(tmp.path('big.csv'), `date,text,author\n${rows.join('\n')}\n`);
    const p = await previewRows(tmp.path('big.csv'), 3);
    expect(p.format).toBe('csv');
    expect(p.rows.map((r) => (r.ok ? r.mention.text : r.reason))).toEqual([
      'row 0',
      'row 1',
      'row 2',
    ]);
  });

  it('Facebook posts: the status text kept, a photo without caption rejected with a reason', async () => {
    const r = await readAll(join(FIX, 'facebook-posts.json'));
    expect(r.format).toBe('facebook');
    expect(r.ok).toHaveLength(1);
    expect(r.ok[0]).toMatchObject({
      channel: 'facebook',
      externalId: null,
      text: 'Feliz año nuevo desde Acme',
      postedAt: 1_704_100_000_000,
    });
    expect(r.bad).toEqual([{ ok: false, line: 2, reason: expect.stringMatching(/no text/) }]);
  });

  it('a JSON export broken before its first record is refused whole, naming the file', async () => {
    writeFileSync(tmp.path('outbox.json'), '{"orderedItems": [ {"type": "Create", oops } ]}');
    expect(await refusal(tmp.path('outbox.json'), { format: 'mastodon' })).toMatch(
      /^outbox\.json: is not valid JSON/,
    );
    writeFileSync(tmp.path('tweets.js'), 'window.YTD.tweets.part0 = [ {"tweet": ]');
    expect(await refusal(tmp.path('tweets.js'))).toMatch(/^tweets\.js: is not valid JSON/);
    writeFileSync(tmp.path('reviews.json'), '{"reviews": [ {"reviewId": "r1", "createTime": 5');
    const cut = await readAll(tmp.path('reviews.json'), { format: 'google-reviews' });
    expect(cut.ok).toEqual([]);
    expect(cut.bad).toHaveLength(1);
  });

  it('suggests the mapping of English listening-tool headers', () => {
    expect(suggestMapping(['Date', 'Message', 'Author', 'Network', 'Sentiment'])).toEqual({
      date: 'Date',
      text: 'Message',
      author: 'Author',
      channel: 'Network',
    });
    expect(
      suggestMapping([
        'Date',
        'Headline',
        'URL',
        'Opening Text',
        'Hit Sentence',
        'Source',
        'Influencer',
        'Language',
        'Reach',
      ]),
    ).toMatchObject({
      date: 'Date',
      title: 'Headline',
      url: 'URL',
      // Meltwater puts a social post's full text in Hit Sentence (Opening Text is an article's lead)
      text: 'Hit Sentence',
      author: 'Influencer',
      lang: 'Language',
      followers: 'Reach',
    });
  });

  it('twarc2 retweets get the whole retweeted text from includes.tweets (or the flattened reference)', async () => {
    const r = await readAll(join(FIX, 'twarc2-retweet.jsonl'));
    expect(r.format).toBe('twarc2');
    expect(r.ok.map((m) => [m.externalId, m.authorHandle, m.text])).toEqual([
      [
        '3001',
        'pepe',
        'RT @angry_ana: @acme llevo tres semanas esperando el reembolso del pedido 4412 y nadie me contesta, esto es una vergüenza',
      ],
      ['3002', 'luis', 'RT @angry_ana: @acme llevo tres semanas esperando'],
    ]);
  });

  it('dates: forms seen in exports, no zone means UTC whatever the machine, impossible dates refused', () => {
    const iso = (v: string, o?: { dayFirst?: boolean }) => {
      const t = parseDate(v, o);
      return t === null ? null : new Date(t).toISOString();
    };
    expect(iso('23-Feb-2023 06:55PM')).toBe('2023-02-23T18:55:00.000Z');
    expect(iso('Feb 23, 2023 6:55 PM')).toBe('2023-02-23T18:55:00.000Z');
    expect(iso('Tue, 31 Oct 2017 22:10:47 +0000')).toBe('2017-10-31T22:10:47.000Z');
    expect(iso('2023/02/23 18:55')).toBe('2023-02-23T18:55:00.000Z');
    expect(iso('2023-02-23 18:55:00.123456')).toBe('2023-02-23T18:55:00.123Z');
    expect(iso('05/03/2024 19:05:00 +0100')).toBe('2024-03-05T18:05:00.000Z');
    expect(iso('10/1/2017 7:58 pm', { dayFirst: false })).toBe('2017-10-01T19:58:00.000Z');
    expect(iso('12/1/2017 12:05 AM', { dayFirst: false })).toBe('2017-12-01T00:05:00.000Z');
    expect(iso('13/02/2024', { dayFirst: false })).toBe('2024-02-13T00:00:00.000Z');
    expect(iso('1700000000.5')).toBe('2023-11-14T22:13:20.500Z');
    for (const bad of [
      '31/02/2024',
      '2024-13-01T00:00:00Z',
      '2',
      'v1.2',
      '25:00',
      '2024-03-05 10:15:00 CET',
    ])
      expect(iso(bad), bad).toBeNull();
    expect(inferDayFirst(['3/5/2024 7:05 PM'], 'Date')).toBe(false);
    expect(inferDayFirst(['3/5/2024 7:05 PM'], 'fecha')).toBe(false);
  });

  it('a Meltwater-style export: UTF-16LE, tab-separated despite .csv, mapping suggested from its header', async () => {
    const header =
      'Date\tHeadline\tURL\tOpening Text\tHit Sentence\tSource\tInfluencer\tCountry\tLanguage\tReach\tSentiment';
    const row =
      '23-Feb-2023 06:55PM\t\thttps://twitter.com/ana/status/1\t\t@acme ¿dónde está mi reembolso?\tTwitter\t@ana_g\tSpain\tes\t1200\tNegative';
    const text = `${header}\r\n${row}\r\n`;
    writeFileSync(
      tmp.path('meltwater.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect(detectFormat(tmp.path('meltwater.csv'))).toMatchObject({
      format: 'tsv',
      confidence: 'high',
    });
    const r = await readAll(tmp.path('meltwater.csv'));
    expect(r.ok).toHaveLength(1);
    expect(r.ok[0]).toMatchObject({
      channel: 'twitter',
      text: '@acme ¿dónde está mi reembolso?',
      authorHandle: 'ana_g',
      postedAt: Date.UTC(2023, 1, 23, 18, 55),
      lang: 'es',
      authorFollowers: 1200,
      url: 'https://twitter.com/ana/status/1',
    });
  });
});
