import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../main/core/db/batches-repo';
import { SCHEMA_VERSION } from '../../main/core/db/migrate';
import { searchMentions, toFtsQuery } from '../../main/core/db/mentions-query';
import { openWorkspaceFile, type Db } from '../../main/core/db/workspace-file';
import { importFiles } from '../../main/core/sources/import-runner';
import { expectStoreConsistent, importDeps } from '../helpers/store-checks';
import { tempDir, workspaceFileAt, type TempDir } from '../helpers/workspace';

const T = Date.UTC(2026, 11, 1, 9, 0, 0);

/** Posts whose brand name has an emoji glued to it, and a few that must keep their words. */
const POSTS: Array<[id: string, text: string]> = [
  ['rage', 'acme🤬 nunca más'], // U+1F92C, Unicode 10: unassigned to unicode61
  ['plead', '🥺acme por favor'], // U+1F97A
  ['melt', 'acme🫠🫠 otra vez'], // U+1FAE0, twice
  ['tone', 'gracias acme👍🏽'], // 👍 a separator already, then a skin tone (U+1F3FD)
  ['heart', 'acme🫶🏽 siempre'], // U+1FAF6 + skin tone: both unassigned to unicode61
  ['zwj', 'acme👩‍💻 soporte'], // ZWJ sequence
  ['flag', 'acme🇪🇸 llega'], // regional indicators
  ['info', 'acmeℹ️ horario'], // U+2139 + VS16: a letter to Unicode, an emoji to the list
  ['word', 'añejo y acmeteam'], // letters stay words: añejo, acmeteam
  ['taile', 'xᦰy'], // New Tai Lue vowel sign: a letter to Node, a mark to unicode61
  ['rub', 'pagué 100₽ y 5₿ ayer'], // ruble sign U+20BD (Unicode 7), bitcoin sign U+20BF (10)
  ['arrow', 'acme⮕ tienda'], // U+2B95 (Unicode 8), an arrow of the 2B00 block
  ['block', '🬀acme🞄'], // U+1FB00 (Unicode 13), U+1F784 (Unicode 7): symbols, not emoji
  ['isolate', '\u2068acme\u2069 dice'], // a name between bidi isolates (Unicode 6.3)
  ['mark', 'acme\u0c00 telugu'], // a combining mark encoded after 6.1 (U+0C00, Unicode 7)
];

function writeCsv(path: string, rows: Array<[string, string]>, minute = 0): string {
  const at = (i: number) => new Date(T - 86_400_000 + (minute + i) * 60_000).toISOString();
  const lines = rows.map(([id, text], i) => `${id},${at(i)},user${i},"${text}"`);
  writeFileSync(path, `id,date,author,text\n${lines.join('\n')}\n`);
  return path;
}

/** Every match of the Mentions search, as ids of the CSV, paging as the list does. */
function found(db: Db, q: string): string[] {
  const key = db.prepare('SELECT natural_key FROM mentions WHERE id = ?').pluck();
  const ids: string[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const page = searchMentions(db, { q }, { beforeId, limit: 1000 });
    ids.push(...page.items.map((i) => (key.get(i.id) as string).replace(/^other:/, '')));
    if (page.nextBeforeId === null) return ids.sort();
    beforeId = page.nextBeforeId;
  }
}

const GLUED = [
  'arrow',
  'block',
  'flag',
  'heart',
  'info',
  'isolate',
  'mark',
  'melt',
  'plead',
  'rage',
  'tone',
  'zwj',
];

function expectEmojiSplit(db: Db): void {
  expect(found(db, 'acme')).toEqual(GLUED);
  expect(found(db, 'acme🤬')).toEqual(GLUED); // typed with the emoji: the same word
  expect(found(db, 'nunca')).toEqual(['rage']);
  expect(found(db, 'acme🫠🫠 otra')).toEqual(['melt']);
  expect(found(db, 'acme*')).toEqual([...GLUED, 'word'].sort());
  expect(found(db, 'anejo')).toEqual(['word']); // diacritics still folded, one word
  expect(found(db, 'añejo')).toEqual(['word']);
  expect(found(db, 'ejo')).toEqual([]);
  expect(found(db, 'acmeteam')).toEqual(['word']);
  expect(found(db, 'xᦰy')).toEqual(['taile']); // no phrase query (detail = none refuses them)
  expect(found(db, '100')).toEqual(['rub']);
  expect(found(db, '100₽')).toEqual(['rub']);
  expect(found(db, '5')).toEqual(['rub']);
  expect(found(db, 'acme⮕')).toEqual(GLUED);
  expect(found(db, 'tienda')).toEqual(['arrow']);
  expect(found(db, 'dice')).toEqual(['isolate']);
  expect(found(db, 'telugu')).toEqual(['mark']);
}

