import { ANALYSIS_VERSION } from '../analysis';
import type { Channel } from '../model/channels';
import type { MentionInput } from '../model/mention';
import { createAnalyzer } from '../sources/analyzer';
import { loadWorkspaceModels, modelGeneration } from './corrections-repo';
import type { Analyzer, MentionAnalysisColumns } from './mention-writer';
import { readProfile } from './profile-repo';
import { withResponseRefresh } from './response-rollups';
import { ROLLUP_FACT_COLUMNS, RollupAccumulator, type RollupFact } from './rollups';
import { deleteMeta, readMeta, writeMeta } from './meta';
import type { Db } from './workspace-file';

/** The model generation the last complete re-analysis pass applied to every stored mention. */
const DONE_KEY = 'reanalysed_model_generation';
/** Where an interrupted model pass stopped: JSON {generation, lastId}. */
const CURSOR_KEY = 'reanalyse_cursor';

export interface ReanalyseOptions {
  /** Rules version rows are brought to (default ANALYSIS_VERSION); rows below it are redone. */
  version?: number;
  /** The analysis (default: the importer's, with the workspace's correction model). */
  analyze?: Analyzer;
  timezone?: string;
  /** Rows per transaction. */
  chunk?: number;
}

export interface ReanalyseProgress {
  done: number;
  total: number;
  /** Rows whose stored analysis changed. */
  changed: number;
}

/** A re-analysis under way: call `step` until it returns false; stopping between steps keeps what was committed. */
export interface Reanalysis {
  readonly progress: ReanalyseProgress;
  /** Re-analyses and commits the next chunk; false once every row is done. */
  step(): boolean;
}

/** A stored row as re-analysis reads it (also read by corrections' undo, uncorrect.ts). */
export interface StoredRow extends RollupFact {
  id: number;
  k: string;
  channel: Channel;
  title: string | null;
  lang: string | null;
  irony: number | null;
  insult: number | null;
  toxicity: number | null;
  campaign: number | null;
  v: number | null;
}

/** A stored row is a rollup fact (read with the same columns) and the rest of its analysis. */
export const ROW_COLUMNS = `id, natural_key AS k, ${ROLLUP_FACT_COLUMNS}, title, lang, irony, insult, toxicity,
  campaign, analysis_version AS v`;

/**
 * What is left to re-analyse: after a retrain not yet applied everywhere, every analysed row
 * after the stored cursor (a model pass); otherwise the rows analysed by older rules.
 */
function planOf(db: Db): { modelPass: boolean; from: number; generation: number } {
  const generation = modelGeneration(db);
  const done = Number(readMeta(db, DONE_KEY) ?? 0);
  if (generation <= done) return { modelPass: false, from: 0, generation };
  const cursor = readMeta(db, CURSOR_KEY);
  const c = cursor ? (JSON.parse(cursor) as { generation: number; lastId: number }) : null;
  return { modelPass: true, from: c && c.generation === generation ? c.lastId : 0, generation };
}

/** Rows the next re-analysis would walk (a scan of the mentions table). */
export function pendingReanalysis(db: Db, version = ANALYSIS_VERSION): number {
  const plan = planOf(db);
  return plan.modelPass
    ? (db
        .prepare('SELECT count(*) FROM mentions WHERE id > ? AND analysis_version IS NOT NULL')
        .pluck()
        .get(plan.from) as number)
    : (db
        .prepare('SELECT count(*) FROM mentions WHERE analysis_version < ?')
        .pluck()
        .get(version) as number);
}

/** Writes a row's analysis columns: lang, sentiment, score, irony, complaint, topic, insult, toxicity, campaign, version, by id. */
export const UPDATE_ANALYSIS_SQL = `UPDATE mentions SET lang = ?, sentiment = ?, sentiment_score = ?, irony = ?, complaint = ?, topic = ?,
  insult = ?, toxicity = ?, campaign = ?, analysis_version = ? WHERE id = ?`;

/** The stored columns a fresh analysis gives, with the user's corrections kept. */
/** The values UPDATE_ANALYSIS_SQL binds, in its order, for an analysed row. */
export const analysisValues = (n: StoredRow): unknown[] => [
  n.lang,
  n.sentiment,
  n.score,
  n.irony,
  n.complaint,
  n.topic,
  n.insult,
  n.toxicity,
  n.campaign,
  n.v,
  n.id,
];

export function analysedRow(
  r: StoredRow,
  a: MentionAnalysisColumns,
  overrides: Array<{ field: string; value: string }> | undefined,
  version: number,
): StoredRow {
  const n: StoredRow = {
    ...r,
    lang: a.lang ?? r.lang,
    sentiment: a.sentiment,
    score: a.score,
    irony: +a.irony,
    complaint: +a.complaint,
    topic: a.topic,
    insult: +a.insult,
    toxicity: a.toxicity,
    campaign: +a.campaign,
    v: version,
  };
  // The same fields, read the same way, as the writer's applyOverrides on import.
  for (const o of overrides ?? []) {
    if (o.field === 'sentiment') n.sentiment = Number(o.value);
    else if (o.field === 'complaint') n.complaint = o.value === '1' ? 1 : 0;
    else if (o.field === 'insult') n.insult = o.value === '1' ? 1 : 0;
    else if (o.field === 'topic') n.topic = o.value || null;
  }
  return n;
}

