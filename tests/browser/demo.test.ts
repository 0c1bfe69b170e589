/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, OUTPUT, type DemoSession } from './harness';

describe('the demo workspace in the browser', () => {
  let demo: DemoSession;
  let page: Page;
  beforeAll(async () => {
    demo = await openDemo('es-ES');
    page = demo.page;
  });
  afterAll(() => demo?.close());

  it('opens on a Today panel that says what needs attention, in Spanish', async () => {
    await page.goto(demo.url);
    await page.getByTestId('today').waitFor();
    expect(await page.getByTestId('today').innerText()).toMatch(/quejas siguen sin respuesta/);
    await page.getByTestId('chart-volume').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'demo-overview.png'), fullPage: true });
  });

  it('shows the crisis with its band, the people and the report download', async () => {
    await page.getByTestId('nav-crises').click();
    await page.getByTestId('episode').first().waitFor();
    expect(await page.getByTestId('episode').first().innerText()).toMatch(/#lumbretimo/);
    await page.getByTestId('chart-crises').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'demo-crises.png'), fullPage: true });
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people').waitFor();
    expect(await page.getByTestId('people').innerText()).toMatch(/Agitador/);
    await page.screenshot({ path: join(OUTPUT, 'demo-people.png') });
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-episodes').locator('button').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-episodes').locator('button').first().click(),
    ]);
    const path = await download.path();
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/Informe post-crisis · Viajes Lumbre/);
    expect(html).toMatch(/Manual LetsBonus/);
  });
});
