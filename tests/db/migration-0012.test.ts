import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctMention } from '../../main/core/db/corrections-repo';
import { markHandling, readHandling } from '../../main/core/db/handling-repo';
import { migrate } from '../../main/core/db/migrate';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import { analysePeople } from '../../main/core/people/authors';
import { importFiles } from '../../main/core/sources/import-runner';
import { channelsOf, importBefore154272b } from '../helpers/legacy-import';
import { count, expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

const TWEETS = join(__dirname, '../fixtures/importers/tweets-scraped.csv');
const T = Date.UTC(2026, 10, 25, 9, 0, 0);
const LATER = T + 86_400_000;

const idOf = (db: Db, key: string): number =>
  db.prepare('SELECT id FROM mentions WHERE natural_key = ?').pluck().get(key) as number;

describe('migration 0012 (the other:<id> copy of a post also stored on its network)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('keeps the network copy, with the corrections and marks the other copy had', async () => {
    const path = tmp.path('twice.atalaya');
    const old = workspaceFileAt(path, 10);
    // imported before 154272b (other:<id>), then again after upgrading (twitter:<id>)
    await importBefore154272b(old, TWEETS, T);
    await importFiles(importDeps(old, LATER), [TWEETS]);
    // a news item that happens to share an id with the third tweet is another post: it stays
    const third = idOf(old, 'other:1790000000000000003');
    const fts = (sql: string): void => void old.prepare(sql).run(third);
    fts(
      "INSERT INTO mentions_fts (mentions_fts, rowid, text, title) SELECT 'delete', id, text, title FROM mentions WHERE id = ?",
    );
    fts("UPDATE mentions SET text = 'Acme abre tienda en el centro' WHERE id = ?");
    fts(
      'INSERT INTO mentions_fts (rowid, text, title) SELECT id, text, title FROM mentions WHERE id = ?',
    );
    // the user corrected both copies of the first tweet, differently, and marked the second
    correctMention(
      old,
      idOf(old, 'other:1790000000000000001'),
      { sentiment: -1, complaint: false },
      'UTC',
      T,
    );
    correctMention(old, idOf(old, 'twitter:1790000000000000001'), { sentiment: 1 }, 'UTC', T);
    markHandling(old, idOf(old, 'other:1790000000000000002'), { handling: 'dismissed' }, T);
    analysePeople(old, T);
    // 0011 cannot move a row whose new key is taken: both copies stay
    migrate(old, 11);
    expect(Object.values(channelsOf(old)).sort()).toEqual([
      'other',
      'other',
      'other',
      'twitter',
      'twitter',
      'twitter',
    ]);
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(channelsOf(db)).toEqual({
        'twitter:1790000000000000001': 'twitter',
        'twitter:1790000000000000002': 'twitter',
        'twitter:1790000000000000003': 'twitter',
        'other:1790000000000000003': 'other',
      });
      // the network copy's own correction wins; what only the other copy had moves and applies
      const first = idOf(db, 'twitter:1790000000000000001');
      expect(
        db.prepare('SELECT sentiment, complaint FROM mentions WHERE id = ?').get(first),
      ).toEqual({
        sentiment: 1,
        complaint: 0, // analysed as a complaint; the user said it is not
      });
      expect(
        db
          .prepare(
            "SELECT field, value FROM overrides WHERE target_kind = 'mention' ORDER BY target_key, field",
          )
          .all(),
      ).toEqual([
        { field: 'complaint', value: '0' },
        { field: 'sentiment', value: '1' },
        { field: 'handling', value: 'dismissed' },
      ]);
      expect(readHandling(db, idOf(db, 'twitter:1790000000000000002'))?.handling).toBe('dismissed');
      // the first import counts what it still holds
      expect(db.prepare('SELECT imported FROM import_batches ORDER BY id').pluck().all()).toEqual([
        1, 3,
      ]);
      expectStoreConsistent(db);
      expect(
        count(db, "SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'reembolso'"),
      ).toBe(1);
      expect(
        count(
          db,
          'SELECT count(*) AS n FROM people_posts WHERE mention_id NOT IN (SELECT id FROM mentions)',
        ),
      ).toBe(0);
      analysePeople(db, LATER);
      // the three tweets and the other post
      expect(count(db, 'SELECT count(*) AS n FROM people_posts')).toBe(4);
      // and the file again adds nothing
      expect(await importFiles(importDeps(db, LATER), [TWEETS])).toMatchObject({
        imported: 0,
        duplicates: 3,
      });
    } finally {
      ws.close();
    }
  });
});
