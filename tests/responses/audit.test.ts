import { describe, expect, it } from 'vitest';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { auditBrandReplies } from '../../main/core/responses/audit';
import { workspaceDeps } from '../helpers/workspace';

describe('tone audit of brand replies', () => {
  it('flags rude replies and tells canned templates from personalised answers', () => {
    const env = workspaceDeps();
    try {
      const w = new MentionWriter(env.db, {
        batchId: null,
        sourceId: null,
        timezone: 'UTC',
        now: 0,
      });
      const reply = (id: string, text: string, min: number) => ({
        channel: 'twitter' as const,
        externalId: id,
        postedAt: 1_700_000_000_000 + min * 60_000,
        text,
        authorHandle: 'acme',
      });
      w.write([
        reply('b1', 'Lamentamos las molestias, escríbenos por MD. ^JK', 1),
        reply('b2', 'Lamentamos las molestias, escríbenos por MD. ^AL', 2),
        reply('b3', 'Lamentamos las molestias, escríbenos por MD. ^JK', 3),
        reply('b4', 'Hola Marta, tu pedido 88123 sale mañana por la mañana, perdona el retraso', 4),
        reply('b5', 'No es nuestro problema, si no te gusta vete a otra tienda', 5),
      ]);
      const r = auditBrandReplies(env.db, 0, Date.now());
      const by = Object.fromEntries(r.map((x) => [x.text.slice(0, 12), x]));
      expect(r.filter((x) => x.canned)).toHaveLength(3);
      expect(by['Hola Marta, ']).toMatchObject({ canned: false, personalised: true, warnings: [] });
      expect(by['No es nuestr']?.warnings.map((x) => x.kind)).toEqual(['dismissive']);
    } finally {
      env.cleanup();
    }
  });
});
