import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../main/core/db/batches-repo';
import { correctMention } from '../../main/core/db/corrections-repo';
import { markHandling, readHandling } from '../../main/core/db/handling-repo';
import { naturalKeyOf } from '../../main/core/db/mention-key';
import { rebuildResponseRollups } from '../../main/core/db/response-rollups';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';
import { importFiles } from '../../main/core/sources/import-runner';
import { importAsVersion9, importedRows } from '../helpers/legacy-import';
import { count, expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

// A generic CSV without id and link columns: a complaint, a copy-paste text from two
// accounts (one row under version 9's text-only key), a thank-you.
const FILE = join(__dirname, '../fixtures/importers/undone-no-id.csv');
const T = Date.UTC(2026, 1, 21, 9, 0, 0);
const LATER = T + 86_400_000;

const ANALYSIS = 'SELECT sentiment, complaint, insult FROM mentions WHERE natural_key = ?';
const orphans = (db: Db): number =>
  count(
    db,
    "SELECT count(*) AS n FROM overrides WHERE target_kind = 'mention' AND target_key NOT IN (SELECT natural_key FROM mentions)",
  );
const responseCells = (db: Db): unknown[] =>
  db
    .prepare('SELECT * FROM rollup_response ORDER BY grain, at, channel, complaint, reach, state')
    .all();

describe('corrections of rows without id and link undone before migration 0010', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('come back when the file is imported again after the upgrade', async () => {
    const path = tmp.path('undone.atalaya');
    const old = workspaceFileAt(path, 9);
    expect(await importAsVersion9(old, FILE, T)).toEqual({ imported: 3, duplicates: 1 });
    const idOf = (text: string): number =>
      old.prepare('SELECT id FROM mentions WHERE text LIKE ?').pluck().get(`${text}%`) as number;
    const complaint = idOf('Acme me cobró');
    const copy = idOf('Acme regala');
    // what the analysis says, which the user's corrections contradict
    expect(
      old.prepare('SELECT sentiment, complaint FROM mentions WHERE id = ?').get(complaint),
    ).toEqual({
      sentiment: -1,
      complaint: 1,
    });
    expect(old.prepare('SELECT insult FROM mentions WHERE id = ?').pluck().get(copy)).toBe(0);
    correctMention(old, complaint, { sentiment: 0, complaint: false, note: 'broma' }, 'UTC', T);
    markHandling(old, complaint, { handling: 'phone', note: 'llamada' }, T);
    correctMention(old, copy, { insult: true, sentiment: -1 }, 'UTC', T);
    const batch = old.prepare('SELECT id FROM import_batches').pluck().get() as number;
    undoBatch(old, batch, 'UTC', T);
    expect(count(old, 'SELECT count(*) AS n FROM mentions')).toBe(0);
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      // 0010 could not re-key them: their rows were gone
      expect(orphans(db)).toBe(5);
      const again = await importFiles(importDeps(db, LATER), [FILE]);
      expect(again).toMatchObject({ imported: 4, duplicates: 0 });
      const rows = await importedRows(FILE);
      const [rosa, pepe, juanito, luis] = rows.map((m: MentionInput) => naturalKeyOf(m)) as [
        string,
        string,
        string,
        string,
      ];
      // the corrections and the mark are on the rows' keys of today, and applied
      expect(db.prepare(ANALYSIS).get(rosa)).toMatchObject({ sentiment: 0, complaint: 0 });
      const rosaId = db.prepare('SELECT id FROM mentions WHERE natural_key = ?').pluck().get(rosa);
      expect(readHandling(db, rosaId as number)).toMatchObject({
        handling: 'phone',
        note: 'llamada',
      });
      expect(db.prepare(ANALYSIS).get(pepe)).toMatchObject({ sentiment: -1, insult: 1 });
      // the copy-paste text's correction was the first row's (version 9 stored that one)
      expect(db.prepare(ANALYSIS).get(juanito)).toMatchObject({ insult: 0 });
      expect(
        db
          .prepare(
            "SELECT target_key AS k, field, value FROM overrides WHERE target_kind = 'mention' ORDER BY k, field",
          )
          .all(),
      ).toEqual(
        [
          { k: rosa, field: 'complaint', value: '0' },
          { k: rosa, field: 'handling', value: 'phone' },
          { k: rosa, field: 'sentiment', value: '0' },
          { k: pepe, field: 'insult', value: '1' },
          { k: pepe, field: 'sentiment', value: '-1' },
        ].sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)),
      );
      expect(count(db, 'SELECT count(*) AS n FROM overrides WHERE target_key = ?', luis)).toBe(0);
      expect(orphans(db)).toBe(0);
      // the response rollups count the marked complaint as the writer adds it: as a rebuild does
      const written = responseCells(db);
      rebuildResponseRollups(db, 'UTC');
      expect(responseCells(db)).toEqual(written);
      expect(
        count(
          db,
          "SELECT coalesce(sum(mentions), 0) AS n FROM rollup_response WHERE grain = 'day' AND state = 'handled'",
        ),
      ).toBe(1);
      expectStoreConsistent(db);
      // and the same file once more changes nothing
      expect(await importFiles(importDeps(db, LATER), [FILE])).toMatchObject({
        imported: 0,
        duplicates: 4,
      });
      expect(db.prepare(ANALYSIS).get(pepe)).toMatchObject({ sentiment: -1, insult: 1 });
    } finally {
      ws.close();
    }
  });
});
