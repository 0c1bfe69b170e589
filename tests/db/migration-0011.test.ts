import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctMention } from '../../main/core/db/corrections-repo';
import { markHandling, readHandling } from '../../main/core/db/handling-repo';
import { recordFacts } from '../../main/core/db/migration-functions';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import { analysePeople } from '../../main/core/people/authors';
import { importFiles } from '../../main/core/sources/import-runner';
import { channelsOf, importBefore154272b } from '../helpers/legacy-import';
import { count, expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

const FIXTURES = join(__dirname, '../fixtures/importers');
const fixture = (name: string): string => join(FIXTURES, name);
const T = Date.UTC(2026, 10, 25, 9, 0, 0);

describe('migration 0011 (generic rows stored as other that an import now gives their network)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('moves the rows the stored record proves, so re-importing the old files adds nothing', async () => {
    const path = tmp.path('old.atalaya');
    const old = workspaceFileAt(path, 10);
    old.prepare("INSERT INTO own_handles (channel, handle) VALUES ('twitter', 'AcmeAyuda')").run();
    await importBefore154272b(old, fixture('tweets-scraped.csv'), T); // tweet-only columns
    await importBefore154272b(old, fixture('tweets-with-links.csv'), T); // tweet columns, one youtube link
    await importBefore154272b(old, fixture('tweet-links.csv'), T); // x.com links, one row without
    await importBefore154272b(old, fixture('mixed-links.csv'), T, 'network');
    await importBefore154272b(old, fixture('monitoring-export.csv'), T, 'Source Type');
    await importBefore154272b(old, fixture('links-explicit-other.csv'), T, 'channel');
    const other = old.prepare("SELECT count(*) FROM mentions WHERE channel = 'other'").pluck();
    expect(other.get()).toBe(15);
    const id = (key: string): number =>
      old.prepare('SELECT id FROM mentions WHERE natural_key = ?').pluck().get(key) as number;
    const ana = id('other:1790000000000000001');
    correctMention(old, ana, { complaint: true, sentiment: -1 }, 'UTC', T);
    markHandling(old, id('other:l1'), { handling: 'phone' }, T);
    analysePeople(old, T); // People tables name the authors on 'other'
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(11);
      expect(channelsOf(db)).toEqual({
        // whole file of tweets, the youtube-linked tweet too (as the importer reads it now)
        'twitter:1790000000000000001': 'twitter',
        'twitter:1790000000000000002': 'twitter',
        'twitter:1790000000000000003': 'twitter',
        'twitter:1790000000000000011': 'twitter',
        'twitter:1790000000000000012': 'twitter',
        // each row by its own link
        'twitter:l1': 'twitter',
        'twitter:l2': 'twitter',
        'twitter:l3': 'twitter',
        'other:l4': 'other',
        'twitter:k1': 'twitter',
        'facebook:k2': 'facebook',
        'other:k3': 'other',
        // a channel column decided: its unknown values stay other (monitoring export, keyed
        // by link and text), its explicit other too
        ...Object.fromEntries(
          (
            db
              .prepare('SELECT natural_key AS k, channel AS c FROM mentions WHERE batch_id = 5')
              .all() as Array<{
              k: string;
              c: string;
            }>
          ).map((r) => [r.k, r.c]),
        ),
        'other:e1': 'other',
        'other:e2': 'other',
      });
      expect(
        count(db, "SELECT count(*) AS n FROM mentions WHERE batch_id = 5 AND channel = 'other'"),
      ).toBe(2);
      // the reply names its tweet by the new key and is the brand's (AcmeAyuda on X)
      expect(
        db
          .prepare(
            "SELECT reply_to_key AS r, is_brand AS b FROM mentions WHERE natural_key = 'twitter:1790000000000000002'",
          )
          .get(),
      ).toEqual({ r: 'twitter:1790000000000000001', b: 1 });
      // authors moved to X with their counts; the 'other' ones are left with none
      expect(
        db
          .prepare(
            "SELECT handle, posts FROM authors WHERE channel = 'twitter' AND handle IN ('cliente_ana', 'marta') ORDER BY handle",
          )
          .all(),
      ).toEqual([
        { handle: 'cliente_ana', posts: 2 },
        { handle: 'marta', posts: 2 },
      ]);
      expect(
        count(
          db,
          "SELECT count(*) AS n FROM authors WHERE channel = 'other' AND handle = 'cliente_ana' AND posts = 0",
        ),
      ).toBe(1);
      // corrections and marks follow the row
      expect(
        db.prepare('SELECT channel, complaint, sentiment FROM mentions WHERE id = ?').get(ana),
      ).toEqual({
        channel: 'twitter',
        complaint: 1,
        sentiment: -1,
      });
      expect(
        count(
          db,
          "SELECT count(*) AS n FROM overrides WHERE target_kind = 'mention' AND target_key = 'twitter:1790000000000000001'",
        ),
      ).toBe(2);
      expect(readHandling(db, id2(db, 'twitter:l1'))?.handling).toBe('phone');
      // the rollups were rebuilt by channel at the open, the customer's complaint answered
      expectStoreConsistent(db);
      expect(
        db
          .prepare(
            "SELECT state, sum(mentions) AS n FROM rollup_response WHERE grain = 'day' AND channel = 'twitter' AND complaint = 1 GROUP BY 1",
          )
          .all(),
      ).toContainEqual({ state: 'answered', n: 1 });

      // Re-importing every old file with today's importer adds nothing.
      const again = await importFiles(
        importDeps(db, T + 86_400_000),
        [
          'tweets-scraped.csv',
          'tweets-with-links.csv',
          'tweet-links.csv',
          'mixed-links.csv',
          'monitoring-export.csv',
          'links-explicit-other.csv',
        ].map(fixture),
      );
      expect(again.files.map((f) => [f.file, f.imported])).toEqual([
        ['tweets-scraped.csv', 0],
        ['tweets-with-links.csv', 0],
        ['tweet-links.csv', 0],
        ['mixed-links.csv', 0],
        ['monitoring-export.csv', 0],
        ['links-explicit-other.csv', 0],
      ]);
      expect(again.duplicates).toBe(17);
      // People sees the moved authors (a full pass was asked for)
      expect(analysePeople(db, T + 86_400_000).full).toBe(true);
      expect(
        count(
          db,
          'SELECT count(*) AS n FROM people_posts p JOIN mentions m ON m.id = p.mention_id WHERE p.author_id IS NOT m.author_id',
        ),
      ).toBe(0);
      expectStoreConsistent(db);
    } finally {
      ws.close();
    }
  });

  it("reads a stored record's columns and cells as the importer does", () => {
    expect(recordFacts(JSON.stringify({ tweet_id: '1', text: 'hola', retweet_count: '2' }))).toBe(
      1,
    );
    expect(recordFacts(JSON.stringify({ user: { screen_name: 'ana' }, text: 'hola' }))).toBe(1);
    expect(recordFacts(JSON.stringify({ id: '1', text: 'hola', network: 'Facebook' }))).toBe(2);
    expect(
      recordFacts(JSON.stringify({ id: '1', text: 'hola', Retweets: '3', canal: 'other' })),
    ).toBe(3);
    expect(recordFacts(JSON.stringify({ id: '1', text: 'hola' }))).toBe(0);
    expect(recordFacts(null)).toBe(0);
    expect(recordFacts('not json')).toBe(0);
  });
});

function id2(db: Db, key: string): number {
  return db.prepare('SELECT id FROM mentions WHERE natural_key = ?').pluck().get(key) as number;
}
