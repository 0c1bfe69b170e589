import { describe, expect, it } from 'vitest';
import { extractHashtags } from '../../main/core/analysis/hashtags';
import { correctMention } from '../../main/core/db/corrections-repo';
import { finishBatch, startBatch, undoBatch } from '../../main/core/db/batches-repo';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { rollupVersion } from '../../main/core/db/rollups';
import type { Db } from '../../main/core/db/workspace-file';
import { hashtagHours } from '../../main/core/crises';
import { analysed, type AnalysedRow } from './analysed';
import { PROFILE, upgradeWorkspace, workspaceDeps } from '../helpers/workspace';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 10);

describe('extractHashtags: the one hashtag definition', () => {
  it('lower-cases, dedupes, keeps order and caps at ten', () => {
    expect(extractHashtags('Vaya #LumbreTimo #lumbretimo y #Reembolso_ya!')).toEqual([
      '#lumbretimo',
      '#reembolso_ya',
    ]);
    expect(extractHashtags('#Ñandú #café, #5G')).toEqual(['#ñandú', '#café', '#5g']);
    expect(extractHashtags(Array.from({ length: 30 }, (_, i) => `#t${i}x`).join(' '))).toHaveLength(
      10,
    );
  });

  it('leaves out what is not a tag: numbers, glued #, entities, URL fragments, runs over 60', () => {
    expect(extractHashtags('sin etiquetas')).toEqual([]);
    expect(extractHashtags('pedido #1 y #2024')).toEqual([]);
    expect(extractHashtags('foo#bar it&#39;s ##doble')).toEqual([]);
    expect(extractHashtags('mira https://acme.es/faq#envios y www.acme.es/#top #ok')).toEqual([
      '#ok',
    ]);
    expect(extractHashtags(`#${'a'.repeat(61)} #${'b'.repeat(60)}`)).toEqual([
      `#${'b'.repeat(60)}`,
    ]);
    expect(extractHashtags('#a #ab')).toEqual(['#ab']);
  });
});

/** rollup_hashtag_hourly recounted from the stored mention texts with the shared definition. */
function recount(db: Db): Array<{ tag: string; hour: number; mentions: number; negative: number }> {
  const m = new Map<string, { tag: string; hour: number; mentions: number; negative: number }>();
  for (const r of db
    .prepare('SELECT posted_at AS t, text, sentiment FROM mentions WHERE is_brand = 0')
    .all() as Array<{ t: number; text: string; sentiment: number | null }>)
    for (const tag of extractHashtags(r.text)) {
      const hour = Math.floor(r.t / H);
      const c = m.get(`${tag}|${hour}`) ?? { tag, hour, mentions: 0, negative: 0 };
      c.mentions++;
      if (r.sentiment === -1) c.negative++;
      m.set(`${tag}|${hour}`, c);
    }
  return [...m.values()].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : a.hour - b.hour));
}

const stored = (db: Db): unknown[] =>
  db
    .prepare('SELECT tag, hour, mentions, negative FROM rollup_hashtag_hourly ORDER BY tag, hour')
    .all();

function row(i: number, text: string, negative: boolean, at: number): AnalysedRow {
  return {
    channel: 'twitter',
    externalId: `h${i}`,
    postedAt: at,
    authorHandle: `u${i % 7}`,
    text,
    analysis: analysed(negative),
  };
}

describe('rollup_hashtag_hourly', () => {
  it('follows import, correction and undo exactly as a recount of the texts, and dates the detector cache', () => {
    const env = workspaceDeps();
    try {
      const { db } = env;
      const write = (rows: AnalysedRow[]): number => {
        const batchId = startBatch(db, { kind: 'file', fileName: 'x.jsonl', now: 1 });
        const w = new MentionWriter(db, {
          batchId,
          sourceId: null,
          timezone: PROFILE.timezone,
          now: 2,
        });
        const r = db.transaction(() => w.write(rows))();
        finishBatch(db, batchId, { status: 'done', ...r, rejected: 0, errors: [], now: 3 });
        return batchId;
      };
      const texts = ['#Timo otra vez #timo', 'Qué #timo, #AcmeFail', 'todo bien #gracias', 'nada'];
      write(texts.map((t, i) => row(i, t, i < 2, T0 + i * 20 * 60_000)));
      const v1 = rollupVersion(db);
      const second = write(
        Array.from({ length: 6 }, (_, i) =>
          row(10 + i, `#AcmeFail ${i}`, i % 2 === 0, T0 + (3 + i) * H),
        ),
      );
      expect(stored(db)).toEqual(recount(db));
      expect(stored(db)).toContainEqual({ tag: '#timo', hour: T0 / H, mentions: 2, negative: 2 });
      expect(rollupVersion(db)).not.toBe(v1);
      expect(hashtagHours(db).filter((t) => t.tag === '#acmefail')).toHaveLength(7);

      const id = (
        db.prepare("SELECT id FROM mentions WHERE natural_key LIKE '%h2'").get() as { id: number }
      ).id;
      const v2 = rollupVersion(db);
      correctMention(db, id, { sentiment: -1 }, PROFILE.timezone, 5);
      expect(stored(db)).toEqual(recount(db));
      expect(stored(db)).toContainEqual({
        tag: '#gracias',
        hour: (T0 + 40 * 60_000 - ((T0 + 40 * 60_000) % H)) / H,
        mentions: 1,
        negative: 1,
      });
      expect(rollupVersion(db)).not.toBe(v2);
      // the detector's inputs were read again: the correction is in them
      expect(hashtagHours(db).find((t) => t.tag === '#gracias')?.negative).toBe(1);

      undoBatch(db, second, PROFILE.timezone, 6);
      expect(stored(db)).toEqual(recount(db));
      expect(hashtagHours(db).filter((t) => t.tag === '#acmefail')).toHaveLength(1);
    } finally {
      env.cleanup();
    }
  });
});

describe('migration 0007', () => {
  it('adds rollup_hashtag_hourly and the first open backfills it from stored mentions', () => {
    const t = Date.UTC(2026, 0, 10, 23, 30);
    upgradeWorkspace(
      6,
      (db) => {
        db.prepare(
          `INSERT INTO mentions (id, natural_key, channel, posted_at, text, is_brand, sentiment, complaint, topic, rating, imported_at)
         VALUES (1, 'twitter:1', 'twitter', ?, 'Qué #Timo, #timo y #1', 0, -1, 1, 'refund_billing', NULL, 1),
                (2, 'twitter:2', 'twitter', ?, 'Bien #TIMO', 0, 1, 0, NULL, NULL, 1),
                (3, 'twitter:3', 'twitter', ?, 'Nuestra respuesta #timo', 1, 0, 0, NULL, NULL, 1)`,
        ).run(t, t + 10 * 60_000, t);
      },
      (ws) => {
        expect(ws.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
        expect(stored(ws.db)).toEqual([
          { tag: '#timo', hour: Math.floor(t / H), mentions: 2, negative: 1 },
        ]);
        expect(
          ws.db.prepare("SELECT value FROM meta WHERE key = 'rollups_rebuild'").get(),
        ).toBeUndefined();
      },
    );
  });
});
