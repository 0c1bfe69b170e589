import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeText } from '../../main/core/analysis';
import { callMethod } from '../../main/core/api/router';
import { loadCorrectionModel } from '../../main/core/db/corrections-repo';
import { INSULT_CORRECTED } from '../helpers/flag-corrections';
import { CORRECTED } from '../helpers/restaurant-corrections';
import { workspaceDeps } from '../helpers/workspace';

describe('corrections', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  async function importCsv(body: string) {
    const path = env.tmp.path(`in-${Math.random()}.csv`);
    writeFileSync(path, body);
    const f = env.deps.files.register(path);
    const r = await callMethod(env.deps, 'sources.import', { fileToken: f.token });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { files: Array<{ batchId: number }> };
  }
  const one = (sql: string) => env.db.prepare(sql).get() as Record<string, number>;
  /** One CSV row a minute, each by its own author. */
  const importTexts = (texts: string[]) =>
    importCsv(
      'date,text,author,id\n' +
        texts
          .map((t, i) => `2026-01-05 10:${String(i).padStart(2, '0')},"${t}",u${i},${i + 1}`)
          .join('\n') +
        '\n',
    );
  const idOf = (t: string) =>
    (env.db.prepare('SELECT id FROM mentions WHERE text = ?').get(t) as { id: number }).id;

  it('a correction is stored, moves the rollups, survives undo + re-import, and trains the model', async () => {
    const csv =
      'date,text,author,id\n2026-01-05 10:00,"Genial, otra vez sin tren",ana,1\n2026-01-05 11:00,"todo bien",luis,2\n';
    const first = await importCsv(csv);
    const id = (
      env.db.prepare("SELECT id FROM mentions WHERE external_id = '1'").get() as { id: number }
    ).id;
    const r = await callMethod(env.deps, 'mentions.correct', {
      id,
      sentiment: -1,
      complaint: true,
      topic: 'cancellation',
      note: 'ironía',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { corrected: true, corrections: 1, accuracy: { corrected: 1 } },
    });
    expect(one(`SELECT sentiment, complaint FROM mentions WHERE id = ${id}`)).toEqual({
      sentiment: -1,
      complaint: 1,
    });
    expect(one('SELECT sum(mentions) AS n FROM rollup_daily WHERE sentiment = -1')).toEqual({
      n: 1,
    });
    expect(one('SELECT sum(mentions) AS n FROM rollup_daily')).toEqual({ n: 2 });
    expect(loadCorrectionModel(env.db)?.examples).toBe(1);
    // undo the import and bring the same data back: the user's verdict is still applied
    await callMethod(env.deps, 'sources.undo', { batchId: first.files[0]?.batchId ?? 0 });
    await importCsv(csv);
    expect(one("SELECT sentiment, complaint FROM mentions WHERE external_id = '1'")).toEqual({
      sentiment: -1,
      complaint: 1,
    });
    expect(await callMethod(env.deps, 'mentions.correct', { id })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(
      await callMethod(env.deps, 'mentions.correct', { id: 999999, sentiment: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the workspace model learns from corrections: new imports, the explanation and the accuracy shown', async () => {
    // A restaurant whose customers praise with "una bestialidad", a word the lexicon does not know.
    const rows = CORRECTED;
    await importTexts(rows.map(([t]) => t));
    const get = async (id: number) => {
      const r = await callMethod(env.deps, 'mentions.get', { id });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { explanation: { learned: unknown } };
    };
    // No corrections yet: nothing learned, the explanation says so.
    expect((await get(idOf(rows[0]?.[0] as string))).explanation.learned).toBe(null);
    let last: unknown = null;
    for (const [t, y] of rows) {
      const r = await callMethod(env.deps, 'mentions.correct', { id: idOf(t), sentiment: y });
      if (!r.ok) throw new Error(r.error.message);
      last = r.value;
    }
    const baseRight = rows.filter(([t, y]) => analyzeText(t).sentiment === y).length;
    expect(last).toMatchObject({
      corrections: rows.length,
      accuracy: { corrected: rows.length, baseRight },
    });
    const acc = (last as { accuracy: { learnedRight: number } }).accuracy;
    expect(acc.learnedRight).toBeGreaterThan(baseRight);
    // A new mention of the same kind, imported after the corrections, is read as praise …
    const fresh = 'Menudo chuletón, una bestialidad';
    expect(analyzeText(fresh).sentiment).toBe(0);
    await importCsv(`date,text,author,id\n2026-01-06 09:00,"${fresh}",zoe,100\n`);
    const id = idOf(fresh);
    expect(one(`SELECT sentiment FROM mentions WHERE id = ${id}`)).toEqual({ sentiment: 1 });
    // … and its explanation shows the workspace model changed it, and which word weighed.
    expect((await get(id)).explanation.learned).toMatchObject({
      corrections: rows.length,
      minimum: 20,
      base: 0,
      sentiment: 1,
      changed: true,
      features: expect.arrayContaining([
        expect.objectContaining({ kind: 'word', name: expect.stringMatching(/bestialidad/) }),
      ]),
    });
    // An unrelated mention keeps the base verdict.
    const other = 'Servicio pésimo, no vuelvo';
    await importCsv(`date,text,author,id\n2026-01-06 10:00,"${other}",max,101\n`);
    expect(one(`SELECT sentiment FROM mentions WHERE id = ${idOf(other)}`)).toEqual({
      sentiment: analyzeText(other).sentiment,
    });
  });

  it('insult corrections adapt the workspace too: new imports, the explanation and the accuracy shown', async () => {
    const rows = INSULT_CORRECTED;
    await importTexts(rows.map(([t]) => t));
    const learnedFlags = async (id: number) => {
      const r = await callMethod(env.deps, 'mentions.get', { id });
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { explanation: { learnedFlags: Record<string, unknown> } }).explanation
        .learnedFlags;
    };
    expect(await learnedFlags(idOf(rows[0]?.[0] as string))).toEqual({
      complaint: null,
      insult: null,
    });
    let last: unknown = null;
    for (const [t, v] of rows) {
      const r = await callMethod(env.deps, 'mentions.correct', { id: idOf(t), insult: v });
      if (!r.ok) throw new Error(r.error.message);
      last = r.value;
    }
    const baseRight = rows.filter(([t, v]) => analyzeText(t).insult === v).length;
    expect(last).toMatchObject({
      corrections: 0,
      accuracy: null,
      flags: {
        complaint: { corrections: 0, accuracy: null },
        insult: { corrections: rows.length, accuracy: { corrected: rows.length, baseRight } },
      },
    });
    const acc = (last as { flags: { insult: { accuracy: { learnedRight: number } } } }).flags.insult
      .accuracy;
    expect(acc.learnedRight).toBeGreaterThan(baseRight);
    // A new mention calling someone "melón", imported after the corrections, is an insult.
    const fresh = 'Menudo melón el cocinero';
    expect(analyzeText(fresh).insult).toBe(false);
    await importCsv(`date,text,author,id\n2026-01-06 09:00,"${fresh}",zoe,100\n`);
    expect(one(`SELECT insult FROM mentions WHERE id = ${idOf(fresh)}`)).toEqual({ insult: 1 });
    expect((await learnedFlags(idOf(fresh))).insult).toEqual({
      corrections: rows.length,
      minimum: 20,
      base: false,
      value: true,
      changed: true,
    });
  });
});
