import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { InputOf, MethodName, OutputOf } from '../../main/core/api/contract';
import { dataDayRange } from '../../main/core/db/dashboard-query';
import { hashtagsOf } from '../../main/core/db/rollups';
import { localDaysToUtc } from '../../main/core/db/trends-query';
import { TWCS_CSV as TWCS, TWCS_MAP } from '../helpers/twcs';
import { PROFILE, workspaceDeps } from '../helpers/workspace';
import { expectWithinBucket } from '../helpers/delay-bucket';

const DATA = resolve(__dirname, '../../../shared/data');
const TWARC = resolve(DATA, 'exports/twarc2_jsonl_twitter_api_v2/brexit.jsonl');

/**
 * Real tweet sets imported through the real importers: the dashboard's figures (from the
 * rollups) must equal direct counts over the stored mentions.
 */
describe.skipIf(!existsSync(TWARC) || !existsSync(TWCS))('dashboard on real tweets', () => {
  it('matches direct SQL counts for volume, sentiment, complaints, hashtags and responses', async () => {
    const env = workspaceDeps({
      ...PROFILE,
      timezone: 'Europe/London',
      // TWCS care accounts answer as these anonymised ids; their replies are brand posts.
      handles: ['AppleSupport', 'AmazonHelp', 'Uber_Support', 'SpotifyCares', 'Delta'].map((h) => ({
        channel: 'twitter' as const,
        handle: h,
      })),
    });
    const call = async <M extends MethodName>(m: M, input: InputOf<M>): Promise<OutputOf<M>> => {
      const r = await callMethod(env.deps, m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as OutputOf<M>;
    };
    try {
      const twarc = await call('sources.import', {
        fileToken: env.deps.files.register(TWARC).token,
        format: 'twarc2',
      });
      expect(twarc.imported).toBeGreaterThan(50);
      const twcs = await call('sources.import', {
        fileToken: env.deps.files.register(TWCS).token,
        format: 'csv',
        channel: 'twitter',
        map: TWCS_MAP,
      });
      expect(twcs.imported).toBe(5000);
      const db = env.db;
      const range = dataDayRange(db);
      if (!range) throw new Error('no data imported');
      const input = { from: range.first, to: range.last };
      const [start, end] = localDaysToUtc(range.first, range.last, 'Europe/London');
      const n = (sql: string): number =>
        (
          db
            .prepare(
              `SELECT count(*) AS n FROM mentions m WHERE posted_at >= ? AND posted_at < ? ${sql}`,
            )
            .get(start, end) as { n: number }
        ).n;

      const o = await call('dashboard.overview', input);
      expect(o.current.mentions).toBe(n(''));
      expect(o.current.mentions).toBe(twarc.imported + twcs.imported);
      expect(o.current.negative).toBe(n('AND sentiment = -1 AND is_brand = 0'));
      expect(o.current.positive).toBe(n('AND sentiment = 1 AND is_brand = 0'));
      expect(o.current.complaints).toBe(n('AND complaint = 1 AND is_brand = 0'));
      expect(o.current.brandPosts).toBe(n('AND is_brand = 1'));
      expect(o.current.brandPosts).toBeGreaterThan(0);
      expect(o.channels.find((c) => c.channel === 'twitter')?.mentions).toBe(n('AND is_brand = 0'));

      const t = await call('dashboard.trends', input);
      const topic = t.topics[0];
      if (topic)
        expect(topic.mentions).toBe(
          n(`AND complaint = 1 AND is_brand = 0 AND topic = '${topic.value}'`),
        );
      // The most used hashtag of the whole range, counted by reading every text.
      const texts = db
        .prepare(
          'SELECT text FROM mentions WHERE is_brand = 0 AND posted_at >= ? AND posted_at < ?',
        )
        .all(start, end) as Array<{ text: string }>;
      const counts = new Map<string, number>();
      for (const r of texts)
        for (const h of hashtagsOf(r.text)) counts.set(h, (counts.get(h) ?? 0) + 1);
      const facet = db
        .prepare(
          "SELECT value, sum(mentions) AS n FROM rollup_facet_daily WHERE facet = 'hashtag' AND day BETWEEN ? AND ? GROUP BY value",
        )
        .all(range.first, range.last) as Array<{ value: string; n: number }>;
      expect(counts.size).toBeGreaterThan(0);
      expect(new Map(facet.map((f) => [f.value, f.n]))).toEqual(counts);

      const r = await call('dashboard.responses', input);
      expect(r.current.unansweredComplaints).toBe(
        n(
          'AND is_brand = 0 AND complaint = 1 AND NOT EXISTS (SELECT 1 FROM mentions b WHERE b.reply_to_key = m.natural_key AND b.is_brand = 1 AND b.posted_at >= m.posted_at)',
        ),
      );
      const waits = (
        db
          .prepare(
            `SELECT min(b.posted_at) - m.posted_at AS w FROM mentions m JOIN mentions b ON b.reply_to_key = m.natural_key
             WHERE b.is_brand = 1 AND m.is_brand = 0 AND b.posted_at >= m.posted_at AND m.posted_at >= ? AND m.posted_at < ?
             GROUP BY m.id ORDER BY w`,
          )
          .all(start, end) as Array<{ w: number }>
      ).map((x) => x.w);
      expect(waits.length).toBeGreaterThan(0);
      expect(r.current.answered).toBe(waits.length);
      const mid = waits[Math.ceil(waits.length / 2) - 1] ?? 0;
      // from the response rollup's histogram: within one bucket of the exact median
      expectWithinBucket(r.current.medianFirstResponseMinutes, mid / 60_000, 0.05);
    } finally {
      env.cleanup();
    }
  });
});
