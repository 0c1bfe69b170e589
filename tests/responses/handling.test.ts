import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { OutputOf } from '../../main/core/api/contract';
import { workspaceDeps } from '../helpers/workspace';

// Four customer complaints on a Monday (Madrid time) and the brand's public replies: c1 is
// answered after 30 min, c2 after 5 h; c3 and c4 wait. Followers put c1 and c3 in different
// reach bands.
const CSV = [
  'id,date,text,author,reply_to,followers',
  '"c1",2026-01-05T09:00:00Z,"Mi pedido 4411 no ha llegado, llevo una semana esperando",ana,,250000',
  '"c2",2026-01-05T09:10:00Z,"Me cobrasteis dos veces la reserva y nadie contesta",luis,,800',
  '"c3",2026-01-05T09:20:00Z,"El vuelo cancelado y no me devuelven el dinero",marta,,120',
  '"c4",2026-01-05T09:30:00Z,"Sigo esperando el reembolso de mi pedido, una vergüenza",pablo,,50',
  '"r1",2026-01-05T09:30:00Z,"@ana Hola Ana, lo miramos ahora mismo",acme,c1,',
  '"r2",2026-01-05T14:10:00Z,"@luis Hola Luis, ya está anulado el cargo doble",acme,c2,',
].join('\n');

type Kpis = OutputOf<'responses.kpis'>;

describe('complaints handled elsewhere or dismissed', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  async function call<T>(method: string, input: unknown): Promise<T> {
    const r = await callMethod(env.deps, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  }
  async function importCsv(): Promise<number> {
    const path = env.tmp.path(`in-${Math.random()}.csv`);
    writeFileSync(path, CSV);
    const f = env.deps.files.register(path);
    const r = await call<{ files: Array<{ batchId: number }> }>('sources.import', {
      fileToken: f.token,
      channel: 'twitter',
    });
    return r.files[0]?.batchId ?? 0;
  }
  const idOf = (ext: string): number =>
    (env.db.prepare('SELECT id FROM mentions WHERE external_id = ?').get(ext) as { id: number }).id;

  it('counts a phone call as answered, a dismissal out of the rate, and both leave the queue', async () => {
    const batch = await importCsv();
    const before = await call<Kpis>('responses.kpis', { days: 30 });
    expect(before).toMatchObject({ customerMentions: 4, answered: 2, responseRate: 0.5 });
    expect(before.medianMinutes).toBe(30); // nearest rank of [30, 300]
    expect(before.p90Minutes).toBe(300);
    expect(await call('dashboard.today', {})).toMatchObject({ unansweredComplaints: 2 });
    const queue0 = await call<{ items: Array<{ id: number }> }>('responses.queue', {});
    expect(queue0.items.map((m) => m.id).sort()).toEqual([idOf('c3'), idOf('c4')].sort());

    await call('responses.mark', { id: idOf('c3'), handling: 'phone', note: 'llamada 10:15' });
    await call('responses.mark', { id: idOf('c4'), handling: 'dismissed', note: 'duplicado' });
    const after = await call<Kpis>('responses.kpis', { days: 30 });
    expect(after).toMatchObject({
      customerMentions: 3,
      answered: 2,
      handledElsewhere: 1,
      dismissed: 1,
      responseRate: 1,
      medianMinutes: 30, // a phone call has no time: the public figures do not move
    });
    expect((await call<{ items: unknown[] }>('responses.queue', {})).items).toEqual([]);
    // every other "unanswered" figure follows the same marks
    expect(await call('dashboard.today', {})).toMatchObject({ unansweredComplaints: 0 });
    const dash = await call<{ current: { unansweredComplaints: number; complaints: number } }>(
      'dashboard.responses',
      { days: 30 },
    );
    expect(dash.current).toMatchObject({ unansweredComplaints: 0 });
    const filtered = await call<{ items: unknown[] }>('mentions.search', { unanswered: true });
    expect(filtered.items).toEqual([]);

    // marks are kept by natural key: undo and re-import of the same file keep them
    await call('sources.undo', { batchId: batch });
    await importCsv();
    expect(await call<Kpis>('responses.kpis', { days: 30 })).toMatchObject({
      handledElsewhere: 1,
      dismissed: 1,
    });

    // undo of the mark itself brings the complaint back to the queue
    const undo = await call<{ removed: { handling: string; note: string } | null }>(
      'responses.unmark',
      { id: idOf('c4') },
    );
    expect(undo.removed).toMatchObject({ handling: 'dismissed', note: 'duplicado' });
    const queue = await call<{ items: Array<{ id: number }> }>('responses.queue', {});
    expect(queue.items.map((m) => m.id)).toEqual([idOf('c4')]);
  });

  it('shows reach bias and the response-time distribution', async () => {
    await importCsv();
    const k = await call<Kpis>('responses.kpis', { days: 30 });
    const band = Object.fromEntries(k.byReach.map((b) => [b.band, b]));
    expect(band['over_100k']).toMatchObject({ mentions: 1, answered: 1, medianMinutes: 30 });
    expect(band['under_1k']).toMatchObject({ mentions: 3, answered: 1, medianMinutes: 300 });
    const dist = Object.fromEntries(k.distribution.map((d) => [String(d.upToMinutes), d.replies]));
    expect(dist['60']).toBe(1); // 30 min
    expect(dist['480']).toBe(1); // 5 h
    expect(k.distribution.reduce((s, d) => s + d.replies, 0)).toBe(k.answered);
    // the previous 30 days hold nothing
    expect(k.previous).toMatchObject({ customerMentions: 0, responseRate: null });
  });

  it('refuses bad input and unknown mentions', async () => {
    await importCsv();
    expect(
      await callMethod(env.deps, 'responses.mark', { id: idOf('c1'), handling: 'fax' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await callMethod(env.deps, 'responses.mark', { id: 999_999, handling: 'dm' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callMethod(env.deps, 'responses.unmark', { id: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
