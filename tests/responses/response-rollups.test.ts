import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishBatch, startBatch, undoBatch } from '../../main/core/db/batches-repo';
import {
  beginBulkLoad,
  endBulkLoad,
  endBulkLoadWith,
  type ResponseRebuild,
} from '../../main/core/db/bulk-load';
import { correctMention } from '../../main/core/db/corrections-repo';
import { eraseAuthor } from '../../main/core/db/erase';
import { clearHandling, markHandling } from '../../main/core/db/handling-repo';
import { MentionWriter, type WritableMention } from '../../main/core/db/mention-writer';
import {
  computeResponseCells,
  readResponseRollup,
  rebuildResponseRollups,
  splitDays,
  type ResponseCells,
} from '../../main/core/db/response-rollups';
import { dashboardResponses, localDaysToUtc } from '../../main/core/db/trends-query';
import type { Db } from '../../main/core/db/workspace-file';
import { responseKpis } from '../../main/core/responses/kpis';
import { kpisFromRollup } from '../../main/core/responses/rollup-kpis';
import { rng } from '../../scripts/bench/corpus';
import { expectWithinBucket } from '../helpers/delay-bucket';
import { capturePrepared, queryPlan } from '../helpers/query-plan';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const TZ = PROFILE.timezone;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1, 8);
const CHANNELS = ['twitter', 'facebook', 'instagram', 'reviews'] as const;

interface Generated {
  customers: WritableMention[];
  replies: WritableMention[];
  late: WritableMention[];
  early: WritableMention[];
}

const analysis = (complaint: boolean) => ({
  lang: 'es',
  sentiment: complaint ? (-1 as const) : (0 as const),
  score: complaint ? -0.5 : 0,
  irony: false,
  complaint,
  topic: null,
  insult: false,
  toxicity: 0,
  campaign: false,
  version: 1,
});

/**
 * 100 days of customer mentions on four channels with brand replies after log-normal delays
 * (minutes to days), some answered twice (the first counts), some with a reply stamped before
 * the mention (ignored), late replies imported in a later batch and replies imported before
 * the mentions they answer.
 */
function generate(seed: number): Generated {
  const r = rng(seed);
  const g: Generated = { customers: [], replies: [], late: [], early: [] };
  for (let i = 0; i < 1500; i++) {
    const channel = CHANNELS[i % CHANNELS.length] as string;
    const postedAt = START + Math.floor(r() * 100 * DAY);
    const complaint = r() < 0.4;
    const followers = r() < 0.1 ? null : Math.floor(Math.pow(r(), 4) * 300_000);
    const m: WritableMention = {
      channel: channel as WritableMention['channel'],
      externalId: `c${i}`,
      postedAt,
      text: complaint ? `mi pedido ${i} no llega` : `hola ${i}`,
      authorHandle: `user${i % 300}`,
      authorName: null,
      authorFollowers: followers,
      analysis: analysis(complaint),
    };
    const roll = r();
    // delays from ~1 minute to ~10 days, median ~2 h
    const delay = Math.round(Math.exp(Math.log(120) + 1.8 * (r() + r() + r() - 1.5)) * 60_000);
    const reply = (k: string, at: number): WritableMention => ({
      channel: channel as WritableMention['channel'],
      externalId: `${k}${i}`,
      postedAt: at,
      text: `Hola, lo miramos ${i}`,
      authorHandle: 'acme',
      authorName: 'Acme',
      replyToId: `c${i}`,
    });
    if (i % 97 === 0) g.early.push(m);
    else g.customers.push(m);
    if (roll < 0.45) g.replies.push(reply('r', postedAt + delay));
    else if (roll < 0.55) g.late.push(reply('l', postedAt + delay));
    else if (roll < 0.58) g.replies.push(reply('x', postedAt - 30 * 60_000)); // before: ignored
    if (roll < 0.08) g.late.push(reply('s', postedAt + delay + 600_000)); // a second reply
  }
  return g;
}

