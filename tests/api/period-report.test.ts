import { readFileSync } from 'node:fs';
import { resolvePeriod } from '../../main/core/reports/period';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { MentionWriter } from '../../main/core/db/mention-writer';
import type { MentionInput } from '../../main/core/model/mention';
import { cli } from '../helpers/cli';
import { workspaceDeps } from '../helpers/workspace';

const MIN = 60_000;
type Row = MentionInput & { analysis: never };

/** A customer post with its analysis stored as given (the figures under test are counts). */
function post(
  id: string,
  at: number,
  o: { negative?: boolean; complaint?: boolean; tag: string },
): Row {
  return {
    channel: 'twitter',
    externalId: id,
    postedAt: at,
    text: `@acme ${o.negative ? 'mi pedido no llega' : 'gracias'} ${o.tag}`,
    authorHandle: `cliente_${id}`,
    analysis: {
      lang: 'es',
      sentiment: o.negative ? -1 : 1,
      score: o.negative ? -0.8 : 0.8,
      irony: false,
      complaint: o.complaint === true,
      topic: null,
      insult: false,
      toxicity: 0,
      campaign: false,
      version: 1,
    } as never,
  };
}

/**
 * October and November 2026 in Europe/Madrid (CEST until 25 October, then CET): a known
 * number of posts in each month, and four at the edges of November in local time.
 */
function seedTwoMonths(env: ReturnType<typeof workspaceDeps>) {
  const rows: Row[] = [];
  // October: days 3–30 at noon UTC, 28 posts, every fourth negative
  for (let d = 3; d <= 30; d++)
    rows.push(post(`oct${d}`, Date.UTC(2026, 9, d, 12), { negative: d % 4 === 0, tag: '#OctTag' }));
  // November: days 2–29, 28 posts at noon and 28 at 18:00 UTC; 14 negative, 7 complaints
  for (let d = 2; d <= 29; d++) {
    rows.push(post(`nov${d}a`, Date.UTC(2026, 10, d, 12), { tag: '#NovTag' }));
    rows.push(
      post(`nov${d}b`, Date.UTC(2026, 10, d, 18), {
        negative: d % 2 === 0,
        complaint: d % 4 === 0,
        tag: '#NovTag',
      }),
    );
  }
  // local edges: 31 Oct 23:59 and 1 Dec 00:00 are outside November, 1 Nov 00:30 and
  // 30 Nov 23:59 inside (UTC+1 in November)
  rows.push(post('edge-oct', Date.UTC(2026, 9, 31, 22, 59), { tag: '#OctTag' }));
  rows.push(post('edge-nov1', Date.UTC(2026, 9, 31, 23, 30), { tag: '#NovTag' }));
  rows.push(post('edge-nov30', Date.UTC(2026, 10, 30, 22, 59), { tag: '#NovTag' }));
  rows.push(post('edge-dec', Date.UTC(2026, 10, 30, 23, 0), { tag: '#DecTag' }));
  // three brand replies in November, one in October
  for (const [id, at, to] of [
    ['r1', Date.UTC(2026, 10, 4, 18, 20), 'nov4b'],
    ['r2', Date.UTC(2026, 10, 8, 18, 20), 'nov8b'],
    ['r3', Date.UTC(2026, 10, 12, 18, 20), 'nov12b'],
    ['r0', Date.UTC(2026, 9, 8, 12, 30), 'oct8'],
  ] as const)
    rows.push({
      channel: 'twitter',
      externalId: id,
      postedAt: at,
      text: 'Lo sentimos, te escribimos por MD',
      authorHandle: 'acme',
      replyToId: to,
      analysis: null as never,
    });
  const w = new MentionWriter(env.db, {
    batchId: null,
    sourceId: null,
    timezone: 'Europe/Madrid',
    now: 1,
  });
  env.db.transaction(() => w.write(rows))();
}

