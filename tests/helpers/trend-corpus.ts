import { finishBatch, startBatch } from '../../main/core/db/batches-repo';
import { MentionWriter } from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { PROFILE } from './workspace';

export const TZ = 'Europe/Madrid';
const DAY = 86_400_000;
/** Noon UTC on 2026-03-31: 60 days of history end here. */
export const END = Date.UTC(2026, 2, 31, 12);

const TEXTS = [
  'Mi pedido no llega, llevo dos semanas de retraso con acme #acmefail',
  'Gracias acme, el envío llegó antes de lo previsto, genial',
  'acme me cobró dos veces y nadie me devuelve el dinero',
  'Probando la nueva app de acme, de momento normal',
  'Terrible customer service at acme, nobody answers the phone',
  'Love the new acme store, great staff #acmelove',
];

/** 60 days of mentions; the last ten days also carry a new hashtag, #acmeportazo. */
export function corpus(): MentionInput[] {
  const out: MentionInput[] = [];
  for (let i = 0; i < 360; i++) {
    const postedAt = END - Math.floor((i * 60 * DAY) / 360) - (i % 7) * 3_600_000;
    const late = postedAt > END - 10 * DAY;
    const text = `${TEXTS[i % TEXTS.length]}${late && i % 2 === 0 ? ' #AcmePortazo' : ''}`;
    out.push({
      channel: i % 5 === 0 ? 'reviews' : 'twitter',
      externalId: `m${i}`,
      postedAt,
      text,
      authorHandle: `user${i % 40}`,
      authorName: null,
      rating: i % 5 === 0 ? (i % 3) + 3 - (i % 2) * 2 : undefined,
    });
    // The brand answers every third mention on X, 90 minutes later.
    if (i % 3 === 0 && i % 5 !== 0)
      out.push({
        channel: 'twitter',
        externalId: `r${i}`,
        postedAt: postedAt + 90 * 60_000,
        text: 'Hola, lo sentimos, te escribimos por DM para ayudarte',
        authorHandle: 'acme',
        authorName: 'Acme',
        replyToId: `m${i}`,
      });
  }
  return out;
}

/** Imports the corpus as one batch through the real writer and analyser. */
export function importCorpus(db: Db, rows: MentionInput[] = corpus()): number {
  const batchId = startBatch(db, { kind: 'file', fileName: 'x.jsonl', now: 1 });
  const writer = new MentionWriter(db, {
    batchId,
    sourceId: null,
    timezone: TZ,
    now: 2,
    analyze: createAnalyzer(PROFILE),
  });
  const r = db.transaction(() => writer.write(rows))();
  finishBatch(db, batchId, { status: 'done', ...r, rejected: 0, errors: [], now: 3 });
  return batchId;
}
