/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

/** Non-background pixels in a canvas: proof that chart.js drew something. */
async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; data && i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
}

describe('the Responses page on the demo workspace', () => {
  const demo = useDemo('en-GB');
  const page = demo.page;

  it('shows KPIs against the previous period, the distribution chart, reach bias and the tone audit', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-responses').click();
    await page.getByTestId('kpi-rate').waitFor();
    expect(await page.getByTestId('kpi-rate').innerText()).toMatch(/\d+ %/);
    await page.getByTestId('chart-response-times').waitFor();
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'chart-response-times')).toBeGreaterThan(500);
    expect(await page.getByTestId('reach-bias').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('audit-summary').innerText()).toMatch(/\d+ replies audited/);
    await page.screenshot({ path: join(OUTPUT, 'responses-demo.png'), fullPage: true });
    await page.screenshot({ path: join(OUTPUT, 'responses-demo-top.png') });
  });

  it('marks a complaint as handled by phone, takes it off the queue, and undoes it', async () => {
    const items = page.getByTestId('queue-item');
    await items.first().waitFor();
    // the complaint's own text identifies it (the queue shows at most 200)
    const text = (await items.first().locator('div').first().innerText()).trim();
    const inQueue = async () =>
      (await items.locator('div').allInnerTexts()).some((t) => t.trim() === text);
    const ofN = () => page.getByTestId('kpi-rate').locator('xpath=..').innerText();
    const before = await ofN();
    await items.first().getByRole('textbox').fill('Called back, refund confirmed');
    await items.first().getByTestId('mark-phone').click();
    await page.getByTestId('mark-status').waitFor();
    await expect.poll(inQueue).toBe(false);
    await expect.poll(ofN).toMatch(/1 handled by phone\/DM\/email/);
    await page.getByTestId('mark-undo').click();
    await expect.poll(inQueue).toBe(true);
    await expect.poll(ofN).toBe(before);
  });

  it('logged no script errors', () => {
    expect(demo.errors.join('\n')).toBe('');
  });
});