describe('a report for a chosen period', () => {
  let env: ReturnType<typeof workspaceDeps>;
  const call = async <T>(m: string, input: unknown): Promise<T> => {
    const r = await callMethod(env.deps, m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  beforeAll(() => {
    env = workspaceDeps();
    seedTwoMonths(env);
  });
  afterAll(() => env.cleanup());

  it('covers exactly the local days asked for: November’s figures, October as the previous period', async () => {
    const summary = await call<{ mentions: number; customer: number; data: unknown }>(
      'reports.periodSummary',
      { from: '2026-11-01', to: '2026-11-30' },
    );
    // 56 in the middle of the month, 2 at its local edges, 3 brand replies
    expect(summary).toMatchObject({ mentions: 61, customer: 58 });
    expect(summary.data).toEqual({ first: '2026-10-03', last: '2026-12-01' });

    env.events.length = 0;
    const r = await call<{ id: number; html: string; filename: string }>('reports.generatePeriod', {
      from: '2026-11-01',
      to: '2026-11-30',
      lang: 'en',
      consultant: 'Consultora Sur',
    });
    const kpi = (n: number, label: string, before: number) =>
      `<div><b>${n}</b>${label}<span class="muted prev">previous period: ${before}</span></div>`;
    // October: 28 days at noon + the 31 Oct 23:59 edge + one brand reply; 7 negative
    expect(r.html).toContain(kpi(61, 'mentions', 30));
    expect(r.html).toContain(kpi(14, 'negative', 7));
    expect(r.html).toContain(kpi(7, 'complaints', 0));
    expect(r.html).toContain(kpi(3, 'brand replies', 1));
    expect(r.html).toContain('<h1>Period report · Acme</h1>');
    // the days as the client reads them (Intl puts thin spaces around the dash)
    expect(r.html).toMatch(
      /Period: 1\s–\s30 November 2026 · local dates and times \(Europe\/Madrid\) · Consultora Sur/,
    );
    expect(r.html).toContain('#novtag (58)');
    // 3 of 58 customer posts answered 20 min later; in October 1 of 29, after 30 min
    expect(r.html).toContain(
      '<tr><td>In the period</td><td class="num">5 %</td><td class="num">20 min</td></tr>',
    );
    expect(r.html).toContain(
      '<tr><td>Previous period (same number of days)</td><td class="num">3 %</td><td class="num">30 min</td></tr>',
    );
    expect(r.html).not.toMatch(/#octtag|#dectag/);
    // the crisis-only sections are not in a period report
    expect(r.html).not.toMatch(/id="playbook"|id="scct"/);
    // the data reaches both ends of November: no note that days count as empty
    expect(r.html).not.toContain('id="coverage"');
    expect(r.filename).toBe('Acme-2026-11-01-2026-11-30-en.html');

    // the steps were told as they began, in order, ending with the save
    const stages = env.events
      .filter((e) => e.event === 'reports.progress')
      .map((e) => (e.payload as { stage: string }).stage);
    expect(stages).toEqual([
      'crises',
      'mentions',
      'hashtags',
      'people',
      'responses',
      'tone',
      'render',
      'save',
    ]);

    // stored like an episode's report, with its local days
    const list = await call<{
      items: Array<{ id: number; crisisId: string | null; period: unknown; bytes: number }>;
    }>('reports.list', {});
    expect(list.items[0]).toMatchObject({
      id: r.id,
      crisisId: null,
      period: { fromDay: '2026-11-01', toDay: '2026-11-30' },
      bytes: Buffer.byteLength(r.html),
    });
    expect((await call<{ html: string }>('reports.open', { id: r.id })).html).toBe(r.html);

    // the CLI makes the same report from the same days: one implementation
    env.deps.session.close();
    const out = env.tmp.path('november.html');
    const c = await cli([
      'report',
      '--workspace',
      env.ws.path,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--lang',
      'en',
      '--consultant',
      'Consultora Sur',
      '--out',
      out,
    ]);
    expect(c.code, c.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.html);
    env.deps.session.open(env.ws.path, env.clock.now());
  });

  it('refuses a period that is reversed, not a day or empty, saying which', async () => {
    const refused = async (input: unknown) => {
      const r = await callMethod(env.deps, 'reports.generatePeriod', input);
      if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
      return r.error;
    };
    const reversed = await refused({ from: '2026-11-30', to: '2026-11-01' });
    expect(reversed).toMatchObject({
      code: 'validation',
      message: 'to: the period starts after it ends',
    });
    expect(reversed.details?.issues).toEqual([{ field: 'to', reason: 'periodOrder' }]);
    expect(await refused({ from: '2026-02-30', to: '2026-03-01' })).toMatchObject({
      code: 'validation',
      message: 'from: no such day in the calendar',
      details: { issues: [{ field: 'from', reason: 'noSuchDay' }] },
    });
    // Date.UTC reads year 1 as 1901 and 9999 overflowed inside: both refused at the boundary
    expect(await refused({ from: '0001-01-01', to: '0001-01-31' })).toMatchObject({
      code: 'validation',
      details: {
        issues: [
          { field: 'from', reason: 'dayRange' },
          { field: 'to', reason: 'dayRange' },
        ],
      },
    });
    expect(await refused({ from: '9999-12-01', to: '9999-12-31' })).toMatchObject({
      code: 'validation',
      details: {
        issues: [
          { field: 'from', reason: 'dayRange' },
          { field: 'to', reason: 'dayRange' },
        ],
      },
    });
    // the CLI's path (report --from 0001-01-01) resolves through the same check
    expect(() =>
      resolvePeriod({ fromDay: '0001-01-01', toDay: '0001-01-31' }, 'Europe/Madrid'),
    ).toThrow(/outside 1970–9998/);
    expect(await refused({ from: '', to: '2026-11-30' })).toMatchObject({
      code: 'validation',
      details: { issues: [{ field: 'from', reason: 'dateFormat' }] },
    });
    expect(await refused({ from: '11/01/2026', to: '2026-11-30' })).toMatchObject({
      code: 'validation',
    });
    expect(await refused({ to: '2026-11-30' })).toMatchObject({ code: 'validation' });

    // a period with no mention is refused with the days the workspace holds, and nothing is stored
    const before = (await call<{ items: unknown[] }>('reports.list', {})).items.length;
    const empty = await refused({ from: '2026-06-01', to: '2026-06-30' });
    expect(empty).toMatchObject({
      code: 'not_found',
      details: {
        key: 'reportEmptyPeriod',
        params: { from: '2026-06-01', to: '2026-06-30', first: '2026-10-03', last: '2026-12-01' },
      },
    });
    expect(empty.message).toMatch(
      /^No mentions from 2026-06-01 to 2026-06-30 \(Europe\/Madrid\): the workspace holds mentions from 2026-10-03 to 2026-12-01/,
    );
    expect((await call<{ items: unknown[] }>('reports.list', {})).items).toHaveLength(before);
    expect(
      await call<{ mentions: number }>('reports.periodSummary', {
        from: '2026-06-01',
        to: '2026-06-30',
      }),
    ).toMatchObject({ mentions: 0 });
  });

  it('a workspace closed while its report is made is said so, and nothing is written to it', async () => {
    const stored = (await call<{ items: unknown[] }>('reports.list', {})).items.length;
    const emit = env.deps.emit;
    env.deps.emit = (event, payload) => {
      emit(event, payload);
      // the user opens another workspace while the report is on its second step
      if (event === 'reports.progress' && (payload as { stage: string }).stage === 'mentions')
        env.deps.session.close();
    };
    try {
      const r = await callMethod(env.deps, 'reports.generatePeriod', {
        from: '2026-11-01',
        to: '2026-11-30',
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'unavailable', details: { key: 'reportWorkspaceClosed' } },
      });
    } finally {
      env.deps.emit = emit;
      env.deps.session.open(env.ws.path, env.clock.now());
    }
    expect((await call<{ items: unknown[] }>('reports.list', {})).items).toHaveLength(stored);
  });

  it('one local day is a period: from = to', async () => {
    const s = await call<{ mentions: number; from: number; to: number }>('reports.periodSummary', {
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(s.to - s.from).toBe(24 * 60 * MIN);
    expect(s.from).toBe(Date.UTC(2026, 9, 31, 23, 0));
    expect(s.mentions).toBe(1);
  });
});
