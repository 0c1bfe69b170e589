import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { loadCorrectionModel } from '../../main/core/db/corrections-repo';
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
    expect(r).toMatchObject({ ok: true, value: { corrected: true, corrections: 1 } });
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
});
