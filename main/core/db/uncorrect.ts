import { CORRECTABLE_FIELDS, type CorrectableField } from '../model/labels';
import { createAnalyzer } from '../sources/analyzer';
import { loadWorkspaceModels, retrainCorrectionModel, retrainFlagModel } from './corrections-repo';
import type { Analyzer } from './mention-writer';
import { readProfile } from './profile-repo';
import {
  analysedRow,
  analysisInput,
  analysisValues,
  ROW_COLUMNS,
  rolledTheSame,
  UPDATE_ANALYSIS_SQL,
  type StoredRow,
} from './reanalyse';
import { withResponseRefresh } from './response-rollups';
import { RollupAccumulator } from './rollups';
import type { Db } from './workspace-file';

type FieldValue = number | boolean | string | null;

export interface Uncorrection {
  /** The fields asked for that had a correction, now removed. */
  undone: CorrectableField[];
  /** The fields still corrected (not asked for). */
  kept: CorrectableField[];
  /** Stored values that changed, before (the user's) and after (the automatic analysis). */
  changed: Partial<Record<CorrectableField, { from: FieldValue; to: FieldValue }>>;
}

const FIELDS_SQL = `SELECT o.field FROM mentions m JOIN overrides o ON o.target_kind = 'mention' AND o.target_key = m.natural_key
  WHERE m.id = ? AND o.field IN (${CORRECTABLE_FIELDS.map((f) => `'${f}'`).join(', ')}) ORDER BY o.field`;

/** The fields of a mention the user corrected; null when there is no such mention. */
export function correctedFields(db: Db, id: number): CorrectableField[] | null {
  if (!db.prepare('SELECT 1 FROM mentions WHERE id = ?').get(id)) return null;
  return db.prepare(FIELDS_SQL).pluck().all(id) as CorrectableField[];
}

const valueOf = (r: StoredRow, f: CorrectableField): FieldValue =>
  f === 'sentiment'
    ? r.sentiment
    : f === 'topic'
      ? r.topic
      : (f === 'complaint' ? r.complaint : r.insult) === null
        ? null
        : Boolean(f === 'complaint' ? r.complaint : r.insult);

/**
 * Takes back the user's corrections of some fields of a mention (all of them by default):
 * deletes those overrides and writes the analysis re-analysis would store for the row today
 * (same analyzer, the workspace's stored models, the corrections left kept), moving the
 * rollups by the row's change and the response rollups with it (a complaint flag is one of
 * their dimensions). One transaction. Null when the mention is not in the workspace; a mention
 * without corrections of those fields is left untouched (nothing undone).
 *
 * The models of the undone fields are retrained without the correction first, in the same
 * transaction, and the row is analysed with them: a trusted model (20 corrections) had learned
 * this very post and gave the user's value back as the "automatic" one. When the retrained
 * models change other verdicts, the next re-analysis pass brings those rows in line.
 * `analyze` replaces that analyzer (tests).
 */
export function uncorrectMention(
  db: Db,
  id: number,
  fields: readonly CorrectableField[] | 'all',
  timezone: string,
  analyze?: Analyzer,
): Uncorrection | null {
  const asked = fields === 'all' ? CORRECTABLE_FIELDS : fields;
  const customer = 'SELECT natural_key FROM mentions WHERE id = ? AND is_brand = 0';
  return withResponseRefresh(db, customer, [id], () => {
    const corrected = correctedFields(db, id);
    if (!corrected) return null;
    const undone = corrected.filter((f) => asked.includes(f));
    const kept = corrected.filter((f) => !asked.includes(f));
    if (!undone.length) return { undone, kept, changed: {} };
    const r = db.prepare(`SELECT ${ROW_COLUMNS} FROM mentions WHERE id = ?`).get(id) as StoredRow;
    db.prepare(
      `DELETE FROM overrides WHERE target_kind = 'mention' AND target_key = ? AND field IN (SELECT value FROM json_each(?))`,
    ).run(r.k, JSON.stringify(undone));
    if (undone.includes('sentiment')) retrainCorrectionModel(db);
    for (const f of ['complaint', 'insult'] as const)
      if (undone.includes(f)) retrainFlagModel(db, f);
    const a = (analyze ?? createAnalyzer(readProfile(db), loadWorkspaceModels(db)))(
      analysisInput(r),
    );
    const left = db
      .prepare(
        "SELECT field, value FROM overrides WHERE target_kind = 'mention' AND target_key = ?",
      )
      .all(r.k) as Array<{ field: string; value: string }>;
    // Not analysed (no analyzer verdict): only the overrides go.
    const n = a ? analysedRow(r, a, left, a.version) : r;
    db.prepare(UPDATE_ANALYSIS_SQL).run(analysisValues(n));
    if (!rolledTheSame(r, n)) {
      const acc = new RollupAccumulator(timezone);
      acc.add(r, -1);
      acc.add(n, 1);
      acc.flush(db);
    }
    const changed: Uncorrection['changed'] = {};
    for (const f of CORRECTABLE_FIELDS) {
      const from = valueOf(r, f);
      const to = valueOf(n, f);
      if (from !== to) changed[f] = { from, to };
    }
    return { undone, kept, changed };
  });
}
