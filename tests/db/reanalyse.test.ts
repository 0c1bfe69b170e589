import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, analyzeText } from '../../main/core/analysis';
import {
  correctMention,
  loadWorkspaceModels,
  retrainCorrectionModel,
  retrainFlagModel,
} from '../../main/core/db/corrections-repo';
import type { Analyzer } from '../../main/core/db/mention-writer';
import {
  createReanalysis,
  pendingReanalysis,
  reanalyseMentions,
} from '../../main/core/db/reanalyse';
import { rebuildRollups } from '../../main/core/db/rollups';
import type { Db } from '../../main/core/db/workspace-file';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { importFiles } from '../../main/core/sources/import-runner';
import { writeCorpusJsonl } from '../../scripts/bench/corpus';
import { COMPLAINT_CORRECTED, INSULT_CORRECTED } from '../helpers/flag-corrections';
import { CORRECTED } from '../helpers/restaurant-corrections';
import { writeTextsJsonl } from '../helpers/texts-jsonl';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const TZ = 'Europe/Madrid';
// The version the next rules change will bring: rows stored by today's rules are below it.
const NEXT = ANALYSIS_VERSION + 1;

const ROLLUP_TABLES = [
  'rollup_hourly',
  'rollup_daily',
  'rollup_facet_daily',
  'rollup_hashtag_hourly',
  'rollup_response',
  'rollup_response_delay',
  'response_orphans',
];

/** Every rollup table, row for row (sums of scores rounded: they are added in another order). */
function rollups(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of ROLLUP_TABLES) {
    out[t] = (db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>)
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v,
          ]),
        ),
      )
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}

function expectRollupsEqualRebuild(db: Db): void {
  const incremental = rollups(db);
  expect(incremental.rollup_hourly?.length).toBeGreaterThan(0);
  rebuildRollups(db, TZ);
  expect(incremental).toEqual(rollups(db));
}

const ANALYSIS = `SELECT natural_key, lang, sentiment, sentiment_score, irony, complaint, topic, insult,
  toxicity, campaign, analysis_version FROM mentions ORDER BY id`;

/** "New rules" that disagree with today's on every row: polarity flipped, complaints inverted. */
const base = createAnalyzer(PROFILE);
const newRules: Analyzer = (m) => {
  const a = base(m);
  if (!a) return null;
  return {
    ...a,
    sentiment: (-a.sentiment || 0) as -1 | 0 | 1,
    score: -a.score,
    complaint: !a.complaint,
    topic: a.complaint ? null : 'price',
    insult: !a.insult,
    version: NEXT,
  };
};

