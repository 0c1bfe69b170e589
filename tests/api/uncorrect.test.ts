import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { loadCorrectionModel, loadFlagModel } from '../../main/core/db/corrections-repo';
import { pendingReanalysis, reanalyseMentions } from '../../main/core/db/reanalyse';
import { rebuildResponseRollups } from '../../main/core/db/response-rollups';
import type { Db } from '../../main/core/db/workspace-file';
import { CORRECTED } from '../helpers/restaurant-corrections';
import { workspaceDeps } from '../helpers/workspace';

/** Customer posts a minute apart, each by its own author, and the brand's reply to the first. */
const CSV =
  'date,text,author,id,channel,reply_to\n' +
  '2026-01-05 10:00,"Todo bien con el pedido, gracias",ana,1,twitter,\n' +
  '2026-01-05 10:01,"Eres un melón",luis,2,twitter,\n' +
  '2026-01-05 10:02,"El envío llegó roto y nadie responde",eva,3,twitter,\n' +
  '2026-01-05 10:03,"Hoy hace sol",max,4,twitter,\n' +
  '2026-01-05 11:30,"@ana gracias a ti",acme,10,twitter,1\n';

const ANALYSIS =
  'SELECT id, lang, sentiment, sentiment_score, irony, complaint, topic, insult, toxicity, campaign, analysis_version FROM mentions ORDER BY id';
const ROLLUPS = [
  'rollup_hourly',
  'rollup_daily',
  'rollup_facet_daily',
  'rollup_hashtag_hourly',
  'rollup_response',
  'rollup_response_delay',
  'response_orphans',
];

/**
 * Every rollup table, rows in a stable order. Sums of scores are rounded: moving a row out and
 * back in leaves float dust (-0.254 vs -0.25400000000000006), as every incremental move does.
 */
function rollups(db: Db): Record<string, string[]> {
  return Object.fromEntries(
    ROLLUPS.map((t) => [
      t,
      (db.prepare(`SELECT * FROM ${t}`).all() as unknown[])
        .map((r) =>
          JSON.stringify(r, (_k, v: unknown) =>
            typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v,
          ),
        )
        .sort(),
    ]),
  );
}

