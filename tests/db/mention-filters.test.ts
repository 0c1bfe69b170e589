import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../main/core/api/handlers';
import { searchMentions, type MentionFilter } from '../../main/core/db/mentions-query';
import { localDaysToUtc } from '../../main/core/db/trends-query';
import { capturePrepared, queryPlan } from '../helpers/query-plan';
import { importCorpus, TZ } from '../helpers/trend-corpus';
import { workspaceDeps } from '../helpers/workspace';

describe('Mentions filters', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => {
    env = workspaceDeps();
    importCorpus(env.db);
    // Two authors labelled by hand, as people analysis would.
    env.db
      .prepare("UPDATE authors SET label = 'agitator' WHERE handle IN ('user3', 'user7')")
      .run();
  });
  afterEach(() => env.cleanup());

  /** Every page, following nextBeforeId to the end. */
  function all(f: MentionFilter, limit = 7): number[] {
    const ids: number[] = [];
    let before: number | undefined;
    for (let i = 0; i < 500; i++) {
      const p = searchMentions(env.db, f, { beforeId: before, limit });
      ids.push(...p.items.map((m) => m.id));
      if (p.nextBeforeId === null) return ids;
      before = p.nextBeforeId;
    }
    throw new Error('pagination did not end');
  }
  const direct = (where: string, ...args: unknown[]): number[] =>
    (
      env.db
        .prepare(`SELECT m.id FROM mentions m WHERE ${where} ORDER BY m.id DESC`)
        .all(...args) as Array<{ id: number }>
    ).map((r) => r.id);

  it('combine, page by keyset and return exactly the rows SQL finds', () => {
    const [from, to] = localDaysToUtc('2026-03-10', '2026-03-20', TZ);
    const cases: Array<[MentionFilter, string, unknown[]]> = [
      [{ sentiment: -1, complaint: true }, 'm.sentiment = -1 AND m.complaint = 1', []],
      [
        { topic: 'refund_billing', channels: ['twitter'] },
        "m.topic = 'refund_billing' AND m.channel = 'twitter'",
        [],
      ],
      [{ lang: 'en' }, "m.lang = 'en'", []],
      [{ stars: 5 }, 'm.rating >= 4.5 AND m.rating < 5.5', []],
      [
        { authorLabel: 'agitator' },
        "m.author_id IN (SELECT id FROM authors WHERE label = 'agitator')",
        [],
      ],
      [
        { unanswered: true, complaint: true },
        'm.is_brand = 0 AND m.complaint = 1 AND NOT EXISTS (SELECT 1 FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1)',
        [],
      ],
      [
        { from, to: to - 1, sentiment: 1 },
        'm.posted_at >= ? AND m.posted_at < ? AND m.sentiment = 1',
        [from, to],
      ],
    ];
    for (const [f, where, args] of cases) {
      const want = direct(where, ...args);
      expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(all(f), JSON.stringify(f)).toEqual(want);
    }
  });

  it('combine with full-text search', () => {
    const got = all({ q: 'pedido', unanswered: true });
    const want = (
      env.db
        .prepare(
          `SELECT m.id FROM mentions_fts f JOIN mentions m ON m.id = f.rowid WHERE mentions_fts MATCH 'pedido' AND m.is_brand = 0
           AND NOT EXISTS (SELECT 1 FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1) ORDER BY m.id DESC`,
        )
        .all() as Array<{ id: number }>
    ).map((r) => r.id);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it('take local days through the handler, and refuse a range that ends before it starts', async () => {
    const out = await handlers['mentions.search'](env.deps, {
      fromDay: '2026-03-15',
      toDay: '2026-03-15',
      limit: 500,
    });
    const [from, to] = localDaysToUtc('2026-03-15', '2026-03-15', TZ);
    expect(out.items.length).toBe(direct('m.posted_at >= ? AND m.posted_at < ?', from, to).length);
    expect(out.items.length).toBeGreaterThan(0);
    await expect(
      Promise.resolve().then(() =>
        handlers['mentions.search'](env.deps, { fromDay: '2026-03-16', toDay: '2026-03-15' }),
      ),
    ).rejects.toThrow(/starts after it ends/);
  });

  it('filter by a label many authors hold as by a rare one, and by one nobody holds', () => {
    // Over 10,000 authors of a label switch the probe from a list of their ids to a lookup
    // per row (mentions-query.ts labelProbe): both must find the same rows as SQL.
    env.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050)
      INSERT INTO authors (channel, handle, label) SELECT 'twitter', 'filler' || i, 'neutral' FROM n`);
    env.db.prepare("UPDATE authors SET label = 'neutral' WHERE handle IN ('user1', 'user2')").run();
    const byLabel = (label: string): number[] =>
      direct(`m.author_id IN (SELECT id FROM authors WHERE label = '${label}')`);
    for (const label of ['neutral', 'agitator']) {
      expect(byLabel(label).length, label).toBeGreaterThan(0);
      expect(all({ authorLabel: label }), label).toEqual(byLabel(label));
      expect(all({ authorLabel: label, sentiment: -1 }), label).toEqual(
        direct(
          `m.sentiment = -1 AND m.author_id IN (SELECT id FROM authors WHERE label = '${label}')`,
        ),
      );
    }
    expect(searchMentions(env.db, { authorLabel: 'supporter' }, { limit: 50 })).toEqual({
      items: [],
      nextBeforeId: null,
    });
  });

  it('walk the primary key (or the FTS index) backwards: no table scan, no sort', () => {
    const hot: MentionFilter[] = [
      {},
      { sentiment: -1, complaint: true },
      { topic: 'refund_billing', channels: ['twitter', 'reviews'] },
      { lang: 'es', stars: 1 },
      { unanswered: true },
      { authorLabel: 'agitator' },
      { q: 'pedido', sentiment: -1, unanswered: true },
    ];
    for (const f of hot) {
      const { sql } = capturePrepared(env.db, () => searchMentions(env.db, f, { limit: 50 }));
      const page = sql.find((s) => s.includes('ORDER BY')) ?? '';
      const plan = queryPlan(env.db, page).join(' | ');
      expect(plan, JSON.stringify(f)).toMatch(
        f.q
          ? /SCAN f VIRTUAL TABLE INDEX/
          : /SEARCH m USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/,
      );
      expect(plan, JSON.stringify(f)).not.toMatch(
        /USE TEMP B-TREE FOR ORDER BY|SCAN m\b(?! USING)/,
      );
      if (f.unanswered) expect(plan).toMatch(/SEARCH r USING INDEX mentions_reply_to/);
    }
  });
});
