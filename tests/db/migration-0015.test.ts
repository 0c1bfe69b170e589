import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import { analysePeople } from '../../main/core/people/authors';
import { importFiles } from '../../main/core/sources/import-runner';
import { channelsOf, importBefore154272b } from '../helpers/legacy-import';
import { expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

const FIXTURES = join(__dirname, '../fixtures/importers');
// x.com links: imported before 154272b (other:<id>) and again after it (twitter:<id>)
const TWINS = join(FIXTURES, 'label-twins.csv');
// facebook.com links on some rows: imported before 154272b only, 0011 moves the linked rows
const MOVED = join(FIXTURES, 'label-moved.csv');
// a file of tweets naming luis_viaja, another person's file than MOVED's
const TWEETS = join(FIXTURES, 'tweets-scraped.csv');
const T = Date.UTC(2026, 10, 25, 9, 0, 0);
const LATER = T + 86_400_000;

/** The user's People labels as the app stores them (handlers/people.ts): by key. */
const labels = (db: Db): Record<string, string> =>
  Object.fromEntries(
    (
      db
        .prepare(
          "SELECT target_key AS k, value AS v FROM overrides WHERE target_kind = 'author' AND field = 'label'",
        )
        .all() as Array<{ k: string; v: string }>
    ).map((r) => [r.k, r.v]),
  );

describe('migration 0015 (author labels left on other by 0011 and 0012)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('carries the labels to the same handle on the network, keyed as the app keys them', async () => {
    const path = tmp.path('labels.atalaya');
    const old = workspaceFileAt(path, 10);
    await importBefore154272b(old, TWINS, T);
    await importBefore154272b(old, MOVED, T);
    await importFiles(importDeps(old, LATER), [TWINS, TWEETS]);
    analysePeople(old, LATER);
    // The user's labels, keyed as people.override keys them (JavaScript toLowerCase).
    const label = old.prepare(
      "INSERT INTO overrides (target_kind, target_key, field, value, created_at) VALUES ('author', ?, 'label', ?, ?)",
    );
    for (const [key, value] of [
      ['other:cliente1', 'agitator'],
      ['other:ángela', 'angry_customer'],
      ['other:marta', 'agitator'],
      ['twitter:marta', 'supporter'], // decided on the twin too: that one wins
      ['other:óscar', 'escalating'],
      ['other:élodie', 'agitator'],
      ['other:luis_viaja', 'agitator'],
    ])
      label.run(key, value, T);
    // 0011 moves MOVED's linked rows, cannot move TWINS' (their keys are taken); 0012 removes
    // TWINS' other copies. Neither leaves a label on the network authors.
    migrate(old, 14);
    expect(channelsOf(old)).toMatchObject({
      'twitter:t1': 'twitter',
      'facebook:f1': 'facebook',
      'other:f2': 'other',
      'facebook:f3': 'facebook',
      'other:f4': 'other',
    });
    expect(channelsOf(old)['other:t1']).toBeUndefined();
    expect(Object.keys(labels(old)).sort()).toEqual([
      'other:cliente1',
      'other:luis_viaja',
      'other:marta',
      'other:ángela',
      'other:élodie',
      'other:óscar',
      'twitter:marta',
    ]);
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15);
      expect(labels(db)).toEqual({
        // kept where the user set them
        'other:cliente1': 'agitator',
        'other:ángela': 'angry_customer',
        'other:marta': 'agitator',
        'other:óscar': 'escalating',
        'other:élodie': 'agitator',
        'other:luis_viaja': 'agitator',
        // 0012's removed copies: the twins' authors
        'twitter:cliente1': 'agitator',
        'twitter:ángela': 'angry_customer',
        'twitter:marta': 'supporter',
        // 0011's moved rows, all of Élodie's and one of Óscar's (his other row stays 'other')
        'facebook:élodie': 'agitator',
        'facebook:óscar': 'escalating',
        // no twitter:luis_viaja: his 'other' post is MOVED's, his tweets another file's
      });
      // People shows the network authors with the user's label
      analysePeople(db, LATER);
      const shown = db
        .prepare(
          "SELECT channel || ':' || handle AS a, label FROM authors WHERE channel <> 'other' AND posts > 0 ORDER BY 1",
        )
        .all() as Array<{ a: string; label: string }>;
      expect(Object.fromEntries(shown.map((r) => [r.a, r.label]))).toMatchObject({
        'twitter:Cliente1': 'agitator',
        'twitter:Ángela': 'angry_customer',
        'twitter:Marta': 'supporter',
        'facebook:Élodie': 'agitator',
        'facebook:Óscar': 'escalating',
      });
      expect(shown.find((r) => r.a === 'twitter:luis_viaja')?.label).not.toBe('agitator');
      expectStoreConsistent(db);
    } finally {
      ws.close();
    }
  });
});
