import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import { tempDir } from '../helpers/workspace';

/**
 * What migration 0013 costs on a big workspace of X imports: ATALAYA_ROWS rows (20,000 by
 * default; the 1M figure: `ATALAYA_ROWS=1000000 npx vitest run tests/db/migration-0013-cost.test.ts`),
 * one in 15 still escaped, half of them in a twarc2 import and half in a generic CSV (left alone).
 */
describe('migration 0013 at size', () => {
  it('unescapes only the X-import rows, in one pass, and says what it cost', () => {
    const rows = Number(process.env['ATALAYA_ROWS'] ?? 20_000);
    const tmp = tempDir();
    try {
      const db = new Database(tmp.path('big.atalaya'));
      db.pragma('journal_mode = WAL');
      migrate(db, 12);
      const batch = db.prepare(
        "INSERT INTO import_batches (kind, file_name, format, status, started_at) VALUES ('file', ?, ?, 'done', 0)",
      );
      batch.run('x.jsonl', 'twarc2');
      batch.run('x.csv', 'csv');
      const ins = db.prepare(
        "INSERT INTO mentions (id, natural_key, channel, posted_at, text, raw, batch_id, imported_at) VALUES (?, ?, 'twitter', ?, ?, ?, ?, 0)",
      );
      const fts = db.prepare('INSERT INTO mentions_fts (rowid, text, title) VALUES (?, ?, NULL)');
      db.transaction(() => {
        for (let i = 1; i <= rows; i++) {
          const t =
            i % 15 < 2
              ? `@acme &gt; pedido ${i} R&amp;D tarde`
              : `@acme pedido ${i} sigue sin llegar, tres semanas ya`;
          ins.run(
            i,
            `twitter:${i}`,
            1.7e12 + i * 1000,
            t,
            JSON.stringify({ id: `${i}`, text: t }),
            i % 2 ? 1 : 2,
          );
          fts.run(i, t);
        }
      })();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      migrate(db, 13);
      const cpu = process.cpuUsage(cpu0);
      console.log(
        `migration 0013 on ${rows} rows: ${Math.round(performance.now() - t0)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`,
      );
      const n = (sql: string): number => db.prepare(sql).pluck().get() as number;
      let inTwarc = 0; // odd ids: batch 1 (twarc2)
      let inCsv = 0;
      for (let i = 1; i <= rows; i++) {
        if (i % 15 >= 2) continue;
        if (i % 2) inTwarc++;
        else inCsv++;
      }
      // the twarc2 rows lost their escapes, the CSV rows kept them, and search follows
      expect(
        n("SELECT count(*) FROM mentions WHERE batch_id = 1 AND text LIKE '%> pedido % R&D %'"),
      ).toBe(inTwarc);
      expect(n("SELECT count(*) FROM mentions WHERE text LIKE '%&amp;%'")).toBe(inCsv);
      expect(n("SELECT count(*) FROM mentions WHERE batch_id = 2 AND text LIKE '%&amp;%'")).toBe(
        inCsv,
      );
      expect(n("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'amp'")).toBe(inCsv);
      expect(n("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'r AND d'")).toBe(
        inTwarc + inCsv,
      );
      db.close();
    } finally {
      tmp.cleanup();
    }
  }, 600_000);
});
