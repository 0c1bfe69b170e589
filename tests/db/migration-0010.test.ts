import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBatch, undoBatch } from '../../main/core/db/batches-repo';
import { correctMention } from '../../main/core/db/corrections-repo';
import { markHandling, readHandling } from '../../main/core/db/handling-repo';
import { naturalKeyOf } from '../../main/core/db/mention-key';
import { AuthorNumbers, MentionWriter, prepareMentions } from '../../main/core/db/mention-writer';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';
import { analysePeople } from '../../main/core/people/authors';
import { listGroups } from '../../main/core/people/people-query';
import { itemsToMentions } from '../../main/core/sources/feeds/parse-feed';
import { importFiles } from '../../main/core/sources/import-runner';
import { importAsVersion9, importedRows, keyAsVersion9 } from '../helpers/legacy-import';
import { count, expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceDeps, workspaceFileAt, type TempDir } from '../helpers/workspace';

const FIXTURES = join(__dirname, '../fixtures/importers');
// A generic CSV with no id and no link column: five accounts post the same text within
// minutes (dates to the minute), one of them also posts a complaint of her own.
const CAMPAIGN = join(FIXTURES, 'copy-paste-campaign.csv');
// Next week's export of the same search: three rows overlap (handles spelled differently).
const WEEK2 = join(FIXTURES, 'copy-paste-campaign-week2.csv');
const T = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Derived data agrees with the rows, and the search index finds the campaign. */
function expectConsistent(db: Db): void {
  expectStoreConsistent(db);
  expect(
    count(db, "SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'boicot'"),
  ).toBe(count(db, "SELECT count(*) AS n FROM mentions WHERE text LIKE '%Boicot%'"));
}

