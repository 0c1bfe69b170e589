import { describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { newestPostedAt } from '../../main/core/db/mention-span';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { seedCrisis } from '../helpers/crisis-seed';
import { workspaceDeps } from '../helpers/workspace';
import { analysed, type AnalysedRow } from '../crises/analysed';

describe('dashboard.today', () => {
  it('ends at the newest mention found from the time-ordered ids, as max(posted_at) says, and counts the last day as SQL does', async () => {
    const env = workspaceDeps();
    try {
      seedCrisis(env.db);
      const max = (): number =>
        (env.db.prepare('SELECT max(posted_at) AS t FROM mentions').get() as { t: number }).t;
      expect(newestPostedAt(env.db)).toBe(max());
      // several posts in the newest second, the latest millisecond not the highest id
      const t = Math.floor(max() / 1000) * 1000 + 5000;
      const rows: AnalysedRow[] = [999, 5, 500, 42].map((ms, i) => ({
        channel: 'twitter',
        externalId: `last${i}`,
        postedAt: t + ms,
        text: '@acme hola',
        authorHandle: `u${i}`,
        analysis: analysed(false),
      }));
      const w = new MentionWriter(env.db, {
        batchId: null,
        sourceId: null,
        timezone: 'UTC',
        now: 1,
      });
      env.db.transaction(() => w.write(rows))();
      expect(newestPostedAt(env.db)).toBe(t + 999);
      expect(newestPostedAt(env.db)).toBe(max());
      env.clock.set(t + 10 * 86_400_000);
      const r = await callMethod(env.deps, 'dashboard.today', {});
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value as { asOf: number; newMentions24h: number };
      expect(v.asOf).toBe(t + 1000);
      const since = v.asOf - 86_400_000;
      expect(v.newMentions24h).toBe(
        (
          env.db
            .prepare(
              'SELECT count(*) AS n FROM mentions WHERE is_brand = 0 AND posted_at BETWEEN ? AND ?',
            )
            .get(since, v.asOf) as { n: number }
        ).n,
      );
    } finally {
      env.cleanup();
    }
  });
});
