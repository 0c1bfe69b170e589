import { createHash } from 'node:crypto';
import { AtalayaError } from './errors';
import type { Db } from './workspace-file';

export interface ReportOptions {
  anonymize: boolean;
  consultant: string | null;
  color: string | null;
}

/** A report generated in the app; the HTML is kept as handed over. */
export interface StoredReport {
  id: number;
  crisisId: string | null;
  from: number;
  to: number;
  lang: 'es' | 'en';
  options: ReportOptions;
  filename: string;
  sha256: string;
  bytes: number;
  createdAt: number;
}

const SELECT = `SELECT id, crisis_id AS crisisId, from_at AS "from", to_at AS "to", lang, options, filename, sha256,
  length(CAST(html AS BLOB)) AS bytes, created_at AS createdAt FROM reports`;
type Raw = Omit<StoredReport, 'options'> & { options: string };
const toReport = (r: Raw): StoredReport => ({
  ...r,
  options: JSON.parse(r.options) as ReportOptions,
});

export function saveReport(
  db: Db,
  r: Omit<StoredReport, 'id' | 'sha256' | 'bytes' | 'createdAt'> & { html: string },
  now: number,
): StoredReport {
  const sha = createHash('sha256').update(r.html).digest('hex');
  const res = db
    .prepare(
      `INSERT INTO reports (crisis_id, from_at, to_at, lang, options, filename, html, sha256, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.crisisId, r.from, r.to, r.lang, JSON.stringify(r.options), r.filename, r.html, sha, now);
  return toReport(db.prepare(`${SELECT} WHERE id = ?`).get(Number(res.lastInsertRowid)) as Raw);
}

export function listReports(db: Db): StoredReport[] {
  return (db.prepare(`${SELECT} ORDER BY created_at DESC, id DESC`).all() as Raw[]).map(toReport);
}

export function readReport(db: Db, id: number): StoredReport & { html: string } {
  const r = db
    .prepare(`${SELECT.replace(' FROM reports', ', html FROM reports')} WHERE id = ?`)
    .get(id) as (Raw & { html: string }) | undefined;
  if (!r) throw new AtalayaError('not_found', `No stored report ${id} (see the Reports page list)`);
  return { ...toReport(r), html: r.html };
}

export function deleteReport(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM reports WHERE id = ?').run(id).changes > 0;
}
