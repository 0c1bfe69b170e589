import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { CORRECTED } from '../helpers/restaurant-corrections';
import { tempDir, type TempDir } from '../helpers/workspace';

const FRESH = 'Menudo chuletón, una bestialidad';

describe('review (CLI)', () => {
  let tmp: TempDir;
  let ws: string;
  beforeEach(async () => {
    tmp = tempDir();
    ws = tmp.path('r.atalaya');
    await cli(['workspace', 'create', ws, '--brand', 'Casa Pepe']);
    const rows = [...CORRECTED.map(([t]) => t), FRESH].map((text, i) =>
      JSON.stringify({
        id: `r${i}`,
        date: `2026-01-05T10:${String(i).padStart(2, '0')}:00Z`,
        text,
      }),
    );
    writeFileSync(tmp.path('in.jsonl'), rows.join('\n'));
    expect((await cli(['import', tmp.path('in.jsonl'), '--workspace', ws])).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());

  const stored = (text: string): number => {
    const db = new Database(ws, { readonly: true });
    try {
      return (
        db.prepare('SELECT sentiment FROM mentions WHERE text = ?').get(text) as {
          sentiment: number;
        }
      ).sentiment;
    } finally {
      db.close();
    }
  };

  it('lists suggestions, stores labels, and stored verdicts follow the retrained model', async () => {
    const listed = await cli(['review', '--workspace', ws, '--limit', '5', '--json']);
    expect(listed.code).toBe(0);
    const out = JSON.parse(listed.stdout) as {
      items: Array<{ id: number; margin: number; probabilities: number[]; text: string }>;
      reviewed: number;
    };
    expect(out.reviewed).toBe(0);
    expect(out.items).toHaveLength(5);
    expect(out.items.map((i) => i.margin)).toEqual(
      out.items.map((i) => i.margin).sort((a, b) => a - b),
    );
    const db = new Database(ws, { readonly: true });
    const idOf = (t: string) =>
      (db.prepare('SELECT id FROM mentions WHERE text = ?').get(t) as { id: number }).id;
    const labels = CORRECTED.map(
      ([t, y]) => `${idOf(t)}=${['negative', 'neutral', 'positive'][y + 1]}`,
    );
    db.close();
    expect(stored(FRESH)).toBe(0);
    const labelled = await cli([
      'review',
      '--workspace',
      ws,
      ...labels.flatMap((l) => ['--label', l]),
      '--json',
    ]);
    expect(labelled.code).toBe(0);
    expect(JSON.parse(labelled.stdout)).toMatchObject({
      labelled: CORRECTED.length,
      corrections: CORRECTED.length,
    });
    // The fresh review of the same kind is read as praise now; it is the only one left to review.
    expect(stored(FRESH)).toBe(1);
    const left = JSON.parse((await cli(['review', '--workspace', ws, '--json'])).stdout) as {
      items: Array<{ text: string }>;
      reviewed: number;
    };
    expect(left.reviewed).toBe(CORRECTED.length);
    expect(left.items.map((i) => i.text)).toEqual([FRESH]);
  });

  it('refuses bad usage with exit 2 and an unknown mention with exit 1', async () => {
    expect((await cli(['review', '--workspace', ws, '--label', '3=great'])).code).toBe(2);
    expect((await cli(['review', '--workspace', ws, '--limit', '0'])).code).toBe(2);
    const missing = await cli(['review', '--workspace', ws, '--label', '999999=positive']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/999999/);
  });
});
