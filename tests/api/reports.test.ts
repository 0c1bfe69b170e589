import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { callMethod } from '../../main/core/api/router';
import { RollupAccumulator } from '../../main/core/db/rollups';
import { seedCrisis } from '../helpers/crisis-seed';
import { workspaceDeps } from '../helpers/workspace';

const HOUR = 3_600_000;

describe('report, event and export handlers', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let crisisId: string;
  let onset: number;
  const call = async <T>(m: string, input: unknown): Promise<T> => {
    const r = await callMethod(env.deps, m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  beforeAll(async () => {
    env = workspaceDeps();
    seedCrisis(env.db);
    const c = await call<{ episodes: Array<{ id: string; start: string }> }>('crises.list', {});
    crisisId = c.episodes[0]!.id;
    onset = Date.parse(c.episodes[0]!.start);
  });
  afterAll(() => env.cleanup());

  it('adds, lists, removes and restores timeline events (undo keeps the same event)', async () => {
    const a = await call<{ id: number }>('events.add', {
      at: onset + 5 * HOUR,
      label: '  Refund announced ',
      action: true,
      note: 'all customers',
    });
    await call('events.add', { at: onset + HOUR, label: 'Statement on the website' });
    const list = await call<{
      items: Array<{ label: string; action: boolean; note: string | null }>;
    }>('events.list', {});
    expect(list.items.map((e) => [e.label, e.action, e.note])).toEqual([
      ['Statement on the website', false, null],
      ['Refund announced', true, 'all customers'],
    ]);
    const inRange = await call<{ items: unknown[] }>('events.list', {
      from: onset + 2 * HOUR,
      to: onset + 6 * HOUR,
    });
    expect(inRange.items).toHaveLength(1);
    const removed = await call<{ removed: { id: number; label: string } }>('events.remove', {
      id: a.id,
    });
    expect(removed.removed.label).toBe('Refund announced');
    expect((await call<{ items: unknown[] }>('events.list', {})).items).toHaveLength(1);
    expect(await callMethod(env.deps, 'events.remove', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const back = await call<{ id: number; action: boolean }>('events.restore', { id: a.id });
    expect(back).toMatchObject({ id: a.id, action: true });
    expect((await call<{ items: unknown[] }>('events.list', {})).items).toHaveLength(2);
    expect(await callMethod(env.deps, 'events.restore', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses events without a label or time, and annotations without anything to mark', async () => {
    for (const bad of [
      { at: onset, label: '   ' },
      { label: 'x' },
      { at: -1, label: 'x' },
      { at: onset, label: 'x', extra: 1 },
    ])
      expect(await callMethod(env.deps, 'events.add', bad)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    expect(await callMethod(env.deps, 'reports.annotate', { crisisId })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(
      await callMethod(env.deps, 'reports.annotate', { crisisId, crisisType: 'obvious' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('stores the crisis type and hand-marked items per episode, with guidance in the language asked', async () => {
    const empty = await call<{ crisisType: null; items: Array<{ checked: boolean }> }>(
      'reports.annotations',
      { crisisId, lang: 'en' },
    );
    expect(empty.crisisType).toBeNull();
    expect(empty.items.every((i) => !i.checked)).toBe(true);
    await call('reports.annotate', { crisisId, crisisType: 'accidental' });
    const v = await call<{
      crisisType: string;
      items: Array<{ key: string; checked: boolean; note: string | null }>;
      guidance: Array<{ type: string; name: string; recommended: string[] }>;
    }>('reports.annotate', {
      crisisId,
      lang: 'es',
      item: { key: 'committee', checked: true, note: 'Reunión diaria a las 9' },
    });
    expect(v.crisisType).toBe('accidental');
    expect(v.items.find((i) => i.key === 'committee')).toMatchObject({
      checked: true,
      note: 'Reunión diaria a las 9',
    });
    expect(v.guidance.map((g) => g.name)).toEqual(['Víctima', 'Accidental', 'Evitable']);
    await call('reports.annotate', { crisisId, crisisType: null });
    expect(
      (await call<{ crisisType: null }>('reports.annotations', { crisisId })).crisisType,
    ).toBeNull();
    // another episode is untouched
    expect(
      (
        await call<{ items: Array<{ checked: boolean }> }>('reports.annotations', {
          crisisId: 'c1',
        })
      ).items.some((i) => i.checked),
    ).toBe(false);
  });

  it('keeps generated reports: same data → same report, listed, opened and removed', async () => {
    const input = { crisisId, lang: 'en', anonymize: true, consultant: 'Sur' };
    const a = await call<{ id: number; sha256: string; html: string; filename: string }>(
      'reports.generate',
      input,
    );
    env.clock.advance(3600_000);
    const b = await call<{ id: number; sha256: string; html: string }>('reports.generate', input);
    expect(b.id).not.toBe(a.id);
    expect(b.sha256).toBe(a.sha256);
    expect(b.html).toBe(a.html);
    expect(a.filename).toMatch(/^Acme-c\d+-\d{4}-\d{2}-\d{2}-en-anon\.html$/);
    const list = await call<{
      items: Array<{
        id: number;
        lang: string;
        options: { anonymize: boolean; consultant: string };
        bytes: number;
        createdAt: number;
      }>;
    }>('reports.list', {});
    expect(list.items.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(list.items[0]).toMatchObject({
      lang: 'en',
      options: { anonymize: true, consultant: 'Sur' },
    });
    expect(list.items[0]!.bytes).toBe(Buffer.byteLength(a.html));
    expect(list.items[0]!.createdAt).toBe(env.clock.now());
    expect((await call<{ html: string }>('reports.open', { id: a.id })).html).toBe(a.html);
    expect((await call<{ removed: boolean }>('reports.remove', { id: a.id })).removed).toBe(true);
    expect(await callMethod(env.deps, 'reports.open', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('prints stored reports to PDF with the shell’s printer when it has one (Electron printToPDF)', async () => {
    const r = await call<{ id: number; html: string }>('reports.generate', {
      crisisId,
      lang: 'es',
    });
    const printed: string[] = [];
    env.deps.printPdf = async (html) => {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 from the shell');
    };
    try {
      expect((await call<{ pdfAvailable: boolean }>('reports.list', {})).pdfAvailable).toBe(true);
      const pdf = await call<{ base64: string; filename: string }>('reports.pdf', { id: r.id });
      expect(Buffer.from(pdf.base64, 'base64').toString()).toBe('%PDF-1.7 from the shell');
      expect(pdf.filename).toMatch(/-es\.pdf$/);
      expect(printed).toEqual([r.html]);
    } finally {
      delete env.deps.printPdf;
    }
  });

  it('exports daily KPIs as CSV and JSON whose figures match the mentions', async () => {
    const json = await call<{ content: string; rows: number; filename: string }>('data.export', {
      what: 'kpis',
      format: 'json',
    });
    const rows = JSON.parse(json.content) as Array<Record<string, number | string | null>>;
    expect(json.rows).toBe(rows.length);
    expect(json.filename).toBe('Acme-kpis.json');
    const local = new RollupAccumulator('Europe/Madrid');
    const mentions = env.db
      .prepare('SELECT posted_at, sentiment, complaint, is_brand, natural_key FROM mentions')
      .all() as Array<{
      posted_at: number;
      sentiment: number | null;
      complaint: number;
      is_brand: number;
      natural_key: string;
    }>;
    const replies = env.db
      .prepare(
        'SELECT reply_to_key AS k, min(posted_at) AS t FROM mentions WHERE is_brand = 1 GROUP BY reply_to_key',
      )
      .all() as Array<{ k: string; t: number }>;
    const replyAt = new Map(replies.map((r) => [r.k, r.t]));
    const crisisDay = rows.reduce((a, r) =>
      (r['negative'] as number) > (a['negative'] as number) ? r : a,
    );
    for (const day of [rows[0]!, crisisDay]) {
      const mine = mentions.filter((m) => local.localDay(m.posted_at) === day['day']);
      const cust = mine.filter((m) => m.is_brand === 0);
      const pos = cust.filter((m) => m.sentiment === 1).length;
      const neg = cust.filter((m) => m.sentiment === -1).length;
      const answered = cust.filter((m) => replyAt.has(m.natural_key)).length;
      expect(day).toMatchObject({
        customer_mentions: cust.length,
        positive: pos,
        negative: neg,
        complaints: cust.filter((m) => m.complaint === 1).length,
        brand_posts: mine.length - cust.length,
        net_sentiment: Math.round(((pos - neg) / (pos + neg)) * 1000) / 1000,
        answered,
        response_rate: Math.round((answered / cust.length) * 1000) / 1000,
      });
    }
    expect(crisisDay['median_first_response_minutes']).toBe(20);
    const csv = await call<{ content: string; mime: string }>('data.export', {
      what: 'kpis',
      format: 'csv',
    });
    expect(csv.mime).toBe('text/csv');
    const parsed = Papa.parse<Record<string, string>>(csv.content.replace(/^\ufeff/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(rows.length);
    expect(Number(parsed.data[0]!['customer_mentions'])).toBe(rows[0]!['customer_mentions']);
    const m = await call<{ rows: number }>('data.export', { what: 'mentions', format: 'jsonl' });
    expect(m.rows).toBe(mentions.length);
  });
});
