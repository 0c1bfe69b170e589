import {
  isTrusted,
  parseFlagModel,
  parseModel,
  serialiseModel,
  serialiseModels,
  trainCorrectionModel,
  trainFlagModel,
  type CorrectionModel,
  type Flag,
  type FlagModel,
  type WorkspaceModels,
} from '../analysis/learning';
import { analysedText, analysisOptions } from '../sources/analyzer';
import { withResponseRefresh } from './response-rollups';
import { ROLLUP_FACT_COLUMNS, RollupAccumulator, type RollupFact } from './rollups';
import { readMeta, writeMeta } from './meta';
import type { Db } from './workspace-file';

export interface Correction {
  sentiment?: -1 | 0 | 1;
  complaint?: boolean;
  insult?: boolean;
  topic?: string | null;
  note?: string;
}

const ONE_CUSTOMER = 'SELECT natural_key FROM mentions WHERE id = ? AND is_brand = 0';
const FACT_SQL = `SELECT ${ROLLUP_FACT_COLUMNS} FROM mentions WHERE id = ?`;

/**
 * Stores the user's verdict on a mention (kept by natural key, so re-analysis and re-import
 * never overwrite it), applies it to the stored row and moves its rollup contribution.
 */
export function correctMention(
  db: Db,
  id: number,
  c: Correction,
  timezone: string,
  now: number,
): boolean {
  // A complaint label is a dimension of the response rollups (unanswered complaints).
  if (c.complaint !== undefined)
    return withResponseRefresh(db, ONE_CUSTOMER, [id], () =>
      applyCorrection(db, id, c, timezone, now),
    );
  return applyCorrection(db, id, c, timezone, now);
}

function applyCorrection(
  db: Db,
  id: number,
  c: Correction,
  timezone: string,
  now: number,
): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT natural_key AS k FROM mentions WHERE id = ?').get(id) as
      { k: string } | undefined;
    if (!row) return false;
    const before = db.prepare(FACT_SQL).get(id) as RollupFact;
    const put = db.prepare(
      `INSERT INTO overrides (target_kind, target_key, field, value, note, created_at) VALUES ('mention', ?, ?, ?, ?, ?)
       ON CONFLICT (target_kind, target_key, field) DO UPDATE SET value = excluded.value, note = excluded.note, created_at = excluded.created_at`,
    );
    if (c.sentiment !== undefined) {
      put.run(row.k, 'sentiment', String(c.sentiment), c.note ?? null, now);
      db.prepare('UPDATE mentions SET sentiment = ? WHERE id = ?').run(c.sentiment, id);
    }
    if (c.complaint !== undefined) {
      put.run(row.k, 'complaint', c.complaint ? '1' : '0', c.note ?? null, now);
      db.prepare('UPDATE mentions SET complaint = ? WHERE id = ?').run(c.complaint ? 1 : 0, id);
    }
    if (c.insult !== undefined) {
      put.run(row.k, 'insult', c.insult ? '1' : '0', c.note ?? null, now);
      db.prepare('UPDATE mentions SET insult = ? WHERE id = ?').run(c.insult ? 1 : 0, id);
    }
    if (c.topic !== undefined) {
      put.run(row.k, 'topic', c.topic ?? '', c.note ?? null, now);
      db.prepare('UPDATE mentions SET topic = ? WHERE id = ?').run(c.topic, id);
    }
    const after = db.prepare(FACT_SQL).get(id) as RollupFact;
    const acc = new RollupAccumulator(timezone);
    acc.add(before, -1);
    acc.add(after, 1);
    acc.flush(db);
    return true;
  })();
}

/** The corrected mentions of one field, analysed as the analyzer does, with the user's value. */
function correctedOf(
  db: Db,
  field: 'sentiment' | Flag,
): Array<{
  text: string;
  options: ReturnType<typeof analysisOptions>;
  value: string;
}> {
  const rows = db
    .prepare(
      `SELECT m.text, m.title, m.lang, m.rating, o.value FROM overrides o JOIN mentions m ON m.natural_key = o.target_key
       WHERE o.target_kind = 'mention' AND o.field = ? ORDER BY o.target_key`,
    )
    .all(field) as Array<{
    text: string;
    title: string | null;
    lang: string | null;
    rating: number | null;
    value: string;
  }>;
  return rows.map((r) => ({ text: analysedText(r), options: analysisOptions(r), value: r.value }));
}

/**
 * Stores a retrained model; when it or the one it replaces changes verdicts, stored mentions
 * follow it on the next re-analysis (db/reanalyse.ts). An untrusted model changes no verdict:
 * replacing one by another leaves every stored result as is.
 */
function storeModel(
  db: Db,
  key: string,
  json: string,
  now: { trust: number; examples: number },
  before: { trust: number; examples: number } | null,
): void {
  const changesVerdicts = isTrusted(now) || isTrusted(before);
  db.transaction(() => {
    writeMeta(db, key, json);
    if (changesVerdicts) writeMeta(db, MODEL_GENERATION_KEY, String(modelGeneration(db) + 1));
  })();
}

/**
 * Retrains the workspace's correction model on every sentiment correction and stores it. Each
 * corrected mention is analysed again as the analyzer does (same text, language hint, stars),
 * so the model learns from what the base engine says today.
 */
export function retrainCorrectionModel(db: Db): CorrectionModel {
  const model = trainCorrectionModel(
    correctedOf(db, 'sentiment').map((r) => ({
      text: r.text,
      options: r.options,
      label: { sentiment: Number(r.value) as -1 | 0 | 1 },
    })),
  );
  storeModel(db, 'correction_model', serialiseModel(model), model, loadCorrectionModel(db));
  return model;
}

const FLAG_MODEL_KEY: Record<Flag, string> = {
  complaint: 'complaint_model',
  insult: 'insult_model',
};

/** Retrains the workspace's model of one flag (complaint, insult) on its corrections, as above. */
export function retrainFlagModel(db: Db, flag: Flag): FlagModel {
  const model = trainFlagModel(
    flag,
    correctedOf(db, flag).map((r) => ({
      text: r.text,
      options: r.options,
      label: { [flag]: r.value === '1' },
    })),
  );
  storeModel(db, FLAG_MODEL_KEY[flag], JSON.stringify(model), model, loadFlagModel(db, flag));
  return model;
}

/** The stored model of a flag; null when there is none or it is of an older kind. */
export function loadFlagModel(db: Db, flag: Flag): FlagModel | null {
  const json = readMeta(db, FLAG_MODEL_KEY[flag]);
  return json ? parseFlagModel(json, flag) : null;
}

/** Every stored model of the workspace, for the analyzer. */
export function loadWorkspaceModels(db: Db): WorkspaceModels {
  return {
    sentiment: loadCorrectionModel(db),
    complaint: loadFlagModel(db, 'complaint'),
    insult: loadFlagModel(db, 'insult'),
  };
}

/** The same as one JSON document (for the import worker); null when the workspace has none. */
export function loadWorkspaceModelsJson(db: Db): string | null {
  const m = loadWorkspaceModels(db);
  return m.sentiment || m.complaint || m.insult ? serialiseModels(m) : null;
}

const MODEL_GENERATION_KEY = 'correction_model_generation';

/** How many times the correction model was retrained (0 before the first correction). */
export function modelGeneration(db: Db): number {
  return Number(readMeta(db, MODEL_GENERATION_KEY) ?? 0);
}

/** The stored model; null when there is none, or it is of an older kind (retrained on the next correction). */
export function loadCorrectionModel(db: Db): CorrectionModel | null {
  const json = readMeta(db, 'correction_model');
  return json ? parseModel(json) : null;
}
