import { describe, expect, it } from 'vitest';
import { eraseAuthor } from '../../main/core/db/erase';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { rebuildRollups } from '../../main/core/db/rollups';
import { workspaceDeps } from '../helpers/workspace';

describe('erase an author', () => {
  it('removes their mentions from the table, the search index and the rollups, and nothing else', () => {
    const env = workspaceDeps();
    try {
      const w = new MentionWriter(env.db, {
        batchId: null,
        sourceId: null,
        timezone: 'Europe/Madrid',
        now: 0,
      });
      const m = (id: string, author: string, text: string) => ({
        channel: 'twitter' as const,
        externalId: id,
        postedAt: 1_700_000_000_000 + Number(id.slice(1)) * 3_600_000,
        text,
        authorHandle: author,
      });
      w.write([
        m('m1', 'ana', 'secreto uno de ana'),
        m('m2', 'ana', 'secreto dos de ana'),
        m('m3', 'bob', 'hola de bob'),
        m('m4', 'acme', 'respuesta'),
      ]);
      env.db
        .prepare(
          "INSERT INTO overrides (target_kind, target_key, field, value, created_at) VALUES ('author', 'twitter:ana', 'label', 'agitator', 0)",
        )
        .run();
      const r = eraseAuthor(env.db, 'twitter', '@ana', 'Europe/Madrid');
      expect(r).toEqual({ mentions: 2, found: true });
      const n = (sql: string) => (env.db.prepare(sql).get() as { n: number }).n;
      expect(n("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'secreto'")).toBe(
        0,
      );
      expect(n("SELECT count(*) AS n FROM mentions WHERE text LIKE '%ana%'")).toBe(0);
      expect(n("SELECT count(*) AS n FROM authors WHERE handle = 'ana'")).toBe(0);
      expect(n('SELECT count(*) AS n FROM overrides')).toBe(0);
      expect(n('SELECT count(*) AS n FROM mentions')).toBe(2);
      expect(n('SELECT sum(mentions) AS n FROM rollup_hourly')).toBe(2);
      const incremental = env.db.prepare('SELECT * FROM rollup_daily ORDER BY 1,2,3,4,5').all();
      rebuildRollups(env.db, 'Europe/Madrid');
      expect(env.db.prepare('SELECT * FROM rollup_daily ORDER BY 1,2,3,4,5').all()).toEqual(
        incremental,
      );
      expect(env.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(eraseAuthor(env.db, 'twitter', 'nobody', 'UTC').found).toBe(false);
    } finally {
      env.cleanup();
    }
  });
});
