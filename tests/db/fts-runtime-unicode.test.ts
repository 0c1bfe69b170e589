import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ftsQueryFor, toFtsQuery } from '../../main/core/db/mentions-query';

/**
 * The separators of the index were listed from Node 22's Unicode tables; Electron's can be
 * older. A code point this runtime has unassigned but the index splits at stands for a mark
 * added in a Unicode newer than the runtime's: U+0378 (unassigned in every version so far)
 * made a separator of a small index with the workspace's tokenizer.
 */
describe('a search on a character the runtime does not know', () => {
  let db: Database.Database | null = null;
  afterEach(() => db?.close());

  it('falls back to splitting there instead of failing as a phrase', () => {
    db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE mentions_fts USING fts5 (text, title, detail = none, columnsize = 0,
      tokenize = "unicode61 remove_diacritics 2 separators '\u0378'")`);
    db.prepare('INSERT INTO mentions_fts (rowid, text, title) VALUES (1, ?, NULL)').run(
      'acme\u0378zz',
    );
    const loose = toFtsQuery('acme\u0378zz');
    expect(loose).toBe('"acme\u0378zz"');
    // What the search ran before: the index refuses the quoted word as a phrase.
    expect(() =>
      db!.prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?').all(loose),
    ).toThrow(/phrase queries are not supported/);
    const q = ftsQueryFor(db, 'acme\u0378zz');
    expect(q).toBe('"acme" AND "zz"');
    expect(db.prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?').all(q)).toEqual([
      { rowid: 1 },
    ]);
    // A query the index takes as it is costs no second split; ASCII is not even tried.
    expect(ftsQueryFor(db, 'acme zz')).toBe('"acme" AND "zz"');
    expect(ftsQueryFor(db, 'añejo')).toBe('"añejo"');
  });
});