describe('re-analysis of stored mentions', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => {
    env = workspaceDeps();
  });
  afterEach(() => env.cleanup());

  async function importCorpus(db: Db, size: number): Promise<void> {
    const file = env.tmp.path(`corpus-${size}.jsonl`);
    await writeCorpusJsonl(file, { size, seed: 11 });
    // Brand replies and the complaints they answer, for the response rollups.
    const extra = env.tmp.path('replies.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const t = Date.UTC(2024, 5, 1 + (i % 20), 9 + (i % 8));
      lines.push(
        JSON.stringify({
          id: `c${i}`,
          date: new Date(t).toISOString(),
          text:
            i % 2
              ? '@acme my parcel never arrived, still waiting for a refund'
              : '@acme gracias, todo perfecto',
          author: `client${i}`,
          channel: 'twitter',
        }),
        JSON.stringify({
          id: `r${i}`,
          date: new Date(t + 1_800_000 * (1 + (i % 5))).toISOString(),
          text: 'Sorry about that, we are on it',
          author: 'acme',
          channel: 'twitter',
          reply_to: `c${i}`,
        }),
      );
    }
    writeFileSync(extra, `${lines.join('\n')}\n`);
    const s = await importFiles(
      { db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
      [file, extra],
      { format: 'jsonl' },
    );
    expect(s.imported).toBe(size + 80);
  }

  it('brings every row to new rules, keeps the corrections, and rollups equal a full rebuild', async () => {
    const db = env.db;
    await importCorpus(db, 3000);
    // Each kind of correction, on customers and on a brand reply.
    const ids = db.prepare('SELECT id FROM mentions ORDER BY id LIMIT 6').pluck().all() as number[];
    const [a, b, c, d, e, f] = ids as [number, number, number, number, number, number];
    correctMention(db, a, { sentiment: 1 }, TZ, 0);
    correctMention(db, b, { complaint: true, topic: 'delivery' }, TZ, 0);
    correctMention(db, c, { insult: false }, TZ, 0);
    correctMention(db, d, { sentiment: -1, complaint: false }, TZ, 0);
    const reply = db
      .prepare('SELECT id FROM mentions WHERE is_brand = 1 LIMIT 1')
      .pluck()
      .get() as number;
    correctMention(db, reply, { sentiment: 0 }, TZ, 0);
    const before = db.prepare(ANALYSIS).all();
    // Unchanged rules: nothing to do.
    expect(pendingReanalysis(db)).toBe(0);
    expect(reanalyseMentions(db).done).toBe(0);
    expect(pendingReanalysis(db, NEXT)).toBe(3080);

    const p = reanalyseMentions(db, { version: NEXT, analyze: newRules, chunk: 700 });
    expect(p).toMatchObject({ done: 3080, total: 3080 });
    expect(p.changed).toBe(3080);
    expect(pendingReanalysis(db, NEXT)).toBe(0);
    expect(db.prepare(ANALYSIS).all()).not.toEqual(before);

    const row = (id: number) =>
      db.prepare('SELECT * FROM mentions WHERE id = ?').get(id) as Record<string, unknown>;
    const expected = (id: number) => {
      const r = row(id);
      return newRules({
        channel: r.channel as 'twitter',
        externalId: null,
        postedAt: r.posted_at as number,
        text: r.text as string,
        title: r.title as string | null,
        authorHandle: null,
        lang: r.lang as string | null,
        rating: r.rating as number | null,
      });
    };
    // Uncorrected rows carry the new analysis.
    for (const id of [e, f]) {
      const x = expected(id);
      expect(row(id)).toMatchObject({
        sentiment: x?.sentiment,
        complaint: +(x?.complaint ?? 0),
        insult: +(x?.insult ?? 0),
        topic: x?.topic,
        analysis_version: NEXT,
      });
    }
    // Corrected fields stay as the user set them; the others follow the new rules.
    expect(row(a)).toMatchObject({ sentiment: 1, complaint: +(expected(a)?.complaint ?? 0) });
    expect(row(b)).toMatchObject({
      complaint: 1,
      topic: 'delivery',
      sentiment: expected(b)?.sentiment,
    });
    expect(row(c)).toMatchObject({ insult: 0 });
    expect(row(d)).toMatchObject({ sentiment: -1, complaint: 0 });
    expect(row(reply)).toMatchObject({ sentiment: 0 });
    // People analysis: the authors whose posts changed are marked for recomputation.
    expect(
      db
        .prepare('SELECT count(*) FROM authors WHERE analysed_at IS NOT NULL AND posts > 0')
        .pluck()
        .get(),
    ).toBe(0);

    expectRollupsEqualRebuild(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('cancelled midway and resumed, ends exactly where an uninterrupted run does', async () => {
    await importCorpus(env.db, 2500);
    const other = workspaceDeps();
    try {
      const saved = env.tmp.path('corpus-2500.jsonl');
      await importFiles(
        { db: other.db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
        [saved, env.tmp.path('replies.jsonl')],
        { format: 'jsonl' },
      );
      reanalyseMentions(other.db, { version: NEXT, analyze: newRules, chunk: 500 });

      const first = createReanalysis(env.db, { version: NEXT, analyze: newRules, chunk: 500 });
      expect(first.step()).toBe(true);
      expect(first.step()).toBe(true);
      expect(first.progress).toMatchObject({ done: 1000, total: 2580 });
      // Cancelled here: what was committed stays, the rest is still pending.
      expect(pendingReanalysis(env.db, NEXT)).toBe(1580);
      const resumed = createReanalysis(env.db, { version: NEXT, analyze: newRules, chunk: 500 });
      expect(resumed.progress.total).toBe(1580);
      while (resumed.step());
      expect(resumed.progress.done).toBe(1580);

      expect(env.db.prepare(ANALYSIS).all()).toEqual(other.db.prepare(ANALYSIS).all());
      expect(rollups(env.db)).toEqual(rollups(other.db));
      expectRollupsEqualRebuild(env.db);
    } finally {
      other.cleanup();
    }
  });

  it('after a correction retrains the model, similar uncorrected mentions follow it', async () => {
    const db = env.db;
    const similar = 'Menudo chuletón, una bestialidad';
    const slow = 'El jueves hay guiso lento de judías';
    const unrelated = ['Servicio pésimo, no vuelvo', 'Great staff and lovely food'];
    expect(analyzeText(similar).sentiment).toBe(0);
    expect(analyzeText(slow).sentiment).toBe(-1);
    const file = env.tmp.path('restaurant.jsonl');
    const texts = [...CORRECTED.map(([t]) => t), similar, slow, ...unrelated];
    writeTextsJsonl(file, texts);
    await importFiles(
      { db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
      [file],
      { format: 'jsonl' },
    );
    const idOf = (t: string) =>
      db.prepare('SELECT id FROM mentions WHERE text = ?').pluck().get(t) as number;
    const sentimentOf = (t: string) =>
      db.prepare('SELECT sentiment FROM mentions WHERE text = ?').pluck().get(t) as number;
    const few = 3;
    for (const [t, y] of CORRECTED.slice(0, few)) {
      correctMention(db, idOf(t), { sentiment: y }, TZ, 0);
      // Too few to trust: the model changes no verdict, so nothing is to be re-analysed.
      expect(retrainCorrectionModel(db).trust).toBe(0);
      expect(pendingReanalysis(db)).toBe(0);
    }
    for (const [t, y] of CORRECTED.slice(few)) correctMention(db, idOf(t), { sentiment: y }, TZ, 0);
    const model = retrainCorrectionModel(db);
    expect(model.trust).toBeGreaterThan(0);
    expect(sentimentOf(similar)).toBe(0);
    const before = unrelated.map(sentimentOf);

    // A retrain makes every stored row pending, though the rules did not change.
    expect(pendingReanalysis(db)).toBe(texts.length);
    // Stopped after one chunk, the model pass resumes after the last committed row.
    expect(createReanalysis(db, { chunk: 5 }).step()).toBe(true);
    expect(pendingReanalysis(db)).toBe(texts.length - 5);
    const p = reanalyseMentions(db, { chunk: 5 });
    expect(p.done).toBe(texts.length - 5);
    expect(sentimentOf(similar)).toBe(1);
    expect(sentimentOf(slow)).toBe(0);
    expect(unrelated.map(sentimentOf)).toEqual(before);
    for (const [t, y] of CORRECTED) expect(sentimentOf(t)).toBe(y);
    expect(pendingReanalysis(db)).toBe(0);
    expectRollupsEqualRebuild(db);
  });

  it('complaint and insult corrections retrain their models; similar mentions follow on re-analysis', async () => {
    const db = env.db;
    const fault = 'El horno hace un ruido raro';
    const praise = 'La tortilla de puta madre';
    const unknown = 'Menudo melón el cocinero';
    const unrelated = ['Sois unos gilipollas', 'Gracias, todo perfecto', 'El pedido llegó tarde'];
    const file = env.tmp.path('shop.jsonl');
    const corrected = [...new Set([...COMPLAINT_CORRECTED, ...INSULT_CORRECTED].map(([t]) => t))];
    const texts = [...corrected, fault, praise, unknown, ...unrelated];
    writeTextsJsonl(file, texts);
    await importFiles(
      { db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
      [file],
      { format: 'jsonl' },
    );
    const row = (t: string) =>
      db.prepare('SELECT complaint, topic, insult FROM mentions WHERE text = ?').get(t) as {
        complaint: number;
        topic: string | null;
        insult: number;
      };
    const idOf = (t: string) =>
      db.prepare('SELECT id FROM mentions WHERE text = ?').pluck().get(t) as number;
    expect(row(fault)).toMatchObject({ complaint: 0, topic: null });
    expect(row(praise).insult).toBe(1);
    expect(row(unknown).insult).toBe(0);
    const before = unrelated.map(row);

    for (const [t, v] of COMPLAINT_CORRECTED) correctMention(db, idOf(t), { complaint: v }, TZ, 0);
    for (const [t, v] of INSULT_CORRECTED) correctMention(db, idOf(t), { insult: v }, TZ, 0);
    expect(pendingReanalysis(db)).toBe(0);
    expect(retrainFlagModel(db, 'complaint').trust).toBeGreaterThan(0);
    expect(retrainFlagModel(db, 'insult').trust).toBeGreaterThan(0);
    // Stored as JSON in the workspace, with the sentiment model (none here).
    const models = loadWorkspaceModels(db);
    expect(models.sentiment).toBeNull();
    expect(models.complaint?.examples).toBe(COMPLAINT_CORRECTED.length);
    expect(models.insult?.examples).toBe(INSULT_CORRECTED.length);
    expect(pendingReanalysis(db)).toBe(texts.length);

    reanalyseMentions(db, { chunk: 7 });
    expect(row(fault)).toMatchObject({ complaint: 1, topic: expect.any(String) });
    expect(row(praise).insult).toBe(0);
    expect(row(unknown).insult).toBe(1);
    expect(unrelated.map(row)).toEqual(before);
    // Corrected rows keep the user's label, whatever the model says of them.
    for (const [t, v] of COMPLAINT_CORRECTED) expect(row(t).complaint).toBe(+v);
    for (const [t, v] of INSULT_CORRECTED) expect(row(t).insult).toBe(+v);
    expect(pendingReanalysis(db)).toBe(0);
    expectRollupsEqualRebuild(db);
    // A sentiment retrain that changes no verdict leaves the flag models' results alone.
    expect(retrainCorrectionModel(db).trust).toBe(0);
    expect(pendingReanalysis(db)).toBe(0);
  });
});