/** What the analyzer is given for a stored row: the fields the importer analysed it on. */
export function analysisInput(r: StoredRow): MentionInput {
  return {
    channel: r.channel,
    externalId: null,
    postedAt: r.postedAt,
    text: r.text,
    title: r.title,
    authorHandle: null,
    lang: r.lang,
    rating: r.rating,
  };
}

export function rolledTheSame(a: StoredRow, b: StoredRow): boolean {
  return (
    a.sentiment === b.sentiment &&
    a.score === b.score &&
    a.complaint === b.complaint &&
    a.topic === b.topic
  );
}

export function sameAnalysis(a: StoredRow, b: StoredRow): boolean {
  return (
    rolledTheSame(a, b) &&
    a.lang === b.lang &&
    a.irony === b.irony &&
    a.insult === b.insult &&
    a.toxicity === b.toxicity &&
    a.campaign === b.campaign &&
    a.v === b.v
  );
}

/**
 * Re-analyses stored mentions as the importer would analyse them today (same text, language
 * hint, stars, workspace model), in id chunks of one transaction each. Fields the user
 * corrected keep the user's value; every rollup (dashboard, facets, hashtags, responses)
 * moves by the change of each row, and the people analysis' trigger marks changed authors.
 */
export function createReanalysis(db: Db, opts: ReanalyseOptions = {}): Reanalysis {
  const version = opts.version ?? ANALYSIS_VERSION;
  const chunk = opts.chunk ?? 2000;
  const timezone = opts.timezone ?? readProfile(db).timezone;
  const analyze = opts.analyze ?? createAnalyzer(readProfile(db), loadWorkspaceModels(db));
  const plan = planOf(db);
  const progress: ReanalyseProgress = {
    done: 0,
    total: pendingReanalysis(db, version),
    changed: 0,
  };
  let lastId = plan.from;
  const select = db.prepare(
    plan.modelPass
      ? `SELECT ${ROW_COLUMNS} FROM mentions WHERE id > ? AND analysis_version IS NOT NULL ORDER BY id LIMIT ?`
      : `SELECT ${ROW_COLUMNS} FROM mentions WHERE id > ? AND analysis_version < ? ORDER BY id LIMIT ?`,
  );
  const overridesOf = db.prepare(
    `SELECT o.target_key AS k, o.field, o.value FROM json_each(?) j
     CROSS JOIN overrides o ON o.target_kind = 'mention' AND o.target_key = j.value`,
  );
  const update = db.prepare(UPDATE_ANALYSIS_SQL);
  const finish = (): void => {
    if (!plan.modelPass) return;
    writeMeta(db, DONE_KEY, String(plan.generation));
    deleteMeta(db, CURSOR_KEY);
  };

  return {
    progress,
    step(): boolean {
      const rows = (
        plan.modelPass ? select.all(lastId, chunk) : select.all(lastId, version, chunk)
      ) as StoredRow[];
      if (rows.length === 0) {
        db.transaction(finish)();
        return false;
      }
      const byKey = new Map<string, Array<{ field: string; value: string }>>();
      for (const o of overridesOf.all(JSON.stringify(rows.map((r) => r.k))) as Array<{
        k: string;
        field: string;
        value: string;
      }>) {
        const list = byKey.get(o.k);
        if (list) list.push(o);
        else byKey.set(o.k, [o]);
      }
      const changes: Array<[StoredRow, StoredRow]> = [];
      const complaintKeys: string[] = [];
      for (const r of rows) {
        const a = analyze(analysisInput(r));
        if (!a) continue;
        const n = analysedRow(r, a, byKey.get(r.k), version);
        if (sameAnalysis(r, n)) continue;
        changes.push([r, n]);
        if (!r.isBrand && r.complaint !== n.complaint) complaintKeys.push(r.k);
      }
      const last = (rows[rows.length - 1] as StoredRow).id;
      const apply = (): void => {
        const acc = new RollupAccumulator(timezone);
        for (const [r, n] of changes) {
          update.run(analysisValues(n));
          if (rolledTheSame(r, n)) continue;
          acc.add(r, -1);
          acc.add(n, 1);
        }
        acc.flush(db);
        if (plan.modelPass)
          writeMeta(db, CURSOR_KEY, JSON.stringify({ generation: plan.generation, lastId: last }));
      };
      // A complaint flag is a dimension of the response rollups (unanswered complaints).
      if (complaintKeys.length)
        withResponseRefresh(
          db,
          'SELECT value FROM json_each(?)',
          [JSON.stringify(complaintKeys)],
          () => db.transaction(apply)(),
        );
      else db.transaction(apply)();
      lastId = last;
      progress.done += rows.length;
      progress.changed += changes.length;
      if (rows.length < chunk) {
        db.transaction(finish)();
        return false;
      }
      return true;
    },
  };
}

/** Runs a whole re-analysis at once (CLI, tests); see createReanalysis. */
export function reanalyseMentions(db: Db, opts: ReanalyseOptions = {}): ReanalyseProgress {
  const job = createReanalysis(db, opts);
  while (job.step());
  return job.progress;
}
