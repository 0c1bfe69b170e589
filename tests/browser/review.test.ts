/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, OUTPUT, type DemoSession } from './harness';

describe('review suggestions in the browser', () => {
  let demo: DemoSession;
  let page: Page;
  beforeAll(async () => {
    demo = await openDemo('en-GB');
    page = demo.page;
  });
  afterAll(() => demo?.close());

  it('proposes the least sure mentions, labels them from the keyboard, and does not propose them again', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('review-open').click();
    const panel = page.getByTestId('review-panel');
    const item = panel.getByTestId('review-item');
    await item.waitFor();
    // The demo's posts come from templates: copies of one are not suggested twice, so fewer than 50.
    const total = Number(
      /^Suggestion 1 of (\d+)$/.exec(await panel.getByTestId('review-progress').innerText())?.[1],
    );
    expect(total).toBeGreaterThanOrEqual(5);
    expect(total).toBeLessThanOrEqual(50);
    expect(await panel.getByTestId('review-reading').innerText()).toMatch(
      /^Atalaya reads this as (negative|neutral|positive) \(\d+\s?%\), but it could be (negative|neutral|positive) \(\d+\s?%\)\.$/,
    );
    // The card has the focus: Enter confirms the reading shown, 3 sets positive, S skips.
    const ids: string[] = [];
    const idNow = async () => (await item.getAttribute('data-mention-id')) ?? '';
    ids.push(await idNow());
    await page.keyboard.press('Enter');
    await panel.getByText(`Suggestion 2 of ${total}`).waitFor();
    ids.push(await idNow());
    expect(ids[1]).not.toBe(ids[0]);
    await page.keyboard.press('3');
    await panel.getByText(`Suggestion 3 of ${total}`).waitFor();
    expect(await panel.getByTestId('review-status').innerText()).toBe(
      '2 labelled in this review. Atalaya starts adjusting to your labels once there are 20 (so far 2).',
    );
    const skipped = await idNow();
    await page.keyboard.press('s');
    await panel.getByText(`Suggestion 4 of ${total}`).waitFor();
    ids.push(await idNow());
    // The buttons do the same as the keys, and say which one confirms.
    await panel.getByRole('button', { name: /: confirm/ }).click();
    await panel.getByText(`Suggestion 5 of ${total}`).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'review-suggestions.png'), fullPage: true });
    // The same panel in Spanish.
    await page.getByTestId('language').first().selectOption('es');
    await panel.getByRole('heading', { name: 'Sugerencias para revisar' }).waitFor();
    expect(await panel.getByTestId('review-reading').innerText()).toMatch(
      /^Atalaya lo lee como (negativo|neutro|positivo) \(\d+\s?%\), pero podría ser (negativo|neutro|positivo) \(\d+\s?%\)\.$/,
    );
    expect(await panel.getByRole('button', { name: /: confirmar/ }).count()).toBe(1);
    // channels by their names in the UI language, not their ids ('twitter', 'reviews')
    const channelIds = /· (twitter|reviews|facebook|instagram|news|blog|forum|other) ·/;
    expect(await panel.innerText()).not.toMatch(channelIds);
    const rows = (await page.getByTestId('mention-row').allInnerTexts()).join('\n');
    expect(rows).not.toMatch(channelIds);
    expect(rows).toContain('· X (Twitter) ·');
    await page.screenshot({ path: join(OUTPUT, 'review-suggestions-es.png'), fullPage: true });
    await page.getByTestId('language').first().selectOption('en');
    // A new batch leaves out what was labelled (confirmed or changed); the skipped one stays.
    await panel.getByRole('button', { name: 'Close the review' }).click();
    await page.getByTestId('review-open').click();
    await item.waitFor();
    const again = await page.evaluate(async () => {
      const r = await fetch('/api/call/mentions.review', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ limit: 100 }),
      });
      return (await r.json()) as unknown;
    });
    const r = again as {
      ok: boolean;
      value: { items: Array<{ mention: { id: number } }>; reviewed: number };
    };
    expect(r.ok).toBe(true);
    expect(r.value.reviewed).toBe(3);
    const suggested = r.value.items.map((i) => String(i.mention.id));
    for (const id of ids) expect(suggested).not.toContain(id);
    expect(suggested).toContain(skipped);
    // Escape closes the review, as it closes an open mention
    await item.focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByTestId('review-open').count()).toBe(1);
    expect(demo.errors).toEqual([]);
  });
});