/** The code points the migration made separators, read back from the table's definition. */
function separators(db: Db): number[] {
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'mentions_fts'")
    .pluck()
    .get() as string;
  const list = /separators ''([^']*)''/u.exec(sql)?.[1] ?? '';
  return [...list.replace(/\s/gu, '')].map((c) => c.codePointAt(0) as number).sort((a, b) => a - b);
}

/** The tokenize clause of mentions_fts, as written in the schema (quotes doubled). */
function tokenizeClause(db: Db): string {
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'mentions_fts'")
    .pluck()
    .get() as string;
  return /tokenize = '((?:[^']|'')*)'/u.exec(sql)?.[1] ?? '';
}

/**
 * Code points to check one by one: all of planes 0, 1 and 14 (every script, symbol and emoji
 * block, and the tags and variation selectors), the last two of each plane, and every 61st of
 * the others (CJK ideographs, unassigned and private use: no block there is shorter than 222).
 * Surrogates aside. The whole range took ~5 s, too slow for the suite.
 */
function sampledCodePoints(): number[] {
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const plane = cp >> 16;
    if (plane <= 1 || plane === 14 || cp % 61 === 0 || (cp & 0xfffe) === 0xfffe) out.push(cp);
  }
  return out;
}

/** An FTS5 table with the given tokenize clause, holding each text under its rowid. */
function probe(tokenize: string, rows: Array<[rowid: number, text: string]>): Database.Database {
  const mem = new Database(':memory:');
  mem.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = '${tokenize}', detail = none)`);
  const add = mem.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
  mem.transaction(() => rows.forEach(([id, text]) => add.run(id, text)))();
  return mem;
}

const matching = (mem: Database.Database, q: string): Set<number> =>
  new Set(mem.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck().all(q) as number[]);

/** Emoji code points (not ASCII) per Node's tables, in order. */
function emojiCodePoints(): number[] {
  const emoji = /[\p{Extended_Pictographic}\p{Emoji_Component}]/u;
  const out: number[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp < 0xd800 || cp > 0xdfff) if (emoji.test(String.fromCodePoint(cp))) out.push(cp);
  }
  return out;
}

describe('full-text search of words with emoji glued to them (migration 0016)', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('finds the brand name next to newer emoji, skin tones, ZWJ sequences and flags', async () => {
    const db = workspaceFileAt(tmp.path('new.atalaya'), SCHEMA_VERSION);
    try {
      const r = await importFiles(importDeps(db, T), [writeCsv(tmp.path('posts.csv'), POSTS)]);
      expect(r.files[0]?.imported).toBe(POSTS.length);
      expectEmojiSplit(db);
      expectStoreConsistent(db);
    } finally {
      db.close();
    }
  });

  it('splits a word at every emoji code point, and the query agrees', async () => {
    const all = emojiCodePoints();
    expect(all.length).toBeGreaterThan(2900); // 2,978 in Node 22 (Unicode 17)
    const db = workspaceFileAt(tmp.path('all.atalaya'), SCHEMA_VERSION);
    try {
      const rows = all.map((cp): [string, string] => [
        cp.toString(16),
        `acme${String.fromCodePoint(cp)}zz`,
      ]);
      const r = await importFiles(importDeps(db, T), [writeCsv(tmp.path('all.csv'), rows)]);
      expect(r.files[0]?.imported).toBe(rows.length);
      const ids = rows.map(([id]) => id).sort();
      const missed = (q: string) => {
        const hits = new Set(found(db, q));
        return ids.filter((id) => !hits.has(id));
      };
      expect(missed('acme')).toEqual([]);
      expect(missed('zz')).toEqual([]);
      for (const [, text] of rows) expect(toFtsQuery(text)).toBe('"acme" AND "zz"');
      expectStoreConsistent(db);
    } finally {
      db.close();
    }
  });

  it('lists exactly what unicode61 alone keeps inside words and the query splits', () => {
    // the check that found the list: index 'a' + cp + 'b' with the tokenizer 0014 used
    const all = sampledCodePoints();
    const text = (cp: number) => `a${String.fromCodePoint(cp)}b`;
    const plain = probe(
      'unicode61 remove_diacritics 2',
      all.map((cp) => [cp, text(cp)]),
    );
    try {
      const split = matching(plain, 'a');
      const kept = all.filter((cp) => !split.has(cp));
      const expected = kept.filter((cp) => toFtsQuery(text(cp)) === '"a" AND "b"');
      expect(expected).toContain(0x1f92c); // 🤬
      expect(expected).toContain(0x20bd); // ₽
      expect(expected).toContain(0x0c00); // a newer combining mark
      expect(expected).not.toContain(0x1f600); // 😀 was in Unicode 6.1: a separator already
      expect(expected).not.toContain(0x0301); // a diacritic: FTS5 keeps it inside words
      expect(kept).toContain(0xe000); // private use and unassigned: kept inside words ...
      const unassigned = all.find((cp) => cp > 0x50000) as number; // plane 5: nothing there
      expect(kept).toContain(unassigned);
      expect(toFtsQuery(text(0xe000))).toBe(`"${text(0xe000)}"`); // ... by the query too
      expect(toFtsQuery(text(unassigned))).toBe(`"${text(unassigned)}"`);
      expect(expected).toHaveLength(5725);

      const db = workspaceFileAt(tmp.path('list.atalaya'), SCHEMA_VERSION);
      try {
        expect(separators(db)).toEqual(expected);
      } finally {
        db.close();
      }
    } finally {
      plain.close();
    }
  });

  it('splits every code point where toFtsQuery splits it, and nowhere else', () => {
    const db = workspaceFileAt(tmp.path('agree.atalaya'), SCHEMA_VERSION);
    const tokenize = tokenizeClause(db);
    db.close();
    expect(tokenize).toContain('separators');
    // as stored texts usually are, and as toFtsQuery reads what is typed: NFC
    const rows = sampledCodePoints().map((cp): [number, string] => [
      cp,
      `acme${String.fromCodePoint(cp)}zz`.normalize('NFC'),
    ]);
    expect(rows.length).toBeGreaterThan(200_000);
    const mem = probe(tokenize, rows);
    try {
      const acme = matching(mem, '"acme"');
      const zz = matching(mem, '"zz"');
      const disagree: string[] = [];
      for (const [cp, text] of rows) {
        const q = toFtsQuery(text);
        const split = acme.has(cp) && zz.has(cp);
        const whole = !acme.has(cp) && !zz.has(cp);
        if (
          split
            ? q === '"acme" AND "zz"'
            : whole
              ? q === `"${text}"`
              : q && matching(mem, q).has(cp)
        )
          continue;
        disagree.push(`${cp.toString(16)} index ${split ? 'splits' : 'keeps'}, query ${q}`);
      }
      expect(disagree).toEqual([]);
      expect(acme.has(0x20bd) && acme.has(0x1f92c) && !acme.has(0xe000)).toBe(true);
    } finally {
      mem.close();
    }
  });

  it('a workspace of the previous version finds them once migrated, and stays in step', async () => {
    const path = tmp.path('old.atalaya');
    const old = workspaceFileAt(path, 15);
    await importFiles(importDeps(old, T), [writeCsv(tmp.path('posts.csv'), POSTS)]);
    expect(found(old, 'acme')).toEqual(['flag', 'tone', 'zwj']); // what the old index found
    expect(found(old, 'anejo')).toEqual(['word']);
    expect(found(old, '100')).toEqual([]); // "100₽" was one word
    old.close();

    const ws = openWorkspaceFile(path);
    try {
      const db = ws.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(16);
      expectEmojiSplit(db);
      // FTS5's own defaults again for later writes (the rebuild's settings were temporary)
      expect(
        db
          .prepare(
            "SELECT k, v FROM mentions_fts_config WHERE k IN ('hashsize', 'automerge') ORDER BY k",
          )
          .all(),
      ).toEqual([
        { k: 'automerge', v: 4 },
        { k: 'hashsize', v: 1048576 },
      ]);
      expectStoreConsistent(db);

      // a later import and its undo keep the index in step with the mentions
      const later = writeCsv(tmp.path('later.csv'), [['late', '🥹acme🥹 de nuevo']], 60);
      const r = await importFiles(importDeps(db, T), [later]);
      expect(found(db, 'acme')).toEqual([...GLUED, 'late'].sort());
      expectStoreConsistent(db);
      undoBatch(db, r.files[0]?.batchId as number, 'UTC', T);
      expect(found(db, 'acme')).toEqual(GLUED);
      expectStoreConsistent(db);
    } finally {
      ws.close();
    }
  });
});
