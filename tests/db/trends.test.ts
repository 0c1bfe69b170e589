import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../main/core/db/batches-repo';
import { dashboardOverview } from '../../main/core/db/dashboard-query';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { hashtagsOf, rebuildRollups } from '../../main/core/db/rollups';
import {
  dashboardResponses,
  dashboardTrends,
  localDaysToUtc,
} from '../../main/core/db/trends-query';
import type { MentionInput } from '../../main/core/model/mention';
import { capturePrepared, queryPlan } from '../helpers/query-plan';
import { upgradeWorkspace, workspaceDeps } from '../helpers/workspace';
import { END, importCorpus, TZ } from '../helpers/trend-corpus';

describe('dashboard trends against direct SQL', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let batchId: number;
  beforeEach(() => {
    env = workspaceDeps();
    batchId = importCorpus(env.db);
  });
  afterEach(() => env.cleanup());

  const count = (sql: string, ...args: unknown[]): number =>
    (env.db.prepare(sql).get(...args) as { n: number }).n;
  const range = { from: '2026-03-02', to: '2026-03-31' };
  const [start, end] = localDaysToUtc(range.from, range.to, TZ);

  it('counts mentions, sentiment and complaints of a local-day period as SQL does', () => {
    const o = dashboardOverview(env.db, range);
    const where = 'posted_at >= ? AND posted_at < ?';
    expect(o.current.mentions).toBe(
      count(`SELECT count(*) AS n FROM mentions WHERE ${where}`, start, end),
    );
    expect(o.current.negative).toBe(
      count(
        `SELECT count(*) AS n FROM mentions WHERE ${where} AND sentiment = -1 AND is_brand = 0`,
        start,
        end,
      ),
    );
    expect(o.current.complaints).toBe(
      count(
        `SELECT count(*) AS n FROM mentions WHERE ${where} AND complaint = 1 AND is_brand = 0`,
        start,
        end,
      ),
    );
    expect(o.current.complaints).toBeGreaterThan(0);
    expect(o.compareFrom).toBe('2026-01-31');
    expect(o.bucket).toBe('day');
    expect(o.series).toHaveLength(30);
    expect(o.previousSeries).toHaveLength(30);
    const perDay = o.series.reduce((a, p) => a + p.positive + p.neutral + p.negative, 0);
    expect(perDay).toBe(o.current.mentions - o.current.brandPosts);
    const reviews = o.channels.find((c) => c.channel === 'reviews');
    const avg = env.db
      .prepare(
        `SELECT avg(rating) AS a FROM mentions WHERE ${where} AND channel = 'reviews' AND rating IS NOT NULL`,
      )
      .get(start, end) as { a: number };
    expect(reviews?.ratingAverage).toBeCloseTo(avg.a, 6);
  });

  it('buckets long periods by week (Monday starts) and keeps every day counted', () => {
    const o = dashboardOverview(env.db, { from: '2025-10-01', to: '2026-03-31' });
    expect(o.bucket).toBe('week');
    expect(new Date(`${o.series[1]?.day}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(o.series[0]?.day).toBe('2025-10-01');
    expect(o.series.at(-1)?.end).toBe('2026-03-31');
    const total = o.series.reduce((a, p) => a + p.positive + p.neutral + p.negative, 0);
    expect(total).toBe(count('SELECT count(*) AS n FROM mentions WHERE is_brand = 0'));
  });

  it('gives topics, stars, emerging hashtags and response KPIs that match SQL', () => {
    const t = dashboardTrends(env.db, range, TZ);
    const topics = env.db
      .prepare(
        `SELECT topic AS value, count(*) AS mentions FROM mentions WHERE posted_at >= ? AND posted_at < ?
         AND complaint = 1 AND is_brand = 0 AND topic IS NOT NULL GROUP BY topic ORDER BY mentions DESC`,
      )
      .all(start, end) as Array<{ value: string; mentions: number }>;
    expect(topics.length).toBeGreaterThan(0);
    expect(
      t.topics.filter((x) => x.mentions > 0).map(({ value, mentions }) => ({ value, mentions })),
    ).toEqual(topics);
    const stars = count(
      `SELECT count(*) AS n FROM mentions WHERE posted_at >= ? AND posted_at < ? AND rating IS NOT NULL`,
      start,
      end,
    );
    expect(t.stars.reduce((a, s) => a + s.mentions, 0)).toBe(stars);
    // #acmeportazo is new in the last ten days; #acmefail is steady all along
    expect(t.hashtags[0]?.value).toBe('#acmeportazo');
    expect(t.hashtags[0]?.baseline).toBe(0);
    expect(t.hashtags.some((h) => h.value === '#acmefail')).toBe(false);
    const unanswered = count(
      `SELECT count(*) AS n FROM mentions m WHERE posted_at >= ? AND posted_at < ? AND complaint = 1 AND is_brand = 0
       AND NOT EXISTS (SELECT 1 FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1)`,
      start,
      end,
    );
    const resp = dashboardResponses(env.db, range);
    expect(resp.current.unansweredComplaints).toBe(unanswered);
    expect(resp.current.answered).toBeGreaterThan(0);
    expect(resp.current.medianFirstResponseMinutes).toBe(90);
    expect(resp.previous.complaints).toBeGreaterThan(0);
  });

  /** 30 new customer mentions, one an hour back from END, each with `text` and its index. */
  const addHourly = (key: string, text: string): void => {
    const extra: MentionInput[] = Array.from({ length: 30 }, (_, i) => ({
      channel: 'twitter',
      externalId: `${key}${i}`,
      postedAt: END - i * 3_600_000,
      text: `${text} ${i}`,
      authorHandle: `other${i}`,
      authorName: null,
    }));
    const writer = new MentionWriter(env.db, {
      batchId: null,
      sourceId: null,
      timezone: TZ,
      now: 4,
    });
    env.db.transaction(() => writer.write(extra))();
  };

  it('finds a word that rose against its own baseline', () => {
    addHourly('x', 'acme otra vez con el apagón en la tienda');
    const t = dashboardTrends(env.db, { from: '2026-03-25', to: '2026-03-31' }, TZ);
    expect(t.terms.map((x) => x.value)).toContain('apagón');
    // in every mention before and after: its share did not change
    expect(t.terms.map((x) => x.value)).not.toContain('acme');
    expect(t.terms.find((x) => x.value === 'apagón')?.baseline).toBe(0);
    expect(t.termSample.period).toBeGreaterThan(30);
  });

  it('does not take @handles or the slugs of links for emerging words', () => {
    addHourly(
      'h',
      '@SamaHoole @dealingwith@indieweb.social apagón otra vez https://t.co/u5tGoysp7 www.example.com/ofertazo',
    );
    const words = dashboardTrends(env.db, { from: '2026-03-25', to: '2026-03-31' }, TZ).terms.map(
      (x) => x.value,
    );
    expect(words).toContain('apagón');
    for (const w of [
      'samahoole',
      'dealingwith',
      'indieweb',
      'social',
      'u5tgoysp7',
      'https',
      'example',
      'ofertazo',
    ])
      expect(words).not.toContain(w);
  });

  it('undo takes a batch out of the facet rollups; a rebuild gives the same cells', () => {
    const cells = (): unknown[] =>
      env.db.prepare('SELECT * FROM rollup_facet_daily ORDER BY facet, day, value, channel').all();
    const incremental = cells();
    expect(incremental.length).toBeGreaterThan(0);
    rebuildRollups(env.db, TZ);
    expect(cells()).toEqual(incremental);
    undoBatch(env.db, batchId, TZ, 9);
    expect(cells()).toEqual([]);
  });

  it('walks the primary key of rollups and mentions, never scanning a table', () => {
    const { sql } = capturePrepared(env.db, () => {
      dashboardTrends(env.db, range, TZ);
      dashboardResponses(env.db, range);
    });
    const { sql: overviewSql } = capturePrepared(env.db, () => dashboardOverview(env.db, range));
    for (const s of [...sql, ...overviewSql]) {
      const plan = queryPlan(env.db, s);
      expect(plan.join(' | '), s).not.toMatch(/\bSCAN (m|r|mentions|rollup_\w+)\b(?! USING)/);
    }
    const facet = sql.find((s) => s.includes("facet = 'hashtag'")) ?? '';
    expect(queryPlan(env.db, facet).join(' | ')).toMatch(
      /SEARCH rollup_facet_daily USING PRIMARY KEY \(facet=\? AND day>\? AND day<\?\)/,
    );
  });
});

describe('hashtags', () => {
  it('are lower-cased, distinct and capped', () => {
    expect(hashtagsOf('Vaya #LumbreTimo #lumbretimo y #Reembolso_ya!')).toEqual([
      '#lumbretimo',
      '#reembolso_ya',
    ]);
    expect(hashtagsOf('sin etiquetas')).toEqual([]);
    expect(hashtagsOf(Array.from({ length: 30 }, (_, i) => `#t${i}x`).join(' '))).toHaveLength(10);
  });
});

describe('migration 0003', () => {
  it('adds rollup_facet_daily and the first open fills it from stored mentions', () => {
    upgradeWorkspace(
      2,
      (db) => {
        const t = Date.UTC(2026, 0, 10, 23, 30); // 00:30 on the 11th in Madrid
        db.prepare(
          `INSERT INTO mentions (id, natural_key, channel, posted_at, text, is_brand, sentiment, complaint, topic, rating, imported_at)
         VALUES (1, 'twitter:1', 'twitter', ?, 'Qué #Timo de reembolso', 0, -1, 1, 'refund_billing', NULL, 1),
                (2, 'reviews:2', 'reviews', ?, 'Bien', 0, 1, 0, NULL, 4, 1)`,
        ).run(t, t);
      },
      (ws) => {
        expect(ws.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
        expect(
          ws.db
            .prepare(
              'SELECT facet, day, value, channel, mentions, negative FROM rollup_facet_daily ORDER BY facet',
            )
            .all(),
        ).toEqual([
          {
            facet: 'hashtag',
            day: '2026-01-11',
            value: '#timo',
            channel: 'twitter',
            mentions: 1,
            negative: 1,
          },
          {
            facet: 'stars',
            day: '2026-01-11',
            value: '4',
            channel: 'reviews',
            mentions: 1,
            negative: 0,
          },
          {
            facet: 'topic',
            day: '2026-01-11',
            value: 'refund_billing',
            channel: 'twitter',
            mentions: 1,
            negative: 1,
          },
        ]);
        expect(
          ws.db.prepare("SELECT value FROM meta WHERE key = 'rollups_rebuild'").get(),
        ).toBeUndefined();
      },
    );
  });
});
