import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import {
  REVIEW_CANDIDATES,
  reviewSuggestions,
  type ReviewItem,
} from '../../main/core/db/review-query';
import { workspaceDeps } from '../helpers/workspace';

const ROWS: Array<[string, string]> = [
  ['ana', 'Excelente, maravilloso, me encanta todo, el mejor sitio'],
  ['luis', 'Horrible, pésimo, asqueroso, nunca más'],
  ['eva', 'Está bien, aunque tardaron un poco'],
  ['max', 'La habitación estaba bien'],
  ['zoe', 'El hotel está en el centro'],
  // The brand's own reply is never suggested, however unsure the engine is of it.
  ['acme', 'Está bien, gracias, aunque tardamos un poco'],
];

describe('mentions.review', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  async function review(limit?: number) {
    const r = await callMethod(env.deps, 'mentions.review', limit ? { limit } : {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { items: ReviewItem[]; reviewed: number; minimum: number };
  }

  it('suggests the hesitant customer mentions first, and never one whose sentiment the user set', async () => {
    const path = env.tmp.path('reviews.csv');
    writeFileSync(
      path,
      'date,text,author,channel,id\n' +
        ROWS.map(([a, t], i) => `2026-01-05 10:0${i},"${t}",${a},twitter,${i + 1}`).join('\n') +
        '\n',
    );
    const imported = await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    expect(imported).toMatchObject({ ok: true, value: { imported: ROWS.length } });
    const first = await review();
    expect(first.reviewed).toBe(0);
    expect(first.minimum).toBe(20);
    const texts = first.items.map((i) => i.mention.text);
    expect(texts).toHaveLength(5);
    expect(texts).not.toContain(ROWS[5]?.[1]);
    // Near a threshold first, the confident praise and the confident complaint last.
    expect(texts.slice(0, 2).sort()).toEqual(
      ['Está bien, aunque tardaron un poco', 'La habitación estaba bien'].sort(),
    );
    expect(texts.slice(3).sort()).toEqual([ROWS[0]?.[1], ROWS[1]?.[1]].sort());
    const margins = first.items.map((i) => i.suggestion.margin);
    expect(margins).toEqual([...margins].sort((a, b) => a - b));
    // Confirming the app's verdict is a label the user set: stored, and not suggested again.
    const top = first.items[0] as ReviewItem;
    const confirmed = await callMethod(env.deps, 'mentions.correct', {
      id: top.mention.id,
      sentiment: top.mention.sentiment as -1 | 0 | 1,
    });
    expect(confirmed).toMatchObject({ ok: true, value: { corrections: 1 } });
    const second = await review(2);
    expect(second.reviewed).toBe(1);
    expect(second.items).toHaveLength(2);
    expect(second.items.map((i) => i.mention.id)).not.toContain(top.mention.id);
    expect(second.items[0]?.mention.id).toBe(first.items[1]?.mention.id);
    // A change is a correction too.
    await callMethod(env.deps, 'mentions.correct', {
      id: second.items[0]?.mention.id ?? 0,
      sentiment: 1,
    });
    const third = await review();
    expect(third.reviewed).toBe(2);
    expect(third.items).toHaveLength(3);
  });

  it('takes its candidates from the newest mentions only (a bounded walk, not a sort of all)', async () => {
    const path = env.tmp.path('window.csv');
    // the hesitant post is the oldest; eight confident ones come after it
    const rows = [
      'Está bien, aunque tardaron un poco',
      ...Array.from({ length: 8 }, (_, i) =>
        i % 2 ? 'Horrible, pésimo, asqueroso, nunca más' : 'Excelente, maravilloso, me encanta',
      ),
    ];
    writeFileSync(
      path,
      'date,text,author,channel,id\n' +
        rows.map((t, i) => `2026-01-05 10:0${i},"${t}",u${i},twitter,w${i}`).join('\n') +
        '\n',
    );
    await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    const all = reviewSuggestions(env.db, 3).items.map((i) => i.mention.text);
    expect(all[0]).toBe(rows[0]);
    const newest = reviewSuggestions(env.db, 3, 8).items.map((i) => i.mention.text);
    expect(newest).not.toContain(rows[0]);
    expect(newest.length).toBeGreaterThan(0); // copies of one post count once
  });

  it('validates its input and says when there is nothing to review', async () => {
    expect(await callMethod(env.deps, 'mentions.review', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await callMethod(env.deps, 'mentions.review', { limit: 5, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await review()).toEqual({ items: [], reviewed: 0, minimum: 20 });
  });
  it('looks past a page of copies of one post to find different ones', async () => {
    // A campaign: thousands of copies of one hesitant post, nearer a threshold than anything else.
    const copy = 'Está bien, aunque tardaron un poco';
    const others = ['La habitación estaba bien', 'El hotel está en el centro'];
    const lines = [...Array.from({ length: REVIEW_CANDIDATES + 100 }, () => copy), ...others].map(
      (t, i) => `2026-01-05 10:00,"${t}",u${i},twitter,${i + 1}`,
    );
    const path = env.tmp.path('campaign.csv');
    writeFileSync(path, `date,text,author,channel,id\n${lines.join('\n')}\n`);
    await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    const texts = (await review()).items.map((i) => i.mention.text);
    expect(texts).toEqual([copy, ...others]);
  });
});
