import { generateScenario } from '../../main/core/crises/scenario';
import { MentionWriter } from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';

/**
 * Six weeks of @acme mentions with a crisis building on day 35 (#AcmeTimo), every fourth
 * crisis complaint answered by @acme 20 minutes later. Returns the scenario's true crisis hours.
 */
export function seedCrisis(db: Db): { start: number; end: number } {
  const sc = generateScenario(21, {
    days: 42,
    meanPerHour: 10,
    crises: [{ day: 35, size: 8, shape: 'build' }],
  });
  const t = sc.truth[0]!;
  const rows: Array<MentionInput & { analysis: never }> = [];
  let n = 0;
  for (const b of sc.buckets) {
    for (let k = 0; k < b.total; k++) {
      const negative = k < b.negative;
      const inCrisis = b.hour >= t.start && b.hour < t.end;
      const id = `m${n++}`;
      rows.push({
        channel: 'twitter',
        externalId: id,
        postedAt: b.hour * 3_600_000 + k * 1000,
        text: negative
          ? `@acme mi pedido ${n} no llega ${inCrisis ? '#AcmeTimo' : ''}`
          : '@acme gracias',
        authorHandle: `cliente${n % 300}`,
        likes: negative && inCrisis ? n % 50 : 0,
        analysis: {
          lang: 'es',
          sentiment: negative ? -1 : 1,
          score: negative ? -0.8 : 0.8,
          irony: false,
          complaint: negative,
          topic: negative ? 'delivery_delay' : null,
          insult: false,
          toxicity: 0,
          campaign: false,
          version: 1,
        } as never,
      });
      if (negative && inCrisis && k % 4 === 0) {
        rows.push({
          channel: 'twitter',
          externalId: `r${id}`,
          postedAt: b.hour * 3_600_000 + k * 1000 + 20 * 60_000,
          text:
            k % 8 === 0
              ? 'Lo sentimos, escríbenos por MD'
              : 'Te devolvemos el importe hoy mismo, lo sentimos',
          authorHandle: 'acme',
          replyToId: id,
          analysis: null as never,
        });
      }
    }
  }
  const w = new MentionWriter(db, {
    batchId: null,
    sourceId: null,
    timezone: 'Europe/Madrid',
    now: 1,
  });
  db.transaction(() => w.write(rows))();
  return { start: t.start, end: t.end };
}
