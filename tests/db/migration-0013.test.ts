import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import { tweetTextUnescaped } from '../../main/core/db/migration-functions';
import { searchMentions } from '../../main/core/db/mentions-query';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import { analysePeople } from '../../main/core/people/authors';
import { importFiles } from '../../main/core/sources/import-runner';
import { importBeforeF048277 } from '../helpers/legacy-import';
import { expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

const FIXTURES = join(__dirname, '../fixtures/importers');
const fixture = (name: string): string => join(FIXTURES, name);
const T = Date.UTC(2026, 10, 25, 9, 0, 0);

const texts = (db: Db): Record<string, string> =>
  Object.fromEntries(
    (
      db.prepare('SELECT natural_key AS k, text AS t FROM mentions ORDER BY id').all() as Array<{
        k: string;
        t: string;
      }>
    ).map((r) => [r.k, r.t]),
  );

/** Natural keys of the rows a search in the Mentions screen finds. */
const found = (db: Db, q: string): string[] =>
  searchMentions(db, { q }, { limit: 50 })
    .items.map(
      (i) =>
        db.prepare('SELECT natural_key FROM mentions WHERE id = ?').pluck().get(i.id) as string,
    )
    .sort();

describe('migration 0013 (X text stored with the escapes X writes)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('unescapes the X archive and twarc2 rows stored before, and keeps the search index in step', async () => {
    const path = tmp.path('old.atalaya');
    const old = workspaceFileAt(path, 12);
    // imported before f048277: the text as X writes it
    await importBeforeF048277(old, fixture('tweets-escaped.js'), T);
    await importBeforeF048277(old, fixture('twarc2-escaped.jsonl'), T);
    await importBeforeF048277(old, fixture('twarc2-escaped-retweet.jsonl'), T);
    // imported by the fixed importer before this migration: a post that literally says &lt;br&gt;
    // (X wrote &amp;lt;br&amp;gt;) must not be unescaped again
    await importFiles(importDeps(old, T), [fixture('twarc2-literal-entity.jsonl')]);
    // other sources store text as written: a tweet CSV (on X too) and a forum CSV
    await importFiles(importDeps(old, T), [
      fixture('tweets-literal-amp.csv'),
      fixture('forum-literal-amp.csv'),
    ]);
    analysePeople(old, T);
    const before = texts(old);
    expect(before['twitter:3001']).toBe(
      '@acme &gt; vuestro envío &lt;24 h\n\nR&amp;D no, mentira. Literal: &amp;gt;',
    );
    expect(before['twitter:4101']).toBe(
      'RT @bob: @acme &gt; "refund in 3 days" &lt;- still waiting, Q&amp;A useless',
    );
    expect(found(old, 'amp')).toContain('twitter:3001'); // the entity is indexed as a word
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(13);
      const after = texts(db);
      expect(after).toEqual({
        ...before,
        // exactly what the importer stores now (tests/importers: the same fixtures)
        'twitter:3001': '@acme > vuestro envío <24 h\n\nR&D no, mentira. Literal: &gt;',
        'twitter:4001': '@acme > "refund in 3 days" <- still waiting, Q&A useless',
        'twitter:4101': 'RT @bob: @acme > "refund in 3 days" <- still waiting, Q&A useless',
      });
      expect(after['twitter:4201']).toBe('Tip: write &lt;br&gt; for a line break');
      expect(after['twitter:1790000000000000901']).toBe(
        'Fish &amp; Chips &gt; pizza, según la web de @acme',
      );
      expect(after['other:f1']).toBe('Tapas &amp; vinos: la tienda de Acme &gt; la web');

      // the search index holds the new text: the entities are no longer words of those posts
      expect(found(db, 'amp')).toEqual(['other:f1', 'twitter:1790000000000000901']);
      expect(found(db, 'gt')).toEqual([
        'other:f1',
        'twitter:1790000000000000901',
        'twitter:3001',
        'twitter:4201',
      ]);
      expect(found(db, 'R&D')).toEqual(['twitter:3001']);
      expect(found(db, 'Q&A useless')).toEqual(['twitter:4001', 'twitter:4101']);
      expect(found(db, 'refund')).toEqual(['twitter:4001', 'twitter:4101']);
      expect(() =>
        db
          .prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)")
          .run(),
      ).not.toThrow();
      expectStoreConsistent(db);
    } finally {
      ws.close();
    }
  });

  it('changes nothing in a file without such rows', async () => {
    const path = tmp.path('new.atalaya');
    const old = workspaceFileAt(path, 12);
    await importFiles(importDeps(old, T), [
      fixture('tweets-escaped.js'),
      fixture('twarc2-literal-entity.jsonl'),
      fixture('tweets-literal-amp.csv'),
    ]);
    analysePeople(old, T);
    const flag = old.prepare("SELECT value FROM meta WHERE key = 'people_full_pass'").pluck();
    const before = { texts: texts(old), flag: flag.get() };
    migrate(old, 13);
    expect({ texts: texts(old), flag: flag.get() }).toEqual(before);
    old.close();
  });

  it('reads the raw record to tell an old escape from a literal one', () => {
    const raw = JSON.stringify({ text: 'write &amp;lt;br&amp;gt;' });
    expect(tweetTextUnescaped('write &amp;lt;br&amp;gt;', raw)).toBe('write &lt;br&gt;');
    expect(tweetTextUnescaped('write &lt;br&gt;', raw)).toBeNull();
    // no raw text to compare (a retweet's text is composed): a bare & means unescaped already
    expect(tweetTextUnescaped('RT @a: Q&amp;A', null)).toBe('RT @a: Q&A');
    expect(tweetTextUnescaped('RT @a: Q&A &gt;', null)).toBeNull();
    expect(tweetTextUnescaped('no entity', null)).toBeNull();
  });
});
