import { describe, expect, it } from 'vitest';
import {
  AuthorNumbers,
  prepareMentions,
  type Analyzer,
  type PreparedBatch,
} from '../../main/core/db/mention-writer';
import { RollupAccumulator } from '../../main/core/db/rollups';
import type { MentionInput } from '../../main/core/model/mention';
import { BatchBuffers, decodeBatch, encodeBatch } from '../../main/core/sources/batch-codec';

const T0 = Date.UTC(2026, 2, 28, 22, 30);

const texts = [
  'Acme, ¿dónde está mi pedido? 😡😡 #retraso',
  'line one\nline "two" with a \\ backslash\tand a tab',
  '',
  'ümlaut ñ 中文 \u2028 \ud83c\udf89 end',
];

function rows(): MentionInput[] {
  return texts.map((text, i) => ({
    channel: i % 2 ? 'twitter' : 'reviews',
    externalId: `x${i}`,
    postedAt: T0 + i * 60_000,
    text,
    title: i === 1 ? '' : i === 2 ? 'Título "citado"' : null,
    url: i === 0 ? 'https://example.com/a?b=1&c=ü' : null,
    authorHandle: i === 3 ? null : `User${i}`,
    authorName: i === 0 ? 'Ana María' : null,
    authorFollowers: i === 0 ? 12_345_678 : null,
    rating: i === 2 ? 4.5 : null,
    likes: i,
    replyToId: i === 1 ? 'x0' : null,
    raw: { i, text },
  }));
}

const analyze: Analyzer = (m) => ({
  lang: 'es',
  sentiment: m.text.includes('retraso') ? -1 : 1,
  score: -0.123456789012345,
  irony: false,
  complaint: m.text.includes('retraso'),
  topic: m.text.includes('retraso') ? 'delivery_delay' : null,
  insult: false,
  toxicity: 0.1 + 0.2,
  campaign: false,
  version: 7,
});

describe('prepared batches between the import worker and the writer', () => {
  it('arrive as JSON would carry them: strings of every kind, nulls, large ids, reals, new authors and rollup cells', () => {
    const batch = prepareMentions(
      rows(),
      new Set(['twitter:user1']),
      new AuthorNumbers(),
      analyze,
      3, // the last row is left for the writer to analyse
      new RollupAccumulator('Europe/Madrid'),
    );
    expect(batch.rows[0]?.[0]).toBeGreaterThan(2 ** 40); // time-ordered ids are large
    const decoded = decodeBatch(encodeBatch(batch, new BatchBuffers()));
    expect(decoded).toEqual(JSON.parse(JSON.stringify(batch)) as PreparedBatch);
    expect(decoded.rows.map((r) => r[8])).toEqual(texts);
    expect(decoded.newAuthors).toHaveLength(3);
    expect(decoded.rollups).toEqual(batch.rollups);
  });

  it('turn a number that is not finite into null, as JSON does, and refuse other kinds of value', () => {
    const batch = prepareMentions(rows(), new Set(), new AuthorNumbers(), analyze);
    (batch.rows[0] as unknown[])[22] = Number.NaN;
    (batch.rows[1] as unknown[])[22] = Infinity;
    const decoded = decodeBatch(encodeBatch(batch, new BatchBuffers()));
    expect([decoded.rows[0]?.[22], decoded.rows[1]?.[22]]).toEqual([null, null]);
    (batch.rows[2] as unknown[])[22] = true;
    expect(() => encodeBatch(batch, new BatchBuffers())).toThrow(/boolean/);
  });

  it('carry the strings of a bytes column as their UTF-8 bytes, and leave the other columns as they are', () => {
    const batch = prepareMentions(rows(), new Set(), new AuthorNumbers(), analyze);
    const RAW = 20;
    (batch.rows[2] as unknown[])[RAW] = null;
    (batch.rows[3] as unknown[])[RAW] = '';
    const decoded = decodeBatch(encodeBatch(batch, new BatchBuffers(), [RAW]));
    const raws = decoded.rows.map((r) => r[RAW]);
    expect(raws[0]).toBeInstanceOf(Uint8Array);
    expect(raws.map((v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v))).toEqual(
      batch.rows.map((r) => r[RAW]),
    );
    expect(raws[2]).toBeNull();
    // everything else decodes as without bytes columns
    const strip = (b: PreparedBatch): unknown => b.rows.map((r) => r.filter((_, c) => c !== RAW));
    expect(strip(decoded)).toEqual(strip(decodeBatch(encodeBatch(batch, new BatchBuffers()))));
    expect(decoded.rows.map((r) => r[8])).toEqual(texts);
  });

  it('reuse the buffers the writer sends back', () => {
    const buffers = new BatchBuffers();
    const batch = prepareMentions(rows(), new Set(), new AuthorNumbers(), analyze);
    const first = encodeBatch(batch, buffers);
    const second = encodeBatch(batch, buffers);
    expect(second.buffer).not.toBe(first.buffer); // the first is still in flight
    buffers.release(first.buffer);
    const third = encodeBatch(batch, buffers);
    expect(third.buffer).toBe(first.buffer);
    expect(decodeBatch(third)).toEqual(decodeBatch(second));
  });
});