function importRows(db: Db, rows: WritableMention[], chunk = 400, bulk = false): number {
  const batchId = startBatch(db, { kind: 'file', fileName: 'x.jsonl', now: 1 });
  const w = new MentionWriter(db, {
    batchId,
    sourceId: null,
    timezone: TZ,
    now: 2,
    ...(bulk ? { deferAuthorCounts: true, deferFts: true, deferResponses: true } : {}),
  });
  let imported = 0;
  for (let i = 0; i < rows.length; i += chunk)
    imported += db.transaction(() => w.write(rows.slice(i, i + chunk)))().imported;
  finishBatch(db, batchId, {
    status: 'done',
    imported,
    duplicates: 0,
    rejected: 0,
    errors: [],
    now: 3,
  });
  return batchId;
}

const tables = (db: Db): unknown[] => [
  db.prepare('SELECT * FROM rollup_response ORDER BY 1, 2, 3, 4, 5, 6').all(),
  db
    .prepare('SELECT * FROM rollup_response_delay ORDER BY 1, 2, 3, 4, 5, 6')
    .all()
    .map((r) => ({
      ...(r as object),
      minutes_sum: Math.round((r as { minutes_sum: number }).minutes_sum * 1e6),
    })),
];

describe('response rollups against the mentions', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let db: Db;
  beforeEach(() => {
    env = workspaceDeps();
    db = env.db;
  });
  afterEach(() => env.cleanup());

  /** The incrementally kept tables equal a rebuild from the mentions. */
  function expectLikeRebuild(): void {
    const kept = tables(db);
    rebuildResponseRollups(db, TZ);
    expect(kept).toEqual(tables(db));
  }

  /** Rollup KPIs of local days [from, to] against the exact ones from every stored reply. */
  function expectKpisLikeSql(from: string, to: string): void {
    const [s, e] = localDaysToUtc(from, to, TZ);
    const exact = responseKpis(db, s, e, {
      hours: PROFILE.hours,
      timezone: TZ,
      holidays: PROFILE.holidays,
      targetMinutes: 60,
    });
    const k = kpisFromRollup(readResponseRollup(db, from, to), 60);
    expect(k.answered).toBeGreaterThan(0);
    // counts, rates, shares at the 1/4/24 h edges and the distribution are exact
    for (const f of [
      'customerMentions',
      'answered',
      'handledElsewhere',
      'dismissed',
      'responseRate',
      'within1h',
      'within4h',
      'within24h',
      'withinTarget',
      'distribution',
    ] as const)
      expect(k[f], f).toEqual(exact[f]);
    // quantiles: within one bucket width of the exact figure
    expectWithinBucket(k.medianMinutes, exact.medianMinutes);
    expectWithinBucket(k.p90Minutes, exact.p90Minutes);
    expectWithinBucket(k.medianBusinessMinutes, exact.medianBusinessMinutes);
    const byChannel = new Map(exact.byChannel.map((c) => [c.channel, c]));
    expect(k.byChannel.map((c) => c.channel).sort()).toEqual([...byChannel.keys()].sort());
    for (const c of k.byChannel) {
      const x = byChannel.get(c.channel);
      expect({ mentions: c.mentions, answered: c.answered }).toEqual({
        mentions: x?.mentions,
        answered: x?.answered,
      });
      expectWithinBucket(c.medianMinutes, x?.medianMinutes ?? null);
    }
    expect(k.byReach.map((b) => b.band)).toEqual(exact.byReach.map((b) => b.band));
    k.byReach.forEach((b, i) => {
      const x = exact.byReach[i];
      expect({ mentions: b.mentions, answered: b.answered, responseRate: b.responseRate }).toEqual({
        mentions: x?.mentions,
        answered: x?.answered,
        responseRate: x?.responseRate,
      });
      expectWithinBucket(b.medianMinutes, x?.medianMinutes ?? null);
    });
    // the Overview's figures, against a direct count
    const o = dashboardResponses(db, { from, to, compareFrom: from, compareTo: to });
    const unanswered = (
      db
        .prepare(
          `SELECT count(*) AS n FROM mentions m WHERE m.is_brand = 0 AND m.complaint = 1 AND m.posted_at >= ? AND m.posted_at < ?
           AND NOT EXISTS (SELECT 1 FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1 AND r.posted_at >= m.posted_at)
           AND NOT EXISTS (SELECT 1 FROM overrides o WHERE o.target_key = m.natural_key AND o.field = 'handling')`,
        )
        .get(s, e) as { n: number }
    ).n;
    expect(o.current.unansweredComplaints).toBe(unanswered);
    expect(o.current.answered).toBe(exact.answered);
    expectWithinBucket(o.current.medianFirstResponseMinutes, exact.medianMinutes, 0.05);
  }

  const periods: Array<[string, string]> = [
    ['2026-01-01', '2026-04-15'], // whole months and days at both ends
    ['2026-02-01', '2026-02-28'], // exactly one month
    ['2026-01-10', '2026-01-16'], // a week
    ['2026-03-31', '2026-04-01'], // across a month boundary
  ];

  it('agree with SQL through imports, late and early replies, marks, corrections, undo and erase', () => {
    const g = generate(7);
    importRows(
      db,
      g.early.flatMap((m) => g.replies.filter((r) => r.replyToId === m.externalId)),
    );
    importRows(
      db,
      [
        ...g.customers,
        ...g.replies.filter((r) => !g.early.some((m) => m.externalId === r.replyToId)),
      ].sort((a, b) => a.postedAt - b.postedAt),
    );
    expectLikeRebuild();
    for (const [a, b] of periods) expectKpisLikeSql(a, b);

    // mentions whose replies were stored first (orphans) arrive
    importRows(db, g.early);
    expectLikeRebuild();
    // brand replies that arrive days later, in another batch
    const lateBatch = importRows(db, g.late);
    expectLikeRebuild();
    for (const [a, b] of periods) expectKpisLikeSql(a, b);

    // handled elsewhere and dismissed marks, one cleared again
    const ids = db
      .prepare('SELECT id FROM mentions WHERE is_brand = 0 AND complaint = 1 ORDER BY id LIMIT 60')
      .pluck()
      .all() as number[];
    ids.forEach((id, i) =>
      markHandling(db, id, { handling: i % 3 === 0 ? 'dismissed' : 'phone' }, 5),
    );
    clearHandling(db, ids[1] as number);
    // relabelled complaints, both ways
    const other = db
      .prepare('SELECT id FROM mentions WHERE is_brand = 0 AND complaint = 0 ORDER BY id LIMIT 20')
      .pluck()
      .all() as number[];
    for (const id of other) correctMention(db, id, { complaint: true }, TZ, 6);
    for (const id of ids.slice(40)) correctMention(db, id, { complaint: false }, TZ, 6);
    expectLikeRebuild();
    for (const [a, b] of periods) expectKpisLikeSql(a, b);

    // undo of the late replies: their mentions go back to their earlier state
    undoBatch(db, lateBatch, TZ, 7);
    expectLikeRebuild();
    for (const [a, b] of periods) expectKpisLikeSql(a, b);
    // a re-import of the same replies brings them back
    importRows(db, g.late);
    expectLikeRebuild();
    eraseAuthor(db, 'twitter', 'user4', TZ);
    expectLikeRebuild();
    for (const [a, b] of periods) expectKpisLikeSql(a, b);
  });

  /**
   * What a worker does at the end of a bulk load (import-runner.ts), on this thread: the cells
   * are computed on a read-only connection of their own, once `start` is called — when no
   * other connection can write any more, which `blocked` records. `meanwhile` runs while the
   * writer awaits the answer (other requests are served then).
   */
  function onOwnConnection(
    meanwhile?: () => void,
  ): ResponseRebuild & { blocked: () => unknown; computed: () => ResponseCells | null } {
    let cells: ResponseCells | null = null;
    let blocked: unknown = null;
    return {
      start: () => {
        const writer = new Database(env.ws.path, { timeout: 0 });
        try {
          writer.exec("INSERT INTO meta (key, value) VALUES ('intruder', '1')");
        } catch (e) {
          blocked = e;
        } finally {
          writer.close();
        }
        const reader = new Database(env.ws.path, { readonly: true });
        try {
          cells = computeResponseCells(reader);
        } finally {
          reader.close();
        }
      },
      cells: async () => {
        await new Promise<void>((r) => setImmediate(r));
        meanwhile?.();
        return cells;
      },
      blocked: () => blocked,
      computed: () => cells,
    };
  }

  it.each(['on this thread', 'on a connection of their own'])(
    'after a bulk load, which leaves them to one rebuild at its end (%s), equal tracking each row',
    async (where) => {
      const g = generate(11);
      const rows = [...g.customers, ...g.replies, ...g.early].sort(
        (a, b) => a.postedAt - b.postedAt,
      );
      // The same rows, tracked row by row, in a second workspace.
      const other = workspaceDeps();
      try {
        importRows(other.db, g.late);
        importRows(other.db, rows);
        const tracked = tables(other.db);
        importRows(db, g.late);
        const before = tables(db);
        beginBulkLoad(db, { deferResponses: true });
        importRows(db, rows, 400, true);
        expect(tables(db)).toEqual(before); // nothing moved during the load
        // a mark meanwhile is covered by the rebuild too
        const id = db
          .prepare('SELECT id FROM mentions WHERE is_brand = 0 ORDER BY id LIMIT 1')
          .pluck()
          .get() as number;
        markHandling(db, id, { handling: 'dismissed' }, 4);
        markHandling(other.db, id, { handling: 'dismissed' }, 4);
        const elsewhere = where === 'on this thread' ? undefined : onOwnConnection();
        if (elsewhere) await endBulkLoadWith(db, elsewhere);
        else endBulkLoad(db);
        if (elsewhere) {
          // Nothing else could write once it was asked: the cells count what the reader saw.
          expect((elsewhere.blocked() as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
          expect(elsewhere.computed()).not.toBeNull();
        }
        expect(tables(db)).toEqual(tables(other.db));
        expect(tables(db)).not.toEqual(tracked);
        expect(
          db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'bulk_load%'").get(),
        ).toEqual({ n: 0 });
        expectLikeRebuild();
        for (const [a, b] of periods) expectKpisLikeSql(a, b);
      } finally {
        other.cleanup();
      }
    },
  );

  it('are computed by the writer when the other thread gives no answer', async () => {
    const g = generate(17);
    const rows = [...g.customers, ...g.replies].sort((a, b) => a.postedAt - b.postedAt);
    beginBulkLoad(db, { deferResponses: true });
    importRows(db, rows, 400, true);
    let asked = 0;
    await endBulkLoadWith(db, { start: () => asked++, cells: () => Promise.resolve(null) });
    expect(asked).toBe(1);
    const kept = tables(db);
    expect((kept[0] as unknown[]).length).toBeGreaterThan(0);
    expectLikeRebuild();
  });

  it('are computed by the writer when something was written while the answer was awaited', async () => {
    const g = generate(19);
    const rows = [...g.customers, ...g.replies].sort((a, b) => a.postedAt - b.postedAt);
    beginBulkLoad(db, { deferResponses: true });
    importRows(db, rows, 400, true);
    // An open complaint the user dismisses while the other thread's answer is on its way.
    const id = db
      .prepare(
        `SELECT m.id FROM mentions m WHERE m.is_brand = 0 AND NOT EXISTS
           (SELECT 1 FROM mentions r WHERE r.reply_to_key = m.natural_key) ORDER BY m.id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const elsewhere = onOwnConnection(() => markHandling(db, id, { handling: 'dismissed' }, 4));
    await endBulkLoadWith(db, elsewhere);
    const stale = elsewhere.computed();
    expect(stale).not.toBeNull();
    // The answer counts the mention open: written as it came, the rollups would be wrong.
    expect(computeResponseCells(db)).not.toEqual(stale);
    expectLikeRebuild();
    expect(db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'bulk_load%'").get()).toEqual({
      n: 0,
    });
  });

  it('a bulk load that tracks them row by row (with analysis in a workspace in memory) moves them as it goes, no rebuild', () => {
    const g = generate(7);
    const rows = [...g.customers, ...g.replies].sort((a, b) => a.postedAt - b.postedAt);
    beginBulkLoad(db);
    const w = new MentionWriter(db, {
      batchId: startBatch(db, { kind: 'file', fileName: 'y.jsonl', now: 1 }),
      sourceId: null,
      timezone: TZ,
      now: 2,
      deferAuthorCounts: true,
      deferFts: true,
    });
    db.transaction(() => w.write(rows))();
    expect(
      db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'bulk_load_responses'").get(),
    ).toEqual({ n: 0 });
    const during = tables(db);
    expect((during[0] as unknown[]).length).toBeGreaterThan(0);
    endBulkLoad(db);
    expect(tables(db)).toEqual(during);
    expectLikeRebuild();
  });

  it('are rebuilt when a killed bulk load is recovered on the next open', () => {
    const g = generate(5);
    beginBulkLoad(db, { deferResponses: true });
    importRows(db, [...g.customers, ...g.replies], 400, true);
    expect(db.prepare('SELECT count(*) AS n FROM rollup_response').get()).toEqual({ n: 0 });
    const path = env.ws.path;
    env.deps.session.close(); // … the process dies before the load ends
    db = env.deps.session.open(path, 5).db;
    env.db = db;
    expect(
      db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'bulk_load_responses'").get(),
    ).toEqual({ n: 0 });
    const kept = tables(db);
    expect((kept[0] as unknown[]).length).toBeGreaterThan(0);
    expectLikeRebuild();
  });

  it('rebuild equal to tracking across years without mentions and before 1970', () => {
    const at = [
      Date.UTC(1965, 5, 1, 12),
      Date.UTC(1969, 11, 31, 23, 30), // 1 January 1970 in Madrid
      Date.UTC(1970, 0, 1, 0, 0, 1),
      Date.UTC(2001, 2, 25, 0, 59), // the DST change that night
      Date.UTC(2026, 0, 1, 8),
      Date.UTC(2026, 0, 1, 8) + 1, // same second
    ];
    const rows: WritableMention[] = at.flatMap((postedAt, i) => [
      {
        channel: 'twitter',
        externalId: `old${i}`,
        postedAt,
        text: `queja ${i}`,
        authorHandle: `u${i}`,
        authorName: null,
        authorFollowers: i * 5000,
        analysis: analysis(i % 2 === 0),
      },
      ...(i % 3 === 0
        ? [
            {
              channel: 'twitter' as const,
              externalId: `re${i}`,
              postedAt: postedAt + 3_600_000,
              text: `te ayudamos ${i}`,
              authorHandle: 'acme',
              authorName: null,
              replyToId: `old${i}`,
            },
          ]
        : []),
    ]);
    importRows(db, rows, 3);
    expect(
      db.prepare("SELECT count(*) AS n FROM rollup_response WHERE grain = 'day'").get(),
    ).toEqual({ n: 6 });
    expectLikeRebuild();
  });

  it('a brand reply arriving later moves its complaint out of the unanswered count', () => {
    const t = Date.UTC(2026, 0, 12, 9);
    const complaint: WritableMention = {
      channel: 'twitter',
      externalId: 'c1',
      postedAt: t,
      text: 'mi pedido no llega',
      authorHandle: 'ana',
      authorName: null,
      analysis: analysis(true),
    };
    importRows(db, [complaint]);
    const read = () => dashboardResponses(db, { from: '2026-01-01', to: '2026-01-31' }).current;
    expect(read()).toMatchObject({ complaints: 1, unansweredComplaints: 1, answered: 0 });
    const batch = importRows(db, [
      {
        channel: 'twitter',
        externalId: 'r1',
        postedAt: t + 45 * 60_000,
        text: 'Hola Ana, lo miramos',
        authorHandle: 'acme',
        authorName: null,
        replyToId: 'c1',
      },
    ]);
    expect(read()).toMatchObject({
      unansweredComplaints: 0,
      answered: 1,
      medianFirstResponseMinutes: 45,
    });
    undoBatch(db, batch, TZ, 9);
    expect(read()).toMatchObject({ unansweredComplaints: 1, answered: 0 });
  });

  it('reads whole months from month rows and the rest from day rows, by primary key', () => {
    expect(splitDays('2026-01-10', '2026-04-15')).toEqual({
      months: ['2026-02', '2026-03'],
      days: [
        ['2026-01-10', '2026-01-31'],
        ['2026-04-01', '2026-04-15'],
      ],
    });
    expect(splitDays('2026-02-01', '2026-02-28')).toEqual({
      months: ['2026-02', '2026-02'],
      days: [],
    });
    expect(splitDays('2024-02-01', '2024-02-28')).toEqual({
      months: null,
      days: [['2024-02-01', '2024-02-28']],
    });
    expect(splitDays('2025-12-05', '2026-01-31')).toEqual({
      months: ['2026-01', '2026-01'],
      days: [['2025-12-05', '2025-12-31']],
    });
    importRows(db, generate(3).customers.slice(0, 50));
    const { sql } = capturePrepared(db, () => readResponseRollup(db, '2026-01-10', '2026-04-15'));
    expect(sql.length).toBe(2);
    for (const s of sql) expect(queryPlan(db, s).join(' | '), s).not.toMatch(/\bSCAN rollup_/);
  });
});