describe('migration 0010 (rows without id and link keyed by text, author and time)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('re-keys rows stored by their text alone: the same file again adds only the posts the old key hid, corrections and handling stay', async () => {
    const path = tmp.path('old.atalaya');
    const old = workspaceFileAt(path, 9);
    // Version 9 stored the five copies as one mention (the first row's, @Ana_R's).
    expect(await importAsVersion9(old, CAMPAIGN, T)).toEqual({ imported: 2, duplicates: 4 });
    const ids = old.prepare('SELECT id FROM mentions ORDER BY posted_at').pluck().all() as number[];
    const [campaignId, complaintId] = ids as [number, number];
    correctMention(old, campaignId, { sentiment: -1, insult: true, note: 'campaign' }, 'UTC', T);
    markHandling(old, complaintId, { handling: 'dm', note: 'sent a DM' }, T);
    // A brand reply whose reply-to and thread columns name the stored row by its key (a
    // hand-written file can: `other:` + `h:…`): the references must follow the key.
    const oldKey = old
      .prepare('SELECT natural_key FROM mentions WHERE id = ?')
      .pluck()
      .get(campaignId) as string;
    const ref = oldKey.slice('other:'.length);
    const reply: MentionInput = {
      channel: 'other',
      externalId: 'r1',
      postedAt: T,
      text: 'Lo sentimos, escríbenos por privado',
      authorHandle: 'acme',
      fromBrand: true,
      replyToId: ref,
      threadId: ref,
    };
    const replies = new MentionWriter(old, {
      batchId: null,
      sourceId: null,
      timezone: 'UTC',
      now: T,
    });
    old.transaction(() => replies.write([reply]))();
    const before = old
      .prepare('SELECT id, text, posted_at, sentiment, complaint, insult FROM mentions ORDER BY id')
      .all();
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
      const rows = await importedRows(CAMPAIGN);
      const first = rows[0] as MentionInput;
      const complaint = rows[5] as MentionInput;
      // re-keyed in place: the keys an import gives now, same ids, same analysis
      const keyOf = (id: number): unknown =>
        db.prepare('SELECT natural_key FROM mentions WHERE id = ?').pluck().get(id);
      expect(keyOf(campaignId)).toBe(naturalKeyOf(first));
      expect(keyOf(complaintId)).toBe(naturalKeyOf(complaint));
      expect(
        db
          .prepare(
            'SELECT id, text, posted_at, sentiment, complaint, insult FROM mentions ORDER BY id',
          )
          .all(),
      ).toEqual(before);
      // what names the row by key moved with it: 3 overrides, 1 reply, 1 thread root
      expect(
        count(
          db,
          "SELECT count(*) AS n FROM overrides WHERE target_kind = 'mention' AND target_key = ?",
          naturalKeyOf(first),
        ),
      ).toBe(2);
      expect(readHandling(db, complaintId)).toMatchObject({ handling: 'dm', note: 'sent a DM' });
      expect(
        db
          .prepare(
            "SELECT reply_to_key AS r, thread_key AS t FROM mentions WHERE natural_key = 'other:r1'",
          )
          .get(),
      ).toEqual({ r: naturalKeyOf(first), t: naturalKeyOf(first) });
      expect(
        count(
          db,
          'SELECT count(*) AS n FROM overrides WHERE target_key NOT IN (SELECT natural_key FROM mentions)',
        ),
      ).toBe(0);
      expectConsistent(db);

      // The same file again: the two stored rows are duplicates, the four hidden copies arrive.
      const again = await importFiles(importDeps(db, T + 86_400_000), [CAMPAIGN]);
      expect(again).toMatchObject({ imported: 4, duplicates: 2, rejected: 0 });
      expect(count(db, "SELECT count(*) AS n FROM mentions WHERE text LIKE '¡Boicot%'")).toBe(5);
      expect(
        db.prepare('SELECT sentiment, insult FROM mentions WHERE id = ?').get(campaignId),
      ).toEqual({ sentiment: -1, insult: 1 });
      expect(readHandling(db, complaintId)?.handling).toBe('dm');
      // an overlapping export of the same search adds only its new row
      expect(await importFiles(importDeps(db, T + 86_400_000), [WEEK2])).toMatchObject({
        imported: 1,
        duplicates: 3,
      });
      expectConsistent(db);

      // Undo everything and import again: the corrections find their rows by the new keys.
      for (const b of db
        .prepare('SELECT id FROM import_batches ORDER BY id')
        .pluck()
        .all() as number[])
        undoBatch(db, b, 'UTC', T);
      expect(count(db, 'SELECT count(*) AS n FROM mentions WHERE is_brand = 0')).toBe(0);
      await importFiles(importDeps(db, T + 86_400_000), [CAMPAIGN]);
      const back = db
        .prepare('SELECT id, sentiment, insult FROM mentions WHERE natural_key = ?')
        .get(naturalKeyOf(first)) as { id: number; sentiment: number; insult: number };
      expect(back).toMatchObject({ sentiment: -1, insult: 1 });
      const complaintBack = db
        .prepare('SELECT id FROM mentions WHERE natural_key = ?')
        .pluck()
        .get(naturalKeyOf(complaint)) as number;
      expect(readHandling(db, complaintBack)?.handling).toBe('dm');
      expectConsistent(db);
    } finally {
      ws.close();
    }
  });

  it('keys a stored feed item that had no guid, link or date without its time, as the poller does', () => {
    const path = tmp.path('feed.atalaya');
    const old: Database.Database = workspaceFileAt(path, 9);
    const item = {
      guid: null,
      link: null,
      title: null,
      text: 'Acme abre en Sevilla',
      author: 'Redacción',
      publishedAt: null,
    };
    const dated = { ...item, text: 'Acme cierra en Vigo', publishedAt: T - 3_600_000 };
    const polled = itemsToMentions([item, dated], 'news', T);
    const source = Number(
      old
        .prepare(
          "INSERT INTO sources (kind, name, url, created_at) VALUES ('feed', 'Prensa', 'https://prensa.example/rss', 1)",
        )
        .run().lastInsertRowid,
    );
    const batchId = startBatch(old, {
      kind: 'feed',
      sourceId: source,
      fileName: 'Prensa',
      format: 'feed',
      now: T,
    });
    const batch = prepareMentions(polled, new Set(), new AuthorNumbers(), undefined);
    keyAsVersion9(batch, polled);
    const writer = new MentionWriter(old, { batchId, sourceId: source, timezone: 'UTC', now: T });
    old.transaction(() => writer.writePrepared(batch))();
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      // the next poll, an hour later, keys both items as they are now stored
      const next = itemsToMentions([item, dated], 'news', T + 3_600_000);
      expect(ws.db.prepare('SELECT natural_key FROM mentions ORDER BY text').pluck().all()).toEqual(
        [next[0], next[1]].map((m) => naturalKeyOf(m as MentionInput)),
      );
      const writer2 = new MentionWriter(ws.db, {
        batchId: null,
        sourceId: source,
        timezone: 'UTC',
        now: T + 3_600_000,
      });
      expect(ws.db.transaction(() => writer2.write(next))()).toEqual({
        imported: 0,
        duplicates: 2,
      });
    } finally {
      ws.close();
    }
  });
});

describe('copy-paste campaigns from a generic CSV without id or link', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('are one mention per account, and People finds the accounts coordinating', async () => {
    const s = await importFiles(importDeps(env.db, T + 86_400_000), [CAMPAIGN]);
    expect(s).toMatchObject({ imported: 6, duplicates: 0, rejected: 0 });
    expect(
      env.db
        .prepare(
          "SELECT a.handle FROM mentions m JOIN authors a ON a.id = m.author_id WHERE m.text LIKE '¡Boicot%' ORDER BY m.posted_at",
        )
        .pluck()
        .all(),
    ).toEqual(['Ana_R', 'luis88', 'MARTA', 'pepe_g', 'sol.v']);
    // the same file and an overlapping export add only what is new
    expect(await importFiles(importDeps(env.db, T + 86_400_000), [CAMPAIGN])).toMatchObject({
      imported: 0,
      duplicates: 6,
    });
    expect(await importFiles(importDeps(env.db, T + 86_400_000), [WEEK2])).toMatchObject({
      imported: 1,
      duplicates: 3,
    });

    analysePeople(env.db, T + 86_400_000);
    const { items } = listGroups(env.db, {});
    const text = items.filter((g) => g.kind === 'text');
    expect(text).toHaveLength(1);
    expect(text[0]?.posts).toBe(6);
    expect(text[0]?.members.map((m) => m.handle).sort()).toEqual(
      ['Ana_R', 'luis88', 'MARTA', 'nuria_b', 'pepe_g', 'sol.v'].sort(),
    );
  });
});
