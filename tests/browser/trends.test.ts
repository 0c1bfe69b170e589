/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

/** Page coordinates of a pixel of `rgb` in a canvas (a bar of that colour), or null. */
async function pixelOf(page: Page, testId: string, rgb: [number, number, number]) {
  const canvas = page.getByTestId(testId);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = await canvas.evaluate((el, c) => {
    const cv = el as HTMLCanvasElement;
    const ctx = cv.getContext('2d');
    if (!ctx) return null;
    const { width, height } = cv;
    const data = ctx.getImageData(0, 0, width, height).data;
    // The column with most pixels of the colour is the middle of its tallest bar (never the
    // legend's small swatch); click the middle of that run.
    const match = (i: number): boolean =>
      Math.abs((data[i] ?? 0) - c[0]) < 8 &&
      Math.abs((data[i + 1] ?? 0) - c[1]) < 8 &&
      Math.abs((data[i + 2] ?? 0) - c[2]) < 8;
    let best = { x: -1, n: 0, ys: 0 };
    for (let x = 0; x < width; x++) {
      let n = 0;
      let ys = 0;
      for (let y = 0; y < height; y++)
        if (match((y * width + x) * 4)) {
          n++;
          ys += y;
        }
      if (n > best.n) best = { x, n, ys };
    }
    if (best.n > 0) {
      const sx = width / cv.clientWidth;
      return { x: best.x / sx, y: best.ys / best.n / sx };
    }
    return null;
  }, rgb);
  return box && at ? { x: box.x + at.x, y: box.y + at.y } : null;
}

describe('trends in the browser (demo workspace)', () => {
  const demo = useDemo('en-GB', { width: 1280, height: 900 });
  const page = demo.page;

  it('shows labelled KPIs with their change, every figure, and emerging hashtags', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-overview').waitFor();
    await page.getByTestId('chart-volume').waitFor();
    for (const k of [
      'mentions',
      'netSentiment',
      'reputationIndex',
      'complaintShare',
      'unanswered',
      'firstResponse',
    ])
      await page.getByTestId(`kpi-${k}`).waitFor();
    await page.getByTestId('list-hashtags').waitFor();
    const kpis = await page.locator('.kpi-card').innerText();
    expect(kpis).toMatch(/Unanswered complaints/);
    expect(kpis).toMatch(/Median first response/);
    expect(kpis).toMatch(/RI = 100 × \(NSs \+ 1\)/); // the reputation formula is on screen
    expect(kpis).toMatch(/vs /);
    for (const id of ['chart-net', 'chart-channels', 'chart-topics'])
      await page.getByTestId(id).waitFor();
    expect(await page.getByTestId('list-hashtags').innerText()).toMatch(/#lumbretimo/i);
    // the demo has no star ratings: the empty note says where they come from
    expect(await page.getByTestId('figure-stars').innerText()).toMatch(
      /Google reviews or Trustpilot|Google o de Trustpilot/,
    );
    await page.screenshot({ path: join(OUTPUT, 'trends-overview.png'), fullPage: true });
  });

  it('compares with two chosen ranges', async () => {
    await page.getByTestId('compare').selectOption('custom');
    await page.getByTestId('compare-from').fill('2026-01-01');
    await page.getByTestId('compare-to').fill('2026-01-10');
    await expect
      .poll(() => page.getByTestId('period-line').innerText(), { timeout: 10_000 })
      .toMatch(/(1 Jan 2026|Jan 1, 2026) – (10 Jan 2026|Jan 10, 2026)/);
    await page.screenshot({ path: join(OUTPUT, 'trends-compare.png'), fullPage: true });
    await page.getByTestId('compare').selectOption('previous');
  });

  it('exports a figure as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-topics').getByRole('button', { name: /CSV/ }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('topic,complaints,negative,previous');
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
  });

  it('opens the mentions behind a negative bar, filtered to its day and sentiment', async () => {
    const red = await pixelOf(page, 'chart-volume', [0xd9, 0x2d, 0x20]);
    expect(red).not.toBeNull();
    await page.mouse.click(red!.x, red!.y);
    await page.waitForURL(/#\/mentions\?/);
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/fromDay=\d{4}-\d{2}-\d{2}/);
    expect(hash).toMatch(/sentiment=-1/);
    await page.getByTestId('mention-row').first().waitFor();
    expect(await page.getByTestId('filter-sentiment').inputValue()).toBe('-1');
    const dots = await page
      .locator('[data-testid="mention-row"] .dot')
      .evaluateAll((els) => els.map((e) => e.className));
    expect(dots.length).toBeGreaterThan(0);
    expect(dots.every((c) => c.includes('s-1'))).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'trends-clickthrough.png') });
  });

  it('combines filters with search, and says so when nothing matches', async () => {
    await page.goto(`${new URL(demo.url).origin}/#/mentions`);
    await page.getByTestId('mention-row').first().waitFor();
    await page.getByTestId('filter-complaint').check();
    await page.getByTestId('filter-unanswered').check();
    await page.getByTestId('filter-lang').selectOption('es');
    await page.waitForURL(/lang=es/);
    await page.getByTestId('mention-row').first().waitFor();
    const chips = await page
      .locator('[data-testid="mention-row"]')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(chips.length).toBeGreaterThan(0);
    expect(chips.every((t) => /complaint|queja/i.test(t))).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'trends-mention-filters.png') });
    await page.getByTestId('search').fill('zzzzqqq');
    await page.getByTestId('mentions-empty').waitFor();
    expect(await page.getByTestId('mentions-empty').innerText()).toMatch(
      /No mention matches|Ninguna/,
    );
    await page.screenshot({ path: join(OUTPUT, 'trends-mentions-empty.png') });
    await page.getByTestId('mentions-empty').getByRole('button').click();
    await page.getByTestId('mention-row').first().waitFor();
  });

  it('logged no script errors', () => {
    expect(demo.errors).toEqual([]);
  });
});
