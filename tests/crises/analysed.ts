import { MentionWriter } from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';

export type AnalysedRow = MentionInput & { analysis: never };

/** A stored analysis for a mention written directly (positive or negative, nothing else). */
export function analysed(negative: boolean): never {
  return {
    lang: 'es',
    sentiment: negative ? -1 : 1,
    score: negative ? -0.8 : 0.8,
    irony: false,
    complaint: negative,
    topic: null,
    insult: false,
    toxicity: 0,
    campaign: false,
    version: 1,
  } as never;
}

/** Writes rows through the real writer (rollups, search index) in one transaction. */
export function writeRows(db: Db, rows: AnalysedRow[]): void {
  const w = new MentionWriter(db, {
    batchId: null,
    sourceId: null,
    timezone: 'Europe/Madrid',
    now: 1,
  });
  db.transaction(() => w.write(rows))();
}