describe('mentions.uncorrect', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let never: ReturnType<typeof workspaceDeps>;
  beforeEach(() => {
    env = workspaceDeps();
    never = workspaceDeps();
  });
  afterEach(() => {
    env.cleanup();
    never.cleanup();
  });

  async function importCsv(e: typeof env) {
    const path = e.tmp.path('in.csv');
    writeFileSync(path, CSV);
    const r = await callMethod(e.deps, 'sources.import', {
      fileToken: e.deps.files.register(path).token,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  async function call(
    method: 'mentions.correct' | 'mentions.uncorrect' | 'mentions.get',
    input: object,
  ) {
    const r = await callMethod(env.deps, method, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Record<string, unknown>;
  }
  const idOf = (db: Db, ext: string) =>
    db.prepare('SELECT id FROM mentions WHERE external_id = ?').pluck().get(ext) as number;
  const row = (id: number) =>
    env.db.prepare('SELECT sentiment, complaint, topic, insult FROM mentions WHERE id = ?').get(id);

  it('taking corrections back restores the automatic analysis, the rollups of a never-corrected workspace and the models', async () => {
    await importCsv(env);
    await importCsv(never);
    const [a, b, c] = ['1', '2', '3'].map((x) => idOf(env.db, x)) as [number, number, number];
    // A handling mark is an override of the same mention, not a correction: it stays.
    for (const e of [env, never])
      await callMethod(e.deps, 'responses.mark', { id: idOf(e.db, '3'), handling: 'phone' });
    const auto = { a: row(a), b: row(b), c: row(c) };
    expect(auto.a).toMatchObject({ complaint: 0, topic: null });
    const autoSentiment = (auto.a as { sentiment: number }).sentiment;
    const wrong = autoSentiment === -1 ? 1 : -1;

    await call('mentions.correct', {
      id: a,
      sentiment: wrong,
      complaint: true,
      topic: 'delivery_delay',
    });
    await call('mentions.correct', { id: b, insult: !(auto.b as { insult: number }).insult });
    await call('mentions.correct', { id: c, sentiment: 0, complaint: false });
    expect(row(a)).toMatchObject({ sentiment: wrong, complaint: 1, topic: 'delivery_delay' });
    expect(rollups(env.db)).not.toEqual(rollups(never.db));
    expect(loadCorrectionModel(env.db)?.examples).toBe(2);
    expect(loadFlagModel(env.db, 'complaint')?.examples).toBe(2);
    expect(loadFlagModel(env.db, 'insult')?.examples).toBe(1);
    expect((await call('mentions.get', { id: a })).corrected).toEqual([
      'complaint',
      'sentiment',
      'topic',
    ]);

    // One field: the sentiment is the engine's again, the complaint stays the user's.
    expect(await call('mentions.uncorrect', { id: a, fields: ['sentiment'] })).toMatchObject({
      undone: ['sentiment'],
      kept: ['complaint', 'topic'],
      changed: { sentiment: { from: wrong, to: autoSentiment } },
      corrections: 1,
    });
    expect(row(a)).toMatchObject({
      sentiment: autoSentiment,
      complaint: 1,
      topic: 'delivery_delay',
    });
    expect((await call('mentions.get', { id: a })).corrected).toEqual(['complaint', 'topic']);
    // Rollups stay exact along the way: the response rollups equal a rebuild from the rows.
    const kept = rollups(env.db);
    rebuildResponseRollups(env.db);
    expect(rollups(env.db)).toEqual(kept);

    // The rest of it, by leaving fields out.
    expect(await call('mentions.uncorrect', { id: a })).toMatchObject({
      undone: ['complaint', 'topic'],
      kept: [],
      changed: {
        complaint: { from: true, to: false },
        topic: { from: 'delivery_delay', to: null },
      },
      flags: { complaint: { corrections: 1 } },
    });
    expect(await call('mentions.uncorrect', { id: b, fields: ['insult', 'topic'] })).toMatchObject({
      undone: ['insult'],
      flags: { insult: { corrections: 0 } },
    });
    expect(
      await call('mentions.uncorrect', { id: c, fields: ['sentiment', 'complaint'] }),
    ).toMatchObject({ undone: ['complaint', 'sentiment'], corrections: 0 });

    expect(row(a)).toEqual(auto.a);
    expect(row(b)).toEqual(auto.b);
    expect(row(c)).toEqual(auto.c);
    expect(env.db.prepare(ANALYSIS).all()).toEqual(never.db.prepare(ANALYSIS).all());
    expect(rollups(env.db)).toEqual(rollups(never.db));
    const overrides = (db: Db) =>
      db.prepare('SELECT target_key, field, value FROM overrides ORDER BY 1, 2').all();
    expect(overrides(env.db)).toEqual([expect.objectContaining({ field: 'handling' })]);
    expect(overrides(env.db)).toEqual(overrides(never.db));
    expect(loadCorrectionModel(env.db)?.examples).toBe(0);
    expect(loadFlagModel(env.db, 'complaint')?.examples).toBe(0);
    expect(loadFlagModel(env.db, 'insult')?.examples).toBe(0);
    expect((await call('mentions.get', { id: a })).corrected).toEqual([]);
  });

  it('a mention without corrections is left as it is; an unknown id or a bad field is refused', async () => {
    await importCsv(env);
    const d = idOf(env.db, '4');
    const before = rollups(env.db);
    const events = env.events.length;
    expect(await call('mentions.uncorrect', { id: d })).toMatchObject({
      undone: [],
      kept: [],
      changed: {},
      corrections: 0,
    });
    expect(rollups(env.db)).toEqual(before);
    expect(env.events.length).toBe(events);
    // A correction of another field is kept when the one asked for has none.
    await call('mentions.correct', { id: d, insult: true });
    expect(await call('mentions.uncorrect', { id: d, fields: ['sentiment'] })).toMatchObject({
      undone: [],
      kept: ['insult'],
    });
    expect(row(d)).toMatchObject({ insult: 1 });

    expect(await callMethod(env.deps, 'mentions.uncorrect', { id: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    for (const bad of [
      { id: d, fields: [] },
      { id: d, fields: ['lang'] },
      { id: d, note: 'x' },
    ])
      expect(await callMethod(env.deps, 'mentions.uncorrect', bad as never)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
  });
  it('once a trusted model unlearns them, the re-analysis it schedules leaves the workspace as if never corrected', async () => {
    const texts = [...CORRECTED.map(([t]) => t), 'Menudo chuletón, una bestialidad'];
    const csv =
      'date,text,author,id\n' +
      texts
        .map((t, i) => `2026-01-05 10:${String(i).padStart(2, '0')},"${t}",u${i},${i + 1}`)
        .join('\n') +
      '\n';
    for (const e of [env, never]) {
      const path = e.tmp.path('r.csv');
      writeFileSync(path, csv);
      const r = await callMethod(e.deps, 'sources.import', {
        fileToken: e.deps.files.register(path).token,
      });
      if (!r.ok) throw new Error(r.error.message);
    }
    const id = (t: string) =>
      env.db.prepare('SELECT id FROM mentions WHERE text = ?').pluck().get(t) as number;
    for (const [t, y] of CORRECTED) await call('mentions.correct', { id: id(t), sentiment: y });
    reanalyseMentions(env.db);
    // The model, trusted, reads the uncorrected post as praise.
    const fresh = id(texts[texts.length - 1] as string);
    expect(row(fresh)).toMatchObject({ sentiment: 1 });
    expect(rollups(env.db)).not.toEqual(rollups(never.db));
    // Taking back one correction (reviewer S8-1): the row gets the verdict of the models without
    // it (19 examples: untrusted, so the lexicon's), not that of the model that learned this
    // very post, and the answer says what moved.
    const pulpo = 'El pulpo a la gallega, una bestialidad';
    expect(CORRECTED.find(([t]) => t === pulpo)?.[1]).toBe(1);
    const one = (await call('mentions.uncorrect', { id: id(pulpo) })) as {
      changed: Record<string, unknown>;
      corrections: number;
    };
    expect(one.corrections).toBe(CORRECTED.length - 1);
    expect(one.changed).toEqual({ sentiment: { from: 1, to: 0 } });
    expect(row(id(pulpo))).toMatchObject({ sentiment: 0 });
    for (const [t] of CORRECTED) await call('mentions.uncorrect', { id: id(t) });
    expect(loadCorrectionModel(env.db)?.examples).toBe(0);
    expect(pendingReanalysis(env.db)).toBe(texts.length);
    reanalyseMentions(env.db);
    expect(row(fresh)).toMatchObject({ sentiment: 0 });
    expect(env.db.prepare(ANALYSIS).all()).toEqual(never.db.prepare(ANALYSIS).all());
    expect(rollups(env.db)).toEqual(rollups(never.db));
  });
});
